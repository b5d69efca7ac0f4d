<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MethodGuide</name>
    <message>
        <source>Sales Method</source>
        <translation>销售方法</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Stage {0}: {1}</source>
        <translation>阶段 {0}：{1}</translation>
    </message>
    <message>
        <source>Milestone: {0}</source>
        <translation>里程碑：{0}</translation>
    </message>
    <message>
        <source>Win rate: {0}%</source>
        <translation>赢率：{0}%</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Coaching points</source>
        <translation>辅导要点</translation>
    </message>
    <message>
        <source>Importance and scores run from 1 to 5. A criterion is winning when our score is above the best competitor's and its importance is {0} or more; sleeping when our score is above the best but its importance is {1} or less; fatal when our score is below the best and its importance is {0} or more; otherwise neutral. On the Buying criteria tab you can set a criterion's class yourself when you know better than the numbers.</source>
        <translation>重要性和得分都从 1 到 5。我方得分高于最强的竞争对手、且重要性在 {0} 及以上的指标是优胜指标；我方得分更高、但重要性在 {1} 及以下的是沉睡指标；我方得分低于最强的竞争对手、且重要性在 {0} 及以上的是致命指标；其余为中性。如果您比数字更清楚，可以在「采购指标」页中自行设定指标的类别。</translation>
    </message>
    <message>
        <source>Buying roles</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Relationship stages</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Personality types</source>
        <translation>性格类型</translation>
    </message>
    <message>
        <source>Buying criteria</source>
        <translation>采购指标</translation>
    </message>
</context>
</TS>