"""generator/parts.py: a very long article is read in paragraph-bounded parts and merged back."""
from __future__ import annotations

import pytest

from generator.models import Article, Briefing, Location, Person, Quote
from generator.parts import LONG_ARTICLE, is_long, merge, split_article, split_paragraph
from tests.conftest import EXAMPLE


def article(paragraphs: list[str], dateline: str | None = "GENEVA (Reuters)") -> Article:
    return Article(source="long.txt", slug="long", date="2024-03-01", headline="Talks resume",
                   paragraphs=paragraphs, dateline=dateline, credits=["Reporting by A. Writer"],
                   warnings=["no date line"])


SENTENCES = ["Negotiators met again on Tuesday.", "“We are close,” the envoy said.",
             "Nobody expected a deal before the summer.", "The talks will resume in Vienna."]


@pytest.mark.parametrize("sizes, limit, expected", [
    ([10, 10, 10], 100, [[1, 2, 3]]),  # fits in one part
    ([40, 40, 40], 90, [[1, 2], [3]]),  # paragraph-bounded
    ([200], 90, [[1], [1], [1]]),  # a giant paragraph is cut into pieces of the same paragraph
    ([30, 200, 30], 90, [[1], [2], [2], [2, 3]]),
])
def test_parts_are_paragraph_bounded_and_keep_their_numbers(sizes, limit, expected):
    text = " ".join(SENTENCES * 20)
    paragraphs = [text[:size].rsplit(" ", 1)[0] if size < len(text) else text for size in sizes]
    parts = split_article(article(paragraphs), limit)
    assert [part.numbers for part in parts] == expected
    for part in parts:
        assert sum(len(p) for p in part.article.paragraphs) <= limit
    # every character of every paragraph is in exactly one part, in order
    for number, paragraph in enumerate(paragraphs, 1):
        pieces = [p for part in parts for p, n in zip(part.article.paragraphs, part.numbers) if n == number]
        assert " ".join(pieces).split() == paragraph.split()


def test_only_the_first_part_keeps_the_dateline():
    parts = split_article(article(["One two three."] * 30), 60)
    assert [part.article.dateline for part in parts][:2] == ["GENEVA (Reuters)", None]
    assert all(part.article.credits == [] and part.article.warnings == [] for part in parts)


@pytest.mark.parametrize("text, limit, pieces", [
    ("The mayor spoke. The council voted. The motion passed.", 40,
     ["The mayor spoke. The council voted.", "The motion passed."]),
    ("“It is over,” she said. Then the lights went out.", 30,
     ["“It is over,” she said.", "Then the lights went out."]),
    ("no sentence ends here at all just words and words", 20,
     ["no sentence ends", "here at all just", "words and words"]),
])
def test_a_giant_paragraph_is_cut_after_sentences(text, limit, pieces):
    assert split_paragraph(text, limit) == pieces


def test_merged_briefing_maps_paragraphs_back_and_joins_names():
    source = article(["p1", "p2", "p3", "p4"])
    parts = split_article(source, 6)
    assert [part.numbers for part in parts] == [[1, 2], [3, 4]]

    def part_briefing(n: int) -> Briefing:
        return Briefing(
            source="long.txt", slug="long", date="2024-03-01", headline="Talks resume", dateline=None,
            summary=[f"summary of part {n}"], summary_paragraphs=[2], paragraphs=["x", "y"],
            quotes=[Quote(text=f"quote {n}", speaker="Ana Ruiz", paragraph=2)],
            locations=[Location(name="Vienna", kind="city", lat=48.2, lon=16.4, paragraphs=[1, 2],
                                aliases=["Wien"] if n == 1 else ["Wien", "the Austrian capital"]),
                       Location(name="Geneva", kind="city", lat=46.2, lon=6.1, paragraphs=[0] if n == 1 else [2])],
            figures=[], open_questions=[], dates=[], organisations=[],
            people=[Person(name="Ana Ruiz", paragraph=2, role=None if n == 1 else "envoy", mentions=2)],
            warnings=[f"part {n} note"])

    merged = merge(source, parts, [part_briefing(1), part_briefing(2)])
    assert merged.paragraphs == ["p1", "p2", "p3", "p4"] and merged.dateline == "GENEVA (Reuters)"
    assert merged.summary == ["summary of part 1"] and merged.summary_paragraphs == [2]
    assert [(q.text, q.paragraph) for q in merged.quotes] == [("quote 1", 2), ("quote 2", 4)]
    # aliases of every part are kept; the headline's paragraph 0 goes once the body names the place
    assert [(loc.name, loc.paragraphs, loc.aliases) for loc in merged.locations] == [
        ("Vienna", [1, 2, 3, 4], ["Wien", "the Austrian capital"]), ("Geneva", [4], [])]
    assert [(p.name, p.paragraph, p.role, p.mentions) for p in merged.people] == [("Ana Ruiz", 2, "envoy", 4)]
    assert merged.credits == ["Reporting by A. Writer"]
    assert merged.warnings[:3] == ["no date line", "part 1 note", "part 2 note"]
    assert "read in 2 parts" in merged.warnings[-1]


def test_articles_of_normal_length_are_read_whole():
    from generator.articles import read_article

    assert not is_long(read_article(EXAMPLE))
    assert is_long(article(["x" * 1000] * (LONG_ARTICLE // 1000 + 1)))


PARAGRAPHS = [f"Officials in Vienna said on Monday that {n} more families had been moved. "
              f"“The water is still rising at gate {n},” said Mayor Anna Berger, who visited the dam." for n in range(40)]


@pytest.fixture()
def long_article(tmp_path, monkeypatch):
    """A 6 KB article, with the thresholds lowered so that it counts as huge (parts of 1.5 KB)."""
    from generator import parts

    monkeypatch.setattr(parts, "LONG_ARTICLE", 3_000)
    monkeypatch.setattr(parts, "PART_CHARS", 1_500)
    path = tmp_path / "long.txt"
    path.write_text(" date 2024-03-01 Floods in Vienna\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    return path


def test_a_long_article_becomes_one_briefing_linked_to_its_paragraphs(long_article, nlp):
    from generator.build import extract_one

    paragraphs = PARAGRAPHS
    result = extract_one(long_article)["briefing"]
    assert result["paragraphs"] == paragraphs
    assert any("read in" in w and "parts" in w for w in result["warnings"])
    assert len(result["quotes"]) == 40
    for quote in result["quotes"]:
        assert quote["text"] in paragraphs[quote["paragraph"] - 1]
    assert sorted({q["paragraph"] for q in result["quotes"]}) == list(range(1, 41))
    vienna = [loc for loc in result["locations"] if loc["name"] == "Vienna"]
    assert len(vienna) == 1 and vienna[0]["paragraphs"][-1] > 30


def test_parts_extracted_in_workers_give_the_same_briefing(long_article, nlp):
    from generator.build import extract_one

    assert extract_one(long_article, part_jobs=2) == extract_one(long_article)


def test_a_quote_repeated_in_later_parts_is_one(long_article, nlp):
    from generator.build import extract_one

    repeated = [f"Officials in Vienna said on Monday that {n} more families had been moved. "
                f"“The water is still rising,” said Mayor Anna Berger, who visited the dam." for n in range(40)]
    long_article.write_text(" date 2024-03-01 Floods in Vienna\n\n" + "\n\n".join(repeated) + "\n", encoding="utf-8")
    result = extract_one(long_article)["briefing"]
    assert any("parts" in w for w in result["warnings"])
    assert [(q["text"], q["speaker"], q["paragraph"]) for q in result["quotes"]] == [
        ("The water is still rising,", "Anna Berger", 1)]
