<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for Another Computer</source>
        <translation>导出给另一台电脑</translation>
    </message>
    <message>
        <source>Only the changes not yet sent to:</source>
        <translation>只导出尚未发给此同事的改动：</translation>
    </message>
    <message>
        <source>last sent {0}</source>
        <translation>上次发送 {0}</translation>
    </message>
    <message>
        <source>nothing sent yet: everything</source>
        <translation>尚未发送过：导出全部</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>A colleague appears here once you have imported a file from them. If they missed a file, export everything once.</source>
        <translation>导入过某位同事的文件后，他就会出现在这里。如果对方漏收了文件，请导出一次全部数据。</translation>
    </message>
    <message>
        <source>If the colleague missed a file, export everything once instead.</source>
        <translation>如果对方漏收了文件，请改为导出一次全部数据。</translation>
    </message>
    <message>
        <source>All pursuits and everything in them</source>
        <translation>全部项目及其所有内容</translation>
    </message>
    <message>
        <source>Only the pursuits ticked below</source>
        <translation>只导出下面勾选的项目</translation>
    </message>
    <message>
        <source>Find a pursuit or account</source>
        <translation>查找项目或客户</translation>
    </message>
    <message>
        <source>Export Changes</source>
        <translation>导出改动</translation>
    </message>
    <message>
        <source>For example 王芳 (the receiver sees it)</source>
        <translation>例如 王芳（对方导入时会看到）</translation>
    </message>
    <message>
        <source>Export without encryption (anyone with the file can read it)</source>
        <translation>不加密导出（拿到文件的任何人都能读取）</translation>
    </message>
    <message>
        <source>Include the documents' files (sent beside the file)</source>
        <translation>包含资料的文件（放在同步文件旁边一起发送）</translation>
    </message>
    <message>
        <source>At least {0} characters. Tell it to the person who imports the file another way (by phone, in person), not in the same message as the file.</source>
        <translation>至少 {0} 个字符。请用其他方式（电话、当面）告诉导入文件的人，不要和文件放在同一条消息里。</translation>
    </message>
    <message>
        <source>Your name in the file:</source>
        <translation>文件中显示的您的名字：</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Tick at least one pursuit.</source>
        <translation>请至少勾选一个项目。</translation>
    </message>
    <message>
        <source>The passphrase needs at least {0} characters.</source>
        <translation>口令至少需要 {0} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Type your name so the receiver knows who the file is from.</source>
        <translation>请填写你的名字，让对方知道文件来自谁。</translation>
    </message>
    <message>
        <source>Choose a passphrase, or export without encryption.</source>
        <translation>请设置口令，或选择不加密导出。</translation>
    </message>
    <message>
        <source>Type the passphrase again.</source>
        <translation>请再输入一遍口令。</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Sync Folder</source>
        <translation>同步文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Roll-up: read the whole team's files, write none</source>
        <translation>汇总模式：读取全团队的文件，不写出本机文件</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Team passphrase:</source>
        <translation>团队口令：</translation>
    </message>
    <message>
        <source>Your name for colleagues:</source>
        <translation>同事看到的您的名字：</translation>
    </message>
    <message>
        <source>Choose a folder your team already shares (OneDrive, Dropbox, Nextcloud, Syncthing or a network drive). Each computer writes only its own files there. The passphrase is kept until Pursuit closes, never saved.</source>
        <translation>请选择团队已在共享的文件夹（OneDrive、Dropbox、Nextcloud、Syncthing 或网络驱动器）。每台电脑只在其中写自己的文件。口令只保留到 Pursuit 关闭，不会保存到磁盘。</translation>
    </message>
    <message>
        <source>Use new passphrase</source>
        <translation>使用新口令</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>该文件夹不存在。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>口令至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>Checking the passphrase against the files in the folder…</source>
        <translation>正在用同步文件夹中的文件核对口令…</translation>
    </message>
    <message>
        <source>This passphrase opens none of the files in the sync folder. If you mistyped it, correct it. If the whole team has changed to this passphrase, choose "Use new passphrase". Until then nothing of yours is written to the folder.</source>
        <translation>这个口令打不开同步文件夹中的任何文件。如果输错了，请改正；如果整个团队已换用这个新口令，请点「使用新口令」。在此之前，您的更改不会写入同步文件夹。</translation>
    </message>
