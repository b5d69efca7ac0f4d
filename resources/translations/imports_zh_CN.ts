<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A .vcf file of contacts from a phone or Outlook (vCard 2.1, 3.0 or 4.0).</source>
        <translation>从手机或 Outlook 导出的 .vcf 联系人文件（vCard 2.1、3.0 或 4.0）。</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK) with one row per account, pursuit or person. A first row of headers helps; titles above it are skipped.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK），每行一个客户、项目或关键人。首行最好是表头；表头上方的标题行会被跳过。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Contacts (*.vcf)</source>
        <translation>联系人 (*.vcf)</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表格 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>I&amp;mport</source>
        <translation>导入(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Table (Excel, CSV)…</source>
        <translation>表格（Excel、CSV）(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Contacts (vCard)…</source>
        <translation>通讯录名片（vCard）(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Lists</source>
        <translation>导出清单(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>客户清单(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;People of All Pursuits…</source>
        <translation>所有项目的关键人(&amp;P)…</translation>
    </message>
    <message>
        <source>People of the Open Pursuit (&amp;vCard)…</source>
        <translation>当前项目的关键人（vCard）(&amp;V)…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>People</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Export List</source>
        <translation>导出清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The list could not be written: {0}</source>
        <translation>无法写出清单：{0}</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>客户名称</translation>
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
        <source>Person's name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
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
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Pursuit title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>下一步期限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少{field}</translation>
    </message>
    <message>
        <source>{field} not understood: "{text}"</source>
        <translation>{field}无法识别：「{text}」</translation>
    </message>
    <message>
        <source>{field} is not a date: "{text}"</source>
        <translation>{field}不是日期：「{text}」</translation>
    </message>
    <message>
        <source>{field} is ambiguous: "{text}" (day/month or month/day?)</source>
        <translation>{field}有歧义：「{text}」（日/月还是月/日？）</translation>
    </message>
    <message>
        <source>{field} not understood: "{text}" (1–8 or the name of a stage)</source>
        <translation>{field}无法识别：「{text}」（应为 1–8 或阶段名称）</translation>
    </message>
    <message>
        <source>{field} is too long</source>
        <translation>{field}过长</translation>
    </message>
    <message>
        <source>{field} "{text}" without a next step in the row</source>
        <translation>{field}「{text}」缺少下一步：请在同一行写明</translation>
    </message>
    <message>
        <source>this row is not in {encoding} (a file of mixed encodings?)</source>
        <translation>此行不是 {encoding} 编码（文件混用了多种编码？）</translation>
    </message>
    <message>
        <source>The file cannot be read: {0} ({1}).</source>
        <translation>无法读取文件：{0}（{1}）。</translation>
    </message>
    <message>
        <source>There is no file at {detail}.</source>
        <translation>找不到文件：{detail}。</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}.</source>
        <translation>无法读取文件：{detail}。</translation>
    </message>
    <message>
        <source>The file is larger than {detail}.</source>
        <translation>文件超过 {detail}。</translation>
    </message>
    <message>
        <source>The sheet has more than {detail} rows. Split it and import the parts one by one.</source>
        <translation>表格超过 {detail} 行，请拆分后分批导入。</translation>
    </message>
    <message>
        <source>{detail} would decompress to an abnormal size and is not opened.</source>
        <translation>{detail} 解压后异常巨大，未予打开。</translation>
    </message>
    <message>
        <source>{detail} is still being written (a download, copy or save in progress). Try again when it is done.</source>
        <translation>{detail} 仍在写入中（下载、复制或保存尚未完成），请完成后再试。</translation>
    </message>
    <message>
        <source>{detail} is not an Excel .xlsx file.</source>
        <translation>{detail} 不是 Excel .xlsx 文件。</translation>
    </message>
    <message>
        <source>{detail} is damaged or incomplete (still being copied?).</source>
        <translation>{detail} 已损坏或不完整（仍在复制？）。</translation>
    </message>
    <message>
        <source>A quotation mark opened on line {detail} is never closed, so the lines after it would run together into one cell. Correct the file and import it again.</source>
        <translation>第 {detail} 行的引号没有闭合，其后的各行会连成一个单元格。请修正文件后再导入。</translation>
    </message>
    <message>
        <source>{detail} is not a table (CSV or XLSX).</source>
        <translation>{detail} 不是表格文件（CSV 或 XLSX）。</translation>
    </message>
    <message>
        <source>Line {detail}: text follows the closing quotation mark of a cell (quotation marks must enclose the whole cell). Correct the file and import it again.</source>
        <translation>第 {detail} 行：单元格的引号闭合后还跟着文字（引号须包住整个单元格）。请修正文件后再导入。</translation>
    </message>
    <message>
        <source>Line {detail} cannot be read as a row of a table. Correct the file and import it again.</source>
        <translation>第 {detail} 行无法作为表格的一行读取。请修正文件后再导入。</translation>
    </message>
    <message>
        <source>There is no sheet to import: {detail}.</source>
        <translation>没有可导入的工作表：{detail}。</translation>
    </message>
    <message>
        <source>{detail} is empty: it holds no text.</source>
        <translation>{detail} 是空的，没有任何文字。</translation>
    </message>
    <message>
        <source>No header row was found in {detail}.</source>
        <translation>{detail} 中找不到表头行。</translation>
    </message>
    <message>
        <source>Unsupported encoding: {detail}.</source>
        <translation>不支持的编码：{detail}。</translation>
    </message>
    <message>
        <source>Old .xls files cannot be read: save it as .xlsx or .csv in Excel or WPS first.</source>
        <translation>无法读取旧版 .xls 文件：请先在 Excel 或 WPS 中另存为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Use an .xlsx, .csv or .vcf file.</source>
        <translation>请使用 .xlsx、.csv 或 .vcf 文件。</translation>
    </message>
    <message>
        <source>{detail} holds no contact cards.</source>
        <translation>{detail} 中没有联系人名片。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>{field} "{text}" does not look like an email address; imported as written</source>
        <translation>{field}「{text}」不像邮件地址，照原样导入</translation>
    </message>
    <message>
        <source>an account has a close name: "{text}"</source>
        <translation>已有名称相近的客户「{text}」</translation>
    </message>
    <message>
        <source>{0} (close to the existing "{1}")</source>
        <translation>{0}（已有相近的「{1}」）</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>等另外 {0} 个</translation>
    </message>
    <message>
        <source>New accounts ({0}): {1}</source>
        <translation>新建客户 {0} 个：{1}</translation>
    </message>
    <message>
        <source>repeats card {row}</source>
        <translation>与第 {row} 张名片重复</translation>
    </message>
    <message>
        <source>repeats row {row}</source>
        <translation>与第 {row} 行重复</translation>
    </message>
    <message>
        <source>same company</source>
        <translation>同一客户</translation>
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
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>same pursuit of this account</source>
        <translation>该客户的同名项目</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import Contacts (vCard)</source>
        <translation>导入通讯录名片（vCard）</translation>
    </message>
    <message>
        <source>Import a Table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>%v rows</source>
        <translation>%v 行</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>What are the rows?</source>
        <translation>每一行是什么？</translation>
    </message>
    <message>
        <source>Where do the contacts go?</source>
        <translation>名片导入到哪里？</translation>
    </message>
    <message>
        <source>Pursuits, each with its contact</source>
        <translation>项目（每行带联系人）</translation>
    </message>
    <message>
        <source>One row per pursuit; its account is found by name or created, and the row's contact goes onto the pursuit's stakeholder map.</source>
        <translation>每行一个项目；按名称找到或新建其客户，该行的联系人放到项目的关系图上。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>One row per customer organisation.</source>
        <translation>每行一个客户单位。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>One row per person, onto an account (to put on a map later) or onto a pursuit's stakeholder map.</source>
        <translation>每行一位关键人，放到客户下（以后再放上关系图），或放到某个项目的关系图上。</translation>
    </message>
    <message>
        <source>Each card becomes a person: of an account (to put on a map later) or on a pursuit's stakeholder map.</source>
        <translation>每张名片成为一位关键人：放到客户下（以后再放上关系图），或放到某个项目的关系图上。</translation>
    </message>
    <message>
        <source>Onto an account:</source>
        <translation>放到客户下：</translation>
    </message>
    <message>
        <source>Onto a pursuit's map:</source>
        <translation>放到项目关系图上：</translation>
    </message>
    <message>
        <source>The company each card names</source>
        <translation>每张名片上的单位</translation>
    </message>
    <message>
        <source>The company each row names</source>
        <translation>每行的客户名称</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Each column was matched to a field by its header. Change what is wrong; the choice is remembered for files with the same headers.</source>
        <translation>已按表头为每列匹配字段。如有不对请修改；表头相同的文件下次会沿用此设置。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Choose the column that gives the {0}.</source>
        <translation>请选择作为「{0}」的列。</translation>
    </message>
    <message>
        <source>A field chosen twice is filled from its first column.</source>
        <translation>同一字段选了两次时，取第一列。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>contact already on the map ({0})</source>
        <translation>联系人已在关系图上（{0}）</translation>
    </message>
    <message>
        <source>new account "{0}"</source>
        <translation>新建客户「{0}」</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>有提醒的行</translation>
    </message>
    <message>
        <source>Making new accounts</source>
        <translation>会新建客户的行</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>重复记录：</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Fill empty fields</source>
        <translation>补全空白字段</translation>
    </message>
    <message>
        <source>Update all fields</source>
        <translation>更新所有字段</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>Checking each row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>New: {0} · duplicates: {1} · with errors (not imported): {2}</source>
        <translation>新建 {0} · 重复 {1} · 错误（不导入）{2}</translation>
    </message>
    <message>
        <source> · with warnings: {0}</source>
        <translation> · 有提醒 {0}</translation>
    </message>
    <message>
        <source>The pursuit or account is gone. Go back and choose another.</source>
        <translation>该项目或客户已不存在。请返回另选一个。</translation>
    </message>
    <message>
        <source>Choose the column that gives the {0}.</source>
        <translation>请选择作为「{0}」的列。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Created: {0} · updated: {1} · duplicates skipped: {2} · rows with errors: {3}</source>
        <translation>新建 {0} · 更新 {1} · 跳过重复 {2} · 错误 {3} 行</translation>
    </message>
    <message>
        <source>A backup from before the import: {0}</source>
        <translation>导入前的备份：{0}</translation>
    </message>
    <message>
        <source>Edit ▸ Undo takes the whole import back.</source>
        <translation>用「编辑 ▸ 撤销」可撤回整个导入。</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <source>Card {0}: {1}</source>
        <translation>第 {0} 张名片：{1}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Backing up the database, then importing…</source>
        <translation>正在备份数据库，然后导入…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Import of {0} rows</source>
        <translation>导入 {0} 行</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>导入已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <source>The database could not be read, so the import was not saved. Nothing was changed.</source>
        <translation>无法读取数据库，导入未保存，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>What was read</source>
        <translation>读取结果</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Big5 (traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source> (detected)</source>
        <translation>（检测到）</translation>
    </message>
    <message>
        <source>{0} contact cards read.</source>
        <translation>已读取 {0} 张名片。</translation>
    </message>
    <message>
        <source>Header on row {0}; {1} rows of data under it.</source>
        <translation>表头在第 {0} 行，其下有 {1} 行数据。</translation>
    </message>
    <message>
        <source>{0} repeated header rows skipped.</source>
        <translation>已跳过 {0} 个重复的表头行。</translation>
    </message>
    <message>
        <source>None of the headers is known: if they look garbled, choose another encoding.</source>
        <translation>没有认得出的表头：若表头是乱码，请换一种编码。</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
</context>
</TS>