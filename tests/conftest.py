"""The store backends the tests run on: SQLite always, PostgreSQL when its server binaries exist.

Tests that take the ``db`` fixture (a database target for ``Store.open`` / ``--db``) run once
per backend. For PostgreSQL one throwaway server is started for the session
(:class:`vigie.store.pgcluster.TempCluster`) and each test gets a fresh schema of its own (the
URL's ``search_path``), dropped afterwards. ``--backend sqlite`` or ``--backend postgresql``
runs one only; without PostgreSQL binaries its variants are skipped, saying why.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vigie.store.pgcluster import TempCluster, server_binaries

BACKENDS = ("sqlite", "postgresql")
_schemas = itertools.count(1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=(*BACKENDS, "both"), default="both",
                     help="Store backend(s) the db-parametrised tests run on (default: both).")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = config.getoption("--backend")
    if chosen == "both":
        return
    kept, dropped = [], []
    for item in items:
        backend = getattr(getattr(item, "callspec", None), "params", {}).get("db_factory")
        (dropped if backend not in (None, chosen) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a database on a throwaway PostgreSQL server (skips without binaries)."""
    if server_binaries() is None:
        pytest.skip("PostgreSQL server binaries absent (/usr/lib/postgresql/*/bin; .ci/run installs them)")
    with TempCluster(durable=False) as cluster:
        yield cluster.create_database("vigie_test")


@pytest.fixture(params=BACKENDS)
def db_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A maker of fresh, empty database targets on the test's backend."""
    if request.param == "sqlite":
        names = (str(tmp_path / f"v{i}.db") for i in itertools.count())
        yield lambda: next(names)
        return
    import psycopg

    base = request.getfixturevalue("pg_server")
    made: list[str] = []

    def fresh() -> str:
        schema = f"t{next(_schemas)}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return f"{base}?options=-csearch_path%3D{schema}"

    yield fresh
    with psycopg.connect(base, autocommit=True) as conn:
        for schema in made:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def db(db_factory: Callable[[], str]) -> str:
    """A fresh database target (a SQLite path or a PostgreSQL URL) on the test's backend."""
    return db_factory()
