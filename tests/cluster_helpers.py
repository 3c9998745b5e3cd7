"""A Dask worker plugin for the cluster tests: the first worker to start a vigie chunk dies."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin


class DieOnFirstChunk(WorkerPlugin):
    """Kills its worker process (no clean-up, as a crash or an OOM kill would) when a vigie
    extraction chunk starts executing there, once for the whole cluster: the marker file,
    created exclusively, says it has happened."""

    name = "vigie-test-die-on-first-chunk"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or not str(key).startswith("vigie-extract-"):
            return
        try:
            Path(self.marker).open("x").close()
        except FileExistsError:
            return
        os._exit(1)
