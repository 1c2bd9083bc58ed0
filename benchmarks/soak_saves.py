"""kill -9 soak of saves: a separate process saves a session in a loop and is killed at random.

    python -m benchmarks.soak_saves [--kills 500]

After every kill the file must be one of the versions written, whole; after the last, one more
save must leave no temporary file behind. Prints the counts. (The suite runs a short version
with forked children: tests/test_atomic.py.)
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sessions import dumps
from sessions.atomic import write_text_atomic
from sessions.models import Session

CHILD = """
import sys
from pathlib import Path
from sessions.atomic import write_text_atomic
versions = Path(sys.argv[2]).read_text(encoding="utf-8").split("\\0")
print("ready", flush=True)
i = 0
while True:
    write_text_atomic(Path(sys.argv[1]), versions[i % len(versions)])
    i += 1
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=500)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pmtui-soak-"))
    path, store = folder / "s.toml", folder.parent / f"{folder.name}-versions"
    versions = [dumps(Session(summary=f"version {i}\n" + "x" * (i * 7919))) for i in range(16)]
    store.write_text("\0".join(versions), encoding="utf-8")
    write_text_atomic(path, versions[0])
    rng = random.Random(1)
    corrupt = orphans_seen = 0
    start = time.perf_counter()
    for _ in range(args.kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(store)], stdout=subprocess.PIPE
        )
        child.stdout.readline()  # imported and about to save
        time.sleep(rng.uniform(0.0, 0.02))
        child.send_signal(signal.SIGKILL)
        child.wait()
        corrupt += path.read_text(encoding="utf-8") not in versions
        orphans_seen += sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))
    left_before = sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))
    write_text_atomic(path, versions[0])
    left_after = sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))
    print(
        f"{args.kills} kills in {time.perf_counter() - start:.0f} s: {corrupt} corrupt files; "
        f"temporary files seen after kills {orphans_seen}, left before the next save "
        f"{left_before}, after it {left_after}"
    )
    store.unlink()


if __name__ == "__main__":
    main()
