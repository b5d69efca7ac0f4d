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
        <source>Choose a File…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>A backup kept somewhere else: another folder, a USB stick</source>
        <translation>保存在别处的备份：其他文件夹、U 盘</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Choose a Backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Pursuit backups (*.db);;All files (*)</source>
        <translation>Pursuit 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This is the database that is open now, not a backup of it. Nothing was changed.</source>
        <translation>这是当前打开的数据库本身，不是它的备份。未做任何更改。</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>来自 {0}</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>at close</source>
        <translation>关闭时</translation>
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
        <source>This database syncs through a team folder: the changes written there since the backup, yours and your colleagues&apos;, come back with the next sync.</source>
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
        <source>No backup of this database yet: File ▸ Back Up Now makes one.</source>
        <translation>此数据库还没有备份：用「文件 ▸ 立即备份」做一份。</translation>
    </message>
    <message>
        <source>The newest backup: {0}, {1}, {2} pursuits.</source>
        <translation>最新备份：{0}，{1}，含 {2} 个项目。</translation>
    </message>
    <message>
        <source>Changes made since are in no backup yet: Pursuit backs them up when it closes, or now with File ▸ Back Up Now.</source>
        <translation>此后的改动还不在任何备份中：关闭 Pursuit 时会自动备份，也可以现在用「文件 ▸ 立即备份」。</translation>
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
