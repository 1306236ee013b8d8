"""JSON Lines exports: one article per line; a bad line refused with its number, the rest built."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.inputs import read_entries

GOOD = {"title": "Dam release floods farmland downstream", "date": "2023-06-04T10:00:00Z",
        "url": "https://wire.example.com/a/1", "source": "Example Wire", "authors": ["Priya Nair", "Tom Ellis"],
        "text": "Engineers opened the sluice gates on Sunday after days of rain, the water board said.\n\n"
                "Farmers downstream said they had not been warned. \u201cWe lost a field of barley,\u201d one said."}


def export(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines))
    return path


def test_a_line_with_every_field(tmp_path):
    (label, article), = read_entries(export(tmp_path, GOOD))[0]
    assert label == "line 1"
    assert article.headline == GOOD["title"] and article.date == "2023-06-04"
    assert article.url == GOOD["url"] and article.publisher == "Example Wire"
    assert article.authors == ["Priya Nair", "Tom Ellis"]
    assert article.paragraphs == GOOD["text"].split("\n\n")
    assert article.slug == "2023-06-04-dam-release-floods-farmland-downstream"
    assert article.source == "export.jsonl"


@pytest.mark.parametrize("record, check", [
    ({"text": "The market reopened on Monday, traders said."},  # text only: headline from the lead
     lambda a: a.headline == "The market reopened on Monday, traders said." and a.date is None),
    ({"text": "Short headline\n\nThe market reopened on Monday, traders said."},
     lambda a: a.headline == "Short headline" and a.paragraphs == ["The market reopened on Monday, traders said."]),
    ({"text": "KANO, Nigeria (AP) — Rain delayed the vote count, officials said.", "title": "Vote count delayed"},
     lambda a: a.dateline == "KANO, Nigeria (AP)" and a.paragraphs[0].startswith("Rain delayed")),
    ({"text": "The bridge opened.", "authors": "Ana Ruiz; Li Wei"},
     lambda a: a.authors == ["Ana Ruiz", "Li Wei"]),
    ({"text": "The bridge opened.", "date": "Tue, 02 May 2023 09:15:00 +0100"}, lambda a: a.date == "2023-05-02"),
    ({"text": "The bridge opened.", "date": "next Tuesday"},
     lambda a: a.date is None and any("not a date" in w for w in a.warnings)),
    ({"text": "The bridge opened.", "url": "javascript:alert(1)"}, lambda a: a.url is None),
    ({"text": "The bridge opened.", "url": "ftp://files.example.com/a"}, lambda a: a.url is None),
    ({"text": "The bridge opened.", "url": "https://x.example/a b(1)"},
     lambda a: a.url == "https://x.example/a%20b%281%29"),
    ({"text": "The bridge opened.", "views": 12}, lambda a: any("fields not read: views" in w for w in a.warnings)),
    ({"text": "<script>alert(1)</script> {{ 7*7 }} The bridge opened."},
     lambda a: a.paragraphs == ["<script>alert(1)</script> {{ 7*7 }} The bridge opened."]),  # text stays text
])
def test_optional_fields_table(tmp_path, record, check):
    entries, errors = read_entries(export(tmp_path, record))
    assert errors == []
    assert check(entries[0][1])


@pytest.mark.parametrize("line, reason", [
    (b"not json", "is not valid JSON: Expecting value at column 1"),
    (b'{"text": "unterminated', "is not valid JSON"),
    (b"[1, 2]", "is a JSON list, not an object"),
    (b'{"title": "No text"}', 'has no "text"'),
    (b'{"text": "   "}', 'has no "text"'),
    (b'{"text": 12}', 'has no "text"'),
    (b'{"text": "ok", "date": 20230101}', '"date" that is not a string'),
    (b'{"text": "ok", "authors": [1, 2]}', '"authors" that are neither'),
    (b'{"text": "caf\xe9"}', "not valid UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "is not valid JSON"),  # nesting deeper than the parser goes
])
def test_a_bad_line_is_reported_with_its_number_and_the_others_build(tmp_path, line, reason):
    path = export(tmp_path, GOOD, b"", line, dict(GOOD, title="Second good line"))
    entries, errors = read_entries(path)
    assert [label for label, _ in entries] == ["line 1", "line 4"]
    assert len(errors) == 1
    assert errors[0].path == f"{path} (line 3)" and reason in errors[0].message


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"\n\n  \n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_an_unusable_file_is_refused_by_name(tmp_path, content, reason):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    entries, errors = read_entries(path)
    assert entries == [] and len(errors) == 1
    assert errors[0].path == str(path) and reason in errors[0].message
    assert isinstance(errors[0], ArticleError)


def test_windows_line_endings_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n" + json.dumps(GOOD).encode() + b"\r\n")
    entries, errors = read_entries(path)
    assert errors == [] and len(entries) == 2
