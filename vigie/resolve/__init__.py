"""Resolution of mentions to canonical records: actors, places, dates and numbers."""
