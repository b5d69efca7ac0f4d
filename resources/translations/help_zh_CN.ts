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