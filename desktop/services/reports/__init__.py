"""Reports assembled from the database as plain data: visit plans, calendar files, chart series."""
