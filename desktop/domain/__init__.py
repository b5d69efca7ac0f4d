"""The methodology and its rules in plain Python: no Qt, no database, so they are easy to test."""
