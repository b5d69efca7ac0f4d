"""Bringing a rep's own data in: spreadsheets (.xlsx, .csv) and vCards, with no Qt.

`reading` turns a file into rows (or refuses it), `table_import` previews and imports them in one
transaction, `vcards` reads and writes .vcf files of people.
"""
