"""Feedback while a long command runs: a bar with a total and an ETA on a terminal, a line every
``every`` items in a log (a pipe, a cron job), nothing with ``--quiet``."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
    TimeRemainingColumn,
)


@contextmanager
def progress(what: str, *, total: int | None, quiet: bool, every: int = 100) -> Iterator[Callable[[str], None]]:
    """A callback to call once per item handled (with a label, e.g. the file name)."""
    err = Console(stderr=True)
    if quiet:
        yield lambda label: None
        return
    if not err.is_terminal:
        started, done = time.monotonic(), 0

        def log(label: str) -> None:
            nonlocal done
            done += 1
            if done % every == 0 or done == total:
                of = f"/{total}" if total else ""
                click.echo(f"{what}: {done}{of} items, {time.monotonic() - started:.0f} s", err=True)

        yield log
        return
    with Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=err, transient=True,
    ) as bar:
        task = bar.add_task(what, total=total)
        yield lambda label: bar.update(task, advance=1, description=label[:40])
