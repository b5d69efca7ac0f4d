<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComparisonChart</name>
    <message>
        <source>Loading the chart…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Nothing to compare yet: add and score the buying criteria.</source>
        <translation>暂无可对比的数据：请先添加采购指标并打分。</translation>
    </message>
    <message>
        <source>Weighted score, % of maximum</source>
        <translation>加权得分（占满分的百分比）</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Scores by criterion, most important first</source>
        <translation>各指标得分（按重要性排序）</translation>
    </message>
</context>
<context>
    <name>CompetitorColumns</name>
    <message>
        <source>Profile of {0}…</source>
        <translation>{0}的档案…</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <source>Remove {0} from this pursuit</source>
        <translation>从本项目中移除{0}</translation>
    </message>
    <message>
        <source>Add competitor {0}</source>
        <translation>添加竞争对手{0}</translation>
    </message>
    <message>
        <source>{0} added. Score them in the new column.</source>
        <translation>已添加{0}，请在新的一列中为其打分。</translation>
    </message>
    <message>
        <source>Remove competitor {0}</source>
        <translation>移除竞争对手{0}</translation>
    </message>
    <message>
        <source>{0} removed from this pursuit. Edit ▸ Undo brings the column back.</source>
        <translation>已从本项目中移除{0}。可通过「编辑 ▸ 撤销」恢复这一列。</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>移动{0}</translation>
    </message>
</context>
<context>
    <name>CompetitorPickerDialog</name>
    <message>
        <source>Add a competitor</source>
        <translation>添加竞争对手</translation>
    </message>
    <message>
        <source>Find a competitor, or type a new name</source>
        <translation>查找竞争对手，或输入新名称</translation>
    </message>
    <message>
        <source>Start this pursuit&apos;s notes from the playbook</source>
        <translation>用打法手册预填本项目的对手档案</translation>
    </message>
    <message>
        <source>Add to this pursuit</source>
        <translation>加入本项目</translation>
    </message>
    <message>
        <source>Create &quot;{0}&quot;</source>
        <translation>新建「{0}」</translation>
    </message>
    <message>
        <source>Close to a competitor on the list: {0}. Pick it above unless this is another company.</source>
        <translation>与列表中的竞争对手名称相近：{0}。如果是同一家公司，请在上方选择它。</translation>
    </message>
    <message>
        <source>Already in this pursuit: {0}.</source>
        <translation>已在本项目中：{0}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&quot;{0}&quot;</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>{0}  ·  in {1} pursuits</source>
        <translation>{0}  ·  出现在 {1} 个项目中</translation>
    </message>
    <message>
        <source>Every competitor of the list is already in this pursuit.</source>
        <translation>列表中的竞争对手都已在本项目中。输入名称可新建。</translation>
    </message>
    <message>
        <source>No competitors yet. Type the name of the first one the customer is talking to, to add it.</source>
        <translation>还没有竞争对手。输入客户正在接触的第一家竞争对手的名称即可添加。</translation>
    </message>
    <message>
        <source>A new competitor. Its playbook starts empty and grows with what you learn in this and later pursuits.</source>
        <translation>新的竞争对手。它的打法手册从空白开始，随着本项目和以后项目的积累不断丰富。</translation>
    </message>
    <message>
        <source>Close to the name typed: is it the same company?</source>
        <translation>与输入的名称相近：是同一家公司吗？</translation>
    </message>
    <message>
        <source>It was in this pursuit before: its notes and scores come back.</source>
        <translation>该对手曾在本项目中出现过：原有的档案和评分会一并恢复。</translation>
    </message>
    <message>
        <source>Playbook from earlier pursuits:</source>
        <translation>以往项目积累的打法手册：</translation>
    </message>
    <message>
        <source>No playbook yet.</source>
        <translation>还没有打法手册。</translation>
    </message>
