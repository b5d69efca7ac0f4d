<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterSalePage</name>
    <message>
        <source>After the sale: managing expectations</source>
        <translation>验收之后：管理客户期望</translation>
    </message>
    <message>
        <source>Acceptance is where the next sale begins: keep the customer&apos;s expectations right through the four periods, and ask for referrals when they are happy.</source>
        <translation>验收是下一单的开始：在四个阶段里管好客户的期望，客户满意时请他转介绍。</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>客户期望</translation>
    </message>
    <message>
        <source>What the customer expects in this period</source>
        <translation>这一阶段客户期待什么</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems that came up or may come up</source>
        <translation>已出现或可能出现的问题</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>What we do about it, who and when</source>
        <translation>我们怎么处理，谁负责，何时完成</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Companies and people this customer can introduce you to. One click turns a referral into a new pursuit that remembers who referred it.</source>
        <translation>这位客户可以引荐的公司和人。一键把转介绍变成新项目，并记下是谁介绍的。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Who, and how to reach</source>
        <translation>姓名和联系方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Add referral</source>
        <translation>添加转介绍</translation>
    </message>
    <message>
        <source>Create pursuit from referral</source>
        <translation>转为新项目</translation>
    </message>
    <message>
        <source>Open its pursuit</source>
        <translation>打开对应项目</translation>
    </message>
    <message>
        <source>Remove referral</source>
        <translation>删除转介绍</translation>
    </message>
    <message>
        <source>Write the company&apos;s name first: it becomes the new pursuit&apos;s account.</source>
        <translation>请先填写公司名称：它将成为新项目的客户。</translation>
    </message>
    <message>
        <source>Referral from {0}</source>
        <translation>{0} 转介绍</translation>
    </message>
    <message>
        <source>Referred by {0} · {1}. Contact: {2}</source>
        <translation>由 {0} · {1} 转介绍。联系人：{2}</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Created the pursuit &quot;{0}&quot; in stage 1. {1}</source>
        <translation>已在阶段 1 新建项目「{0}」。{1}</translation>
    </message>
</context>
<context>
    <name>CoachingPage</name>
    <message>
        <source>The questions a manager asks at each stage. Answer what you know, and tick a point once it is settled — the board shows how many are settled in the current stage.</source>
        <translation>每个阶段经理都会问的辅导要点。把已知情况写下来，落实一项勾选一项——看板上会显示当前阶段已落实的数量。</translation>
    </message>
    <message>
        <source>Manager&apos;s view…</source>
        <translation>经理视图…</translation>
    </message>
