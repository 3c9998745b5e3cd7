"""``--workers``: extraction on several processes gives exactly what one process gives, in order."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.errors import IngestError
from vigie.extract.parallel import extract_articles_parallel
from vigie.ingest import read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles.jsonl"


def _articles():  # type: ignore[no-untyped-def]
    paths = [EXAMPLES] + ([CORPUS] if CORPUS.exists() else [])
    return [a for a in read_paths([str(p) for p in paths]) if not isinstance(a, IngestError) and a.language == "fr"]


def test_two_workers_give_the_reports_and_trace_of_one_in_input_order() -> None:
    articles = _articles()
    assert len(articles) >= 4
    one_trace: list[dict] = []
    two_trace: list[dict] = []
    # batches of 1: several chunks per worker, so order and chunk boundaries are exercised
    one = list(extract_articles_parallel(articles, workers=1, batch_size=1, trace=one_trace))
    two = list(extract_articles_parallel(articles, workers=2, batch_size=1, trace=two_trace))
    assert [a.id for a, _ in two] == [a.id for a in articles]
    assert [(a.id, [r.to_dict() for r in rs]) for a, rs in two] == [(a.id, [r.to_dict() for r in rs]) for a, rs in one]
    assert any(rs for _, rs in one)
    assert json.dumps(two_trace, sort_keys=True) == json.dumps(one_trace, sort_keys=True)


def test_extract_cli_workers_option_prints_what_one_worker_prints(tmp_path: Path) -> None:
    args = ["--db", str(tmp_path / "unused.db"), "extract", str(EXAMPLES / "articles.jsonl")]
    one = CliRunner().invoke(cli, args)
    two = CliRunner().invoke(cli, [*args, "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, (one.output, two.output)
    assert two.output == one.output and one.output.strip()
