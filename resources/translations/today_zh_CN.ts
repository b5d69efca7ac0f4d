<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NextActivityBar</name>
    <message>
        <source>What came of it? (optional)</source>
        <translation>结果如何？（可不填）</translation>
    </message>
    <message>
        <source>Next activity for this pursuit</source>
        <translation>这个项目的下一步行动</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step done: {0}. What is the next step for {1}?</source>
        <translation>下一步已完成：{0}。{1} 的下一步是什么？</translation>
    </message>
    <message>
        <source>A next step's date needs its action: write what is to be done, or press Skip to leave the pursuit without a next step. Nothing was saved.</source>
        <translation>下一步的日期需要写明行动：请写下要做的事，或按「跳过」让该项目暂无下一步。未保存任何内容。</translation>
    </message>
    <message>
        <source>The pursuit's next step</source>
        <translation>这个项目的下一步</translation>
    </message>
    <message>
        <source>Next step done. What is the next step for {0}?</source>
        <translation>下一步已完成。{0} 的下一步是什么？</translation>
    </message>
    <message>
        <source>Done: {0}. What is next for {1}?</source>
        <translation>已完成：{0}。{1} 的下一步是什么？</translation>
    </message>
    <message>
        <source>Write the next step</source>
        <translation>填写下一步</translation>
    </message>
    <message>
        <source>Write the outcome</source>
        <translation>填写结果</translation>
    </message>
    <message>
        <source>Plan the next activity</source>
        <translation>安排下一步行动</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>{0} due by now: {1}</source>
        <translation>{0} 项已到期：{1}</translation>
    </message>
    <message>
        <source>{0} came due since you last opened Pursuit: {1}</source>
        <translation>自上次打开以来 {0} 项已到期：{1}</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>{0} reminders</source>
        <translation>{0} 项提醒</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> … and {0} more</source>
        <translation>，另有 {0} 项</translation>
    </message>
    <message>
        <source>{0} (next step not written)</source>
        <translation>{0}（未写明下一步）</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>TodayKinds</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Note to self</source>
        <translation>备忘</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>(next step not written)</source>
        <translation>（未写明下一步）</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Overdue ({0})</source>
        <translation>已逾期（{0}）</translation>
    </message>
    <message>
        <source>Today · {0} ({1})</source>
        <translation>今天 · {0}（{1}）</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Mark the activity done (Space)</source>
        <translation>标记为已完成（空格键）</translation>
    </message>
    <message>
        <source>A day later</source>
        <translation>推后一天</translation>
    </message>
    <message>
        <source>A day earlier</source>
        <translation>提前一天</translation>
    </message>
    <message>
        <source>Open pursuit</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>没有待办事项</translation>
    </message>
    <message>
        <source>Nothing is overdue, due today or in the next seven days. Plan the next step of each pursuit from its workspace.</source>
        <translation>没有逾期、今天到期或未来七天内到期的事项。请在各项目的工作区安排下一步行动。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>{0} overdue · {1} today · {2} in the next {3} days</source>
        <translation>逾期 {0} · 今天 {1} · 未来 {3} 天 {2}</translation>
    </message>
    <message>
        <source>Move it a day earlier (Ctrl+Left)</source>
        <translation>提前一天（Ctrl+←）</translation>
    </message>
    <message>
        <source>Already due: a day earlier would be in the past. Put it off with "A day later".</source>
        <translation>已到期：再提前一天就是过去了。要推迟请用「推后一天」。</translation>
    </message>
    <message>
        <source>Done: {0}</source>
        <translation>完成：{0}</translation>
    </message>
    <message>
        <source>Next step done: {0}</source>
        <translation>完成下一步：{0}</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>调整日期：{0}</translation>
    </message>
</context>
</TS>