<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Search</name>
    <message>
        <source>Search  {0}</source>
        <translation>搜索  {0}</translation>
    </message>
    <message>
        <source>Search everything ({0})</source>
        <translation>全局搜索（{0}）</translation>
    </message>
    <message>
        <source>Search everything…</source>
        <translation>全局搜索…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>SearchKinds</name>
    <message>
        <source>Pursuits</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Coaching answers</source>
        <translation>辅导要点回答</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search pursuits, accounts, people, visits, answers and notes</source>
        <translation>搜索项目、客户、关键人、拜访、辅导回答和备注</translation>
    </message>
    <message>
        <source>↑ ↓ to choose  ·  Enter to open  ·  Esc to close</source>
        <translation>↑ ↓ 选择  ·  Enter 打开  ·  Esc 关闭</translation>
    </message>
    <message>
        <source>Type a name, a word or a phone number. Chinese works with two characters or more; one character looks at names.</source>
        <translation>输入名称、词语或电话号码。中文输入两个字以上即可搜索全文；只输入一个字时只查名称。</translation>
    </message>
    <message>
        <source>Nothing found for &quot;{0}&quot;.</source>
        <translation>没有找到「{0}」。</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Show the first {0}…</source>
        <translation>显示前 {0} 个…</translation>
    </message>
    <message>
        <source>Show all {0}…</source>
        <translation>显示全部 {0} 个…</translation>
    </message>
</context>
</TS>
