<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Counts</name>
    <message>
        <source>1 pursuit</source>
        <translation>1 个项目</translation>
    </message>
    <message>
        <source>{0} pursuits</source>
        <translation>{0} 个项目</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 个客户</translation>
    </message>
    <message>
        <source>{0} accounts</source>
        <translation>{0} 个客户</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 位关键人</translation>
    </message>
    <message>
        <source>{0} people</source>
        <translation>{0} 位关键人</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 次拜访</translation>
    </message>
    <message>
        <source>{0} visits</source>
        <translation>{0} 次拜访</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>"{0}" is not a date; the date was not changed.</source>
        <translation>「{0}」不是有效日期，日期未更改。</translation>
    </message>
</context>
<context>
    <name>DocumentsButton</name>
    <message>
        <source>Documents of this item: click to see them, or drop files here</source>
        <translation>本项的资料：点击查看，或把文件拖到这里</translation>
    </message>
    <message>
        <source>Documents ({0})</source>
        <translation>资料（{0}）</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单项</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Not on this computer</source>
        <translation>不在这台电脑上</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>This document came by sync without its file. Import a sync file that was exported with files to get it.</source>
        <translation>这份资料是同步过来的，但没有带上文件。导入一个包含文件导出的同步文件即可取得。</translation>
    </message>
    <message>
        <source>The file on this computer no longer matches what was attached. Attach it again.</source>
        <translation>这台电脑上的文件与当初附加的内容已不一致。请重新附加。</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Attach {0} files</source>
        <translation>附加 {0} 个文件</translation>
    </message>
    <message>
        <source>"{0}" ({1})</source>
        <translation>「{0}」（{1}）</translation>
    </message>
    <message>
        <source>"{0}"</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>Attach "{0}"</source>
        <translation>附加「{0}」</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Files up to {0} can be attached. Not added: {1}. Make the file smaller (a PDF of the scan, say) and add it again.</source>
        <translation>每个文件最大 {0}。未添加：{1}。请把文件变小（例如把扫描件存为 PDF）后再添加。</translation>
    </message>
    <message>
        <source>These could not be read, so they were not added: {0}.</source>
        <translation>以下文件无法读取，未添加：{0}。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected documents (undo with Ctrl+Z)</source>
        <translation>移除选中的资料（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Drop files on the list, or add them. Up to {0} per file.</source>
        <translation>把文件拖到列表上，或点击添加。每个文件最大 {0}。</translation>
    </message>
    <message>
        <source>No documents yet. Keep the business licence, the proposal, the acceptance certificate and the invoices here.</source>
        <translation>还没有资料。营业执照、方案建议书、验收证明和发票都可以放在这里。</translation>
    </message>
    <message>
        <source>Documents ({0})</source>
        <translation>资料（{0}）</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>"{0}" is not on this computer: it came by sync without its file. Import a sync file exported with files to get it.</source>
        <translation>「{0}」不在这台电脑上：它是同步过来的，但没有带上文件。导入一个包含文件导出的同步文件即可取得。</translation>
    </message>
    <message>
        <source>"{0}" is damaged on this computer: its content no longer matches what was attached, so it was not opened. Attach the file again.</source>
        <translation>「{0}」在这台电脑上已损坏：内容与当初附加的不一致，因此没有打开。请重新附加该文件。</translation>
    </message>
    <message>
        <source>No program on this computer opens "{0}".</source>
        <translation>这台电脑上没有能打开「{0}」的程序。</translation>
    </message>
    <message>
        <source>Remove {0} documents</source>
        <translation>移除 {0} 份资料</translation>
    </message>
    <message>
        <source>Remove "{0}"</source>
        <translation>移除「{0}」</translation>
    </message>
</context>
<context>
    <name>DocumentsSync</name>
    <message>
        <source> and {0} more</source>
        <translation>，另有 {0} 份</translation>
    </message>
    <message>
        <source>The files of the documents ({0}, {1}) are in "{2}" beside it: send both files together.</source>
        <translation>资料的文件（{0} 份，{1}）在旁边的「{2}」里：请把两个文件一起发送。</translation>
    </message>
    <message>
        <source>Not on this computer, so not included: {0}.</source>
        <translation>不在这台电脑上，未包含：{0}。</translation>
    </message>
    <message>
        <source>Damaged on this computer, so left out: {0}. Attach them again.</source>
        <translation>在这台电脑上已损坏，未包含：{0}。请重新附加。</translation>
    </message>
    <message>
        <source>Files of {0} documents arrived.</source>
        <translation>收到 {0} 份资料的文件。</translation>
    </message>
    <message>
        <source>Arrived damaged and not kept: {0}. Ask the sender to export again.</source>
        <translation>收到时已损坏，未保存：{0}。请对方重新导出。</translation>
    </message>
    <message>
        <source>Not on this computer (the file came without them): {0}.</source>
        <translation>不在这台电脑上（同步文件没有带上它们）：{0}。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Delete clears the date</source>
        <translation>按 Delete 键清除日期</translation>
    </message>