</context>
<context>
    <name>CompetitorPlaybook</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Usual solution</source>
        <translation>惯用方案</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>弱点</translation>
    </message>
    <message>
        <source>Labels that worked</source>
        <translation>用过的有效标签</translation>
    </message>
    <message>
        <source>Case stories</source>
        <translation>案例（恐怖事件）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CompetitorProfileDialog</name>
    <message>
        <source>In this pursuit</source>
        <translation>本项目中</translation>
    </message>
    <message>
        <source>Their solution and its weak spots</source>
        <translation>对手方案及其缺陷</translation>
    </message>
    <message>
        <source>Their solution</source>
        <translation>对手方案</translation>
    </message>
    <message>
        <source>What will they offer?</source>
        <translation>对手会给客户提供什么方案？</translation>
    </message>
    <message>
        <source>Flaws</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Where does it fall short?</source>
        <translation>方案的不足在哪里？</translation>
    </message>
    <message>
        <source>Harm to the customer</source>
        <translation>对客户的危害</translation>
    </message>
    <message>
        <source>What will those flaws cost the customer?</source>
        <translation>这些缺陷会给客户带来什么损失？</translation>
    </message>
    <message>
        <source>Label and story</source>
        <translation>标签与案例</translation>
    </message>
    <message>
        <source>Our label for it</source>
        <translation>给对手方案贴的标签</translation>
    </message>
    <message>
        <source>A short label that sticks, e.g. &quot;an expensive half-product&quot;</source>
        <translation>简短好记的标签，例如「昂贵的半成品」</translation>
    </message>
    <message>
        <source>Case story</source>
        <translation>真实案例</translation>
    </message>
    <message>
        <source>A real case that shows the harm (a horror story)</source>
        <translation>说明危害的真实案例（恐怖事件）</translation>
    </message>
    <message>
        <source>Our counter</source>
        <translation>我方应对（FAB）</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特点</translation>
    </message>
    <message>
        <source>What our solution has</source>
        <translation>我方方案有什么</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Why that beats theirs</source>
        <translation>为什么比对手强</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>益处</translation>
    </message>
    <message>
        <source>What the customer gains</source>
        <translation>客户能得到什么</translation>
    </message>
    <message>
        <source>Allies</source>
        <translation>同盟者</translation>
    </message>
    <message>
        <source>Who inside speaks for us?</source>
        <translation>客户内部谁为我们说话？</translation>
    </message>
    <message>
        <source>People in this pursuit: {0}</source>
        <translation>本项目的关键人：{0}</translation>
    </message>
    <message>
        <source>Add an ally by name…</source>
        <translation>按姓名添加同盟者…</translation>
    </message>
    <message>
        <source>Playbook · all pursuits ({0} others)</source>
        <translation>打法手册 · 所有项目（另有 {0} 个项目）</translation>
    </message>
    <message>
        <source>Playbook · all pursuits</source>
        <translation>打法手册 · 所有项目</translation>
    </message>
    <message>
        <source>What we know of them from every deal. It is offered when they show up in a new pursuit; add what this pursuit taught you.</source>
        <translation>我们从每个项目中积累的对手情报。对手出现在新项目时会自动推荐；把本项目的新认识补充进来。</translation>
    </message>
    <message>
        <source>← Use in this pursuit</source>
        <translation>← 用到本项目</translation>
    </message>
    <message>
        <source>Add these lines to this pursuit&apos;s notes</source>
        <translation>把这些内容添加到本项目的档案中</translation>
    </message>
    <message>
        <source>Add this pursuit&apos;s notes to the playbook</source>
        <translation>把本项目的认识补充到打法手册</translation>
    </message>
    <message>
        <source>Adds this pursuit&apos;s solution, flaws, label and case story to the playbook as new lines (lines already there are skipped).</source>
        <translation>把本项目中的对手方案、缺陷、标签和案例作为新的一行补充到打法手册（已有的内容不会重复添加）。</translation>
    </message>
    <message>
        <source>Changes are saved as you type; Ctrl+Z undoes them.</source>
        <translation>输入即自动保存；按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>{0} — competitor profile</source>
        <translation>{0} — 竞争对手档案</translation>
    </message>
    <message>
        <source>Edit {0}&apos;s notes</source>
        <translation>编辑{0}的档案</translation>
    </message>
    <message>
        <source>Edit {0}&apos;s playbook</source>
        <translation>编辑{0}的打法手册</translation>
    </message>
