"""`python -m desktop` and the frozen program's entry point."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
