<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>设置(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Sales method</source>
        <translation>销售方法</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>The window reopens in the new language.</source>
        <translation>窗口会以新语言重新打开。</translation>
    </message>
    <message>
        <source>New pursuits start in this currency.</source>
        <translation>新建项目默认使用这个币种。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>默认币种</translation>
    </message>
    <message>
        <source>Remind me when activities and visits are due</source>
        <translation>活动和拜访到期时提醒我</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Your company&apos;s own win rate for each stage (weighted amount = amount not yet received × win rate: in stage 8, at 100 %, what is still to collect) and how many days in a stage make a pursuit stale. The method&apos;s values are shown beside each.</source>
        <translation>贵公司各阶段的赢率（加权金额 = 未回款金额 × 赢率：阶段 8 赢率为 100%，计的是尚未收回的款项），以及项目在一个阶段停留多少天算作停滞。旁边列出方法论的默认值。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>停滞时限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>method {0} %</source>
        <translation>方法默认 {0}%</translation>
    </message>
    <message>
        <source>method {0} days</source>
        <translation>方法默认 {0} 天</translation>
    </message>
    <message>
        <source>Reset to method defaults</source>
        <translation>恢复方法论默认值</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Everything you enter is saved in this file, at once. The data folder is {0}.</source>
        <translation>您输入的一切都会立即保存在这个文件中。数据文件夹：{0}</translation>
    </message>
    <message>
        <source>The newest backups kept beside the database (one a week is kept for eight weeks besides).</source>
        <translation>在数据库旁保留的最新备份数（此外每周保留一份，共保留八周）。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <source>Share new pursuits with the team</source>
        <translation>新建的项目与团队共享</translation>
    </message>
    <message>
        <source>A shared pursuit travels to your colleagues through the sync folder and in exports. A private one, with everything in it (people, activities, notes, visits…), stays on this computer. Change it for one pursuit in its header or in the Pursuits list. Made private after it was shared, a pursuit stops travelling: colleagues keep the copy they have, and your later changes no longer reach them.</source>
        <translation>共享的项目通过同步文件夹和导出文件传给同事；私有的项目连同其中的一切（关键人、活动、笔记、拜访……）只留在本机。单个项目可在其页头或项目列表里更改。共享过的项目改为私有后就不再传出：同事保留手上的那一份，你之后的修改不再传给他们。</translation>
    </message>
    <message>
        <source>The sync folder and the team passphrase: File ▸ Sync Folder….</source>
        <translation>同步文件夹和团队口令：文件 ▸ 同步文件夹…。</translation>
    </message>
    <message>
        <source>Set Up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>New pursuits</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>同步文件夹</translation>
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
        <source>Use a three-letter currency code, such as CNY or USD.</source>
        <translation>请使用三个字母的币种代码，例如 CNY 或 USD。</translation>
    </message>
    <message>
        <source>Stage {0} has a lower win rate than the stage before it.</source>
        <translation>第 {0} 阶段的赢率低于前一阶段。</translation>
    </message>
</context>
</TS>
