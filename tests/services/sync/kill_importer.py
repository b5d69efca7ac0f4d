"""Child process of the kill test: imports a file, saying when the merge has begun."""

import sys

from desktop.services.sync import importer
from desktop.services.workspace import Workspace

ws = Workspace.open(sys.argv[1])
told = False


def progress(phase: str, done: int, total: int) -> None:
    global told
    if phase == "merging" and not told:
        told = True
        print("merging", flush=True)


importer.import_bundle(ws, sys.argv[2], sys.argv[3], progress=progress)
print("done", flush=True)
