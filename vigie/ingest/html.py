"""Reader for HTML pages: trafilatura finds the main text, title, date metadata and comments.

Why trafilatura: it is maintained, benchmarked on news pages and separates the article from
navigation and reader comments. Truncated pages still yield what they hold; a page with no
main text at all is an IngestError, not an empty article.
"""
from __future__ import annotations

from datetime import date

import lxml.etree
import lxml.html
import trafilatura

from vigie.errors import IngestError
from vigie.ingest.config import load_ingest_config
from vigie.ingest.document import RawDocument

# Only dates the page states about itself (metadata), never guesses from the text: the text is
# weighed later by vigie.ingest.published, which knows the French wire formats.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def drop_hidden(html: str) -> str | lxml.html.HtmlElement:
    """The page without what a reader never sees (``hidden_html`` in ``data/ingest.yml``):
    <noscript>, <template>, elements hidden by attribute, aria-hidden or inline style."""
    config = load_ingest_config()
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html  # trafilatura says what it makes of a page lxml cannot parse
    doomed = list(tree.iter(*config.hidden_tags))
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if (any(el.get(a) is not None for a in config.hidden_attributes)
                or (el.get("aria-hidden") or "").lower() == "true"
                or any(s in style for s in config.hidden_styles)):
            doomed.append(el)
    for el in doomed:  # one inside another already dropped only leaves a detached subtree
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def read_html(html: str, *, path: str) -> RawDocument:
    """An HTML page as a RawDocument; IngestError when no main text can be found."""
    if not html.strip():
        raise IngestError(path, "empty file")
    doc = trafilatura.bare_extraction(
        drop_hidden(html),
        with_metadata=True,
        include_comments=True,
        favor_recall=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise IngestError(path, "no main text found in HTML (empty or truncated page)")
    given = None
    if doc.date:
        try:
            given = date.fromisoformat(doc.date[:10])
        except ValueError:
            given = None
    comments = (doc.comments,) if doc.comments else ()
    return RawDocument(
        path=path,
        raw_text=html,
        body=text,
        title=doc.title or None,
        url=doc.url or None,
        outlet=doc.sitename or None,
        given=given,
        language=None,
        comments=comments,
    )
