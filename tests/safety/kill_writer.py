"""Child process of the kill test: commits pursuits one by one and acknowledges each on stdout."""

import sys

from desktop.services import pursuits
from desktop.services.workspace import Workspace

ws = Workspace.open(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    pursuit_id, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title=f"写入 {n}", account_name="断电测试客户", amount=n)
    )
    print(pursuit_id, flush=True)  # printed only after the commit returned
