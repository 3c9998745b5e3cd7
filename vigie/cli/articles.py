"""``vigie articles``: the stored articles, or one of them with its cleaned text."""
from __future__ import annotations

import json

import click

from vigie.cli.options import format_option, get_db_path
from vigie.cli.render import articles_table, console
from vigie.store import Store


@click.command("articles")
@click.argument("article_id", required=False)
@format_option("table", "jsonl", default="table")
@click.option("--raw", is_flag=True, help="With ARTICLE_ID: print the raw text as read, not the cleaned text.")
@click.pass_context
def articles_cmd(ctx: click.Context, article_id: str | None, fmt: str, raw: bool) -> None:
    """List stored articles (status, publication date and whether it is doubtful), or show
    ARTICLE_ID with its metadata and cleaned text (the text evidence offsets refer to)."""
    with Store.open(get_db_path(ctx), create=False) as store:
        if article_id:
            article = store.article(article_id)
            if article is None:
                raise click.ClickException(f"no article {article_id!r}")
            status = store.article_status(article_id)
            _show(article, status, raw=raw)
            return
        rows = [(a, store.article_status(a.id) or "") for a in store.articles()]
    if fmt == "jsonl":
        for art, status in rows:
            click.echo(json.dumps(_summary(art, status), ensure_ascii=False))
    else:
        articles_table(rows, console=console())


def _summary(article, status: str) -> dict:  # type: ignore[no-untyped-def]
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "published_confidence": article.published_confidence,
        "published_doubtful": article.published_doubtful,
        "published_note": article.published_note,
        "language": article.language, "status": status, "source_path": article.source_path,
    }


def _show(article, status: str | None, *, raw: bool) -> None:  # type: ignore[no-untyped-def]
    from vigie.ingest.labels import safe_label  # the ingest stage loads only when an article is shown

    for key, value in _summary(article, status or "").items():
        if value not in (None, ""):
            click.echo(f"{key}: {safe_label(str(value))}")  # stored before labels were cleaned
    click.echo("")
    click.echo(article.raw_text if raw else article.text)
