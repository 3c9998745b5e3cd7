"""``--scheduler``: extraction on a Dask cluster (a LocalCluster of two worker processes here)
gives what one process gives, in input order, even when a worker dies mid-run."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import distributed
import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.errors import IngestError, WorkerError
from vigie.extract.cluster import extract_articles_cluster
from vigie.extract.parallel import extract_articles_parallel
from vigie.ingest import read_paths
from vigie.models import Article, EventReport

from cluster_helpers import DieOnFirstChunk

Rows = list[tuple[str, list[dict]]]
Cluster = tuple[str, distributed.Client]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles.jsonl"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """Two worker processes, one thread each, started once for the module (each loads the model)."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=50) as local, distributed.Client(local) as client:
        yield local.scheduler_address, client


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    paths = [EXAMPLES] + ([CORPUS] if CORPUS.exists() else [])
    return [a for a in read_paths([str(p) for p in paths]) if not isinstance(a, IngestError) and a.language == "fr"]


@pytest.fixture(scope="module")
def in_process(articles: list[Article]) -> tuple[Rows, list[dict]]:
    """What one process gives: each article's reports, and the trace (batches of 1: a chunk
    per article on the cluster, so order and chunk boundaries are exercised)."""
    trace: list[dict] = []
    return _rows(extract_articles_parallel(articles, workers=1, batch_size=1, trace=trace)), trace


def _rows(pairs: Iterable[tuple[Article, list[EventReport]]]) -> Rows:
    return [(a.id, [r.to_dict() for r in reports]) for a, reports in pairs]


def test_the_cluster_gives_the_reports_and_trace_of_one_process_in_order(
    cluster: Cluster, articles: list[Article], in_process: tuple[Rows, list[dict]],
) -> None:
    _, client = cluster
    one, one_trace = in_process
    assert len(articles) >= 4 and any(reports for _, reports in one)
    on_cluster_trace: list[dict] = []
    on_cluster = _rows(extract_articles_cluster(articles, scheduler=client, batch_size=1, trace=on_cluster_trace))
    assert [a for a, _ in on_cluster] == [a.id for a in articles]
    assert on_cluster == one
    assert json.dumps(on_cluster_trace, sort_keys=True) == json.dumps(one_trace, sort_keys=True)


def test_a_worker_killed_mid_run_costs_only_its_chunk_which_is_run_again(
    cluster: Cluster, articles: list[Article], in_process: tuple[Rows, list[dict]], tmp_path: Path,
) -> None:
    _, client = cluster
    marker = tmp_path / "died"
    client.register_plugin(DieOnFirstChunk(str(marker)))
    try:
        on_cluster = _rows(extract_articles_cluster(articles, scheduler=client, batch_size=1))
    finally:
        client.unregister_worker_plugin(DieOnFirstChunk.name)
    assert marker.exists()  # a worker did die
    assert [a for a, _ in on_cluster] == [a.id for a in articles]  # every article once, in order
    assert on_cluster == in_process[0]


def test_extract_and_ingest_with_scheduler_match_one_process(cluster: Cluster, tmp_path: Path, db_factory) -> None:  # type: ignore[no-untyped-def]
    address, _ = cluster
    runner = CliRunner()
    args = ["--db", str(tmp_path / "unused.db"), "extract", str(EXAMPLES)]
    one = runner.invoke(cli, [*args, "--workers", "1"])
    on_cluster = runner.invoke(cli, [*args, "--scheduler", address])
    assert one.exit_code == 0 and on_cluster.exit_code == 0, (one.output, on_cluster.output)
    assert on_cluster.output == one.output and one.output.strip()
    ingested = {}
    for name, engine in (("one", ["--workers", "1"]), ("cluster", ["--scheduler", address])):
        db = db_factory()
        result = runner.invoke(cli, ["--db", db, "ingest", "-q", *engine, str(EXAMPLES)])
        assert result.exit_code == 0, result.output
        exported = runner.invoke(cli, ["--db", db, "export", "--format", "jsonl"])
        ingested[name] = (result.output.split("(run")[0], sorted(exported.output.splitlines()))
    assert ingested["cluster"] == ingested["one"] and ingested["one"][1]


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_SCHEDULER_TIMEOUT", "1")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "v.db"), "extract", "--scheduler", "tcp://127.0.0.1:9",
                                      str(EXAMPLES / "articles.jsonl")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    with pytest.raises(WorkerError):
        list(extract_articles_cluster([], scheduler="tcp://127.0.0.1:9"))