</context>
<context>
    <name>OutputCheck</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>{0} is a folder. Nothing was written; choose a file name.</source>
        <translation>「{0}」是一个文件夹。未写入任何内容，请选择一个文件名。</translation>
    </message>
    <message>
        <source>{0} is the database Pursuit has open, or one of its working files, and is never written over. Nothing was written; choose another name.</source>
        <translation>「{0}」是 Pursuit 正在使用的数据库（或它的工作文件），不能被覆盖。未写入任何内容，请另选一个文件名。</translation>
    </message>
    <message>
        <source>{0} is a backup of this database. Replace it with {1}? The backup cannot be brought back.</source>
        <translation>「{0}」是本数据库的备份。要用{1}替换它吗？替换后，这份备份无法找回。</translation>
    </message>
    <message>
        <source>{0} is a database, perhaps one in use. Replace it with {1}? What it holds cannot be brought back.</source>
        <translation>「{0}」是一个数据库，可能正在使用。要用{1}替换它吗？替换后，其中的数据无法找回。</translation>
    </message>
    <message>
        <source>{0} is {1}, not {2}. Replace it? What it holds cannot be brought back.</source>
        <translation>「{0}」是{1}，不是{2}。要替换它吗？替换后，原有内容无法找回。</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>「{0}」已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>a sync file</source>
        <translation>同步文件</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a calendar file</source>
        <translation>日历文件</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>a PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>an SVG drawing</source>
        <translation>SVG 图形</translation>
    </message>
    <message>
        <source>a backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>a database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>a ZIP archive or an Office document</source>
        <translation>ZIP 压缩包或 Office 文档</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>a file of another kind</source>
        <translation>其他类型的文件</translation>
    </message>
</context>
<context>
    <name>PursuitColumns</name>
    <message>
        <source>{0}; over the stage's limit of {1} days: rotting</source>
        <translation>{0}；超过本阶段 {1} 天的时限：已停滞</translation>
    </message>
    <message>
        <source>{0}; the stage's limit is {1} days</source>
        <translation>{0}；本阶段时限为 {1} 天</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>风险提示</translation>
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
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Created on another computer ({0}) and merged from its sync file</source>
        <translation>在另一台电脑（{0}）上创建，从它的同步文件合并而来</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Weighted amount = amount not yet received × win rate</source>
        <translation>加权金额 = 未回款金额 × 赢率</translation>
    </message>
    <message>
        <source>1 red flag: open the pursuit to see it</source>
        <translation>1 项风险提示：打开项目查看</translation>
    </message>
    <message>
        <source>{0} red flags: open the pursuit to see them</source>
        <translation>{0} 项风险提示：打开项目查看</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Kept on this computer: never in a sync file</source>
        <translation>只留在本机：不进入任何同步文件</translation>
    </message>
    <message>
        <source>Shared with the team through sync</source>
        <translation>通过同步与团队共享</translation>
    </message>
    <message>
        <source>Days idle</source>
        <translation>无跟进天数</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>an activity done</source>
        <translation>完成一项活动</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>一条笔记</translation>
    </message>
    <message>
        <source>a visit held</source>
        <translation>一次拜访</translation>
    </message>
    <message>
        <source>entering the current stage</source>
        <translation>进入当前阶段</translation>
    </message>
    <message>
        <source>Last touch: {0}, {1}</source>
        <translation>最近跟进：{0}，{1}</translation>
    </message>
</context>
<context>
    <name>PursuitTabs</name>
    <message>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Stage changes</source>
        <translation>阶段变化</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>同步导入</translation>
    </message>
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
        <source>Imported from {0}</source>
        <translation>从「{0}」同步导入</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>关于{0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Override: {0}</source>
        <translation>越过关卡：{0}</translation>
    </message>
    <message>
        <source>Fields changed: {0}</source>
        <translation>更改字段：{0} 个</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Write a note… (Ctrl+Enter saves)</source>
        <translation>写一条笔记……（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <source>The day the note is about</source>
        <translation>笔记所记的日期</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加笔记</translation>
    </message>
</context>
<context>
    <name>VCardExport</name>
    <message>
        <source>Export People (vCard)</source>
        <translation>导出关键人（vCard）</translation>
    </message>
    <message>
        <source>Contacts (*.vcf)</source>
        <translation>联系人 (*.vcf)</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
</context>
</TS>