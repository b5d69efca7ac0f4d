<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardScreen</name>
    <message>
        <source>New pursuit</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation>显示已关闭</translation>
    </message>
    <message>
        <source>Fit columns</source>
        <translation>列宽自适应</translation>
    </message>
    <message>
        <source>Let the columns share the window&apos;s width (double-click a column gap)</source>
        <translation>让各列平分窗口宽度（也可双击两列之间的空隙）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>New pursuit (Ctrl+N)</source>
        <translation>新建项目（Ctrl+N）</translation>
    </message>
    <message>
        <source>Show collected, lost and abandoned pursuits on the board too</source>
        <translation>在看板上同时显示已回款、丢单和放弃的项目</translation>
    </message>
    <message>
        <source>Compact cards</source>
        <translation>紧凑卡片</translation>
    </message>
    <message>
        <source>Smaller cards without the signals row: more pursuits on a laptop screen</source>
        <translation>更小的卡片，不显示信号行：笔记本屏幕上能看到更多项目</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; of {1} pursuits</source>
        <translation>显示 &lt;b&gt;{0}&lt;/b&gt; / {1} 个项目</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; pursuit</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 个项目</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; pursuits</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 个项目</translation>
    </message>
    <message>
        <source>{0} · amount &lt;b&gt;{1}&lt;/b&gt; · weighted forecast &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>{0} · 金额 &lt;b&gt;{1}&lt;/b&gt; · 加权预测 &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Amount {0}; weighted forecast (Σ amount not yet received × win rate) {1}</source>
        <translation>金额 {0}；加权预测（Σ 未回款金额 × 赢率）为 {1}</translation>
    </message>
    <message>
        <source>{0} pursuits in other currencies are not in the sums.</source>
        <translation>另有 {0} 个其他币种的项目未计入合计。</translation>
    </message>
    <message>
        <source>Filters cleared to show the new pursuit &quot;{0}&quot;.</source>
        <translation>已清除筛选，以显示新建的「{0}」。</translation>
    </message>
    <message>
        <source>{0} — undo with Ctrl+Z</source>
        <translation>已{0} — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>New pursuit in this stage</source>
        <translation>在此阶段新建项目</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>移至阶段</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>退回上一阶段</translation>
    </message>
    <message>
        <source>Mark as {0}…</source>
        <translation>标记为{0}…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>永久清除…</translation>
    </message>
    <message>
        <source>Blank this pursuit for good, here and on every computer it syncs with</source>
        <translation>永久清空这个项目：本机和与之同步的每台电脑上都会清空</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>新建拜访…</translation>
    </message>
    <message>
        <source>Print visit plan…</source>
        <translation>打印拜访计划…</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>No next step</source>
        <translation>未安排下一步</translation>
    </message>
    <message>
        <source>Booked {0}</source>
        <translation>已安排 {0}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>{0}d</source>
        <translation>{0}天</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>阻碍</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>From: {0}</source>
        <translation>来自：{0}</translation>
    </message>
    <message>
        <source>Stage {0} · {1}</source>
        <translation>阶段 {0} · {1}</translation>
    </message>
    <message>
        <source>Amount {0} · weighted {1} ({2}%)</source>
        <translation>金额 {0} · 加权 {1}（赢率 {2}%）</translation>
    </message>
    <message>
        <source>Expected close: {0}</source>
        <translation>预计成交：{0}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#A85F00&apos;&gt;Rotting: {0} days untouched (limit {1})&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#A85F00&apos;&gt;停滞：已 {0} 天无跟进（上限 {1} 天）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{0} days untouched (limit {1})</source>
        <translation>已 {0} 天无跟进（上限 {1} 天）</translation>
    </message>
    <message>
        <source>{0} days in this stage</source>
        <translation>已在本阶段 {0} 天</translation>
    </message>
    <message>
        <source>Coaching points answered: {0} of {1}</source>
        <translation>辅导要点已回答 {0} / {1}</translation>
    </message>
    <message>
        <source>Next step: {0}</source>
        <translation>下一步：{0}</translation>
    </message>
    <message>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#D32F2F&apos;&gt;Blocking red flags: {0}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#D32F2F&apos;&gt;阻碍推进的风险提示：{0}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Red flags&lt;/b&gt; ({0} blocking, {1} advice)</source>
        <translation>&lt;b&gt;风险提示&lt;/b&gt;（{0} 项阻碍，{1} 项建议）</translation>
    </message>
    <message>
        <source>Edited on two machines: needs review</source>
        <translation>两台电脑上都改过：需要核对</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>New pursuit in this stage</source>
        <translation>在此阶段新建项目</translation>
    </message>
    <message>
        <source>Collapse this column</source>
        <translation>收起此列</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1} 个项目</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>赢率 {0}%</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Milestone: {0}</source>
        <translation>里程碑：{0}</translation>
    </message>
    <message>
        <source>Win rate {0}%</source>
        <translation>赢率 {0}%</translation>
    </message>
    <message>
        <source>&lt;i&gt;Steps&lt;/i&gt;</source>
        <translation>&lt;i&gt;步骤&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Coaching points&lt;/i&gt;</source>
        <translation>&lt;i&gt;辅导要点&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Find account, pursuit or person…</source>
        <translation>查找客户、项目或关键人…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Filters ({0})</source>
        <translation>筛选（{0}）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>from</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>to</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>e.g. 500,000 or 500k</source>
        <translation>如 50万 或 500,000</translation>
    </message>
    <message>
        <source>Stale only (longer in the stage than its limit)</source>
        <translation>只看停滞的（在本阶段超过时限）</translation>
    </message>
    <message>
        <source>Next step overdue only</source>
        <translation>只看下一步已逾期的</translation>
    </message>
    <message>
        <source>No tags yet: add them in a pursuit&apos;s dialog.</source>
        <translation>还没有标签：可在项目编辑窗口中添加。</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not an amount (e.g. 500,000 or 500k): not applied.</source>
        <translation>「{0}」不是金额（如 50万 或 500,000），未应用。</translation>
    </message>
    <message>
        <source>Reversed range: showing {0} – {1}.</source>
        <translation>范围填反了，已按 {0} – {1} 筛选。</translation>
    </message>