</context>
<context>
    <name>CollectionPage</name>
    <message>
        <source>Collecting the payment</source>
        <translation>回收账款</translation>
    </message>
    <message>
        <source>The deal is done when the money is in. Go through the checklist before delivery, and keep every instalment in sight.</source>
        <translation>钱到账，单子才算做完。发货前逐项核对清单，盯紧每一笔回款。</translation>
    </message>
    <message>
        <source>Business licence and qualifications in hand</source>
        <translation>已取得营业执照及相关资质文件</translation>
    </message>
    <message>
        <source>Credit check done</source>
        <translation>已完成信用审查</translation>
    </message>
    <message>
        <source>We sign the customer&apos;s contract</source>
        <translation>采用客户方合同</translation>
    </message>
    <message>
        <source>The contract to sign has been reviewed</source>
        <translation>要签的合同已审核（我方合同或客户合同）</translation>
    </message>
    <message>
        <source>Delivery, installation and commissioning OK</source>
        <translation>发货、安装、调试正常</translation>
    </message>
    <message>
        <source>Who fixes problems</source>
        <translation>问题负责人</translation>
    </message>
    <message>
        <source>Name, team, phone</source>
        <translation>姓名、团队、电话</translation>
    </message>
    <message>
        <source>Acceptance document signed</source>
        <translation>验收文件已签署</translation>
    </message>
    <message>
        <source>To be signed by</source>
        <translation>计划签署日期</translation>
    </message>
    <message>
        <source>Payment received in full</source>
        <translation>货款已全部到账</translation>
    </message>
    <message>
        <source>Payment reminder (dunning letter) sent</source>
        <translation>已发催款函</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Invoices, who signs, anything about getting paid</source>
        <translation>发票、签字人，以及回款相关的一切</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期回款</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Enter an amount such as 1,280,000 or 128万.</source>
        <translation>请输入金额，如 1,280,000 或 128万。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应收日期</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>实收日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add instalment</source>
        <translation>添加回款</translation>
    </message>
    <message>
        <source>Mark collected…</source>
        <translation>标记为已回款…</translation>
    </message>
    <message>
        <source>Close the pursuit as won: the checklist is settled and every instalment in</source>
        <translation>以赢单结束项目：检查清单已完成，每笔回款均已到账</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>尚未落实</translation>
    </message>
    <message>
        <source>Contract {0}</source>
        <translation>合同金额 {0}</translation>
    </message>
    <message>
        <source>scheduled {0}</source>
        <translation>已排期 {0}</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>已收 {0}</translation>
    </message>
    <message>
        <source>outstanding {0}</source>
        <translation>未收 {0}</translation>
    </message>
    <message>
        <source>{0} of the contract has no instalment yet.</source>
        <translation>合同中还有 {0} 未排回款计划。</translation>
    </message>
    <message>
        <source>⚠ The instalments exceed the contract by {0}. If the contract grew (a change order), raise the amount on Overview; otherwise correct an instalment.</source>
        <translation>⚠ 分期回款比合同金额多 {0}。如合同增加了（变更或增补合同），请在「概览」中调高金额；否则请改正分期金额。</translation>
    </message>
    <message>
        <source>⚑ {0} overdue: {1}</source>
        <translation>⚑ {0} 笔逾期，共 {1}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>未设应收日期</translation>
    </message>
    <message>
        <source>Overdue by {0} days</source>
        <translation>逾期 {0} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due in {0} days</source>
        <translation>{0} 天后到期</translation>
    </message>
    <message>
        <source>Remove instalment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <source>Instalment amount</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <source>Instalment due date</source>
        <translation>应收日期</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>实收日期</translation>
    </message>
    <message>
        <source>Instalment note</source>
        <translation>回款备注</translation>
    </message>
</context>
<context>
    <name>ConcernPlanCard</name>
    <message>
        <source>Plan to dispel concerns</source>
        <translation>打消顾虑的计划</translation>
    </message>
    <message>
        <source>Who we talk to, with what evidence, in what order, by when</source>
        <translation>找谁沟通、用什么证据、按什么顺序、何时完成</translation>
    </message>
</context>
<context>
    <name>HealthBar</name>
    <message>
        <source>No red flags: the deal follows the method.</source>
        <translation>没有风险提示：项目按方法推进。</translation>
    </message>
    <message>
        <source>Red flags ({0}):</source>
        <translation>风险提示（{0}）：</translation>
    </message>
    <message>
        <source>Open the place to fix this</source>
        <translation>点击前往处理</translation>
    </message>
</context>
<context>
    <name>ManagerViewDialog</name>
    <message>
        <source>Manager&apos;s view</source>
        <translation>经理视图</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>尚无答案</translation>
    </message>
    <message>
        <source>Pains</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Value case</source>
        <translation>价值建议书</translation>
    </message>
    <message>
        <source>Open risks</source>
        <translation>未解决的采购风险</translation>
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
        <source>{0}, weighted {1} at {2}%</source>
        <translation>{0}，按赢率 {2}% 加权 {1}</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>In this stage</source>
        <translation>本阶段停留</translation>
    </message>
    <message>
        <source>{0} days (limit {1})</source>
        <translation>{0} 天（上限 {1} 天）</translation>
    </message>
    <message>
        <source>Stage {0} · {1}</source>
        <translation>阶段 {0} · {1}</translation>
    </message>
    <message>
        <source>{0}/{1} settled</source>
        <translation>已落实 {0}/{1}</translation>
    </message>
    <message>
        <source>severity {0}</source>
        <translation>严重程度 {0}</translation>
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
        <translation>尚未表态</translation>
    </message>
    <message>
        <source>Investment {0}; net benefit {1} a year; payback {2}; ROI {3}.</source>
        <translation>投资 {0}；年净收益 {1}；回收期 {2}；投资回报率 {3}。</translation>
    </message>
    <message>
        <source>Decision-maker: {0}.</source>
        <translation>决策者：{0}。</translation>
    </message>
    <message>
        <source>impact {0}</source>
        <translation>影响 {0}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NewNeedsCard</name>
    <message>
        <source>New needs (plateau)</source>
        <translation>新需求（平淡期）</translation>
    </message>
    <message>
        <source>Needs and interests found once the system runs day to day. One click turns a need into a new pursuit for this customer, in stage 1.</source>
        <translation>系统进入日常使用后发现的新需求和兴趣点。一键即可把新需求转为该客户的新项目（阶段 1）。</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>新需求</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What they need now</source>
        <translation>客户现在需要什么</translation>
    </message>
    <message>
        <source>Who at the customer</source>
        <translation>客户方的谁</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Add new need</source>
        <translation>添加新需求</translation>
    </message>
    <message>
        <source>Create pursuit from new need</source>
        <translation>转为新项目</translation>
    </message>
    <message>
        <source>Open its pursuit</source>
        <translation>打开对应项目</translation>
    </message>
    <message>
        <source>Remove new need</source>
        <translation>删除新需求</translation>
    </message>
    <message>
        <source>Write the need first: it becomes the new pursuit&apos;s title.</source>
        <translation>请先填写新需求：它将成为新项目的名称。</translation>
    </message>
    <message>
        <source>New need found in the plateau after acceptance.</source>
        <translation>验收后平淡期发现的新需求。</translation>
    </message>
    <message>
        <source>Raised by {0}.</source>
        <translation>提出人：{0}。</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Created the pursuit &quot;{0}&quot; in stage 1. {1}</source>
        <translation>已在阶段 1 新建项目「{0}」。{1}</translation>
    </message>
