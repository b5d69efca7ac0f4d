<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Pick a backup to go back to. The database as it is now is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation>请选择要恢复到的备份。恢复前会先备份当前数据库，因此恢复本身也可以通过恢复那份备份来撤销。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Pursuits</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Restore from Bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the database with the backup {0}? Everything entered since then is set aside in a backup of its own.</source>
        <translation>用备份 {0} 替换当前数据库吗？此后录入的内容会另存为一份单独的备份。</translation>
    </message>
    <message>
        <source>This database syncs through a team folder: the changes written there since the backup, yours and your colleagues', come back with the next sync.</source>
        <translation>本数据库通过团队同步文件夹同步：备份之后写入该文件夹的更改（您的和同事的）会在下次同步时回来。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restored. The state before the restore was saved to {0}</source>
        <translation>已恢复。恢复前的状态已保存到 {0}</translation>
    </message>
    <message>
        <source>The database failed its integrity check ({0}).</source>
        <translation>数据库完整性检查未通过（{0}）。</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>No good backup was found. Export your data and contact support; keep working only with care.</source>
        <translation>没有找到可用的备份。请导出数据并联系技术支持；继续使用时请务必谨慎。</translation>
    </message>
    <message>
        <source>The newest good backup is from {0}. Restore it?</source>
        <translation>最近一份完好的备份来自 {0}。要恢复吗？</translation>
    </message>
</context>
</TS>
