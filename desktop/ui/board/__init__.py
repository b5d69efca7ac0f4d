"""The kanban funnel board: eight stage columns, drag and drop through the stage gate, undo."""
