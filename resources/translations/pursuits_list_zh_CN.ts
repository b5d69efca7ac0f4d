<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by account, pursuit, next step or tag</source>
        <translation>按客户、项目、下一步或标签筛选</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed (collected, lost, abandoned)</source>
        <translation>已关闭（已回款、丢单、放弃）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Show the pursuits of one rep (the database they came from)</source>
        <translation>只看某位销售的项目（按项目来自哪个数据库）</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>有风险提示</translation>
    </message>
    <message>
        <source>Only pursuits with red flags</source>
        <translation>只看有风险提示的项目</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>Only open pursuits longer in their stage than its limit</source>
        <translation>只看在本阶段超过时限的进行中项目</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Only open pursuits whose next step or expected close date is past</source>
        <translation>只看下一步或预计成交日期已过的进行中项目</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Every rep</source>
        <translation>全部销售</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>Pursuits {0}</source>
        <translation>项目 {0}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV,UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export pursuits</source>
        <translation>导出项目</translation>
    </message>
    <message>
        <source>Pursuits</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Exporting {0} pursuits…</source>
        <translation>正在导出 {0} 个项目…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported {0} pursuits to {1}</source>
        <translation>已将 {0} 个项目导出到 {1}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ListMenus</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>PursuitsScreen</name>
    <message>
        <source>New pursuit</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>New pursuit (Ctrl+Shift+N)</source>
        <translation>新建项目（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>移到阶段</translation>
    </message>
    <message>
        <source>Mark collected (won)…</source>
        <translation>标记为已回款（赢单）…</translation>
    </message>
    <message>
        <source>Mark lost…</source>
        <translation>标为丢单…</translation>
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
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected pursuits (undo with Ctrl+Z)</source>
        <translation>删除所选项目（按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>永久清除…</translation>
    </message>
    <message>
        <source>Blank this pursuit for good, here and on every computer it syncs with</source>
        <translation>永久清空这个项目：本机和与之同步的每台电脑上都会清空</translation>
    </message>
    <message>
        <source>Share with the team</source>
        <translation>与团队共享</translation>
    </message>
    <message>
        <source>Keep private</source>
        <translation>设为私有</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the shown rows to Excel (.xlsx) or CSV (Ctrl+E)</source>
        <translation>将显示的行导出为 Excel（.xlsx）或 CSV（Ctrl+E）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Choose the columns to show</source>
        <translation>选择要显示的列</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No pursuit matches the filters</source>
        <translation>没有符合筛选条件的项目</translation>
    </message>
    <message>
        <source>Clear the filters to see all {0} pursuits.</source>
        <translation>清除筛选即可查看全部 {0} 个项目。</translation>
    </message>
    <message>
        <source>No pursuits yet</source>
        <translation>还没有项目</translation>
    </message>
    <message>
        <source>Add the first pursuit you are working on, or load demo data to see the list at work.</source>
        <translation>新建您正在跟进的第一个项目，或载入示例数据看看列表的效果。</translation>
    </message>
    <message>
        <source>{0} of {1} pursuits</source>
        <translation>显示 {0} / {1} 个项目</translation>
    </message>
    <message>
        <source>amount {0}</source>
        <translation>金额 {0}</translation>
    </message>
    <message>
        <source>weighted {0}</source>
        <translation>加权金额 {0}</translation>
    </message>
    <message>
        <source>{0} selected: {1}, weighted {2}</source>
        <translation>已选 {0} 个：金额 {1}，加权 {2}</translation>
    </message>
    <message>
        <source>Remove tag &quot;{0}&quot; from {1} pursuits</source>
        <translation>从 {1} 个项目移除标签「{0}」</translation>
    </message>
    <message>
        <source>Tag {1} pursuits &quot;{0}&quot;</source>
        <translation>为 {1} 个项目添加标签「{0}」</translation>
    </message>
    <message>
        <source>{0} — undo with Ctrl+Z</source>
        <translation>已{0} — 按 Ctrl+Z 可撤销</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove this tag from the selected pursuit:</source>
        <translation>从所选的项目中移除此标签：</translation>
    </message>
    <message>
        <source>Remove this tag from the {0} selected pursuits:</source>
        <translation>从所选的 {0} 个项目中移除此标签：</translation>
    </message>
    <message>
        <source>Add this tag to the selected pursuit:</source>
        <translation>为所选的项目添加此标签：</translation>
    </message>
    <message>
        <source>Add this tag to the {0} selected pursuits:</source>
        <translation>为所选的 {0} 个项目添加此标签：</translation>
    </message>
    <message>
        <source>e.g. 重点, 续约</source>
        <translation>例如：重点、续约</translation>
    </message>
    <message>
        <source>Type a tag.</source>
        <translation>请输入标签。</translation>
    </message>
</context>
</TS>
