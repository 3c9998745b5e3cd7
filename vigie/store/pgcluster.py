"""A throwaway PostgreSQL server: ``initdb`` and ``pg_ctl`` in a temporary folder, on a free port.

Why: the tests run every store test against PostgreSQL too, and ``vigie bench`` measures it,
on machines where no server is configured; both need a server they own and may discard. The
Debian binaries (``/usr/lib/postgresql/*/bin``) are used; ``initdb`` refuses to run as root,
so as root the server runs as the ``postgres`` user (else ``nobody``) through ``runuser``.
The server listens on 127.0.0.1 only and trusts local connections: it is for tests and
benchmarks, never for data one keeps.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

from vigie.errors import StoreError


def server_binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """The user to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise StoreError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")


class TempCluster:
    """A PostgreSQL server in a temporary folder; a context manager that stops and removes it.

    ``durable=False`` (the tests) turns off fsync: a crash loses the cluster, which is discarded
    anyway. The benchmark keeps PostgreSQL's default durability.
    """

    def __init__(self, *, durable: bool = True, user: str = "vigie") -> None:
        bin_dir = server_binaries()
        if bin_dir is None:
            raise StoreError("no PostgreSQL server binaries (apt-get install postgresql)")
        self.bin = bin_dir
        self.user = user
        self.durable = durable
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="vigie-pg-"))
        self._as = _server_user()

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as:
            command = ["runuser", "-u", self._as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode:
            raise StoreError(f"{args[0]} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> "TempCluster":
        if self._as:
            shutil.chown(self.folder, user=self._as)
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "--auth=trust", f"--username={self.user}",
                  "--encoding=UTF8", "--no-locale")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create database ``name``; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "TempCluster":
        try:
            return self.start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
