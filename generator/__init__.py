"""Briefing generator: news articles in, structured Markdown briefings out, published with MkDocs."""

__version__ = "0.3.0"
