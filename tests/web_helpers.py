"""A small store for the web and review tests, built without spaCy (our own articles)."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from merge_helpers import RASTAN, claim, place, report
from vigie.merge import merge_pending
from vigie.models import Article, Evidence
from vigie.store import Store

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
TEXTS = {
    "a-talbiseh-1": "Les forces du régime ont repris Talbiseh mardi. Au moins 12 morts selon l'OSDH.",
    "a-talbiseh-2": "L'armée syrienne a repris Talbiseh. SANA fait état de 8 terroristes tués.",
    "a-rastan": f"Un raid aérien a frappé Rastan le 20 mars. {HOSTILE} 5 civils tués selon les Casques blancs.",
}


def article(aid: str) -> Article:
    text = TEXTS[aid]
    return Article(id=aid, text=text, title=f"Titre {aid} {HOSTILE}", outlet="AlManar" if aid.endswith("2") else "Le Journal",
                   published=date(2016, 3, 9), published_source="input", published_confidence=0.9,
                   content_hash=hashlib.sha1(text.encode()).hexdigest())


def reports_of(aid: str, *, bump: int = 0) -> list:
    """The article's reports; ``bump`` changes their content (a re-extraction with new ids)."""
    text = TEXTS[aid]
    evidence = (Evidence(0, text.index(".") + 1, text[: text.index(".") + 1]),)
    if aid == "a-rastan":
        quote = f"5 civils tués {HOSTILE}"
        return [replace(
            report(aid, day=date(2016, 3, 20), sub="Air/drone strike", etype="Explosions/Remote violence",
                   actor1="Military Forces of Syria", actor2="Civilians (Syria)",
                   where=place("Rastan", RASTAN), claims=(replace(claim(5, "White Helmets", who="civilians"), quote=quote),)),
            evidence=(Evidence(0, len(text), text),), confidence=0.5 + bump / 100,
        )]
    source, count = ("OSDH", 12) if aid.endswith("1") else ("SANA", 8)
    return [replace(report(aid, claims=(claim(count, source),), outlet="AlManar"), evidence=evidence,
                    confidence=0.5 + bump / 100)]


def build_store(path: Path | str) -> Store:
    """Three articles: two reports of one Talbiseh battle (merged), one Rastan air strike."""
    store = Store.open(path)
    for aid in TEXTS:
        store.ingest_article(article(aid), reports_of(aid))
    merge_pending(store)
    return store


def reextract(store: Store, aid: str, *, bump: int) -> None:
    """Replace an article's reports by slightly different ones (new report ids) and re-merge."""
    store.set_reports(aid, reports_of(aid, bump=bump))
    merge_pending(store)
