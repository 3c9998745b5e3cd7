"""``vigie train``: fit the learned sentence gate on a coded corpus split and ship it."""
from __future__ import annotations

from pathlib import Path

import click

_REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = _REPO.parent / "shared" / "corpus" / "real" / "train"
DEFAULT_GUARDS = (
    (_REPO.parent / "shared" / "corpus", _REPO / "tests" / "quality_baseline.json"),
    (_REPO / "tests" / "fixtures" / "heldout", _REPO / "tests" / "fixtures" / "heldout" / "baseline.json"),
)


@click.command("train")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=DEFAULT_CORPUS, show_default=True,
              help="A coded split: articles.jsonl and gold/. Only ever the training split.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: the package's data/models/event_sentences).")
@click.option("--folds", type=click.IntRange(min=0), default=5, show_default=True,
              help="Article-grouped cross-validation folds whose scores go into meta.json (0: skip).")
@click.option("--guard", "guards", multiple=True, metavar="SPLIT=FLOORS.json",
              help="A regression set (articles.jsonl and gold/) and its floors: thresholds that break it are "
                   "never chosen. Default: the seed corpus and the held-out fixtures, when present.")
def train_cmd(corpus: Path, out: Path | None, folds: int, guards: tuple[str, ...]) -> None:
    """Fit the sentence model that tells which sentences report an event (and of which
    sub-type) from CORPUS, and write it where extraction loads it."""
    from vigie.data import data_path
    from vigie.extract.sentence_model import MODEL_DIR
    from vigie.learn.dataset import parse_corpus, sentence_rows
    from vigie.learn.train import cross_validate, fit, save
    from vigie.learn.tune import load_guard, tune

    coded = parse_corpus(corpus)
    rows = sentence_rows(coded)
    if not rows:
        raise click.ClickException(f"{corpus}: no coded sentences (articles.jsonl and gold/ expected)")
    click.echo(f"{len(rows)} sentences from {len(coded)} articles", err=True)
    cv, tuning = None, None
    thresholds = {"drop_below": 0.0, "add_from": 1.01}  # untuned: the rules decide alone
    if folds > 1:
        cv = cross_validate(rows, folds=folds)
        for key, value in cv.items():
            click.echo(f"  {key:45} {value:.3f}", err=True)
        pairs = [g.split("=", 1) for g in guards] if guards else [
            (str(split), str(floors)) for split, floors in DEFAULT_GUARDS if split.exists() and floors.exists()]
        if any(len(p) != 2 for p in pairs):
            raise click.BadParameter("expected SPLIT=FLOORS.json", param_hint="--guard")
        loaded = tuple(load_guard(Path(split), Path(floors)) for split, floors in pairs)
        thresholds, tuning = tune(coded, rows, corpus / "gold", corpus=corpus, folds=folds, guards=loaded)
        best = next(t for t in tuning if all(t.get(k) == v for k, v in thresholds.items()))
        untuned = next(t for t in tuning if t["drop_below"] == 0.0 and t["add_from"] > 1
                       and "retype_from" not in t and "keep_from" not in t)
        click.echo(f"  thresholds {thresholds}: cross-validated event F1 {best['event_f1']:.3f} "
                   f"(rules alone {untuned['event_f1']:.3f})", err=True)
    target = out or data_path(MODEL_DIR)
    save(fit(rows), rows, target, corpus=corpus, cv=cv, thresholds=thresholds, tuning=tuning)
    click.echo(f"model written to {target}", err=True)