</context>
<context>
    <name>GridPaste</name>
    <message>
        <source>Paste {0} cells</source>
        <translation>粘贴 {0} 个单元格</translation>
    </message>
    <message>
        <source>Pasted {0} cells.</source>
        <translation>已粘贴 {0} 个单元格。</translation>
    </message>
    <message>
        <source>Added {0} criteria.</source>
        <translation>新增 {0} 个指标。</translation>
    </message>
    <message>
        <source>{0} columns beyond the grid were left out.</source>
        <translation>超出表格范围的 {0} 列未粘贴。</translation>
    </message>
    <message>
        <source>The class column is computed and was left as it is.</source>
        <translation>「指标类别」列为自动计算，保持不变。</translation>
    </message>
</context>
<context>
    <name>GridToolbar</name>
    <message>
        <source>Buying criteria</source>
        <translation>采购指标</translation>
    </message>
    <message>
        <source>Competitor profiles</source>
        <translation>对手档案</translation>
    </message>
    <message>
        <source>Their solution, flaws, the label we give it, our counter and allies</source>
        <translation>对手方案、缺陷、我们贴的标签、我方应对和同盟者</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Add a buying criterion below the current one</source>
        <translation>在当前指标下方添加一个采购指标</translation>
    </message>
    <message>
        <source>Delete criteria</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Delete the selected criteria (undo brings them back)</source>
        <translation>删除选中的指标（可撤销恢复）</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Rank the selected criteria higher</source>
        <translation>把选中的指标排得更靠前（更重要）</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Rank the selected criteria lower</source>
        <translation>把选中的指标排得更靠后</translation>
    </message>
    <message>
        <source>Add competitor…</source>
        <translation>添加竞争对手…</translation>
    </message>
    <message>
        <source>Add a competitor column: pick from the list or create one</source>
        <translation>添加一列竞争对手：从列表中选择，或新建</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Save the matrix, its summary and the competitors as an .xlsx workbook</source>
        <translation>把竞争矩阵、汇总和竞争对手档案保存为 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Show a chart comparing the vendors</source>
        <translation>显示各厂商对比图表</translation>
    </message>
</context>
<context>
    <name>IndicatorExport</name>
    <message>
        <source>Competitive matrix</source>
        <translation>竞争矩阵</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Weighted score</source>
        <translation>加权得分</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>指标类别</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>指标数</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Our label for it</source>
        <translation>我们贴的标签</translation>
    </message>
    <message>
        <source>Their solution</source>
        <translation>对手方案</translation>
    </message>
    <message>
        <source>Flaws</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Harm to the customer</source>
        <translation>对客户的危害</translation>
    </message>
    <message>
        <source>Case story</source>
        <translation>真实案例</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特点</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>益处</translation>
    </message>
    <message>
        <source>Allies</source>
        <translation>同盟者</translation>
    </message>
</context>
<context>
    <name>IndicatorGridModel</name>
    <message>
        <source>Suggested action: {0}</source>
        <translation>建议行动：{0}</translation>
    </message>
    <message>
        <source>Set by hand; the rule says {0}.</source>
        <translation>已人工判定；按规则应为「{0}」。</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>理由：{0}</translation>
    </message>
    <message>
        <source>A fatal criterion needs an action plan.</source>
        <translation>致命指标需要制定行动计划。</translation>
    </message>
    <message>
        <source>{0} on &quot;{1}&quot;: {2}</source>
        <translation>{0} 在「{1}」上的得分：{2}</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Edited on two computers: review this value (the newest edit is shown).</source>
        <translation>此值在两台电脑上被修改过，请核对（当前显示最新的修改）。</translation>
    </message>
    <message>
        <source>Rank {0} by importance. Drag to reorder, or Alt+↑ / Alt+↓.</source>
        <translation>重要性排第 {0} 位。拖动可调整顺序，也可按 Alt+↑ / Alt+↓。</translation>
    </message>
    <message>
        <source>Buying criterion</source>
        <translation>采购指标</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>指标内涵</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Us</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>指标类别</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>人工判定</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>判定理由</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <source>Label: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <source>Their score 1–5 on each criterion. Double-click for the competitor&apos;s profile; right-click to move or remove the column.</source>
        <translation>对手在各指标上的得分（1–5）。双击查看对手档案；右键可移动或移除此列。</translation>
    </message>
    <message>
        <source>What the customer will judge the vendors on (采购指标).</source>
        <translation>客户据以评判各厂商的标准（采购指标）。</translation>
    </message>
    <message>
        <source>What the criterion means to the customer, in their words.</source>
        <translation>这个指标对客户意味着什么，尽量用客户自己的话。</translation>
    </message>
    <message>
        <source>How much the customer weighs it: 1 (little) to 5 (decisive).</source>
        <translation>客户对它的重视程度：1（不太在意）到 5（决定性）。</translation>
    </message>
    <message>
        <source>Our score 1–5 on each criterion.</source>
        <translation>我方在各指标上的得分（1–5）。</translation>
    </message>
    <message>
        <source>Winning, sleeping, fatal or neutral: computed from the importance and the scores, unless set by hand.</source>
        <translation>优胜、沉睡、致命或中性：根据重要性和得分自动判定，也可人工判定。</translation>
    </message>
    <message>
        <source>Set the class by hand when you know better than the numbers; say why.</source>
        <translation>当你比数字更了解实际情况时，可人工判定类别，并写明理由。</translation>
    </message>
    <message>
        <source>Why the class was set by hand.</source>
        <translation>人工判定类别的理由。</translation>
    </message>
    <message>
        <source>What we will do to shape this criterion.</source>
        <translation>我们将如何引导这个指标。</translation>
    </message>