</context>
<context>
    <name>OfferCard</name>
    <message>
        <source>Our offer</source>
        <translation>我方方案</translation>
    </message>
    <message>
        <source>Written once for our own solution; each competitor&apos;s profile keeps what we set against that rival.</source>
        <translation>这里写我方方案本身；针对某个竞争对手的应对写在该对手的档案里。</translation>
    </message>
    <message>
        <source>Value intersection</source>
        <translation>价值交集</translation>
    </message>
    <message>
        <source>Where what the customer values meets what we do best</source>
        <translation>客户看重的与我们最擅长的交汇在哪里</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特点</translation>
    </message>
    <message>
        <source>What our product and solution are and have</source>
        <translation>我们的产品和方案是什么、有什么</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Why that is better than the alternatives</source>
        <translation>为什么比其他选择更好</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>益处</translation>
    </message>
    <message>
        <source>What it earns this customer, in their terms</source>
        <translation>给这个客户带来什么收益（用客户的话说）</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>The deal</source>
        <translation>项目信息</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Who runs this pursuit</source>
        <translation>谁负责这个项目</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Background, history, anything worth keeping</source>
        <translation>背景、来龙去脉，值得记下的都写在这里</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Every open pursuit needs one concrete next action with a date.</source>
        <translation>每个进行中的项目都要有一个具体的下一步行动和完成日期。</translation>
    </message>
    <message>
        <source>e.g. Meet the CIO to present the value case</source>
        <translation>例如：约见 CIO，讲解价值建议书</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Stage and forecast</source>
        <translation>阶段与预测</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>In this stage</source>
        <translation>本阶段停留</translation>
    </message>
    <message>
        <source>Stages move on the board, where each move checks the stage gate.</source>
        <translation>阶段在看板上推进，每次推进都会检查阶段关口。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成交结果</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同已签</translation>
    </message>
    <message>
        <source>The customer signed: move the pursuit into stage 7 (acceptance)</source>
        <translation>客户已签约：将项目推进到阶段 7（验收）</translation>
    </message>
    <message>
        <source>Collected…</source>
        <translation>已回款…</translation>
    </message>
    <message>
        <source>{0} at {1}% of the {2} not yet received</source>
        <translation>{0}（未回款 {2} × {1}%）</translation>
    </message>
    <message>
        <source>Open. Won when the money is collected (stage 8).</source>
        <translation>进行中。货款回收（阶段 8）后才算赢单。</translation>
    </message>
    <message>
        <source>Open. When the customer signs, it moves into acceptance.</source>
        <translation>进行中。客户签约后进入验收阶段。</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>丢单…</translation>
    </message>
    <message>
        <source>Abandon…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Stage timeline</source>
        <translation>阶段变更记录</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>下一步行动日期</translation>
    </message>
    <message>
        <source>Referred by {0}</source>
        <translation>转介绍自 {0}</translation>
    </message>
    <message>
        <source>Grew from a new need of {0}</source>
        <translation>源自 {0} 的新需求</translation>
    </message>
    <message>
        <source>Stage {0}: {1} — milestone: {2}</source>
        <translation>阶段 {0}：{1} — 里程碑：{2}</translation>
    </message>
    <message>
        <source>Stage default ({0}%)</source>
        <translation>阶段默认（{0}%）</translation>
    </message>
    <message>
        <source>{0} at {1}%</source>
        <translation>{0}（赢率 {1}%）</translation>
    </message>
    <message>
        <source>{0} days (limit {1})</source>
        <translation>{0} 天（上限 {1} 天）</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <source>Lost to: {0}</source>
        <translation>输给：{0}</translation>
    </message>
    <message>
        <source>Started in stage {0} · {1}</source>
        <translation>从阶段 {0} · {1} 开始</translation>
    </message>
    <message>
        <source>Gate passed over ({0}): {1}</source>
        <translation>跳过关口检查（{0} 项）：{1}</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>修改标签</translation>
    </message>