</context>
<context>
    <name>FolderSyncer</name>
    <message>
        <source>Sync &amp;Folder…</source>
        <translation>同步文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Sync S&amp;tatus</source>
        <translation>同步状态(&amp;T)</translation>
    </message>
    <message>
        <source>The sync folder cannot be reached (an unplugged drive? a cloud client logged out?); trying again later.</source>
        <translation>无法访问同步文件夹（移动硬盘已拔出？云盘客户端已退出？），稍后会自动重试。</translation>
    </message>
    <message>
        <source>The sync folder is read-only: changes cannot be written.</source>
        <translation>同步文件夹只读：无法写出本机的更改。</translation>
    </message>
    <message>
        <source>The sync folder's disk is full: free some space.</source>
        <translation>同步文件夹所在磁盘已满：请腾出空间。</translation>
    </message>
    <message>
        <source>The sync folder cannot be used: {0}</source>
        <translation>无法使用同步文件夹：{0}</translation>
    </message>
    <message>
        <source>Sync did not complete. Details are in {0}.</source>
        <translation>同步未完成，详细信息已记录在 {0}。</translation>
    </message>
    <message>
        <source>1 file in the folder was refused.</source>
        <translation>文件夹中有 1 个文件被拒收。</translation>
    </message>
    <message>
        <source>{0} files in the folder were refused.</source>
        <translation>文件夹中有 {0} 个文件被拒收。</translation>
    </message>
    <message>
        <source>Not synced {0}</source>
        <translation>未同步 {0}</translation>
    </message>
    <message>
        <source>1 file waiting</source>
        <translation>1 个文件等待中</translation>
    </message>
    <message>
        <source>{0} files waiting</source>
        <translation>{0} 个文件等待中</translation>
    </message>
    <message>
        <source>Wrote a snapshot under the new team passphrase (your earlier files stay for colleagues still on the old one).</source>
        <translation>已用新的团队口令写出快照（之前写出的文件暂时保留，供还在用旧口令的同事读取）。</translation>
    </message>
    <message>
        <source>The folder "{0}" in the sync folder cannot be read ({1}), so this round stopped; trying again later.</source>
        <translation>无法读取同步文件夹中的文件夹「{0}」（{1}），本轮同步已停止，稍后会自动重试。</translation>
    </message>
    <message>
        <source>The sync folder cannot be read ({0}); trying again later.</source>
        <translation>无法读取同步文件夹（{0}），稍后会自动重试。</translation>
    </message>
    <message>
        <source>Check the team passphrase: it opens none of the files in the sync folder, so your changes are not written to it yet.</source>
        <translation>请核对团队口令：它打不开同步文件夹中的任何文件，您的更改暂不写入同步文件夹。</translation>
    </message>
    <message>
        <source>A file in the folder uses another team passphrase; it was not read.</source>
        <translation>文件夹中有文件使用了另一个团队口令，未读取。</translation>
    </message>
    <message>
        <source>A file claims to come from this database; it was not read.</source>
        <translation>有文件自称来自本数据库，未读取。</translation>
    </message>
    <message>
        <source>A colleague's file carries change times far ahead of this computer's clock; it was not read. Check the date and time on both computers: once the clock is right, sync resumes by itself.</source>
        <translation>同事的文件中的修改时间远超本机时钟，未读取。请检查两台电脑的日期和时间：时钟校正后，同步会自动恢复。</translation>
    </message>
    <message>
        <source>Sync folder: enter the team passphrase</source>
        <translation>同步文件夹：请输入团队口令</translation>
    </message>
    <message>
        <source>Synced {0}</source>
        <translation>已同步 {0}</translation>
    </message>
    <message>
        <source>Open the Sync screen</source>
        <translation>打开同步页面</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;from {1}, exported {2}&lt;br&gt;&lt;br&gt;The file is encrypted. Enter the passphrase you were given for it:</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;来自 {1}，导出于 {2}&lt;br&gt;&lt;br&gt;该文件已加密，请输入对方告诉您的口令：</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>另一台电脑</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;The file is encrypted. Enter the passphrase you were given for it:</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;该文件已加密，请输入对方告诉您的口令：</translation>
    </message>
    <message>
        <source>That passphrase does not open the file. Check it and type it again.</source>
        <translation>口令不对，打不开这个文件。请核对后重新输入。</translation>
    </message>
