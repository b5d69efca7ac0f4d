"""PySide6 widgets. Calls services, never storage; reacts to Changes broadcast by the AppContext."""