</context>
<context>
    <name>PainCard</name>
    <message>
        <source>Pain {0}</source>
        <translation>痛点 {0}</translation>
    </message>
    <message>
        <source>1 = a nuisance · 5 = it threatens their business</source>
        <translation>1 = 小麻烦 · 5 = 威胁到客户的经营</translation>
    </message>
    <message>
        <source>Remove this pain (Edit ▸ Undo brings it back)</source>
        <translation>删除这个痛点（编辑 ▸ 撤销可以恢复）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Business goal</source>
        <translation>经营目标</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>障碍</translation>
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
        <source>Where they stand today, in numbers where possible</source>
        <translation>客户现在的情况，尽量用数字说话</translation>
    </message>
    <message>
        <source>Where they want to be</source>
        <translation>客户想达到的目标</translation>
    </message>
    <message>
        <source>What keeps them from getting there</source>
        <translation>是什么阻碍了客户达到目标</translation>
    </message>
    <message>
        <source>What hurts, and whom</source>
        <translation>哪里痛，痛的是谁</translation>
    </message>
    <message>
        <source>What it costs them (money, time, risk)</source>
        <translation>给客户造成多大损失（金钱、时间、风险）</translation>
    </message>
    <message>
        <source>Hurts most</source>
        <translation>影响最大的人</translation>
    </message>
    <message>
        <source>Person hurt most</source>
        <translation>受影响最大的人</translation>
    </message>
    <message>
        <source>— not known yet —</source>
        <translation>— 尚不清楚 —</translation>
    </message>
</context>
<context>
    <name>PainsValuePage</name>
    <message>
        <source>Pains</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Add pain</source>
        <translation>添加痛点</translation>
    </message>
    <message>
        <source>No pain written down yet — add the first one: what hurts the customer?</source>
        <translation>还没有记录痛点——添加第一个：客户哪里痛？</translation>
    </message>
    <message>
        <source>Value case</source>
        <translation>价值建议书</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资额</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>测算</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Yearly benefits (a running cost is a negative line)</source>
        <translation>每年收益（运行成本记为负数）</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>收益项</translation>
    </message>
    <message>
        <source>e.g. Fewer stoppages</source>
        <translation>例如：减少停机</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>每年金额</translation>
    </message>
    <message>
        <source>Enter an amount such as 1,280,000 or 128万.</source>
        <translation>请输入金额，如 1,280,000 或 128万。</translation>
    </message>
    <message>
        <source>Add benefit line</source>
        <translation>添加收益项</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回收期</translation>
    </message>
    <message>
        <source>Return (ROI)</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>The decision-maker&apos;s feedback</source>
        <translation>决策者的反馈</translation>
    </message>
    <message>
        <source>What did the decision-maker say about the figures? What do they doubt?</source>
        <translation>决策者怎么看这些数字？对哪些有疑问？</translation>
    </message>
    <message>
        <source>Accepted by the decision-maker?</source>
        <translation>决策者是否认可？</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>认可</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不认可</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>尚未表态</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>测算年限</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>决策者反馈</translation>
    </message>
    <message>
        <source>Enter the investment and the years to see the figures.</source>
        <translation>填写投资额和测算年限后即可看到回收期和回报率。</translation>
    </message>
    <message>
        <source>Net benefit a year: {0}</source>
        <translation>年净收益：{0}</translation>
    </message>
    <message>
        <source>Over {0} years: {1}</source>
        <translation>{0} 年合计：{1}</translation>
    </message>
    <message>
        <source>With these benefits the investment never pays back.</source>
        <translation>按这些收益，投资永远收不回来。</translation>
    </message>
    <message>
        <source>Pays back within the {0} years.</source>
        <translation>{0} 年内可以收回投资。</translation>
    </message>
    <message>
        <source>Does not pay back within the {0} years.</source>
        <translation>{0} 年内收不回投资。</translation>
    </message>
    <message>
        <source>Remove pain</source>
        <translation>删除痛点</translation>
    </message>
    <message>
        <source>Remove benefit line</source>
        <translation>删除收益项</translation>
    </message>
    <message>
        <source>Benefit per year</source>
        <translation>每年收益</translation>
    </message>
