"""Readers, one per input kind, that turn a saved file into Article objects (no NLP)."""
