"""Training vigie's learned components from a hand-coded corpus (``vigie train``).

Only the training split is ever read here; the test split is for ``vigie evaluate``.
"""
