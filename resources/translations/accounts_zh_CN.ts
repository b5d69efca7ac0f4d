<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountColumns</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>{0} open of {1} pursuits</source>
        <translation>{1} 个项目中 {0} 个进行中</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>在途金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Pursuits</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
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
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
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
        <source>Pursuits and roles</source>
        <translation>参与项目及角色</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>The customer's full name, e.g. 苏州恒通电子有限公司</source>
        <translation>客户全称，例如：苏州恒通电子有限公司</translation>
    </message>
    <message>
        <source>What to remember about this customer</source>
        <translation>关于这个客户需要记住的事</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Another account already has this name. Use a different name, or merge the two.</source>
        <translation>已有客户使用这个名称。请换一个名称，或将两个客户合并。</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>客户必须有名称。</translation>
    </message>
</context>
<context>
    <name>AccountPageView</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Merge a duplicate of this customer into it</source>
        <translation>把这个客户的重复记录合并进来</translation>
    </message>
    <message>
        <source>In the Pursuits list</source>
        <translation>在项目列表中查看</translation>
    </message>
    <message>
        <source>Show this account's pursuits in the Pursuits list</source>
        <translation>在项目列表中查看这个客户的项目</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No industry or address yet</source>
        <translation>尚未填写行业和地址</translation>
    </message>
    <message>
        <source>{0} open of {1} pursuits</source>
        <translation>{1} 个项目，{0} 个进行中</translation>
    </message>
    <message>
        <source>pipeline {0}</source>
        <translation>在途 {0}</translation>
    </message>
    <message>
        <source>weighted {0}</source>
        <translation>加权 {0}</translation>
    </message>
    <message>
        <source>won {0}</source>
        <translation>赢单 {0}</translation>
    </message>
    <message>
        <source>Possible duplicates: {0} — click one to merge it.</source>
        <translation>可能重复：{0} — 点击即可合并。</translation>
    </message>
    <message>
        <source>Pursuits ({0})</source>
        <translation>项目（{0}）</translation>
    </message>
    <message>
        <source>People ({0})</source>
        <translation>关键人（{0}）</translation>
    </message>
    <message>
        <source>Visits ({0})</source>
        <translation>拜访（{0}）</translation>
    </message>
    <message>
        <source>Delete this account (undo with Ctrl+Z)</source>
        <translation>删除这个客户（按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>An account with pursuits cannot be deleted: merge it, or move them</source>
        <translation>有项目的客户不能删除：请合并客户，或把项目移到别的客户</translation>
    </message>
    <message>
        <source>Timeline ({0})</source>
        <translation>时间线（{0}）</translation>
    </message>
    <message>
        <source>Open the map of {0}</source>
        <translation>打开 {0} 的关键人地图</translation>
    </message>
    <message>
        <source>Export the Account's People (vCard)…</source>
        <translation>导出该客户的关键人（vCard）…</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Filter by name, industry or address</source>
        <translation>按名称、行业或地址筛选</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>New account (Ctrl+Shift+N)</source>
        <translation>新建客户（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Merge a duplicate of this customer into it</source>
        <translation>把这个客户的重复记录合并进来</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>查重…</translation>
    </message>
    <message>
        <source>Find accounts, competitors and people recorded twice, and merge them</source>
        <translation>找出重复录入的客户、竞争对手和关键人，并合并</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{0} of {1} accounts</source>
        <translation>显示 {0} / {1} 个客户</translation>
    </message>
    <message>
        <source>Choose an account on the left to see its page.</source>
        <translation>在左侧选择一个客户，查看它的详情。</translation>
    </message>
    <message>
        <source>No accounts yet. An account is made with its first pursuit, or here with New account.</source>
        <translation>还没有客户。新建项目时会同时建立客户，也可以在这里点「新建客户」。</translation>
    </message>
    <message>
        <source>New account "{0}"</source>
        <translation>新建客户「{0}」</translation>
    </message>
    <message>
        <source>Edit account "{0}"</source>
        <translation>编辑客户「{0}」</translation>
    </message>
    <message>
        <source>Merge "{0}" into "{1}"</source>
        <translation>将「{0}」合并到「{1}」</translation>
    </message>
    <message>
        <source>{0} — undo with Ctrl+Z</source>
        <translation>已{0} — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Delete account "{0}"</source>
        <translation>删除客户「{0}」</translation>
    </message>
</context>
<context>
    <name>DuplicatesCommand</name>
    <message>
        <source>Merged 1 group of duplicates — undo with Ctrl+Z</source>
        <translation>已合并 1 组重复记录 — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Merged {0} groups of duplicates — undo with Ctrl+Z</source>
        <translation>已合并 {0} 组重复记录 — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Undid the merge of 1 group of duplicates</source>
        <translation>已撤销合并 1 组重复记录</translation>
    </message>
    <message>
        <source>Undid the merge of {0} groups of duplicates</source>
        <translation>已撤销合并 {0} 组重复记录</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicates</source>
        <translation>查重</translation>
    </message>
    <message>
        <source>These accounts, competitors and people look recorded twice (the same company name, phone or email). The record in bold is kept; click another to keep that one. What the others have moves to it. Undo puts everything back.</source>
        <translation>这些客户、竞争对手和关键人看来录入了两次（公司名称、电话或邮箱相同）。保留粗体的那条；点另一条可改为保留它。其余各条的内容并入保留的那条。撤销可全部恢复。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>Account "{0}"</source>
        <translation>客户「{0}」</translation>
    </message>
    <message>
        <source>Competitor "{0}"</source>
        <translation>竞争对手「{0}」</translation>
    </message>
    <message>
        <source>Person "{0}"</source>
        <translation>关键人「{0}」</translation>
    </message>
    <message>
        <source>Pursuits: {0}</source>
        <translation>项目：{0}</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>没有发现重复。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge duplicates: {0}</source>
        <translation>合并重复：{0} 组</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <source>Merged "{0}" into "{1}" — undo with Ctrl+Z</source>
        <translation>已将「{0}」合并到「{1}」 — 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Undid the merge of "{0}" into "{1}"</source>
        <translation>已撤销将「{0}」合并到「{1}」</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate accounts</source>
        <translation>合并重复客户</translation>
    </message>
    <message>
        <source>Choose the account that is the same customer as &lt;b&gt;{0}&lt;/b&gt;. Its pursuits, people and visits move to the account you keep; the other one is removed. Undo puts everything back.</source>
        <translation>选择与&lt;b&gt;{0}&lt;/b&gt;是同一家客户的记录。它的项目、关键人和拜访会移到保留的客户下，另一条记录会被删除。撤销可恢复原状。</translation>
    </message>
    <message>
        <source>Find an account</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>{0}  (similar name)</source>
        <translation>{0}（名称相近）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>Pick the duplicate in the list.</source>
        <translation>请在列表中选择重复的客户。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>What "{0}" holds moves to "{1}": {2}. "{0}" is removed.</source>
        <translation>「{0}」下的 {2}将移到「{1}」下，「{0}」将被删除。</translation>
    </message>
</context>
</TS>