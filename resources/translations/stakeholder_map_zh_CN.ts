<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Buying roles</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Allies</source>
        <translation>同盟</translation>
    </message>
    <message>
        <source>Selected person</source>
        <translation>选中的关键人</translation>
    </message>
    <message>
        <source>Not found yet</source>
        <translation>尚未找到</translation>
    </message>
    <message>
        <source>{0} of {1} roles found</source>
        <translation>已找到 {0}/{1} 个采购角色</translation>
    </message>
    <message>
        <source>No ally yet.</source>
        <translation>还没有同盟。</translation>
    </message>
    <message>
        <source>An ally is someone who is: {0}</source>
        <translation>同盟是指：{0}</translation>
    </message>
    <message>
        <source>How to deal: {0}</source>
        <translation>打交道方式：{0}</translation>
    </message>
    <message>
        <source>Personality not judged yet: introvert or extrovert, assertive or easy-going?</source>
        <translation>尚未判断性格：内向还是外向？强势还是随和？</translation>
    </message>
    <message>
        <source>Help to ask: {0}</source>
        <translation>希望得到的帮助：{0}</translation>
    </message>
    <message>
        <source>An ally: decide what help to ask for.</source>
        <translation>已是同盟：想清楚希望对方提供什么帮助。</translation>
    </message>
    <message>
        <source>Next step: {0}</source>
        <translation>下一步：{0}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Select a person to edit their card.

Double-click empty space to add a person. Drag from the dot on a card's right edge onto another card to link them. Drag across empty space to select several.</source>
        <translation>选中一位关键人即可编辑其资料。

双击空白处添加关键人；从卡片右侧的圆点拖到另一张卡片上即可连线；在空白处拖动可框选多人。</translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message>
        <source>e.g. old classmates; competes for the budget</source>
        <translation>例如：老同学；与其争预算</translation>
    </message>
    <message>
        <source>Reverse direction</source>
        <translation>反转方向</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Solid grey arrows are reports-to lines; set them in the person's panel.</source>
        <translation>灰色实线箭头是汇报关系，可在关键人资料中设置。</translation>
    </message>
    <message>
        <source>{0} reports to {1}</source>
        <translation>{0} 汇报给 {1}</translation>
    </message>
    <message>
        <source>A reports-to line of the org chart. Delete it to take {0} out from under {1}; both keep their cards.</source>
        <translation>这是组织架构中的汇报关系。删除后 {0} 不再挂在 {1} 之下，两人的卡片都会保留。</translation>
    </message>
    <message>
        <source>Reverse link</source>
        <translation>反转连线</translation>
    </message>
    <message>
        <source>Remove {0}'s manager</source>
        <translation>取消 {0} 的上级</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>A person needs a name. The previous name was kept.</source>
        <translation>姓名不能为空，已保留原来的姓名。</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>尚未判断</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <source>Buying roles</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Help wanted</source>
        <translation>希望得到的帮助</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣点</translation>
    </message>
    <message>
        <source>Relationship plan</source>
        <translation>关系推进计划</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加连线</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>删除关键人…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关系连线</translation>
    </message>
    <message>
        <source>Dated notes</source>
        <translation>跟进笔记</translation>
    </message>
    <message>
        <source>How to deal: {0}</source>
        <translation>打交道方式：{0}</translation>
    </message>
    <message>
        <source>— nobody on the map —</source>
        <translation>— 无（地图上没有其上级）—</translation>
    </message>
    <message>
        <source>No links yet: drag from a card's handle.</source>
        <translation>还没有连线：从卡片右侧的圆点拖出即可。</translation>
    </message>
    <message>
        <source>{0} reports to {1}</source>
        <translation>{0} 汇报给 {1}</translation>
    </message>
    <message>
        <source>Remove {0}'s manager</source>
        <translation>取消 {0} 的上级</translation>
    </message>
    <message>
        <source>Link {0} and {1}</source>
        <translation>连线 {0} 与 {1}</translation>
    </message>
</context>
<context>
    <name>PursuitTabs</name>
    <message>
        <source>Stakeholders</source>
        <translation>关键人地图</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <source>Reuse people from other pursuits</source>
        <translation>从其他项目复用关键人</translation>
    </message>
    <message>
        <source>People on {0}'s other pursuits. Their cards (contact, relationship, personality, roles, help wanted) are copied onto this map; the originals stay as they are.</source>
        <translation>{0} 其他项目中的关键人。复用时会把其资料（联系方式、关系阶段、性格、采购角色、希望得到的帮助）复制到本项目的地图上，原项目中的资料保持不变。</translation>
    </message>
    <message>
        <source>Filter by name, title or pursuit</source>
        <translation>按姓名、职务或项目筛选</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>无职务</translation>
    </message>
    <message>
        <source>on no map yet</source>
        <translation>尚未在任何关系图上</translation>
    </message>
    <message>
        <source>(already on this map)</source>
        <translation>（地图上已有同名）</translation>
    </message>
    <message>
        <source>Add to map</source>
        <translation>添加到地图</translation>
    </message>
