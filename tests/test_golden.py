"""Golden test: the example article's whole briefing (JSON and Markdown) is stable.

When an extractor or template changes on purpose, regenerate with
`BRIEFING_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py` and review the diff.
"""
from __future__ import annotations

import json
import os

from generator import gazetteer, nlp
from generator.inputs.text import read_article
from generator.briefing import make_briefing
from generator.render import render_briefing
from tests.conftest import EXAMPLE, ROOT

GOLDEN = ROOT / "tests" / "fixtures" / "golden"


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with BRIEFING_UPDATE_GOLDEN=1 once"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden copy"


def test_example_briefing_matches_golden(nlp):
    article = read_article(EXAMPLE)
    briefing = make_briefing(article, nlp_parse(article), gazetteer.load())
    check("example.json", json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n")
    check("example.md", render_briefing(briefing))


def nlp_parse(article):
    return nlp.parse(article)
