"""The competitor-indicator grid (竞争矩阵) of a pursuit: the tab "Buying criteria".

`widget.IndicatorGridWidget(ctx, parent)` with `set_pursuit(pursuit_id)` is the tab; the grid is a
`model.IndicatorGridModel` over the plain rows of `services.indicators.Grid`, painted by the
delegates in `delegates`, edited through the undo commands in `commands`.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The tab title is registered in desktop/ui/pursuit/tabs.py; its translation lives with us.
TAB_TITLE = QT_TRANSLATE_NOOP("PursuitTabs", "Buying criteria")
