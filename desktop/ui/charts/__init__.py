"""The dashboard: charts of the funnel, forecast, win/loss, velocity and win-rate calibration.

Importing this package costs nothing: `dashboard` holds only Qt code, and matplotlib (with
`figures`, which draws) is loaded the first time the dashboard is shown, never at start-up.
"""
