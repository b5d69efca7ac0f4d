"""Sync by file export and import (DESIGN.md, "Sync by file export").

`export.export_bundle` writes a file; `importer.import_bundle` checks and merges one;
`review` lists and resolves the conflicts an import leaves; `purge` removes content everywhere.
"""
