<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OptionalDateEdit</name>
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
        <source>{0} red flag(s): open the pursuit to see them</source>
        <translation>{0} 项风险提示：打开项目查看</translation>
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
        <source>Days since last touch</source>
        <translation>无跟进天数</translation>
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
        <source>Shared</source>
        <translation>共享</translation>
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
</TS>