</context>
<context>
    <name>PeerModel</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>最近文件</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写出时间</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>滞后</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>(not read yet)</source>
        <translation>（尚未读取）</translation>
    </message>
    <message>
        <source>{0} · refused</source>
        <translation>{0} · 已拒绝</translation>
    </message>
    <message>
        <source>Merged here {0}</source>
        <translation>本机合并于 {0}</translation>
    </message>
    <message>
        <source>Still arriving: it is read once the file-sync program has delivered it.</source>
        <translation>仍在传送中：同步程序传送完毕后即会读取。</translation>
    </message>
    <message>
        <source>Waiting for the file before it.</source>
        <translation>正在等待它之前的文件。</translation>
    </message>
    <message>
        <source>A file claims to come from this database; it was not read.</source>
        <translation>有文件自称来自本数据库，未读取。</translation>
    </message>
    <message>
        <source>A file does not belong where it lies in the folder; it was not read.</source>
        <translation>有文件与其在文件夹中的位置不符，未读取。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import Preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>另一台电脑</translation>
    </message>
    <message>
        <source>From &lt;b&gt;{0}&lt;/b&gt;, exported {1}. {2}</source>
        <translation>来自 &lt;b&gt;{0}&lt;/b&gt;，导出于 {1}。{2}</translation>
    </message>
    <message>
        <source>All pursuits.</source>
        <translation>包含全部项目。</translation>
    </message>
    <message>
        <source>Chosen pursuits only: nothing else is touched.</source>
        <translation>只含选定的项目，其他数据不受影响。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>1 item was changed on both computers. Both versions are kept; you choose in Review.</source>
        <translation>有 1 处在两台电脑上都被修改过。两个版本都会保留，请在「待审」中选择。</translation>
    </message>
    <message>
        <source>{0} items were changed on both computers. Both versions are kept; you choose in Review.</source>
        <translation>有 {0} 处在两台电脑上都被修改过。两个版本都会保留，请在「待审」中选择。</translation>
    </message>
    <message>
        <source>This file is not encrypted: anyone who handled it on the way could have read or changed it. Import it only if you know where it comes from.</source>
        <translation>该文件未加密：传递途中经手的任何人都可能读取或改动过它。只有确知其来源时才导入。</translation>
    </message>
    <message>
        <source>Rejected records break the rules of this database (for example, a missing account). They are left out; everything else is imported.</source>
        <translation>拒收的记录不符合本数据库的规则（例如缺少所属客户），将不导入；其余内容照常导入。</translation>
    </message>
    <message>
        <source>Nothing changes until you press Import. A backup is taken first, and Edit ▸ Undo Last Sync Import puts everything back.</source>
        <translation>按「导入」之前不会做任何更改。导入前会先备份，用「编辑 ▸ 撤销上次同步导入」可以完全恢复。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本数</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Choose {0} of {1}</source>
        <translation>选定{1}的{0}</translation>
    </message>
    <message>
        <source>These were changed on two computers before either knew of the other's change. Both versions are kept until you choose; your choice travels with your next export, so the other computer settles too.</source>
        <translation>以下内容在两台电脑上各自被修改过，双方事先都不知道对方的修改。两个版本都会保留，直到您做出选择；您的选择会随下一次导出同步过去，另一台电脑也会随之一致。</translation>
    </message>
    <message>
        <source>Or type a new value</source>
        <translation>或者输入一个新值</translation>
    </message>
    <message>
        <source>Use the new value</source>
        <translation>使用新值</translation>
    </message>
    <message>
        <source>Open the pursuit</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nothing awaits review&lt;/h3&gt;&lt;p&gt;When two computers change the same thing before they sync, both versions wait here for you to choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;没有待审内容&lt;/h3&gt;&lt;p&gt;如果两台电脑在同步之前修改了同一处内容，两个版本会在这里等您选择。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;1 item awaits review&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;1 处待审&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{0} items await review&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;{0} 处待审&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Enter an amount such as 1,280,000 or 128万.</source>
        <translation>请输入金额，如 1,280,000 或 128万。</translation>
    </message>
    <message>
        <source>Enter a whole number such as 12.</source>
        <translation>请输入整数，如 12。</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Wrong passphrase. Nothing was imported.</source>
        <translation>导入失败：口令不正确。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete; ask the sender to export again. Nothing was imported.</source>
        <translation>导入失败：文件已损坏或不完整，请让对方重新导出。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>This is not a Pursuit sync file. Nothing was imported.</source>
        <translation>导入失败：这不是 Pursuit 同步文件。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file was exported by a newer version of Pursuit. Please update the program, then import it again. Nothing was imported.</source>
        <translation>导入失败：该文件由更新版本的 Pursuit 导出，请先升级程序再导入。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file demands an unreasonably costly key computation and may be forged. Nothing was imported.</source>
        <translation>导入失败：该文件要求异常巨大的密钥计算量，可能是伪造的文件。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file contains changes said to come from this database that it never made (this database may be an old copy, or restored from a backup). Nothing was imported.</source>
        <translation>导入失败：该文件含有据称出自本数据库、但本数据库从未做过的更改（本数据库可能是旧副本，或从备份恢复过）。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file is far too large to be a sync file. Nothing was imported.</source>
        <translation>导入失败：文件过大，不是有效的同步文件。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file cannot be read. Nothing was imported.</source>
        <translation>导入失败：无法读取该文件。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file from {0} carries change times more than a day ahead of this computer's clock. Check the date and time on both computers, then ask for a new export. Nothing was imported.</source>
        <translation>导入失败：来自 {0} 的文件含有比本机时钟超前一天以上的修改时间。请检查两台电脑的日期和时间，再请对方重新导出。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file is encrypted and needs its passphrase. Nothing was imported.</source>
        <translation>该文件已加密，需要输入口令。数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The written file did not read back correctly and was removed. Try another folder or drive.</source>
        <translation>导出失败：写出的文件回读校验未通过，已删除。请换个文件夹或磁盘再试。</translation>
    </message>
    <message>
        <source>&amp;Export for Another Computer…</source>
        <translation>导出给另一台电脑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import from Another Computer…</source>
        <translation>从另一台电脑导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&lt;a href="review"&gt;{0} awaiting review&lt;/a&gt;</source>
        <translation>&lt;a href="review"&gt;{0} 处待审&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Items changed on two computers: choose which version to keep.</source>
        <translation>在两台电脑上都被修改过的内容：请选择保留哪个版本。</translation>
    </message>
    <message>
        <source>Export for Another Computer</source>
        <translation>导出给另一台电脑</translation>
    </message>
    <message>
        <source>Pursuit sync file (*{0})</source>
        <translation>Pursuit 同步文件 (*{0})</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {0} to {1} ({2}).</source>
        <translation>已导出 {0} 到 {1}（{2}）。</translation>
    </message>
    <message>
        <source>1 private pursuit was left out: it stays on this computer.</source>
        <translation>1 个私有项目未导出：它只留在本机。</translation>
    </message>
    <message>
        <source>{0} private pursuits were left out: they stay on this computer.</source>
        <translation>{0} 个私有项目未导出：它们只留在本机。</translation>
    </message>
    <message>
        <source>Imported from {0}: {1}.</source>
        <translation>已从 {0} 导入：{1}。</translation>
    </message>
    <message>
        <source>1 item awaits your review.</source>
        <translation>有 1 处待您审定。</translation>
    </message>
    <message>
        <source>{0} items await your review.</source>
        <translation>有 {0} 处待您审定。</translation>
    </message>
    <message>
        <source>1 record was rejected.</source>
        <translation>拒收 1 条记录。</translation>
    </message>
    <message>
        <source>{0} records were rejected.</source>
        <translation>拒收 {0} 条记录。</translation>
    </message>
    <message>
        <source>The file is NOT encrypted: anyone who gets it can read it.</source>
        <translation>该文件未加密：拿到文件的任何人都能读取。</translation>
    </message>
    <message>
        <source>Export &amp;Changes…</source>
        <translation>导出改动(&amp;C)…</translation>
    </message>
    <message>
        <source>Only what a colleague has not been sent yet (everything the first time)</source>
        <translation>只导出尚未发给某位同事的内容（第一次为全部）</translation>
    </message>
    <message>
        <source>Undo Last Sync &amp;Import…</source>
        <translation>撤销上次同步导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Nothing changed since the last export to this colleague: {0} holds no changes.</source>
        <translation>自上次导出给这位同事以来没有改动：{0} 中没有改动。</translation>
    </message>
    <message>
        <source>Give the receiver the passphrase another way, not with the file.</source>
        <translation>请用其他方式把口令告诉接收人，不要和文件一起发送。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import from Another Computer</source>
        <translation>从另一台电脑导入</translation>
    </message>
    <message>
        <source>Pursuit sync file (*{0});;All files (*)</source>
        <translation>Pursuit 同步文件 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>This file was imported before. Nothing in it is new.</source>
        <translation>这个文件以前导入过，其中没有新内容。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消导入，数据库未做任何更改。</translation>
    </message>
    <message>
        <source>Nothing in this file is new to this database.</source>
        <translation>该文件中没有本数据库尚未拥有的内容。</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>另一台电脑</translation>
    </message>
    <message>
        <source>Edit ▸ Undo Last Sync Import puts everything back.</source>
        <translation>用「编辑 ▸ 撤销上次同步导入」可以完全恢复。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Undo Last Sync Import</source>
        <translation>撤销上次同步导入</translation>
    </message>
    <message>
        <source>There is no import to undo (its backup may have been removed).</source>
        <translation>没有可以撤销的导入（对应的备份可能已被删除）。</translation>
    </message>
    <message>
        <source>Undo the import of {0} from {1} ({2})? The database goes back to how it was just before it.</source>
        <translation>撤销 {2} 从 {1} 导入的 {0}？数据库将恢复到导入之前的状态。</translation>
    </message>
    <message>
        <source>Changes you made after the import are undone too.</source>
        <translation>导入之后您所做的修改也会一并撤销。</translation>
    </message>
    <message>
        <source>Undo Import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>The import of {0} was undone.</source>
        <translation>已撤销 {0} 的导入。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目型销售管理</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，数据库未做任何更改。</translation>
    </message>
    <message>
        <source>The file cannot be read ({0}). Nothing was imported.</source>
        <translation>导入失败：无法读取该文件（{0}）。数据库未做任何更改。</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <source>Kind of activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Acceptance due</source>
        <translation>验收期限</translation>
    </message>
    <message>
        <source>Acceptance signed</source>
        <translation>已签署验收</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>是否认可</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Deleted or kept</source>
        <translation>删除还是保留</translation>
    </message>
    <message>
        <source>Allies</source>
        <translation>盟友</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>利益</translation>
    </message>
    <message>
        <source>Order on the board</source>
        <translation>看板中的顺序</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Case stories</source>
        <translation>案例故事</translation>
    </message>
    <message>
        <source>Case story</source>
        <translation>案例故事</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <source>Class (set by hand)</source>
        <translation>类别（手动设定）</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contract reviewed</source>
        <translation>合同已审核</translation>
    </message>
    <message>
        <source>Customer's contract</source>
        <translation>使用客户合同</translation>
    </message>
    <message>
        <source>Became pursuit</source>
        <translation>转化成的项目</translation>
    </message>
    <message>
        <source>Credit checked</source>
        <translation>已查信用</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Delivery OK</source>
        <translation>交付/安装完成</translation>
    </message>
    <message>
        <source>Delivery owner</source>
        <translation>交付负责人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Dunning letter sent</source>
        <translation>已发催款函</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特性</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Flaws</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>From stage</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Harm to the customer</source>
        <translation>对客户的危害</translation>
    </message>
    <message>
        <source>Help wanted</source>
        <translation>希望获得的帮助</translation>
    </message>
    <message>
        <source>Help to ask for</source>
        <translation>需要请求的帮助</translation>
    </message>
    <message>
        <source>Horizon (years)</source>
        <translation>测算年限</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Impact on the organisation</source>
        <translation>对组织的影响</translation>
    </message>
    <message>
        <source>Impact on the person</source>
        <translation>对个人的影响</translation>
    </message>
    <message>
        <source>Political impact</source>
        <translation>政治影响</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Buying criterion</source>
        <translation>采购指标</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Learned</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>Licence checked</source>
        <translation>已查营业执照</translation>
    </message>
    <message>
        <source>Kind of line</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Lost to</source>
        <translation>输给</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
        <source>Next steps</source>
        <translation>后续行动</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>障碍</translation>
    </message>
    <message>
        <source>Our people</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>Our score</source>
        <translation>我方得分</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>手动设定的理由</translation>
    </message>
    <message>
        <source>Gate items passed over</source>
        <translation>跳过的门槛项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>痛苦</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>已收款</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Relationship plan</source>
        <translation>关系发展计划</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Coaching point</source>
        <translation>辅导要点</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系阶段</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>补救措施</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>In stage since</source>
        <translation>进入本阶段时间</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>To stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Value case</source>
        <translation>价值建议书</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>弱点</translation>
    </message>
    <message>
        <source>Win rate (set by hand)</source>
        <translation>赢率（手动设定）</translation>
    </message>
    <message>
        <source>Position on the map</source>
        <translation>在关系图上的位置</translation>
    </message>
    <message>
        <source>Value intersection</source>
        <translation>价值交集</translation>
    </message>
    <message>
        <source>Plan to dispel concerns</source>
        <translation>打消顾虑的计划</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>新需求</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name of the person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>File fingerprint (SHA-256)</source>
        <translation>文件指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单项</translation>
    </message>
