"""Property: any report the pipeline can build reads back from the store unchanged."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigie.models import Article, Claim, EventReport, Evidence, Place
from event_helpers import event_from_report
from vigie.store import Store, report_id

# No NUL: the ingest decoder removes control characters, and PostgreSQL text cannot hold one.
chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(chars, max_size=40)
names = st.text(chars, min_size=1, max_size=20)
qualifiers = st.sampled_from(["exact", "at_least", "more_than", "less_than", "up_to", "about", "vague"])
counts = st.none() | st.integers(min_value=0, max_value=10**6)

claims = st.builds(
    Claim, count=counts, qualifier=qualifiers, who=names, source=names, quote=text,
    estimate=counts, start=counts, end=counts,
    subfigures=st.lists(
        st.builds(Claim, count=counts, qualifier=qualifiers, who=names, source=names, quote=text),
        max_size=2,
    ).map(tuple),
)
places = st.none() | st.builds(
    Place, name=names, latitude=st.floats(-90, 90), longitude=st.floats(-180, 180),
    admin1=st.none() | names, country=names, country_code=st.text(chars, max_size=2),
    geo_precision=st.integers(1, 3), mention=text, feature=names,
    gazetteer_id=st.none() | names, admin2=st.none() | names,
)
reports = st.builds(
    EventReport, article_id=st.just("a1"),
    event_date=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    date_precision=st.sampled_from(["day", "week", "month"]), event_type=names,
    sub_event_type=names, actor1=st.none() | names, actor2=st.none() | names, place=places,
    assoc_actor_1=st.lists(names, max_size=3).map(tuple),
    assoc_actor_2=st.lists(names, max_size=3).map(tuple),
    fatalities=st.integers(0, 10**5), claims=st.lists(claims, max_size=3).map(tuple),
    civilian_targeting=st.booleans(),
    evidence=st.lists(st.builds(Evidence, start=st.integers(0, 10**4), end=st.integers(0, 10**4),
                                text=text), max_size=2).map(tuple),
    confidence=st.floats(0, 1), trigger=text, outlet=st.none() | names,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(reports, max_size=4))
def test_reports_and_events_read_back_unchanged(db: str, batch: list[EventReport]) -> None:
    with Store.open(db) as store:
        if not store.has_article("a1"):
            store.add_article(Article(id="a1", text="Texte de test.", content_hash="h1"))
        store.set_reports("a1", batch)
        unique = list({report_id(r): r for r in batch}.values())
        assert store.reports() == sorted(unique, key=lambda r: r.event_date)  # stable: idx order
        events = [event_from_report(r) for r in unique]
        store.save_events(events, replace_all=True)
        got = {e.event_id: e for e in store.events()}
        assert set(got) == {e.event_id for e in events}
        for event in events:
            assert got[event.event_id].reports == event.reports
