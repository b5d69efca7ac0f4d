<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CloseDialog</name>
    <message>
        <source>Why? (kept with the pursuit)</source>
        <translation>原因（随项目保存）</translation>
    </message>
    <message>
        <source>Pick or type a competitor</source>
        <translation>选择或输入竞争对手</translation>
    </message>
    <message>
        <source>Lost to</source>
        <translation>输给</translation>
    </message>
    <message>
        <source>Closing can be undone (Edit ▸ Undo), and a closed pursuit reopened.</source>
        <translation>结束后可以撤销（编辑 ▸ 撤销），也可以重新打开项目。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Close pursuit</source>
        <translation>结束项目</translation>
    </message>
    <message>
        <source>Give a reason: it is what the team learns from.</source>
        <translation>请填写原因：团队要从中总结经验。</translation>
    </message>
    <message>
        <source>"{0}" will be added to the competitors.</source>
        <translation>将把「{0}」添加到竞争对手。</translation>
    </message>
    <message>
        <source>Mark as collected (won)</source>
        <translation>标记为已回款（赢单）</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为丢单</translation>
    </message>
    <message>
        <source>Mark as abandoned</source>
        <translation>标记为放弃</translation>
    </message>
    <message>
        <source>The value case convinced the decision-maker</source>
        <translation>价值建议书获得决策者认可</translation>
    </message>
    <message>
        <source>Strong relationship with the decision-maker</source>
        <translation>与决策者关系到位</translation>
    </message>
    <message>
        <source>Best fit on the buying criteria</source>
        <translation>采购指标上全面占优</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格劣势</translation>
    </message>
    <message>
        <source>Relationship not strong enough</source>
        <translation>客户关系不到位</translation>
    </message>
    <message>
        <source>Buying criteria favoured a competitor</source>
        <translation>采购指标偏向竞争对手</translation>
    </message>
    <message>
        <source>Solution did not fit</source>
        <translation>方案不符合需求</translation>
    </message>
    <message>
        <source>Customer cancelled the budget</source>
        <translation>客户取消预算</translation>
    </message>
    <message>
        <source>Project postponed indefinitely</source>
        <translation>项目无限期推迟</translation>
    </message>
    <message>
        <source>Not worth pursuing</source>
        <translation>不值得继续跟进</translation>
    </message>
    <message>
        <source>It is closed already.</source>
        <translation>项目已经结束。</translation>
    </message>
    <message>
        <source>It is not in stage {0} · {1} yet.</source>
        <translation>项目尚未进入阶段 {0} · {1}。</translation>
    </message>
    <message>
        <source>Collection checklist: "{0}" is not settled.</source>
        <translation>回款检查清单：「{0}」尚未完成。</translation>
    </message>
    <message>
        <source>1 instalment not received yet.</source>
        <translation>还有 1 笔回款未到账。</translation>
    </message>
    <message>
        <source>{0} instalments not received yet.</source>
        <translation>还有 {0} 笔回款未到账。</translation>
    </message>
    <message>
        <source>Not collected yet — the money is the win:</source>
        <translation>尚未回款——货款到账才算赢单：</translation>
    </message>