</context>
<context>
    <name>SelectionPanel</name>
    <message>
        <source>Delete selection…</source>
        <translation>删除所选…</translation>
    </message>
    <message>
        <source>{0} people: {1}</source>
        <translation>{0} 人：{1}</translation>
    </message>
    <message>
        <source>{0} lines</source>
        <translation>{0} 条连线</translation>
    </message>
</context>
<context>
    <name>StakeholderMapCommands</name>
    <message>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <source>Reuse {0}</source>
        <translation>复用 {0}</translation>
    </message>
    <message>
        <source>Reuse {0} people</source>
        <translation>复用 {0} 人</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>编辑 {0}</translation>
    </message>
    <message>
        <source>Move {0} people</source>
        <translation>移动 {0} 人</translation>
    </message>
    <message>
        <source>Move a person</source>
        <translation>移动关键人</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <source>Delete {0} people</source>
        <translation>删除 {0} 人</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Delete {0} links</source>
        <translation>删除 {0} 条连线</translation>
    </message>
    <message>
        <source>Edit link</source>
        <translation>编辑连线</translation>
    </message>
</context>
<context>
    <name>StakeholderMapEditor</name>
    <message>
        <source>Details</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <source>Stakeholder map</source>
        <translation>关键人地图</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加关键人</translation>
    </message>
    <message>
        <source>Add a person (N, or double-click empty space)</source>
        <translation>添加关键人（N 键，或双击空白处）</translation>
    </message>
    <message>
        <source>Reuse…</source>
        <translation>复用…</translation>
    </message>
    <message>
        <source>Copy people from the account's other pursuits onto this map</source>
        <translation>把同一客户其他项目中的关键人复制到本地图</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selection (Delete)</source>
        <translation>删除所选（Delete 键）</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Arrange as an org chart by reports-to (you can move people after)</source>
        <translation>按汇报关系自动排成组织架构图（之后仍可拖动调整）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+ or mouse wheel)</source>
        <translation>放大（+ 键或鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小（- 键）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Fit the map to the window (F)</source>
        <translation>整张地图适合窗口（F 键）</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export the map as a PNG picture</source>
        <translation>将地图导出为 PNG 图片</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export the map as a PDF (A4 landscape)</source>
        <translation>将地图导出为 PDF（A4 横向）</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Show what the colours, lines and icons mean</source>
        <translation>显示颜色、连线和图标的含义</translation>
    </message>
    <message>
        <source>Reuse from other pursuits…</source>
        <translation>从其他项目复用…</translation>
    </message>
    <message>
        <source>This pursuit no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nobody on the map yet&lt;/h3&gt;&lt;p&gt;Who is who at the customer? Add the people you know — double-click anywhere to add one — or reuse people from this account's other pursuits.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;地图上还没有关键人&lt;/h3&gt;&lt;p&gt;客户那边谁是谁？把你认识的人加进来（双击任意空白处即可添加），或从该客户的其他项目中复用。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新关键人</translation>
    </message>
    <message>
        <source>{0} reports to {1}</source>
        <translation>{0} 汇报给 {1}</translation>
    </message>
    <message>
        <source>{0} already reports to {1}</source>
        <translation>{0} 已经（直接或间接）汇报给 {1}</translation>
    </message>
    <message>
        <source>Link {0} and {1}</source>
        <translation>连线 {0} 与 {1}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Add a report</source>
        <translation>添加下属</translation>
    </message>
    <message>
        <source>Remove from under {0}</source>
        <translation>不再汇报给 {0}</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>永久清除…</translation>
    </message>
    <message>
        <source>Blank this person for good, here and on every computer it syncs with</source>
        <translation>永久清空此人的信息：本机和与之同步的每台电脑上都会清空</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Delete line</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Add person here</source>
        <translation>在此添加关键人</translation>
    </message>
    <message>
        <source>Remove {0}'s manager</source>
        <translation>取消 {0} 的上级</translation>
    </message>
    <message>
        <source>Delete {0} from this map?</source>
        <translation>从地图上删除 {0}？</translation>
    </message>
    <message>
        <source>Delete {0} people from this map?</source>
        <translation>从地图上删除 {0} 人？</translation>
    </message>
    <message>
        <source>Their links ({0}) go with them; people who report to them stay on the map without a manager. You can undo this.</source>
        <translation>其连线（{0} 条）会一并删除；其下属仍保留在地图上，只是不再有上级。此操作可以撤销。</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Arrange as org chart</source>
        <translation>排成组织架构图</translation>
    </message>
    <message>
        <source>Nobody to reuse: {0} has no other pursuit with people on its map.</source>
        <translation>没有可复用的关键人：{0} 的其他项目地图上还没有人。</translation>
    </message>
    <message>
        <source>stakeholder-map</source>
        <translation>关键人地图</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>导出地图为 PNG</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export map as PDF</source>
        <translation>导出地图为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The map could not be written to {0}. Check the folder and try again.</source>
        <translation>地图无法保存到 {0}。请检查文件夹后重试。</translation>
    </message>
    <message>
        <source>Map saved to {0}</source>
        <translation>地图已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>StakeholderMapExport</name>
    <message>
        <source>Relationship</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <source>Help wanted</source>
        <translation>希望得到的帮助</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>Stakeholder map</source>
        <translation>关键人地图</translation>
    </message>
</context>
</TS>