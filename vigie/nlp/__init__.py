"""The nlp stage: spaCy's French model plus vigie's components (actor and source rulers, frames)."""
