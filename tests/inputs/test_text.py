"""Reading article files: date line, headline, dateline, credits, paragraphs, bad input."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.inputs.text import parse_article, read_article, slugify
from generator.errors import ArticleError

TODAY = dt.date(2026, 1, 1)


def parse(text: str):
    return parse_article(text, source="a.txt", slug="a", today=TODAY)


def test_seed_format_lead_paragraph_is_body_and_headline():
    article = parse(" date 2022-04-12 Putin has said peace talks with Ukraine have hit a dead end as he "
                    "vowed to continue his invasion of the country despite significant Russian losses "
                    "in the east.\n\nRussian forces withdrew from Kyiv.\n\nThe war goes on.")
    assert article.date == "2022-04-12"
    assert article.paragraphs[0].startswith("Putin has said")
    assert article.headline.startswith("Putin has said")
    assert len(article.paragraphs) == 3


def test_short_first_line_is_a_headline_not_a_paragraph():
    article = parse(" date 2016-09-26 Green Party candidate removed from debate site.\n\n"
                    "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party candidate Jill Stein was escorted off.\n\n"
                    "She said she would return.")
    assert article.headline == "Green Party candidate removed from debate site."
    assert article.dateline == "HEMPSTEAD, N.Y., Sept. 26 (UPI)"
    assert article.paragraphs[0] == "Green Party candidate Jill Stein was escorted off."


@pytest.mark.parametrize("first, dateline, rest", [
    ("KYIV (AP) — Russian forces shelled the city.", "KYIV (AP)", "Russian forces shelled the city."),
    ("MEXICO CITY (AP) — Rain fell.", "MEXICO CITY (AP)", "Rain fell."),
    ("WASHINGTON ― Lawmakers met on Friday.", "WASHINGTON", "Lawmakers met on Friday."),
    ("LONDON, Oct. 4 (Reuters) - Shares fell.", "LONDON, Oct. 4 (Reuters)", "Shares fell."),
    ("The mayor — a former judge — spoke.", None, "The mayor — a former judge — spoke."),
])
def test_datelines(first, dateline, rest):
    article = parse(f"Headline here\n\n{first}\n\nMore text.")
    assert article.dateline == dateline
    assert article.paragraphs[0] == rest


def test_no_date_line_headline_and_one_line_paragraphs():
    article = parse("Parents share story of miracle baby\n\nThey call her their miracle baby.\n"
                    "She is 9 months old now.\n'She weighed so little'\nAfter being born, she was rushed away.")
    assert article.date is None
    assert article.headline == "Parents share story of miracle baby"
    assert article.paragraphs == ["They call her their miracle baby.", "She is 9 months old now.",
                                  "'She weighed so little'", "After being born, she was rushed away."]
    assert any("no date" in w for w in article.warnings)


def test_hard_wrapped_lines_are_joined():
    article = parse("Headline\n\nMLA Sandra Jansen made an impassioned plea to her colleagues in the legislature on\n"
                    "            Tuesday, asking them to stand up against hate speech.\n"
                    "            Calgary MLA Sandra Jansen drew a standing ovation.")
    assert article.paragraphs == [
        "MLA Sandra Jansen made an impassioned plea to her colleagues in the legislature on Tuesday, "
        "asking them to stand up against hate speech.",
        "Calgary MLA Sandra Jansen drew a standing ovation."]


def test_credit_lines_are_metadata():
    article = parse(" date 2022-04-12 Headline\n\nBody text here.\n\n"
                    "*Additional reporting by Yuras Karmanau and Adam Schreck – Associated Press")
    assert article.paragraphs == ["Body text here."]
    assert article.credits == ["*Additional reporting by Yuras Karmanau and Adam Schreck – Associated Press"]


@pytest.mark.parametrize("value, date, warning", [
    ("2022-13-45", None, "not a real calendar date"),
    ("12/04/2022", None, "not YYYY-MM-DD"),
    ("2099-01-01", "2099-01-01", "in the future"),
])
def test_bad_dates_are_warnings_not_failures(value, date, warning):
    article = parse(f" date {value} Headline\n\nBody.")
    assert article.date == date
    assert any(warning in w for w in article.warnings)


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n\t \n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b" date 2022-04-12 ", "no article text"),
])
def test_unusable_files_raise_an_error_naming_the_file(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert "bad.txt" in str(caught.value)
    assert message in str(caught.value)


def test_encodings(tmp_path: Path):
    text = " date 2022-04-12 Café owners protest\n\nThe café in Zürich closed “for good”."
    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.replace("“", '"').replace("”", '"').encode("latin-1"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert "Zürich" in read_article(latin).paragraphs[0]
    assert any("Windows-1252" in w for w in read_article(latin).warnings)
    assert read_article(utf16).paragraphs[0] == "The café in Zürich closed “for good”."
    assert read_article(bom).date == "2022-04-12"


def test_huge_file_is_refused(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1_000_000)
    with pytest.raises(ArticleError, match="huge.txt.*MB"):
        read_article(path)


@pytest.mark.parametrize("stem, slug", [
    ("2022-04-12-putin-peace-talks", "2022-04-12-putin-peace-talks"),
    ("Über Café News!", "uber-cafe-news"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>", "script"),
])
def test_slugify(stem, slug):
    assert slugify(stem) == slug


def test_slugify_never_empty():
    assert slugify("????").startswith("article-")


@pytest.mark.parametrize("first, dateline, rest", [
    ("BEIJING --At least two people died.", "BEIJING", "At least two people died."),
    ("BEIJING—At least two people died.", "BEIJING", "At least two people died."),
    ("WASHINGTON-BASED groups sued.", None, "WASHINGTON-BASED groups sued."),
])
def test_datelines_without_space_after_the_dash(first, dateline, rest):
    article = parse(f"Headline here\n\n{first}\n\nMore text.")
    assert (article.dateline, article.paragraphs[0]) == (dateline, rest)
