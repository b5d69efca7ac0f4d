<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BehindDialog</name>
    <message>
        <source>Open Pursuit</source>
        <translation>打开项目</translation>
    </message>
</context>
<context>
    <name>BehindModel</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>成交日期</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Save as PNG Image…</source>
        <translation>另存为 PNG 图片…</translation>
    </message>
    <message>
        <source>Save as SVG Drawing…</source>
        <translation>另存为 SVG 矢量图…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Period: {0}</source>
        <translation>期间：{0}</translation>
    </message>
    <message>
        <source>Account: {0}</source>
        <translation>客户：{0}</translation>
    </message>
    <message>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <source>Rep: {0}</source>
        <translation>销售：{0}</translation>
    </message>
    <message>
        <source>Currency: {0}</source>
        <translation>币种：{0}</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>{0} files (*.{1})</source>
        <translation>{0} 文件 (*.{1})</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <source>Chart copied</source>
        <translation>图表已复制</translation>
    </message>
    <message>
        <source>Dashboard {0}.pdf</source>
        <translation>分析报告 {0}.pdf</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出分析报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>分析报告</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>No open pursuits match these filters.</source>
        <translation>没有符合筛选条件的在途项目。</translation>
    </message>
    <message>
        <source>Pursuits</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>No open pursuits are expected to close in the next 12 months.</source>
        <translation>未来 12 个月内没有预计成交的在途项目。</translation>
    </message>
    <message>
        <source>Total, unweighted</source>
        <translation>未加权合计</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Next 12 months: weighted {0} of {1}.</source>
        <translation>未来 12 个月：加权 {0}，未加权 {1}。</translation>
    </message>
    <message>
        <source>Past due: {0} open pursuits ({1}), hatched — update their expected close.</source>
        <translation>已逾期：{0} 个在途项目（{1}），以斜线表示——请更新预计成交日期。</translation>
    </message>
    <message>
        <source>later: {0} ({1})</source>
        <translation>12 个月以后 {0} 个（{1}）</translation>
    </message>
    <message>
        <source>no expected close: {0} ({1})</source>
        <translation>未填预计成交日期 {0} 个（{1}）</translation>
    </message>
    <message>
        <source>Not shown: {0}.</source>
        <translation>未显示：{0}。</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Nothing was closed in this period.</source>
        <translation>本期间内没有关闭的项目。</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Lost to</source>
        <translation>输给的竞争对手</translation>
    </message>
    <message>
        <source>Competitor not recorded</source>
        <translation>未记录对手</translation>
    </message>
    <message>
        <source>Why lost or abandoned</source>
        <translation>丢单与放弃原因</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>未填原因</translation>
    </message>
    <message>
        <source>Closed in the period, by quarter: amount won above the line, lost and abandoned below; the numbers count pursuits; the win rate is won ÷ (won + lost).</source>
        <translation>本期间内关闭的项目，按季度：横线以上为赢单金额，以下为丢单和放弃金额；数字为项目数；赢率 = 赢单 ÷（赢单 + 丢单）。</translation>
    </message>
    <message>
        <source>No losses in this period.</source>
        <translation>本期间内没有丢单。</translation>
    </message>
    <message>
        <source>{0}
{1} open pursuits
Amount {2}
Weighted {3} ({4}%)</source>
        <translation>{0}
在途项目 {1} 个
金额 {2}
加权金额 {3}（赢率 {4}%）</translation>
    </message>
    <message>
        <source>Weighted {0} of {1} · {2} pursuits</source>
        <translation>加权 {0}，未加权 {1} · {2} 个项目</translation>
    </message>
    <message>
        <source>Q{0} {1}
Won: {2} · {3}
Lost: {4} · {5}
Abandoned: {6} · {7}
Win rate {8}</source>
        <translation>{1} 年第 {0} 季度
赢单：{2} 个 · {3}
丢单：{4} 个 · {5}
放弃：{6} 个 · {7}
赢率 {8}</translation>
    </message>
    <message>
        <source>{0}
{1} pursuits · {2}</source>
        <translation>{0}
{1} 个项目 · {2}</translation>
    </message>
    <message>
        <source>{0}
Average {1} days · median {2} days
{3} stays</source>
        <translation>{0}
平均 {1} 天 · 中位数 {2} 天
共 {3} 次停留</translation>
    </message>
    <message>
        <source>{0}
Reached in the period: {1}
Went further: {2} · still open here: {3}</source>
        <translation>{0}
本期间内到达：{1} 个
继续推进：{2} 个 · 仍停留在此阶段：{3} 个</translation>
    </message>
    <message>
        <source>{0}
{1} of {2} closed pursuits that got here were won ({3})
90% range {4}–{5}
The forecast assumes {6}%</source>
        <translation>{0}
