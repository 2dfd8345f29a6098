"""Failpoints: named places where a test can make the server pause, so that it can be killed
in the middle of an operation (see core/tests/test_kill_during_submission.py).

Inactive unless the environment variable STIMULANS_FAILPOINTS names the failpoint, e.g.
`STIMULANS_FAILPOINTS=report.submit=pause:30`. When a failpoint pauses, it first writes its
name to the file named by STIMULANS_FAILPOINT_MARKER, so the test knows where the server is.
Production settings refuse to start with failpoints set (a deploy check)."""

import os
import time
from pathlib import Path

ENV = "STIMULANS_FAILPOINTS"


def failpoint(name: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    for item in spec.split(","):
        point, _sep, action = item.partition("=")
        if point.strip() != name:
            continue
        marker = os.environ.get("STIMULANS_FAILPOINT_MARKER")
        if marker:
            Path(marker).write_text(name)
        if action.startswith("pause"):
            seconds = float(action.split(":", 1)[1]) if ":" in action else 30.0
            time.sleep(seconds)
        elif action == "error":
            raise RuntimeError(f"failpoint {name}")
