"""``vigie serve`` (the web desk) and ``vigie token create|revoke`` (who may write to it)."""
from __future__ import annotations

import click

from vigie.cli.options import get_db_path
from vigie.errors import ReviewError
from vigie.store import Store


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (reads are open on loopback only).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str, port: int) -> None:
    """Start the web desk and HTTP API over the database: events, map, review (see /docs)."""
    import uvicorn

    from vigie.web.app import create_app

    path = get_db_path(ctx)
    Store.open(path).close()  # create or migrate now, so a bad file fails here, not per request
    click.echo(f"vigie desk on http://{host}:{port}/ (API docs: /docs)", err=True)
    uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


@click.group("token")
def token_cmd() -> None:
    """Create or revoke the bearer tokens that writes to the web desk and API need."""


@token_cmd.command("create")
@click.argument("name")
@click.pass_context
def token_create(ctx: click.Context, name: str) -> None:
    """Print a new token for NAME (shown once; only its hash is stored)."""
    from vigie.review.tokens import create_token

    with Store.open(get_db_path(ctx)) as store:
        try:
            click.echo(create_token(store, name))
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from exc


@token_cmd.command("revoke")
@click.argument("name")
@click.pass_context
def token_revoke(ctx: click.Context, name: str) -> None:
    """Revoke NAME's token: its writes are refused from now on."""
    from vigie.review.tokens import revoke_token

    with Store.open(get_db_path(ctx)) as store:
        try:
            revoke_token(store, name)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"token {name!r} revoked", err=True)