到达此阶段的 {2} 个已关闭项目中赢单 {1} 个（{3}）
90% 区间 {4}–{5}
预测假设赢率 {6}%</translation>
    </message>
    <message>
        <source>Other ({0})</source>
        <translation>其他（{0} 项）</translation>
    </message>
    <message>
        <source>Open now: {0} pursuits · {1} · weighted {2} (amount not yet received × the stage&apos;s win rate)</source>
        <translation>当前在途：{0} 个项目 · {1} · 加权 {2}（未回款金额 × 所在阶段赢率）</translation>
    </message>
    <message>
        <source>Won (collected)</source>
        <translation>赢单（已回款）</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>阶段停留天数</translation>
    </message>
    <message>
        <source>Went on to the next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>No stage was left in this period.</source>
        <translation>本期间内没有项目离开任何阶段。</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>No pursuit reached a stage in this period.</source>
        <translation>本期间内没有项目进入新阶段。</translation>
    </message>
    <message>
        <source>Days: average of the stays that ended in the period; │ marks the median. Next stage: of the pursuits that reached the stage in the period, the share that went further; those still open in the stage are left out.</source>
        <translation>天数：本期间内结束的阶段停留的平均天数，│ 为中位数。推进率：本期间内到达该阶段的项目中继续推进的比例；仍停留在该阶段的在途项目不计入。</translation>
    </message>
    <message>
        <source>Won pursuits took {0} days from the first stage to the win (n={1}).</source>
        <translation>赢单项目从第一阶段到赢单平均用时 {0} 天（n={1}）。</translation>
    </message>
    <message>
        <source>Only {0} pursuits were closed in this period: too few to check the win rates (at least {1} are needed). Choose a longer period or fewer filters.</source>
        <translation>本期间内只有 {0} 个已关闭的项目，不足以校验赢率（至少需要 {1} 个）。请选择更长的期间或减少筛选条件。</translation>
    </message>
    <message>
        <source>none closed from here</source>
        <translation>没有已关闭项目到达此阶段</translation>
    </message>
    <message>
        <source>{0} of {1} won: too few</source>
        <translation>{1} 个中赢 {0} 个：样本太少</translation>
    </message>
    <message>
        <source>{0} won vs {1}% · n={2}</source>
        <translation>实际 {0} · 预测 {1}% · n={2}</translation>
    </message>
    <message>
        <source>Won, actually</source>
        <translation>实际赢单比例</translation>
    </message>
    <message>
        <source>Win rate in the forecast</source>
        <translation>预测所用赢率</translation>
    </message>
    <message>
        <source>90% range</source>
        <translation>90% 区间</translation>
    </message>
    <message>
        <source>{0} pursuits closed in the period, {1} won. Each bar: of those that reached the stage, the share won.</source>
        <translation>本期间内关闭 {0} 个项目，赢单 {1} 个。每根横条：到达该阶段的项目中最终赢单的比例。</translation>
    </message>
    <message>
        <source>Biggest gap at {0}: won {1}, the forecast assumes {2}%.</source>
        <translation>差距最大的是 {0}：实际赢单 {1}，预测假设 {2}%。</translation>
    </message>
    <message>
        <source>Click to list these pursuits</source>
        <translation>点击列出这些项目</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Save or copy this chart</source>
        <translation>保存或复制此图表</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>导出分析报告…</translation>
    </message>
    <message>
        <source>Save every chart, with the filters, as one PDF (A4 landscape)</source>
        <translation>把全部图表连同筛选条件保存为一个 PDF（A4 横向）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No pursuits yet</source>
        <translation>还没有项目</translation>
    </message>
    <message>
        <source>The charts fill in by themselves as you add pursuits and move them through the stages: the funnel, the forecast, what was won and lost, how fast pursuits move, and whether the win rates hold true for you.</source>
        <translation>录入项目并推进阶段后，这里会自动生成图表：销售漏斗、成交预测、赢单与丢单、推进速度，以及各阶段赢率是否符合你的实际情况。</translation>
    </message>
    <message>
        <source>Go to the Board</source>
        <translation>去看板</translation>
    </message>
    <message>
        <source>The charts cannot be shown: the chart library failed to load. {0}</source>
        <translation>无法显示图表：图表组件加载失败。{0}</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Open pursuits now, by stage: amount, and weighted by the win rate</source>
        <translation>当前在途项目按阶段分布：金额，以及按赢率加权的金额</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>成交预测</translation>
    </message>
    <message>
        <source>Weighted amount of the open pursuits by expected close month</source>
        <translation>在途项目按预计成交月份的加权金额</translation>
    </message>
    <message>
        <source>Won and lost</source>
        <translation>赢单与丢单</translation>
    </message>
    <message>
        <source>Pursuits closed in the period, and who and what we lost to</source>
        <translation>本期间内关闭的项目，以及输给了谁、为什么输</translation>
    </message>
    <message>
        <source>Velocity and conversion</source>
        <translation>推进速度与转化率</translation>
    </message>
    <message>
        <source>How long pursuits stay in each stage, and how many go on</source>
        <translation>项目在各阶段停留多久，有多少推进到下一阶段</translation>
    </message>
    <message>
        <source>Win-rate check</source>
        <translation>赢率校准</translation>
    </message>
    <message>
        <source>Do pursuits that reach a stage win as often as its win rate says?</source>
        <translation>到达某阶段的项目，实际赢单比例是否与该阶段赢率相符？</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>The charts could not be updated: {0}</source>
        <translation>图表未能更新：{0}</translation>
    </message>