</context>
<context>
    <name>NoMatchNote</name>
    <message>
        <source>Change the search or the filters, or clear them to see every pursuit.</source>
        <translation>请修改搜索词或筛选条件，或清除筛选以查看全部项目。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No open pursuits</source>
        <translation>没有进行中的项目</translation>
    </message>
    <message>
        <source>Every pursuit is closed: collected, lost or abandoned.</source>
        <translation>所有项目都已结束：已回款、丢单或放弃。</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation>显示已关闭</translation>
    </message>
    <message>
        <source>No pursuits match &quot;{0}&quot;</source>
        <translation>没有符合「{0}」的项目</translation>
    </message>
    <message>
        <source>No pursuits match &quot;{0}&quot; and the filters</source>
        <translation>没有符合「{0}」及筛选条件的项目</translation>
    </message>
    <message>
        <source>No pursuits match the filters</source>
        <translation>没有符合筛选条件的项目</translation>
    </message>
</context>
<context>
    <name>RepChoice</name>
    <message>
        <source>Show the pursuits of one rep (the database they came from)</source>
        <translation>只看某位销售的项目（按项目来自哪个数据库）</translation>
    </message>
    <message>
        <source>Every rep</source>
        <translation>全部销售</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>WelcomeNote</name>
    <message>
        <source>Start with your first pursuit</source>
        <translation>从第一个项目开始</translation>
    </message>
    <message>
        <source>The eight columns are the stages of the method, each with its milestone and win rate. Add a pursuit you are working on and move it along as the customer reaches each milestone, or load demo data to see the board at work.</source>
        <translation>这八列是方法论的八个阶段，每列标有界限（里程碑）和赢率。添加一个正在跟进的项目，客户每达到一个界限就把它推进到下一阶段；也可以载入示例数据，看看看板如何使用。</translation>
    </message>
    <message>
        <source>New pursuit</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入示例数据</translation>
    </message>
</context>
</TS>
