#!/usr/bin/env python3
"""Create (once) scripts/.venv and install a pinned requirements file into it.

    python3 scripts/setup_venv.py samples|bench     # prints the venv's python path

Used by make_samples.py / make_reports.py (which re-exec themselves under the venv) and by
bench.sh. Re-installs only when the requirements file changed (a hash stamp in the venv).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
VENV = SCRIPTS / ".venv"
PY = VENV / "bin" / "python"


def _requirements_text(path: Path) -> str:
    out = []
    for line in path.read_text().splitlines():
        if line.startswith("-r "):
            out.append(_requirements_text(path.parent / line[3:].strip()))
        else:
            out.append(line)
    return "\n".join(out)


def ensure(group: str) -> Path:
    req = SCRIPTS / f"requirements-{group}.txt"
    digest = hashlib.sha256(_requirements_text(req).encode()).hexdigest()
    stamp = VENV / f".installed-{group}"
    if PY.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return PY
    if not PY.exists():
        print(f"venv: creating {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    print(f"venv: installing {req.name}", file=sys.stderr)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-r", str(req)], check=True, stdout=sys.stderr)
    stamp.write_text(digest + "\n")
    return PY


def reexec_in_venv(group: str, script: str) -> None:
    """Call first thing in a script: re-runs it under the venv's python unless already there."""
    py = ensure(group)
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(py), [str(py), script, *sys.argv[1:]])


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("samples", "bench"):
        sys.exit("usage: setup_venv.py samples|bench")
    print(ensure(sys.argv[1]))
