"""``vigie token create|revoke``: a token is printed once, only its hash is stored."""
from __future__ import annotations

from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.review.tokens import token_owner
from vigie.store import Store


def test_token_create_and_revoke(db: str) -> None:
    runner = CliRunner()
    created = runner.invoke(cli, ["--db", db, "token", "create", "lina"])
    assert created.exit_code == 0, created.output
    token = created.output.strip()
    with Store.open(db) as store:
        assert token_owner(store, token) == "lina"
        stored = [r[0] for r in store.conn.execute("SELECT hash FROM api_tokens")]
        assert stored and token not in stored
    again = runner.invoke(cli, ["--db", db, "token", "create", "lina"])
    assert again.exit_code != 0 and "revoke it first" in again.output
    assert runner.invoke(cli, ["--db", db, "token", "revoke", "lina"]).exit_code == 0
    with Store.open(db) as store:
        assert token_owner(store, token) is None
    missing = runner.invoke(cli, ["--db", db, "token", "revoke", "lina"])
    assert missing.exit_code != 0 and "no active token" in missing.output
