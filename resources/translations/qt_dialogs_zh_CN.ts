<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's qtbase_zh_CN.qm lacks (its catalogue predates the mnemonic
     added to the dialogs' labels in Qt 6), so the file and print dialogs show no English beside
     the Chinese; and the arrow keys' names, which qtbase words "右方向" (a shortcut read
     "Ctrl+右方向" in menus): the arrows themselves read at a glance, as on the keys.
     Installed after qtbase (desktop/infra/i18n.py), so these win where both have a string.
     Written by hand: no code of ours holds these strings, so `tools/translations.py update`
     leaves this file alone; `release` compiles it with the others. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation>←</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>→</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>↓</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
</TS>
