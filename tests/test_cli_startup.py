"""The command line starts without loading what only some commands need (issue 12: cold start).

Why a test: one module-level import in a command module is enough to make every ``vigie``
call, ``--help`` included, load numpy, ftfy and the ingest stage again."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("numpy", "ftfy", "spacy", "vigie.ingest.clean", "vigie.pipeline", "vigie.extract")


def test_the_command_group_loads_no_stage_library() -> None:
    code = ("import sys, vigie.cli.main; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""
