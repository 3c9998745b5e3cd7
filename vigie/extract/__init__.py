"""Event extraction: frames, casualty figures and their attribution."""