</context>
<context>
    <name>DashboardFilters</name>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The period applies to won and lost, velocity, conversion and the win-rate check. The funnel and the forecast always show the open pursuits as they are now.</source>
        <translation>期间用于赢单与丢单、推进速度与转化率、赢率校准。销售漏斗和成交预测始终显示当前的在途项目。</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Only pursuits with any of the chosen tags</source>
        <translation>只看带有任一所选标签的项目</translation>
    </message>
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
    <message>
        <source>Rep:</source>
        <translation>销售：</translation>
    </message>
    <message>
        <source>Amounts add up only within one currency</source>
        <translation>金额只能在同一币种内相加</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>All pursuits (no tag filter)</source>
        <translation>全部项目（不按标签筛选）</translation>
    </message>
    <message>
        <source>(no tags yet)</source>
        <translation>（还没有标签）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{0} tags</source>
        <translation>{0} 个标签</translation>
    </message>
</context>
<context>
    <name>DrillDown</name>
    <message>
        <source>{0} pursuits · {1}</source>
        <translation>{0} 个项目 · {1}</translation>
    </message>
    <message>
        <source>Open pursuits at {0}</source>
        <translation>处于 {0} 的在途项目</translation>
    </message>
    <message>
        <source>Open pursuits past their expected close</source>
        <translation>已过预计成交日期的在途项目</translation>
    </message>
    <message>
        <source>Open pursuits expected to close in {0}</source>
        <translation>预计 {0} 成交的在途项目</translation>
    </message>
    <message>
        <source>Won in Q{0} {1}</source>
        <translation>{1} 年第 {0} 季度赢单</translation>
    </message>
    <message>
        <source>Lost and abandoned in Q{0} {1}</source>
        <translation>{1} 年第 {0} 季度丢单与放弃</translation>
    </message>
    <message>
        <source>the others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>a competitor not recorded</source>
        <translation>未记录的对手</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未填写原因</translation>
    </message>
    <message>
        <source>Lost to {0}</source>
        <translation>输给 {0}</translation>
    </message>
    <message>
        <source>Lost or abandoned: {0}</source>
        <translation>丢单或放弃：{0}</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>Open pipeline</source>
        <translation>在途金额</translation>
    </message>
    <message>
        <source>Amount of the open pursuits (filters apply)</source>
        <translation>在途项目的金额（按筛选条件）</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Amount not yet received × the win rate of each pursuit&apos;s stage</source>
        <translation>未回款金额 × 各项目所在阶段的赢率</translation>
    </message>
    <message>
        <source>Next 12 months</source>
        <translation>未来 12 个月</translation>
    </message>
    <message>
        <source>Weighted amount of the open pursuits expected to close in 12 months</source>
        <translation>预计 12 个月内成交的在途项目的加权金额</translation>
    </message>
    <message>
        <source>Won in the period</source>
        <translation>期间赢单</translation>
    </message>
    <message>
        <source>Pursuits won in the period</source>
        <translation>本期间内赢单的项目</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Won ÷ (won + lost), pursuits closed in the period</source>
        <translation>赢单 ÷（赢单 + 丢单），按本期间内关闭的项目计算</translation>
    </message>
    <message>
        <source>Sales cycle</source>
        <translation>销售周期</translation>
    </message>
    <message>
        <source>Average days from the first stage to the win, pursuits won in the period whose stage history is recorded</source>
        <translation>本期间内赢单且有阶段记录的项目，从第一阶段到赢单的平均天数</translation>
    </message>
    <message>
        <source>{0} of the open amount</source>
        <translation>占在途金额 {0}</translation>
    </message>
    <message>
        <source>of {0}</source>
        <translation>未加权 {0}</translation>
    </message>
    <message>
        <source>{0} won · {1} lost</source>
        <translation>赢 {0} · 丢 {1}</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>{0} of {1} wins measured</source>
        <translation>{1} 个赢单中的 {0} 个</translation>
    </message>
    <message>
        <source>{0} won</source>
        <translation>{0} 个赢单</translation>
    </message>
</context>
</TS>