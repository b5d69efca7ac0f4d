"""The stakeholder-map editor (关键人地图): people, roles, relationships and the org chart."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The pursuit workspace's tab title (registered in desktop/ui/pursuit/tabs.py), kept here so
# lupdate puts its translation in this package's file.
TAB_TITLE = QT_TRANSLATE_NOOP("PursuitTabs", "Stakeholders")
