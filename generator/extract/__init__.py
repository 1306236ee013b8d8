"""One module per briefing section; each extractor is a pure function of a parsed Doc."""
