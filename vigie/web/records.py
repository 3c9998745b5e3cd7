"""The data of the record pages: one event, one article, one outlet, the sources, the queue.

Why one function per page that returns plain dicts: ``/events/{id}`` renders it as HTML and
``/api/events/{id}`` returns it as JSON, so the two never disagree (style.md habit 12).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from vigie import settings
from vigie.data import load_yaml
from vigie.errors import NotFound
from vigie.models import Article, Event
from vigie.review.book import ReviewBook
from vigie.review.fields import GRADES, taxonomy
from vigie.serve.export import event_to_dict
from vigie.store import Store
from vigie.web.highlight import Span, pieces
from vigie.web.listing import SUMMARY, summary
from vigie.web.query import EventQuery


def _article_meta(article: Article) -> dict[str, Any]:
    """An article's header; ``link`` is its URL only when http(s) (never a javascript: URL)."""
    return {
        "article_id": article.id, "title": article.title, "url": article.url,
        "link": article.url if (article.url or "").lower().startswith(("http://", "https://")) else None,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "published_confidence": article.published_confidence,
        "published_doubtful": article.published_doubtful,
        "published_note": article.published_note,
    }


def _article_of(report_id: str) -> str:
    """Report ids are "<article id>:<content hash>" (``vigie.store.codec.report_id``)."""
    return report_id.rsplit(":", 1)[0]


def _claims(event: Event, outlets: dict[str, str | None]) -> list[dict[str, Any]]:
    """Every claim of the event with the outlets that carried it: "AlManar citing SANA"."""
    out = []
    for claim in event.extra.get("claims", []):
        carriers = list(dict.fromkeys(
            outlets.get(_article_of(rid)) or _article_of(rid) for rid in claim.get("reports", [])
        ))
        out.append({
            **{k: claim.get(k) for k in ("count", "estimate", "qualifier", "who", "source", "quote")},
            "outlets": carriers,
            "lineage": [o if o == claim.get("source") else f"{o} citing {claim.get('source')}"
                        for o in carriers],
        })
    return out


def event_view(store: Store, event_id: str) -> dict[str, Any]:
    """Everything the record holds about one event, its claims side by side, its evidence in
    each reporting article's text, and its review and audit trail."""
    event = store.event(event_id)
    if event is None:
        raise NotFound(f"no event {event_id!r}")
    articles = {r.article_id: store.article(r.article_id) for r in event.reports}
    outlets = {aid: (a.outlet if a else None) for aid, a in articles.items()}
    book = ReviewBook(store)
    review = book.get(event_id)
    members = store.conn.execute(
        "SELECT report_id FROM event_members WHERE event_id = ? ORDER BY idx", (event_id,)
    ).fetchall()
    texts = []
    for aid, article in articles.items():
        if article is None:
            continue
        spans = [Span(e.start, e.end, "evidence") for r in event.reports if r.article_id == aid
                 for e in r.evidence]
        texts.append({**_article_meta(article), "pieces": [asdict(p) for p in pieces(article.text, spans)]})
    return {
        "event": event_to_dict(event),
        "fatalities_policy": settings.get("fatalities_policy"),
        "grade_reason": event.extra.get("grade_reason", ""),
        "contested_reason": event.extra.get("contested_reason", ""),
        "claims": _claims(event, outlets),
        "members": [
            {"report_id": m["report_id"], "article_id": _article_of(m["report_id"]),
             "outlet": outlets.get(_article_of(m["report_id"]))}
            for m in members
        ],
        "articles": texts,
        "review": asdict(review) if review else None,
        "history": [asdict(h) for h in book.history(event_ids=[event_id])],
    }


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """An article's cleaned text with its events' evidence and its framing words marked."""
    article = store.article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    reports = store.reports(article_id=article_id)
    spans = [Span(e.start, e.end, "evidence") for r in reports for e in r.evidence]
    framing = store.conn.execute(
        "SELECT hits FROM article_framing WHERE article_id = ?", (article_id,)
    ).fetchone()
    hits = json.loads(framing["hits"]) if framing else []
    spans += [Span(h[2], h[3], "framing", f"{h[0]} ({h[1]})") for h in hits]
    rows = store.conn.execute(
        "SELECT DISTINCT m.event_id FROM event_members m JOIN event_reports r ON r.id = m.report_id "
        "WHERE r.article_id = ?", (article_id,),
    ).fetchall()
    events = summaries(store, [r["event_id"] for r in rows])
    return {
        **_article_meta(article), "status": store.article_status(article_id),
        "pieces": [asdict(p) for p in pieces(article.text, spans)],
        "framing": [{"term": h[0], "favours": h[1], "text": h[4]} for h in hits],
        "events": events,
    }