</context>
<context>
    <name>PursuitEditing</name>
    <message>
        <source>This date is before the pursuit began ({0}).</source>
        <translation>这个日期早于项目开始的日期（{0}）。</translation>
    </message>
    <message>
        <source>This date is before the pursuit began.</source>
        <translation>这个日期早于项目开始的日期。</translation>
    </message>
    <message>
        <source>This date is in the future: record it once it has happened.</source>
        <translation>这是一个将来的日期：等事情发生后再记录。</translation>
    </message>
    <message>
        <source>Enter a number of years from 1 to 30.</source>
        <translation>请输入 1 到 30 之间的年数。</translation>
    </message>
    <message>
        <source>Enter a win rate from 0 to 100 %.</source>
        <translation>请输入 0 到 100% 之间的赢率。</translation>
    </message>
    <message>
        <source>Enter a value from 1 to 5.</source>
        <translation>请输入 1 到 5 之间的数值。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount is too large: check the digits.</source>
        <translation>金额过大，请检查位数。</translation>
    </message>
    <message>
        <source>Enter an amount such as 1,280,000 or 128万.</source>
        <translation>请输入金额，如 1,280,000 或 128万。</translation>
    </message>
    <message>
        <source>This next step has a date: write what is to be done, or clear the date first.</source>
        <translation>这一步已定了日期：请写明要做什么，或先清除日期。</translation>
    </message>
    <message>
        <source>Write the action first: a date needs something to do.</source>
        <translation>请先写行动：日期要配上要做的事。</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-03-31.</source>
        <translation>请输入日期，如 2026-03-31。</translation>
    </message>
    <message>
        <source>This value is not accepted. Nothing was saved.</source>
        <translation>这个值无效，未保存。</translation>
    </message>
    <message>
        <source>Enter a value from {0} to {1}.</source>
        <translation>请输入 {0} 到 {1} 之间的数值。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Edit &quot;{0}&quot;</source>
        <translation>修改「{0}」</translation>
    </message>
</context>
<context>
    <name>PursuitWorkspace</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>辅导要点</translation>
    </message>
    <message>
        <source>Pains &amp; value</source>
        <translation>痛点与价值</translation>
    </message>
    <message>
        <source>Risks &amp; concerns</source>
        <translation>采购风险与顾虑</translation>
    </message>
    <message>
        <source>After sale</source>
        <translation>验收与期望</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Created on another computer and merged from its sync file.</source>
        <translation>在另一台电脑上创建，从它的同步文件合并而来。</translation>
    </message>
    <message>
        <source>Changed differently on two computers: choose which version to keep.</source>
        <translation>两台电脑上改得不一样：请选择保留哪个版本。</translation>
    </message>
    <message>
        <source>This pursuit no longer exists. It may have been deleted.</source>
        <translation>这个项目已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>Back to board</source>
        <translation>返回看板</translation>
    </message>
    <message>
        <source>Manager&apos;s view…</source>
        <translation>经理视图…</translation>
    </message>
    <message>
        <source>A one-page summary of this pursuit&apos;s coaching answers, to read or print</source>
        <translation>一页纸汇总这个项目的辅导要点答案，可查看或打印</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>Move this pursuit to the next stage, through the stage gate</source>
        <translation>经过阶段关口，把项目推进到下一阶段</translation>
    </message>
    <message>
        <source>Show the stages and flags</source>
        <translation>展开阶段与风险提示</translation>
    </message>
    <message>
        <source>Fold the header</source>
        <translation>收起页头</translation>
    </message>
    <message>
        <source>Stage {0} · {1}</source>
        <translation>阶段 {0} · {1}</translation>
    </message>
    <message>
        <source>Win rate {0}%</source>
        <translation>赢率 {0}%</translation>
    </message>
    <message>
        <source>Amount {0}</source>
        <translation>金额 {0}</translation>
    </message>
    <message>
        <source>Weighted {0}</source>
        <translation>加权金额 {0}</translation>
    </message>
    <message>
        <source>{0} days in stage</source>
        <translation>本阶段已 {0} 天</translation>
    </message>
    <message>
        <source>From: {0}</source>
        <translation>来自：{0}</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;review&quot; style=&quot;color:#7B1FA2&quot;&gt;{0} awaiting review&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;review&quot; style=&quot;color:#7B1FA2&quot;&gt;{0} 处待审&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>推进到 {0}</translation>
    </message>
    <message>
        <source>Stage {0}</source>
        <translation>阶段 {0}</translation>
    </message>
    <message>
        <source>The pursuit &quot;{0}&quot; no longer exists (deleted, or not in the restored backup): back to the board.</source>
        <translation>项目「{0}」已不存在（已被删除，或恢复的备份中没有它），已返回看板。</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Click to keep it private.</source>
        <translation>点击设为私有。</translation>
    </message>
    <message>
        <source>Click to share it.</source>
        <translation>点击与团队共享。</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Row {0}, {1}: {2}</source>
        <translation>第 {0} 行「{1}」：{2}</translation>
    </message>
