"""What the app does for the Dashboard while its window is idle (`Screen.warm`, imported on a
worker thread by `desktop.app.warm_up` a few seconds after start).

Importing this module imports matplotlib and the figures module, prepares the five figures the
Dashboard will draw on and resolves the fonts once, so that a later first open of the Dashboard
only computes the series and draws them (`figures.prepared` hands the figures over). It also
imports the charts' Qt canvas (matplotlib's Qt backend), which the first open would otherwise
import on the GUI thread while the series are computed. A Dashboard opened before this is done
prepares its own: nothing waits for it.
"""

from __future__ import annotations

from desktop.ui.charts import canvas as canvas
from desktop.ui.charts import figures

figures.stock()
