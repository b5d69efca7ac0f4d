"""Use-cases: every read and change a caller needs, one unit of work each, no Qt."""
