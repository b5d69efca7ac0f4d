"""Visits: the rail screen of upcoming visits, the visit editor, the pursuit tab and the plan."""