</context>
<context>
    <name>IndicatorGridWidget</name>
    <message>
        <source>Add criterion</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>This pursuit no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>No buying criteria yet</source>
        <translation>还没有采购指标</translation>
    </message>
    <message>
        <source>What will the customer judge the vendors on? &lt;a href=&apos;add&apos;&gt;Add a criterion&lt;/a&gt;, or copy the criteria table in Excel or WPS and press Ctrl+V here.</source>
        <translation>客户会根据哪些指标评判各厂商？&lt;a href=&apos;add&apos;&gt;添加指标&lt;/a&gt;，或在 Excel / WPS 中复制指标表，然后在这里按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <source>Columns in order: criterion, meaning, importance 1–5, our score, then one score per competitor.</source>
        <translation>列的顺序：指标、内涵、重要性（1–5）、我方得分，然后是每个对手的得分。</translation>
    </message>
    <message>
        <source>No competitors yet. &lt;a href=&apos;competitor&apos;&gt;Add the competitors&lt;/a&gt; the customer is talking to, and score them on each criterion.</source>
        <translation>还没有竞争对手。&lt;a href=&apos;competitor&apos;&gt;添加客户正在接触的竞争对手&lt;/a&gt;，并在每个指标上给他们打分。</translation>
    </message>
    <message>
        <source>Edit &quot;{0}&quot;: {1}</source>
        <translation>编辑「{0}」：{1}</translation>
    </message>
    <message>
        <source>Edit {0} cells</source>
        <translation>编辑 {0} 个单元格</translation>
    </message>
    <message>
        <source>Scores and importance run from 1 to 5. Nothing was changed.</source>
        <translation>得分和重要性只能是 1 到 5。未做任何更改。</translation>
    </message>
    <message>
        <source>Clear {0} cells</source>
        <translation>清除 {0} 个单元格</translation>
    </message>
    <message>
        <source>A criterion keeps its name and importance. To remove criteria, use Delete criteria (Ctrl+Delete).</source>
        <translation>指标的名称和重要性不能清空。如需移除指标，请使用「删除指标」（Ctrl+Delete）。</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Delete &quot;{0}&quot;</source>
        <translation>删除「{0}」</translation>
    </message>
    <message>
        <source>Delete {0} criteria</source>
        <translation>删除 {0} 个指标</translation>
    </message>
    <message>
        <source>Deleted {0} criteria. Edit ▸ Undo brings them back.</source>
        <translation>已删除 {0} 个指标。可通过「编辑 ▸ 撤销」恢复。</translation>
    </message>
    <message>
        <source>Move &quot;{0}&quot;</source>
        <translation>移动「{0}」</translation>
    </message>
    <message>
        <source>Move {0} criteria</source>
        <translation>移动 {0} 个指标</translation>
    </message>
    <message>
        <source>Set the class by hand</source>
        <translation>人工判定类别</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Automatic (by the rule)</source>
        <translation>自动（按规则判定）</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Row {0}, column &quot;{1}&quot;</source>
        <translation>第 {0} 行「{1}」列</translation>
    </message>
    <message>
        <source>Column &quot;{0}&quot;</source>
        <translation>「{0}」列</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a whole number from 1 to 5</source>
        <translation>「{0}」不是 1 到 5 之间的整数</translation>
    </message>
    <message>
        <source>a criterion needs a name</source>
        <translation>指标必须有名称</translation>
    </message>
    <message>
        <source>the importance cannot be empty</source>
        <translation>重要性不能为空</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a class ({1})</source>
        <translation>「{0}」不是有效的指标类别（{1}）</translation>
    </message>
    <message>
        <source>the block has more than {0} rows</source>
        <translation>粘贴的内容超过 {0} 行</translation>
    </message>
    <message>
        <source>this column is computed and cannot be typed into</source>
        <translation>该列是自动计算的，不能直接填写</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; cannot be used here</source>
        <translation>这里不能填写「{0}」</translation>
    </message>
    <message>
        <source>Nothing was pasted.</source>
        <translation>未粘贴任何内容。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>{0}: {1}. {2}</source>
        <translation>{0}：{1}。{2}</translation>
    </message>
