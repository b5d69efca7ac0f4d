"""The pursuit gestures every screen offers (new, edit, move through the gate, close, reopen,
delete, purge), with their dialogs and undo commands — in the spirit of Anki's `aqt/operations`.

A screen that needs "close a pursuit" calls the one operation here; it never imports another screen.
"""