def summaries(store: Store, event_ids: list[str]) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        f"SELECT {SUMMARY} FROM events e WHERE e.event_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY e.event_date, e.seq", (json.dumps(event_ids),),
    ).fetchall()
    return [summary(r) for r in rows]


def outlet_view(store: Store, name: str) -> dict[str, Any]:
    """An outlet's framing profile and the events its articles report."""
    from vigie.extract.attribution import SourceRegistry
    from vigie.merge import persist
    from vigie.merge.framing import outlet_profiles

    registry = SourceRegistry.load()
    profiles = outlet_profiles(persist.framings(store), outlet_name=registry.canonical)
    profile = next((p for p in profiles if p.outlet.casefold() == name.casefold()), None)
    raw = [r["outlet"] for r in store.conn.execute("SELECT DISTINCT outlet FROM articles")]
    names = [o for o in raw if o and ((registry.canonical(o) or o).casefold() == name.casefold())]
    if profile is None and not names:
        raise NotFound(f"no outlet {name!r}")
    rows = store.conn.execute(
        "SELECT DISTINCT m.event_id FROM event_members m JOIN event_reports r ON r.id = m.report_id "
        "JOIN articles a ON a.id = r.article_id WHERE a.outlet IN (SELECT value FROM json_each(?))",
        (json.dumps(names),),
    ).fetchall()
    articles = store.conn.execute(
        "SELECT id, title, published FROM articles WHERE outlet IN (SELECT value FROM json_each(?)) "
        "ORDER BY published, id", (json.dumps(names),),
    ).fetchall()
    return {
        "outlet": profile.outlet if profile else name,
        "profile": asdict(profile) if profile else None,
        "articles": [dict(a) for a in articles],
        "events": summaries(store, [r["event_id"] for r in rows]),
    }


def sources_view(store: Store) -> dict[str, Any]:
    """The source registry and the sources met that it does not know."""
    from vigie.extract.attribution import SourceRegistry

    return {
        "registry": [
            {"name": s.name, "type": s.type, "stance": s.stance, "country": s.country}
            for s in sorted(SourceRegistry.load(), key=lambda s: s.name.casefold())
        ],
        "unknown": [asdict(u) for u in store.unknown_sources()],
    }


def queue_view(store: Store, *, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """Unreviewed events, contested ones first, then the deadliest, and recent review actions."""
    query = EventQuery(review="unreviewed", page=page, per_page=per_page)
    where, params = query.where()
    total = store.conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT {SUMMARY} FROM events e WHERE {where} "
        "ORDER BY e.contested DESC, e.fatalities_best DESC, e.event_date DESC, e.seq LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    ).fetchall()
    return {
        "total": total, "page": page, "per_page": per_page,
        "events": [summary(r) for r in rows],
        "recent": [asdict(h) for h in ReviewBook(store).history(limit=20)],
    }


@lru_cache(maxsize=1)
def choices() -> dict[str, Any]:
    """The values the filter and edit forms offer, from the data files (not the store, so a
    page over 100,000 events does not scan them): governorates, ACLED types, grades, actors."""
    from vigie.resolve.actors import ActorRegistry

    governorates = load_yaml("admin1.yml")["governorates"]
    return {
        "admin1": sorted({g["name"] for govs in governorates.values() for g in govs}),
        "event_types": sorted(set(taxonomy().values())),
        "sub_event_types": sorted(taxonomy()),
        "grades": list(GRADES),
        "actors": sorted(ActorRegistry.load().names()),
    }
