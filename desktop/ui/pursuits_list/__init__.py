"""The Pursuits screen (项目): every pursuit, open and closed, as a table with bulk actions."""