</context>
<context>
    <name>GateDialog</name>
    <message>
        <source>Move to {0}</source>
        <translation>移至「{0}」</translation>
    </message>
    <message>
        <source>Reason (kept in the pursuit's stage history)</source>
        <translation>原因（记入项目的阶段历史）</translation>
    </message>
    <message>
        <source>e.g. The customer reopened the requirements; the budget is on hold.</source>
        <translation>例如：客户重新讨论需求，预算暂缓。</translation>
    </message>
    <message>
        <source>e.g. The customer sent the tender directly; the criteria were set by them.</source>
        <translation>例如：客户直接发来招标文件，采购指标已由客户确定。</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Leave the pursuit where it was; answers given here are not kept</source>
        <translation>项目留在原阶段；在这里填写的回答不会保留</translation>
    </message>
    <message>
        <source>"{0}": {1} → {2}</source>
        <translation>「{0}」：{1} → {2}</translation>
    </message>
    <message>
        <source>{0} pursuits → {1}</source>
        <translation>{0} 个项目 → {1}</translation>
    </message>
    <message>
        <source>This skips {0}. Say why below.</source>
        <translation>这样会跳过「{0}」，请在下方说明原因。</translation>
    </message>
    <message>
        <source>This moves back in the funnel. Say why below.</source>
        <translation>这是在漏斗中倒退，请在下方说明原因。</translation>
    </message>
    <message>
        <source>Tick each milestone the customer has reached.</source>
        <translation>请勾选客户已经达到的里程碑。</translation>
    </message>
    <message>
        <source>Coaching points of the stages left behind have no answer yet: answer them here (type the answer or tick it settled), or move on with a reason.</source>
        <translation>已走过阶段的辅导要点还没有回答：可以直接在这里回答（输入答案或勾选「已落实」），也可以说明理由后继续推进。</translation>
    </message>
    <message>
        <source>Coaching points of the stages left behind have no answer yet: answer them first, or move on with a reason.</source>
        <translation>以下辅导要点尚未回答：可以先回答，或填写原因后继续推进。</translation>
    </message>
    <message>
        <source>Milestones reached?</source>
        <translation>里程碑是否已达成？</translation>
    </message>
    <message>
        <source>{0} (stage {1})</source>
        <translation>{0}（阶段 {1}）</translation>
    </message>
    <message>
        <source>Coaching points without an answer</source>
        <translation>尚未回答的辅导要点</translation>
    </message>
    <message>
        <source>Type the answer here</source>
        <translation>在这里输入答案</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Override and move back</source>
        <translation>说明原因并退回</translation>
    </message>
    <message>
        <source>Override and move</source>
        <translation>说明原因并推进</translation>
    </message>
    <message>
        <source>A reason is needed to move on from here.</source>
        <translation>需要填写原因才能继续。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Everything this stage expects is in place.</source>
        <translation>该阶段要求的条件都已满足。</translation>
    </message>
</context>
<context>
    <name>PurgeConfirmation</name>
    <message>
        <source>Purge the pursuit "{0}" for good?</source>
        <translation>永久清除项目「{0}」？</translation>
    </message>
    <message>
        <source>Purge this pursuit for good?</source>
        <translation>永久清除这个项目？</translation>
    </message>
    <message>
        <source>Everything in it is blanked: its stakeholders, buying criteria, visits, notes and answers.</source>
        <translation>项目里的全部内容都会被清空：关键人、采购指标、拜访、备注和辅导回答。</translation>
    </message>
    <message>
        <source>Purge {0} for good?</source>
        <translation>永久清除关键人「{0}」？</translation>
    </message>
    <message>
        <source>Purge this person for good?</source>
        <translation>永久清除这位关键人？</translation>
    </message>
    <message>
        <source>Everything about this person is blanked: contact details, roles, relationship plan and links.</source>
        <translation>此人的全部信息都会被清空：联系方式、角色、关系推进计划和关系连线。</translation>
    </message>
    <message>
        <source>This cannot be undone, and the undo history is cleared.</source>
        <translation>此操作无法撤销，撤销记录也会一并清空。</translation>
    </message>
    <message>
        <source>Through sync the purge reaches every other computer: each one that imports your files blanks it too.</source>
        <translation>清除会随同步传到其他每台电脑：导入您同步文件的电脑也会把它清空。</translation>
    </message>
    <message>
        <source>Earlier backups of this database still contain it.</source>
        <translation>此前的数据库备份里仍留有这些内容。</translation>
    </message>
    <message>
        <source>If you may want it back, use Delete instead.</source>
        <translation>如果以后可能还要找回，请改用「删除」。</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>永久清除</translation>
    </message>
    <message>
        <source>"{0}" was purged.</source>
        <translation>已永久清除「{0}」。</translation>
    </message>
    <message>
        <source>Purged.</source>
        <translation>已永久清除。</translation>
    </message>
</context>
<context>
    <name>PursuitDialog</name>
    <message>
        <source>Edit pursuit</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>New pursuit</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Pick an account or type a new name</source>
        <translation>选择客户，或输入新客户名称</translation>
    </message>
    <message>
        <source>e.g. MES rollout, phase 2</source>
        <translation>例如：MES 生产执行系统二期</translation>
    </message>
    <message>
        <source>e.g. 1,280,000 or 1.28m</source>
        <translation>如 1,280,000 或 128万</translation>
    </message>
    <message>
        <source>What is the next thing to do, with whom?</source>
        <translation>下一步做什么？和谁？</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>项目名称</translation>
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
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create pursuit</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not an amount. Write e.g. 1,280,000 or 1.28m.</source>
        <translation>不是有效金额，请写成如 1,280,000 或 128万。</translation>
    </message>
    <message>
        <source>Name the account (the customer).</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <source>This account no longer exists. Pick another.</source>
        <translation>该客户已不存在，请另选一个。</translation>
    </message>
    <message>
        <source>Give the pursuit a title.</source>
        <translation>请填写项目名称。</translation>
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
        <source>Pick a currency.</source>
        <translation>请选择币种。</translation>
    </message>
    <message>
        <source>A due date needs its next step: write what is to be done, or clear the date.</source>
        <translation>有截止日期就要有下一步：请写明要做什么，或清除日期。</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>该值无效。</translation>
    </message>
    <message>
        <source>Discard this new pursuit?</source>
        <translation>丢弃这个新项目？</translation>
    </message>
    <message>
        <source>What you typed has not been saved and cannot be brought back.</source>
        <translation>填写的内容尚未保存，丢弃后无法恢复。</translation>
    </message>
    <message>
        <source>Discard your changes to this pursuit?</source>
        <translation>丢弃对此项目的修改？</translation>
    </message>
    <message>
        <source>The pursuit stays as it was saved.</source>
        <translation>项目保持上次保存时的内容。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>New pursuit "{0}"</source>
        <translation>新建项目「{0}」</translation>
    </message>
    <message>
        <source>Edit "{0}"</source>
        <translation>编辑「{0}」</translation>
    </message>
    <message>
        <source>"{0}"</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>Create a new account "{0}"?</source>
        <translation>新建客户「{0}」？</translation>
    </message>
    <message>
        <source>An account has a close name: {0}. Two records of one customer split its pursuits and people between them.</source>
        <translation>已有名称相近的客户：{0}。同一个客户建两份记录，项目和关键人会分散在两处。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Use "{0}"</source>
        <translation>用已有的「{0}」</translation>
    </message>
    <message>
        <source>Create "{0}"</source>
        <translation>新建「{0}」</translation>
    </message>
    <message>
        <source>Close to an existing account: {0} (click to use it).</source>
        <translation>已有相近的客户：{0}（点击选用）。</translation>
    </message>
    <message>
        <source>Otherwise a new account "{0}" will be created.</source>
        <translation>否则将新建客户「{0}」。</translation>
    </message>
    <message>
        <source>A new account "{0}" will be created.</source>
        <translation>将新建客户「{0}」。</translation>
    </message>
</context>
<context>
    <name>PursuitOperations</name>
    <message>
        <source>Reorder "{0}"</source>
        <translation>调整「{0}」的顺序</translation>
    </message>
    <message>
        <source>Reorder {0} pursuits</source>
        <translation>调整 {0} 个项目的顺序</translation>
    </message>
    <message>
        <source>Move "{0}" to {1}</source>
        <translation>将「{0}」移至{1}</translation>
    </message>
    <message>
        <source>Move {0} pursuits to {1}</source>
        <translation>将 {0} 个项目移至{1}</translation>
    </message>
    <message>
        <source>Mark {0} as {1}</source>
        <translation>将{0}标记为{1}</translation>
    </message>
    <message>
        <source>Reopen "{0}"</source>
        <translation>重新打开「{0}」</translation>
    </message>
    <message>
        <source>Reopen {0} pursuits</source>
        <translation>重新打开 {0} 个项目</translation>
    </message>
    <message>
        <source>Delete "{0}"</source>
        <translation>删除「{0}」</translation>
    </message>
    <message>
        <source>Delete {0} pursuits</source>
        <translation>删除 {0} 个项目</translation>
    </message>
    <message>
        <source>{0} — undo with Ctrl+Z</source>
        <translation>已{0} — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Shared with the team: it travels through the sync folder and exports.</source>
        <translation>与团队共享：通过同步文件夹和导出文件传给同事。</translation>
    </message>
    <message>
        <source>Private: kept on this computer, left out of every sync file and export. Colleagues who already received it keep the copy they have; your later changes no longer reach them.</source>
        <translation>私有：只留在本机，不进入任何同步文件和导出文件。已经收到它的同事保留手上的那一份；你之后的修改不再传给他们。</translation>
    </message>
    <message>
        <source>Share with the team</source>
        <translation>与团队共享</translation>
    </message>
    <message>
        <source>Keep private</source>
        <translation>设为私有</translation>
    </message>
</context>
</TS>