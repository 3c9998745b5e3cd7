"""The store backends the tests run on: SQLite always, PostgreSQL when its server binaries exist.

Tests that take the ``db`` fixture (a database target for ``Store.open`` / ``--db``) run once
per backend. For PostgreSQL one throwaway server is started for the session
(:class:`vigie.store.pgcluster.TempCluster`) and each test gets a fresh schema of its own (the
URL's ``search_path``); the server and its data go at the end of the session. Module-scoped
fixtures parametrised over ``BACKENDS`` get theirs from :func:`fresh_targets`. ``--backend sqlite`` or ``--backend postgresql``
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
        params = getattr(getattr(item, "callspec", None), "params", {})
        backends = {v for v in params.values() if isinstance(v, str) and v in BACKENDS}
        (dropped if backends - {chosen} else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_schemas() -> Iterator[Callable[[], str]]:
    """A maker of URLs, each to a fresh schema of a database on a throwaway PostgreSQL server
    (skips without server binaries); the server goes at the end of the session."""
    if server_binaries() is None:
        pytest.skip("PostgreSQL server binaries absent (/usr/lib/postgresql/*/bin; .ci/run installs them)")
    import psycopg

    with TempCluster(durable=False) as cluster:
        base = cluster.create_database("vigie_test")

        def fresh() -> str:
            schema = f"t{next(_schemas)}"
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            return f"{base}?options=-csearch_path%3D{schema}"

        yield fresh


def fresh_targets(request: pytest.FixtureRequest, backend: str, folder: Path) -> Callable[[], str]:
    """A maker of fresh database targets on ``backend``: SQLite files in ``folder``, or
    PostgreSQL schemas (:func:`pg_schemas`)."""
    if backend == "sqlite":
        names = (str(folder / f"v{i}.db") for i in itertools.count())
        return lambda: next(names)
    return request.getfixturevalue("pg_schemas")


@pytest.fixture(params=BACKENDS)
def db_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A maker of fresh, empty database targets on the test's backend."""
    return fresh_targets(request, request.param, tmp_path)


@pytest.fixture
def db(db_factory: Callable[[], str]) -> str:
    """A fresh database target (a SQLite path or a PostgreSQL URL) on the test's backend."""
    return db_factory()
