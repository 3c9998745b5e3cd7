"""The store backends the tests run on: SQLite always, PostgreSQL when its server binaries exist.

Every test that opens a store takes its target from the ``db`` fixture (a database target for
``Store.open`` / ``--db``), ``db_factory`` (several), or :func:`fresh_targets` (module-scoped
fixtures parametrised over ``BACKENDS``), and so runs once per backend: the whole suite is
green on both. A test opening any other SQLite store fails, naming the fixture to take,
unless it is marked ``own_sqlite_store`` (it is about SQLite files: a missing or damaged file, a
store written by an old vigie; or a bench measures SQLite in a store of its own). For PostgreSQL one throwaway server is started for the session
(:class:`vigie.store.pgcluster.TempCluster`) and each target is a fresh schema of its own (the
URL's ``search_path``); the server and its data go at the end of the session. ``--backend
sqlite`` or ``--backend postgresql`` runs one only; without PostgreSQL binaries its variants are
skipped, saying why.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vigie.store import session
from vigie.store.backend import is_postgres
from vigie.store.pgcluster import TempCluster, server_binaries

BACKENDS = ("sqlite", "postgresql")
_schemas = itertools.count(1)
_targets: set[str] = set()  # the SQLite files the fixtures handed out
_running: list[pytest.Item] = []  # the test being set up, run or torn down


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=(*BACKENDS, "both"), default="both",
                     help="Store backend(s) the db-parametrised tests run on (default: both).")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "own_sqlite_store: the test opens SQLite stores of its own on purpose "
                            "(it is about SQLite files, or a bench measures SQLite)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    _running.append(item)
    yield
    _running.pop()


@pytest.fixture(scope="session", autouse=True)
def _stores_come_from_the_fixtures() -> Iterator[None]:
    """Fails a test that opens a SQLite store the fixtures did not give it: such a test would
    never run on PostgreSQL."""
    opened = session.connect

    def checked(target: str, **options: Any) -> Any:
        item = _running[-1] if _running else None
        if (item is not None and not is_postgres(target) and item.get_closest_marker("own_sqlite_store") is None
                and os.path.abspath(target) not in _targets):
            raise AssertionError(f"{item.nodeid} opens the SQLite store {target}: take it from the db or "
                                 "db_factory fixture (it then runs on PostgreSQL too), or mark the test own_sqlite_store")
        return opened(target, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(session, "connect", checked)
        yield


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

        def fresh() -> str:
            name = next(names)
            _targets.add(os.path.abspath(name))
            return name

        return fresh
    return request.getfixturevalue("pg_schemas")


@pytest.fixture(params=BACKENDS)
def db_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A maker of fresh, empty database targets on the test's backend."""
    return fresh_targets(request, request.param, tmp_path)


@pytest.fixture
def db(db_factory: Callable[[], str]) -> str:
    """A fresh database target (a SQLite path or a PostgreSQL URL) on the test's backend."""
    return db_factory()
