"""The review desk: an analyst's accept / edit / reject / merge / split of merged events.

Why reviews are stored apart from the events they correct: the merge stage rewrites the
``events`` table whenever a new report joins, and re-extraction changes report ids. A review
therefore records its decision (the fields it sets, the members it pins) with enough to find
its event again (member report ids, then articles and date), and :func:`apply_reviews` writes
it back over the machine values after every merge. Every action is appended to
``review_log`` (who, when, before, after, comment).
"""
from vigie.review.actions import accept, edit, merge_events, reject, split_event
from vigie.review.apply import apply_reviews
from vigie.review.book import Review, ReviewBook

__all__ = [
    "Review", "ReviewBook", "accept", "apply_reviews", "edit", "merge_events", "reject",
    "split_event",
]
