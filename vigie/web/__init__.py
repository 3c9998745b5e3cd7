"""The analyst's desk: a web app and JSON API over the store (``vigie serve``).

Pages and API answer from the same data builders (``listing``, ``records``); reviews go through
:mod:`vigie.review`. See ``create_app`` in :mod:`vigie.web.app`.
"""
