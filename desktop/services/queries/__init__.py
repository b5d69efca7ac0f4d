"""Read models that feed screens: the board's cards, the Pursuits list's rows, a pursuit's overview.

Each is a plain-data view assembled for one screen from several tables, read in one snapshot and
changed by nothing; the use-cases those screens offer live in the noun modules of
`desktop.services` (`pursuits`, `accounts`, …).
"""
