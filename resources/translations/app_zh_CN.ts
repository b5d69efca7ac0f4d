<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong, and what you just did may not have finished. Your data is safe: each change is saved whole or not at all. The details are in the log: {0}</source>
        <translation>出现了意外错误，刚才的操作可能没有完成。数据是安全的：每次更改要么完整保存，要么完全不保存。详细信息已写入日志：{0}</translation>
    </message>
    <message>
        <source>This database is empty. Load demo data to try Pursuit out? You can delete it later, or start with a new database.</source>
        <translation>数据库还是空的。要载入示例数据试用一下吗？以后可以删除，也可以新建一个数据库重新开始。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>process {0} on {1}</source>
        <translation>{1} 上的进程 {0}</translation>
    </message>
    <message>
        <source>{0} is already open in another Pursuit window ({1}). You can look at it read-only here, or quit and switch to that window.</source>
        <translation>{0} 已在另一个 Pursuit 窗口中打开（{1}）。可以在这里以只读方式查看，或退出并切换到那个窗口。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>{0} cannot be written: the file or its folder is read-only. Nothing was changed. You can look at it read-only here, or quit.</source>
        <translation>{0} 无法写入：文件或其所在文件夹为只读。未做任何更改。可以在这里以只读方式查看，或退出。</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目型销售管理</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database file is missing or was moved. Nothing was changed.</source>
        <translation>数据库文件不存在或已被移走。未做任何更改。</translation>
    </message>
    <message>
        <source>This file is not a Pursuit database. Nothing was changed.</source>
        <translation>该文件不是 Pursuit 数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Pursuit. Please update the program. Nothing was changed.</source>
        <translation>该数据库由更新版本的 Pursuit 创建，请升级程序。未做任何更改。</translation>
    </message>
    <message>
        <source>The database is read-only, so the change was not saved.</source>
        <translation>数据库为只读，更改未保存。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. Free some space and try again.</source>
        <translation>磁盘已满，更改未保存。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>The database could not be used. Nothing was changed.</source>
        <translation>无法使用该数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>A next step's date needs its action: write on the pursuit's overview what is to be done. Nothing was saved.</source>
        <translation>下一步的日期要配上行动：请在项目概览里写明要做什么。未保存任何内容。</translation>
    </message>
    <message>
        <source>This item no longer exists (it may have been deleted). Nothing was changed.</source>
        <translation>该条目已不存在（可能已被删除）。未做任何更改。</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed. Details are in {0}.</source>
        <translation>出现错误，未做任何更改。详细信息已记录在 {0}。</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>The account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>The stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>The status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>The expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>The next step's due date</source>
        <translation>下一步截止日期</translation>
    </message>
    <message>
        <source>The due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>The duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>The tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>The need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>The objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>The email address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>The phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>A value was not accepted. Nothing was saved.</source>
        <translation>有一项输入未被接受，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is required. Nothing was saved.</source>
        <translation>{0}为必填项，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is too long. Nothing was saved.</source>
        <translation>{0}过长，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is not a valid date. Nothing was saved.</source>
        <translation>{0}不是有效的日期，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is not a valid date and time. Nothing was saved.</source>
        <translation>{0}不是有效的日期和时间，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is out of range. Nothing was saved.</source>
        <translation>{0}超出允许范围，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is already in use. Nothing was saved.</source>
        <translation>{0}已被使用，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} is too short. Nothing was saved.</source>
        <translation>{0}过短，未保存任何内容。</translation>
    </message>
    <message>
        <source>{0} was not accepted. Nothing was saved.</source>
        <translation>{0}未被接受，未保存任何内容。</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目型销售管理</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;{1}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your database is open. Use the File menu to open another database.</source>
        <translation>数据库已打开。可通过「文件」菜单打开其他数据库。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New &amp;Pursuit…</source>
        <translation>新建项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Narrow Navigation</source>
        <translation>窄导航栏(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sales Method</source>
        <translation>销售方法(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About Pursuit</source>
        <translation>关于 Pursuit(&amp;A)</translation>
    </message>
    <message>
        <source>Show the navigation labels</source>
        <translation>显示导航文字</translation>
    </message>
    <message>
        <source>Icons only</source>
        <translation>只显示图标</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Pursuit database (*.db)</source>
        <translation>Pursuit 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Pursuit database (*.db);;All files (*)</source>
        <translation>Pursuit 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} is open in another Pursuit window. Close it there first. Nothing was changed.</source>
        <translation>{0} 正在另一个 Pursuit 窗口中使用，请先在那里关闭。未做任何更改。</translation>
    </message>
    <message>
        <source>{0} cannot be written: the file or its folder is read-only. Nothing was changed. Open it read-only?</source>
        <translation>{0} 无法写入：文件或其所在文件夹为只读。未做任何更改。以只读方式打开吗？</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved here</source>
        <translation>只读：在此所做的更改无法保存</translation>
    </message>
    <message>
        <source>Not backed up yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <source>Backed up {0}</source>
        <translation>上次备份 {0}</translation>
    </message>
    <message>
        <source>About Pursuit</source>
        <translation>关于 Pursuit</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pursuit {0}&lt;/h3&gt;&lt;p&gt;Project sales management (项目型销售管理) for account managers: the funnel, the people, the competition and the visit plan, offline.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;项目型销售管理 Pursuit {0}&lt;/h3&gt;&lt;p&gt;为客户经理打造的项目型销售管理工具：销售漏斗、关键人、竞争对手与拜访计划，完全离线可用。&lt;/p&gt;&lt;p&gt;数据文件夹：{1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Pursuits</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>StakeholderMapMessages</name>
    <message>
        <source>A person needs a name. The previous name was kept.</source>
        <translation>姓名不能为空，已保留原来的姓名。</translation>
    </message>
    <message>
        <source>That would make a loop in the org chart: the chosen manager already reports to this person, directly or through others. Nothing was changed.</source>
        <translation>这样会让组织架构出现循环：所选的上级已经直接或间接汇报给此人。未做任何更改。</translation>
    </message>
    <message>
        <source>The manager must be on this pursuit's map. Nothing was changed.</source>
        <translation>上级必须在本项目的地图上。未做任何更改。</translation>
    </message>
    <message>
        <source>A person cannot be linked to themselves.</source>
        <translation>不能把一个人和自己连线。</translation>
    </message>
    <message>
        <source>Both people must be on this pursuit's map. Nothing was changed.</source>
        <translation>两人都必须在本项目的地图上。未做任何更改。</translation>
    </message>
    <message>
        <source>These two people are already linked this way. Nothing was changed.</source>
        <translation>这两人之间已有同样的连线。未做任何更改。</translation>
    </message>
    <message>
        <source>This person is already on this map.</source>
        <translation>此人已在本地图上。</translation>
    </message>
    <message>
        <source>Only people from other pursuits of the same account can be reused.</source>
        <translation>只能复用同一客户其他项目中的关键人。</translation>
    </message>
</context>
</TS>