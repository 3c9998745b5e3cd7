"""Reviewed values win over the machine's and survive re-merging and re-extraction."""
from __future__ import annotations

import io

import pytest

from vigie import review
from vigie.errors import NotFound, ReviewError
from vigie.merge import merge_pending
from vigie.review.book import ReviewBook
from vigie.serve.export import write_acled_csv, write_jsonl
from vigie.store import Store
from web_helpers import build_store, reextract


@pytest.fixture
def store(db: str) -> Store:  # type: ignore[misc]
    with build_store(db) as s:
        yield s


def _rebuild(store: Store) -> None:
    """The machine rebuilds every event: all of them gone, every report queued for merging."""
    store.conn.execute("DELETE FROM events")
    store.conn.execute("INSERT OR IGNORE INTO merge_queue (report_id) SELECT id FROM event_reports")
    merge_pending(store)


def _by_place(store: Store, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in store.events() if e.place and e.place.name == name)


def test_the_fixture_has_one_merged_battle_and_one_strike(store: Store) -> None:
    events = store.events()
    assert sorted(len(e.reports) for e in events) == [1, 2]


def test_an_edit_wins_and_is_logged_with_before_and_after(store: Store) -> None:
    event = _by_place(store, "Talbiseh")
    after = review.edit(store, event.event_id, {"sub_event_type": "Armed clash", "fatalities_best": 10},
                        who="lina", comment="two sources")
    assert (after.sub_event_type, after.event_type, after.fatalities_best) == ("Armed clash", "Battles", 10)
    assert after.extra["review"] == "edited"
    (entry,) = ReviewBook(store).history(event_ids=[event.event_id])
    assert (entry.who, entry.action, entry.comment) == ("lina", "edit", "two sources")
    assert entry.before["sub_event_type"] == "Government regains territory"
    assert entry.after["sub_event_type"] == "Armed clash"
    assert entry.at.endswith("Z")


def test_an_edit_survives_a_full_re_merge(store: Store) -> None:
    event = _by_place(store, "Talbiseh")
    review.edit(store, event.event_id, {"sub_event_type": "Armed clash"}, who="lina")
    _rebuild(store)
    assert _by_place(store, "Talbiseh").sub_event_type == "Armed clash"


def test_an_edit_survives_re_extraction_that_changes_report_ids(store: Store) -> None:
    event = _by_place(store, "Rastan")
    review.edit(store, event.event_id, {"fatalities_best": 4, "fatalities_low": 4}, who="lina")
    reextract(store, "a-rastan", bump=7)
    again = _by_place(store, "Rastan")
    assert again.event_id != event.event_id  # new reports, new event id
    assert (again.fatalities_low, again.fatalities_best) == (4, 4)
    assert again.extra["review"] == "edited"


def test_a_rejected_event_leaves_listings_and_exports_and_stays_rejected(store: Store) -> None:
    event = _by_place(store, "Rastan")
    review.reject(store, event.event_id, who="lina", comment="not an event")
    assert all(e.event_id != event.event_id for e in store.events())
    _rebuild(store)
    assert len(store.events()) == 1


def test_merge_and_split_are_pinned_against_the_machine(store: Store) -> None:
    battle, strike = _by_place(store, "Talbiseh"), _by_place(store, "Rastan")
    merged = review.merge_events(store, battle.event_id, strike.event_id, who="lina")
    assert len(merged.reports) == 3 and len(store.events()) == 1
    _rebuild(store)
    assert [len(e.reports) for e in store.events()] == [3]
    members = [r for r in review.apply.members_of(store, merged.event_id)]
    parts = review.split_event(store, merged.event_id, [members[:1], members[1:]], who="lina")
    assert sorted(len(p.reports) for p in parts) == [1, 2]
    _rebuild(store)
    assert sorted(len(e.reports) for e in store.events()) == [1, 2]
    actions = [h.action for h in ReviewBook(store).history()]
    assert actions == ["split", "merge"]


def test_exports_say_which_events_are_reviewed(store: Store) -> None:
    event = _by_place(store, "Talbiseh")
    review.accept(store, event.event_id, who="lina")
    csv_out, jsonl_out = io.StringIO(), io.StringIO()
    write_acled_csv(store.events(), csv_out, inter_of=lambda name: 1, timestamp=0)
    write_jsonl(store.events(), jsonl_out)
    assert "review=accepted" in csv_out.getvalue()
    assert '"review": "accepted"' in jsonl_out.getvalue() and '"review": null' in jsonl_out.getvalue()


def test_bad_edits_are_refused(store: Store) -> None:
    event = _by_place(store, "Talbiseh")
    with pytest.raises(ReviewError, match="ordered"):
        review.edit(store, event.event_id, {"fatalities_low": 99}, who="lina")
    with pytest.raises(ReviewError, match="sub-event type"):
        review.edit(store, event.event_id, {"sub_event_type": "Picnic"}, who="lina")
    with pytest.raises(ReviewError, match="cannot edit"):
        review.edit(store, event.event_id, {"event_id": "x"}, who="lina")
    with pytest.raises(NotFound):
        review.accept(store, "ev-nope", who="lina")
    assert ReviewBook(store).history() == []