</context>
<context>
    <name>SyncKinds</name>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Activity attendee</source>
        <translation>活动参与人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Pursuit</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <source>Coaching point</source>
        <translation>辅导要点</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员档案</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Help wanted</source>
        <translation>希望获得的帮助</translation>
    </message>
    <message>
        <source>Relationship line</source>
        <translation>关系连线</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Value case</source>
        <translation>价值建议书</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>收益项</translation>
    </message>
    <message>
        <source>Competitor in pursuit</source>
        <translation>项目中的竞争对手</translation>
    </message>
    <message>
        <source>Buying criterion</source>
        <translation>采购指标</translation>
    </message>
    <message>
        <source>Competitor score</source>
        <translation>竞争对手评分</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>采购风险</translation>
    </message>
    <message>
        <source>After sale</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>分期款</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Visit attendee</source>
        <translation>拜访参会人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Our offer</source>
        <translation>我方方案</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>新需求</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Team sync</source>
        <translation>团队同步</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Folder and passphrase…</source>
        <translation>文件夹和口令…</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Colleagues' databases in the folder</source>
        <translation>文件夹中同事的数据库</translation>
    </message>
    <message>
        <source>Recent problems</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <source>merged 1 file at {0}</source>
        <translation>{0} 合并 1 个文件</translation>
    </message>
    <message>
        <source>merged {0} files at {1}</source>
        <translation>{1} 合并 {0} 个文件</translation>
    </message>
    <message>
        <source>nothing new to merge</source>
        <translation>没有新文件可合并</translation>
    </message>
    <message>
        <source>No sync folder yet. Choose a folder your team already shares (OneDrive, Dropbox, Nextcloud, Syncthing or a network drive) and the team passphrase.</source>
        <translation>尚未设置同步文件夹。请选择团队已在共享的文件夹（OneDrive、Dropbox、Nextcloud、Syncthing 或网络驱动器）并输入团队口令。</translation>
    </message>
    <message>
        <source>Roll-up: reads the whole team's files and writes none.</source>
        <translation>汇总模式：读取全团队的文件，不写出本机文件。</translation>
    </message>
    <message>
        <source>Writes this database's changes and reads the team's.</source>
        <translation>写出本数据库的改动，并读取团队的文件。</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>文件夹：{0}</translation>
    </message>
    <message>
        <source>Enter the team passphrase to sync (Folder and passphrase…).</source>
        <translation>输入团队口令后即可同步（文件夹和口令…）。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not synced {0}: no file in the folder could be read</source>
        <translation>未同步 {0}：文件夹中的文件都无法读取</translation>
    </message>
    <message>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <source>wrote 1 change</source>
        <translation>写出 1 条改动</translation>
    </message>
    <message>
        <source>wrote {0} changes</source>
        <translation>写出 {0} 条改动</translation>
    </message>
    <message>
        <source>merged 1 file</source>
        <translation>合并 1 个文件</translation>
    </message>
    <message>
        <source>merged {0} files</source>
        <translation>合并 {0} 个文件</translation>
    </message>
    <message>
        <source>1 file waiting</source>
        <translation>1 个文件等待中</translation>
    </message>
    <message>
        <source>{0} files waiting</source>
        <translation>{0} 个文件等待中</translation>
    </message>
    <message>
        <source>{0} awaiting review</source>
        <translation>{0} 项待审</translation>
    </message>
    <message>
        <source>Not synced yet in this session.</source>
        <translation>本次启动后尚未同步。</translation>
    </message>
    <message>
        <source>No colleague's files in the folder yet. They appear here once their Pursuit has written to it and the file-sync program has delivered them.</source>
        <translation>文件夹中还没有同事的文件。同事的 Pursuit 写出文件、同步程序传送到后，就会出现在这里。</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>{0} new people</source>
        <translation>新增 {0} 位关键人</translation>
    </message>
    <message>
        <source>1 new pursuit</source>
        <translation>新增 1 个项目</translation>
    </message>
    <message>
        <source>{0} new pursuits</source>
        <translation>新增 {0} 个项目</translation>
    </message>
    <message>
        <source>1 new account</source>
        <translation>新增 1 个客户</translation>
    </message>
    <message>
        <source>{0} new accounts</source>
        <translation>新增 {0} 个客户</translation>
    </message>
    <message>
        <source>1 new person</source>
        <translation>新增 1 位关键人</translation>
    </message>
    <message>
        <source>1 pursuit updated</source>
        <translation>更新 1 个项目</translation>
    </message>
    <message>
        <source>{0} pursuits updated</source>
        <translation>更新 {0} 个项目</translation>
    </message>
    <message>
        <source>1 account updated</source>
        <translation>更新 1 个客户</translation>
    </message>
    <message>
        <source>{0} accounts updated</source>
        <translation>更新 {0} 个客户</translation>
    </message>
    <message>
        <source>1 person updated</source>
        <translation>更新 1 位关键人</translation>
    </message>
    <message>
        <source>{0} people updated</source>
        <translation>更新 {0} 位关键人</translation>
    </message>
    <message>
        <source>{0} other details</source>
        <translation>其他细节 {0} 处</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>没有变化</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{0}, {1}, {2}</source>
        <translation>{0}、{1}、{2}</translation>
    </message>
</context>
<context>
    <name>SyncValues</name>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not yet known</source>
        <translation>尚不确定</translation>
    </message>
</context>
<context>
    <name>VersionCard</name>
    <message>
        <source>another computer</source>
        <translation>另一台电脑</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>当前显示</translation>
    </message>
    <message>
        <source>Kept, and changed here</source>
        <translation>在这里保留并修改了</translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation>在这里被删除</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>保留这个版本</translation>
    </message>
</context>
</TS>