</context>
<context>
    <name>RiskCard</name>
    <message>
        <source>The risk or concern, as the customer sees it</source>
        <translation>从客户角度描述这个风险或顾虑</translation>
    </message>
    <message>
        <source>Impact on the decision: 4 or 5 is high</source>
        <translation>对成交的影响：4 或 5 为高影响</translation>
    </message>
    <message>
        <source>Remove this risk (Edit ▸ Undo brings it back)</source>
        <translation>删除这个风险（编辑 ▸ 撤销可以恢复）</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响程度</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>采购风险</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{0} impact</source>
        <translation>{0}影响</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <source>How we keep it from happening</source>
        <translation>怎样避免它发生</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>补救措施</translation>
    </message>
    <message>
        <source>What we do if it happens anyway</source>
        <translation>万一发生了我们怎么办</translation>
    </message>
</context>
<context>
    <name>RisksPage</name>
    <message>
        <source>Purchase risks and concerns</source>
        <translation>采购风险与顾虑</translation>
    </message>
    <message>
        <source>Add risk</source>
        <translation>添加风险</translation>
    </message>
    <message>
        <source>No risk written down yet. What could make the customer hesitate to sign?</source>
        <translation>还没有记录采购风险。什么会让客户犹豫不签？</translation>
    </message>
    <message>
        <source>{0} open, {1} of them high-impact · {2} in all</source>
        <translation>{0} 个未解决，其中 {1} 个高影响 · 共 {2} 个</translation>
    </message>
    <message>
        <source>Remove risk</source>
        <translation>删除风险</translation>
    </message>
</context>
<context>
    <name>StageBlock</name>
    <message>
        <source>Stage {0} · {1}</source>
        <translation>阶段 {0} · {1}</translation>
    </message>
    <message>
        <source>current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>已经过</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>后续阶段</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <source>Step due date</source>
        <translation>步骤完成日期</translation>
    </message>
    <message>
        <source>Coaching points</source>
        <translation>辅导要点</translation>
    </message>
    <message>
        <source>Settled: the answer is known and checked</source>
        <translation>已落实：答案已知并经过核实</translation>
    </message>
    <message>
        <source>Your answer — what do you know, from whom, since when?</source>
        <translation>你的回答——知道了什么，从谁那里得知，什么时候？</translation>
    </message>
    <message>
        <source>Coaching point settled</source>
        <translation>辅导要点已落实</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>{0}/{1} points settled</source>
        <translation>已落实 {0}/{1} 个要点</translation>
    </message>
    <message>
        <source> · {0}/{1} steps</source>
        <translation> · 步骤 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Nothing of the kinds shown: turn on another kind above.</source>
        <translation>没有所选类型的记录：请在上方打开其他类型。</translation>
    </message>
    <message>
        <source>Nothing has happened on this pursuit yet.</source>
        <translation>这个项目还没有任何记录。</translation>
    </message>
</context>
</TS>
