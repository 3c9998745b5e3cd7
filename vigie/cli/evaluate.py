"""``vigie evaluate GOLD_DIR PRED.jsonl``: score predicted event reports against gold files."""
from __future__ import annotations

import click

from vigie.cli.options import format_option
from vigie.errors import VigieError


@click.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "show_errors", is_flag=True,
              help="List missed and spurious events with their sentences, and claim mismatches.")
@click.option("--trace", "trace", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The sentence fates written by vigie extract --trace: splits 'not found' in the error breakdown by where the event was lost.")
@format_option("text", "json", default="text")
def evaluate_command(gold_dir: str, pred: str, show_errors: bool, trace: str | None, fmt: str) -> None:
    """Score PRED (event reports, JSON Lines) against the gold files of GOLD_DIR.

    Matching and scores follow design.md section 6: events match on date (by the gold
    precision), place (25 km, or governorate for precision 3) and type, one-to-one.
    Predictions for articles absent from GOLD_DIR are ignored (and counted in the report).
    With --errors, a breakdown of missed and spurious events by cause comes first
    (vigie.evaluate.causes), then every mismatch.
    """
    from vigie.evaluate import evaluate
    from vigie.evaluate.causes import explain
    from vigie.evaluate.report import to_json, to_text

    try:
        result = evaluate(gold_dir, pred)
        causes = explain(gold_dir, pred, trace=trace) if show_errors else None
    except VigieError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(to_json(result, causes=causes) if fmt == "json" else to_text(result, errors=show_errors, causes=causes))
