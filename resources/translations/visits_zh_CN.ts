<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>The calendar file could not be saved as {0} ({1}). Nothing else was changed.</source>
        <translation>无法保存日历文件 {0}（{1}）。其他内容未做任何更改。</translation>
    </message>
</context>
<context>
    <name>CalendarImport</name>
    <message>
        <source>This file is larger than 5 MB, more than a meeting invitation holds. Nothing was imported.</source>
        <translation>该文件超过 5 MB，不像是一份会议邀请。未导入任何内容。</translation>
    </message>
    <message>
        <source>The file could not be read. Nothing was imported.</source>
        <translation>无法读取该文件。未导入任何内容。</translation>
    </message>
    <message>
        <source>This calendar file holds no events.</source>
        <translation>该日历文件中没有任何日程。</translation>
    </message>
    <message>
        <source>This is not a calendar file that can be read (.ics). Nothing was imported.</source>
        <translation>这不是可读取的日历文件（.ics）。未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>CalendarImportDialog</name>
    <message>
        <source>Import from calendar</source>
        <translation>从日历导入</translation>
    </message>
    <message>
        <source>{0}: 1 event. Tick it to add it to this pursuit.</source>
        <translation>{0}：1 个日程。勾选即可加入本项目。</translation>
    </message>
    <message>
        <source>{0}: {1} events. Tick those to add to this pursuit.</source>
        <translation>{0}：{1} 个日程。勾选要加入本项目的日程。</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>As visits (each with its plan)</source>
        <translation>作为拜访（各带拜访计划）</translation>
    </message>
    <message>
        <source>As activities (meetings)</source>
        <translation>作为活动（会议）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{0}, {1} days</source>
        <translation>{0}，共 {1} 天</translation>
    </message>
    <message>
        <source>{0}, all day</source>
        <translation>{0}，全天</translation>
    </message>
    <message>
        <source>Repeats: not imported (add the series in your calendar)</source>
        <translation>重复日程：不导入（请在日历中保留该系列）</translation>
    </message>
    <message>
        <source>No start time: not imported</source>
        <translation>没有开始时间：不导入</translation>
    </message>
    <message>
        <source>With a note</source>
        <translation>附有说明</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Internal — do not leave with the customer · printed {0} {1}</source>
        <translation>内部资料，请勿留给客户 · 打印于 {0} {1}</translation>
    </message>
    <message>
        <source>Page {0} / {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>Visit plan · date to be set</source>
        <translation>拜访计划 · 时间待定</translation>
    </message>
    <message>
        <source>Visit {0} {1}</source>
        <translation>拜访 {0} {1}</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户参会</translation>
    </message>
    <message>
        <source>(nobody named yet)</source>
        <translation>（尚未指定）</translation>
    </message>
    <message>
        <source>Our people</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>not scheduled yet</source>
        <translation>尚未安排</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>{0}% · weighted {1}</source>
        <translation>{0}% · 加权金额 {1}</translation>
    </message>
    <message>
        <source>{0} (due {1})</source>
        <translation>{0}（截止 {1}）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Objective of this visit</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Help to ask for</source>
        <translation>请求的帮助</translation>
    </message>
    <message>
        <source>Materials to bring</source>
        <translation>携带资料</translation>
    </message>
    <message>
        <source>Who attends ({0})</source>
        <translation>客户参会人（{0}）</translation>
    </message>
    <message>
        <source>Stakeholders ({0})</source>
        <translation>关键人（{0}）</translation>
    </message>
    <message>
        <source>Nobody of the customer is down to attend yet.</source>
        <translation>还没有指定客户参会人。</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣点</translation>
    </message>
    <message>
        <source>Ask them to</source>
        <translation>请求帮助</translation>
    </message>
    <message>
        <source>Our plan</source>
        <translation>关系计划</translation>
    </message>
    <message>
        <source>Nothing recorded about this person yet.</source>
        <translation>还没有记录此人的情况。</translation>
    </message>
    <message>
        <source>Others in play (not attending)</source>
        <translation>其他关键人（不参会）</translation>
    </message>
    <message>
        <source>Others in play</source>
        <translation>其他关键人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Buying roles</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Stakeholder map</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Stakeholder map (part {0} of {1})</source>
        <translation>关系图（第 {0} 部分，共 {1} 部分）</translation>
    </message>
    <message>
        <source>{0} of {1} still open</source>
        <translation>共 {1} 项，{0} 项待解决</translation>
    </message>
    <message>
        <source>Coaching points of this stage · {0}</source>
        <translation>本阶段辅导要点 · {0}</translation>
    </message>
    <message>
        <source>All coaching points of this stage are answered.</source>
        <translation>本阶段的辅导要点已全部完成。</translation>
    </message>
    <message>
        <source>So far: </source>
        <translation>已知：</translation>
    </message>
    <message>
        <source>Pains and value</source>
        <translation>痛点与价值</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>认可</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>不认可</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>尚无反馈</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Net benefit a year</source>
        <translation>年净收益</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回收期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无法回收</translation>
    </message>
    <message>
        <source>ROI over {0} years</source>
        <translation>{0} 年投资回报率</translation>
    </message>
    <message>
        <source>Decision-maker</source>
        <translation>决策者意见</translation>
    </message>
    <message>
        <source>Value case</source>
        <translation>价值建议书</translation>
    </message>
    <message>
        <source>Feedback: </source>
        <translation>反馈：</translation>
    </message>
    <message>
        <source>Our offer</source>
        <translation>我方方案</translation>
    </message>
    <message>
        <source>Value intersection</source>
        <translation>价值交集</translation>
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
        <source>Plan to dispel concerns</source>
        <translation>打消顾虑的计划</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>竞争</translation>
    </message>
    <message>
        <source>Our counter: </source>
        <translation>我方应对：</translation>
    </message>
    <message>
        <source>Allies: </source>
        <translation>同盟者：</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Our label for them</source>
        <translation>我们贴的标签</translation>
    </message>
    <message>
        <source>Their flaw → harm to the customer</source>
        <translation>对手缺陷 → 对客户的危害</translation>
    </message>
    <message>
        <source>Method: </source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Buying criterion</source>
        <translation>采购指标</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Us : best rival</source>
        <translation>我方 : 最强对手</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <source>Prevent: </source>
        <translation>预防：</translation>
    </message>
    <message>
        <source>Remedy: </source>
        <translation>补救：</translation>
    </message>
    <message>
        <source>Concerns and risks</source>
        <translation>顾虑与风险</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>采购风险</translation>
    </message>
    <message>
        <source>Prevention and remedy</source>
        <translation>预防与补救措施</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>PlanPrinter</name>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>This visit has already taken place ({0}). The plan shows what the app knows today. Print it anyway?</source>
        <translation>该拜访已经进行过了（{0}）。计划中是目前掌握的情况。仍要打印吗？</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <source>Print preview — visit plan</source>
        <translation>打印预览 — 拜访计划</translation>
    </message>
    <message>
        <source>Print visit plan</source>
        <translation>打印拜访计划</translation>
    </message>
    <message>
        <source>Save visit plan as PDF</source>
        <translation>将拜访计划保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The plan could not be saved as {0} ({1}). If that file is open in another program, close it and try again.</source>
        <translation>无法保存拜访计划 {0}（{1}）。如果该文件正在其他程序中打开，请先关闭再重试。</translation>
    </message>
</context>
<context>
    <name>PursuitTabs</name>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
</context>
<context>
    <name>PursuitVisitsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>Customer attendees</source>
        <translation>客户参会人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation>待填写结果</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
</context>
<context>
    <name>PursuitVisitsTab</name>
    <message>
        <source>Plan without a visit…</source>
        <translation>预览计划（尚未约见）…</translation>
    </message>
    <message>
        <source>Print preview of this pursuit&apos;s plan, for a meeting not yet scheduled</source>
        <translation>打印预览本项目的拜访计划，用于尚未约定时间的会面</translation>
    </message>
    <message>
        <source>Import from calendar…</source>
        <translation>从日历导入…</translation>
    </message>
    <message>
        <source>Add the meetings of an .ics file (an invitation) to this pursuit</source>
        <translation>把 .ics 文件（会议邀请）中的会议加入本项目</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>还没有拜访</translation>
    </message>
    <message>
        <source>Plan the next meeting with New visit. Its printed plan brings the people, the open coaching points, the value case and the competition onto one or two pages.</source>
        <translation>用「新建拜访」计划下一次会面。打印出的拜访计划把关键人、待解决的辅导要点、价值建议书和竞争情况汇总在一两页纸上。</translation>
    </message>
    <message>
        <source>Import from calendar</source>
        <translation>从日历导入</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported 1 event from the calendar file.</source>
        <translation>已从日历文件导入 1 个日程。</translation>
    </message>
    <message>
        <source>Imported {0} events from the calendar file.</source>
        <translation>已从日历文件导入 {0} 个日程。</translation>
    </message>
    <message>
        <source>{0} were already on this pursuit.</source>
        <translation>其中 {0} 个已在本项目中。</translation>
    </message>
</context>
<context>
    <name>UpcomingVisitsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account · pursuit</source>
        <translation>客户 · 项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Customer attendees</source>
        <translation>客户参会人</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Waiting for the outcome</source>
        <translation>待填写拜访结果</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <source>outcome?</source>
        <translation>结果？</translation>
    </message>
    <message>
        <source>This visit has taken place: record its outcome.</source>
        <translation>该拜访已经进行过了：请填写拜访结果。</translation>
    </message>
</context>
<context>
    <name>VisitActions</name>
    <message>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <source>Plan a new visit</source>
        <translation>计划一次新的拜访</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>填写结果</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print plan…</source>
        <translation>打印拜访计划…</translation>
    </message>
    <message>
        <source>Save plan as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Add to calendar (.ics)…</source>
        <translation>加入日历 （.ics）…</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除拜访</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <source>Plan without a visit</source>
        <translation>项目计划（不针对某次拜访）</translation>
    </message>
    <message>
        <source>Print visit plan</source>
        <translation>打印拜访计划</translation>
    </message>
    <message>
        <source>{0} visits are planned for this pursuit. Print the plan of:</source>
        <translation>此项目已约好 {0} 次拜访。打印哪一次的计划：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No coming visits to export.</source>
        <translation>没有可导出的待进行拜访。</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Edit visit</source>
        <translation>编辑拜访</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <source>Type to find a pursuit…</source>
        <translation>输入客户或项目名称查找…</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>for</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>This time has passed — write what came of it on the Outcome page.</source>
        <translation>这个时间已经过去了 — 请在「结果」页填写拜访结果。</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Customer attendees</source>
        <translation>客户参会人</translation>
    </message>
    <message>
        <source>e.g. account manager, presales consultant</source>
        <translation>例如：销售经理、售前顾问</translation>
    </message>
    <message>
        <source>Our people</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>What must this visit achieve?</source>
        <translation>这次拜访要达成什么？</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>One question per line</source>
        <translation>每行一个问题</translation>
    </message>
    <message>
        <source>Add the open coaching points</source>
        <translation>加入待解决的辅导要点</translation>
    </message>
    <message>
        <source>Adds the coaching points of the pursuit&apos;s current stage not yet answered.</source>
        <translation>加入本项目当前阶段尚未完成的辅导要点。</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Introductions, information, a word for us …</source>
        <translation>引荐、透露信息、为我说话……</translation>
    </message>
    <message>
        <source>Help to ask for</source>
        <translation>请求的帮助</translation>
    </message>
    <message>
        <source>e.g. value case, reference cases (separate with commas)</source>
        <translation>例如：价值建议书、案例集（用顿号或逗号分隔）</translation>
    </message>
    <message>
        <source>Materials to bring</source>
        <translation>携带资料</translation>
    </message>
    <message>
        <source>What came of the meeting?</source>
        <translation>会面有什么结果？</translation>
    </message>
    <message>
        <source>Intelligence, concerns, who said what</source>
        <translation>获得的情报、客户的顾虑、谁说了什么</translation>
    </message>
    <message>
        <source>What we learned</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>One step per line, the most important first</source>
        <translation>每行一步，最重要的放在第一行</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Make the first next step the pursuit&apos;s next step</source>
        <translation>把第一步设为项目的下一步</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>The pursuit has no next step yet.</source>
        <translation>项目还没有下一步。</translation>
    </message>
    <message>
        <source>The pursuit&apos;s next step now: {0}</source>
        <translation>项目目前的下一步：{0}</translation>
    </message>
    <message>
        <source>Choose the pursuit first.</source>
        <translation>请先选择项目。</translation>
    </message>
    <message>
        <source>This pursuit has no stakeholders yet. Add them on its Stakeholders tab.</source>
        <translation>该项目还没有关键人，请先在「关键人」页添加。</translation>
    </message>
    <message>
        <source>Choose the pursuit this visit belongs to.</source>
        <translation>请选择这次拜访所属的项目。</translation>
    </message>
    <message>
        <source>Write the objective: what must this visit achieve?</source>
        <translation>请填写拜访目标：这次拜访要达成什么？</translation>
    </message>
    <message>
        <source>Someone you chose is no longer a stakeholder of this pursuit (deleted meanwhile). The list is up to date now: check the attendees and save again.</source>
        <translation>选中的参会人中有人已不再是本项目的关键人（可能刚被删除）。名单已更新，请核对参会人后再保存。</translation>
    </message>
    <message>
        <source>Write a next step first, or untick &quot;Make the first next step …&quot;.</source>
        <translation>请先填写下一步，或取消勾选「把第一步设为项目的下一步」。</translation>
    </message>
    <message>
        <source>Plan visit</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>填写拜访结果</translation>
    </message>
</context>
<context>
    <name>VisitSummary</name>
    <message>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>Customer attendees</source>
        <translation>客户参会人</translation>
    </message>
    <message>
        <source>Our people</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Help to ask for</source>
        <translation>请求的帮助</translation>
    </message>
    <message>
        <source>Materials to bring</source>
        <translation>携带资料</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <source>What we learned</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>This visit has taken place: record its outcome.</source>
        <translation>该拜访已经进行过了：请填写拜访结果。</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <source>All to calendar…</source>
        <translation>全部加入日历…</translation>
    </message>
    <message>
        <source>Open pursuit</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>No visits this week or next</source>
        <translation>本周和下周没有拜访</translation>
    </message>
    <message>
        <source>Plan the next meeting with New visit, then print its plan the night before.</source>
        <translation>用「新建拜访」计划下一次会面，前一天晚上打印拜访计划。</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <source>This week and next</source>
        <translation>本周和下周</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Next 90 days</source>
        <translation>未来 90 天</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>自定日期范围</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>The week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>{0} coming up this week and next</source>
        <translation>本周和下周共 {0} 个拜访</translation>
    </message>
    <message>
        <source>{0} waiting for their outcome</source>
        <translation>{0} 个待填写结果</translation>
    </message>
    <message>
        <source>Save the {0} visits still to come in this list (this week and next) as one .ics file</source>
        <translation>把列表中本周和下周尚未开始的 {0} 个拜访保存为一个 .ics 日历文件</translation>
    </message>
    <message>
        <source>No visits still to come this week or next</source>
        <translation>本周和下周没有尚未开始的拜访</translation>
    </message>
    <message>
        <source>{0} to {1}: {2} held, {3} coming</source>
        <translation>{0} 至 {1}：已进行 {2} 个，待进行 {3} 个</translation>
    </message>
    <message>
        <source>Save the {0} visits still to come in this list as one .ics file</source>
        <translation>把列表中尚未进行的 {0} 个拜访保存为一个 .ics 文件</translation>
    </message>
    <message>
        <source>No visits still to come in this list</source>
        <translation>列表中没有尚未进行的拜访</translation>
    </message>
    <message>
        <source>No visits in this period</source>
        <translation>这段时间没有拜访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
</context>
</TS>