</context>
<context>
    <name>OverrideDelegate</name>
    <message>
        <source>Automatic (by the rule)</source>
        <translation>自动（按规则判定）</translation>
    </message>
</context>
<context>
    <name>PursuitTabs</name>
    <message>
        <source>Buying criteria</source>
        <translation>采购指标</translation>
    </message>
</context>
<context>
    <name>SummaryArea</name>
    <message>
        <source>Us</source>
        <translation>我方</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Weighted score (Σ importance × score)</source>
        <translation>加权得分（Σ 重要性 × 得分）</translation>
    </message>
    <message>
        <source>Each vendor&apos;s scores weighted by the importance of the criterion, and the share of the most they could get on the criteria scored for them.</source>
        <translation>各厂商得分按指标重要性加权求和，以及占其已评分指标满分的比例。</translation>
    </message>
    <message>
        <source>Criteria by class and what to do</source>
        <translation>指标分类与建议行动</translation>
    </message>
    <message>
        <source>Us</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>⚠ Fatal criteria without an action plan: {0}.</source>
        <translation>⚠ 尚无行动计划的致命指标：{0} 个。</translation>
    </message>
    <message>
        <source>✎ Classes set by hand: {0}.</source>
        <translation>✎ 人工判定：{0} 个。</translation>
    </message>
    <message>
        <source>Add the customer&apos;s buying criteria to compare the vendors.</source>
        <translation>添加客户的采购指标，即可对比各厂商。</translation>
    </message>
    <message>
        <source>Score us on the criteria to see where we stand.</source>
        <translation>给我方在各指标上打分，看看我们处在什么位置。</translation>
    </message>
    <message>
        <source>Add the competitors and score them to compare.</source>
        <translation>添加竞争对手并打分，即可对比。</translation>
    </message>
    <message>
        <source>We lead {0}, the strongest competitor, by {1} points.</source>
        <translation>我方领先最强对手{0} {1} 个百分点。</translation>
    </message>
    <message>
        <source>{0} leads us by {1} points: work on the fatal criteria.</source>
        <translation>{0}领先我方 {1} 个百分点：重点应对致命指标。</translation>
    </message>
    <message>
        <source>We are level with {0}.</source>
        <translation>我方与{0}旗鼓相当。</translation>
    </message>
</context>
<context>
    <name>TextDelegate</name>
    <message>
        <source>Action plan needed</source>
        <translation>需要制定行动计划</translation>
    </message>
</context>
<context>
    <name>WorkbookExport</name>
    <message>
        <source>{0} - competitive matrix.xlsx</source>
        <translation>{0} - 竞争矩阵.xlsx</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}. Nothing was exported.</source>
        <translation>无法写入 {0}：{1}。未导出任何内容。</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>已导出到 {0}。</translation>
    </message>
</context>
</TS>
