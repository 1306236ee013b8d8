"""Incremental pages: a build after a change renders and writes only the pages whose inputs changed,
and gives the same bytes as a clean build of the same briefings."""
from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

import pytest

import generator.site as site_module
from generator.build import run_build
from generator.models import Briefing, Location, Quote
from generator.render import slugify
from generator.site import write_site
from tests.conftest import load_fixture_briefings

FIXTURES = load_fixture_briefings()


def tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def mtimes(docs: Path) -> dict[str, int]:
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


@pytest.fixture
def rendered(monkeypatch):
    """The producers each build renders (briefing, entity, month, index pages...)."""
    calls: list[tuple[str, ...]] = []
    real = site_module._render

    def spy(producer, *args, **kwargs):
        calls.append(producer)
        return real(producer, *args, **kwargs)

    monkeypatch.setattr(site_module, "_render", spy)
    return calls


def copy(b: Briefing, **changes) -> Briefing:
    return Briefing.from_dict({**b.to_dict(), **changes})


# --- mutations: each takes the briefing list and returns the changed list ----------------------

def new_headline(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    i = rng.randrange(len(bs))
    return [*bs[:i], copy(bs[i], headline=bs[i].headline + " again"), *bs[i + 1:]]


def new_month(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    i = rng.randrange(len(bs))
    return [*bs[:i], copy(bs[i], date="2023-11-0" + str(rng.randrange(1, 9))), *bs[i + 1:]]


def new_speaker(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    i = rng.randrange(len(bs))
    quote = Quote(text="We will reopen the road by spring", speaker=f"Ines Calloway {rng.randrange(3)}",
                  paragraph=1, role="county engineer", speaker_kind="person")
    changed = copy(bs[i])
    changed.quotes = [*changed.quotes, quote]
    return [*bs[:i], changed, *bs[i + 1:]]


def moved_place(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    i = rng.randrange(len(bs))
    changed = copy(bs[i])
    changed.locations = [Location(name="Harrowgate Sound", kind="place", lat=10.5 + rng.random(), lon=20.25,
                                  paragraphs=[1]), *changed.locations[1:]]
    return [*bs[:i], changed, *bs[i + 1:]]


def removed(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    i = rng.randrange(len(bs))
    return bs[:i] + bs[i + 1:]


def added(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    b = rng.choice(bs)
    n = rng.randrange(1000)
    return [*bs, copy(b, source=f"added-{n}.txt", slug=f"{b.slug}-added-{n}", date=b.date)]


def slug_taken(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    """A new briefing whose page name another has: by file name it comes first, so the one already
    there is renamed ('-2') and every page linking to it changes."""
    b = rng.choice(bs)
    return [*bs, copy(b, source="000-first.txt", headline="An earlier file with the same name")]


def new_summary(bs: list[Briefing], rng: random.Random) -> list[Briefing]:
    """An edit that keeps the briefing's places, people and organisations as they were."""
    i = rng.randrange(len(bs))
    return [*bs[:i], copy(bs[i], summary=[*bs[i].summary, "The council will meet again in the spring."]),
            *bs[i + 1:]]


MUTATIONS = [new_headline, new_month, new_speaker, moved_place, removed, added, slug_taken, new_summary]


def test_an_edit_that_keeps_the_entities_leaves_the_index_pages_and_the_map(tmp_path, rendered):
    """The entity index pages and the map read only the entity rows: an edit that changes none
    of them renders neither (the entity pages it is on still are), and the site equals a clean build."""
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    write_site(FIXTURES, docs, state_path=state)
    changed = new_summary(list(FIXTURES), random.Random(2))
    rendered.clear()
    write_site(changed, docs, state_path=state)
    kinds = {producer[0] for producer in rendered}
    assert "briefing" in kinds and "entity" in kinds
    assert not {"index", "map"} & kinds, rendered
    write_site(changed, tmp_path / "clean")
    assert tree(docs) == tree(tmp_path / "clean")


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__)
def test_a_rebuild_after_a_change_equals_a_clean_build(tmp_path, mutation, rendered):
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    write_site(FIXTURES, docs, state_path=state)
    total = len(rendered)
    changed = mutation(list(FIXTURES), random.Random(1))
    before, times = tree(docs), mtimes(docs)
    rendered.clear()
    report = write_site(changed, docs, state_path=state)
    again = list(rendered)
    write_site(changed, tmp_path / "clean")
    after = tree(docs)
    assert after == tree(tmp_path / "clean")
    # only what depends on the change is rendered, and only changed bytes are written
    assert 0 < len(again) < total / 2, again
    differ = {rel for rel in after if before.get(rel) != after[rel]} - {"briefings/.generated.json"}
    assert report.written == len(differ)
    assert all(mtimes(docs)[rel] == times[rel] for rel in after if rel in times and rel not in differ
               and rel != "briefings/.generated.json")


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_many_rebuilds_in_a_row_stay_equal_to_clean_builds(tmp_path, seed):
    rng = random.Random(seed)
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    current = list(FIXTURES)
    write_site(current, docs, state_path=state)
    for round_ in range(4):
        for _ in range(rng.randrange(1, 4)):
            current = rng.choice(MUTATIONS)(current, rng)
        write_site(current, docs, state_path=state)
        clean = tmp_path / f"clean-{round_}"
        write_site(current, clean)
        assert tree(docs) == tree(clean), round_


def test_nothing_changed_renders_nothing(tmp_path, rendered):
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    first = write_site(FIXTURES, docs, state_path=state)
    times = mtimes(docs)
    rendered.clear()
    again = write_site(list(reversed(FIXTURES)), docs, state_path=state)
    assert rendered == []
    assert (again.written, again.removed, again.unchanged) == (0, 0, first.written)
    assert mtimes(docs) == times


def test_a_deleted_or_edited_page_is_rendered_again(tmp_path, rendered):
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    write_site(FIXTURES, docs, state_path=state)
    clean = tree(docs)
    b = FIXTURES[3]
    (docs / f"briefings/{b.slug}.md").unlink()
    person = docs / f"people/{slugify(FIXTURES[0].quotes[0].speaker)}.md"
    person.write_text(person.read_text(encoding="utf-8") + "\nedited by hand\n", encoding="utf-8")
    rendered.clear()
    report = write_site(FIXTURES, docs, state_path=state)
    assert sorted(rendered) == sorted([("briefing", rendered[0][1]), ("entity", "people", person.stem)])
    assert report.written == 2 and tree(docs) == clean


def test_a_template_change_renders_every_page(tmp_path, rendered):
    docs, state = tmp_path / "docs", tmp_path / "state.sqlite"
    write_site(FIXTURES, docs, state_path=state)
    total = len(rendered)
    mine = tmp_path / "templates"
    mine.mkdir()
    shutil.copy(site_module.PACKAGED_TEMPLATES / "person.md.j2", mine / "person.md.j2")
    with (mine / "person.md.j2").open("a", encoding="utf-8") as handle:
        handle.write("\nA note on every person page.\n")
    rendered.clear()
    write_site(FIXTURES, docs, templates_dir=mine, state_path=state)
    assert len(rendered) == total
    write_site(FIXTURES, tmp_path / "clean", templates_dir=mine)
    assert tree(docs) == tree(tmp_path / "clean")


# --- the real build: articles, cache, state ------------------------------------------------------

ARTICLES = {
    "2024-03-01-ferry.txt": (" date 2024-03-01 Ferry service resumes after storm\n\n"
                             "The ferry between Portmere and Skellig Bay sailed again on Friday, the harbour office said.\n\n"
                             "\"We expect a full timetable by Monday,\" said Nadia Brennan, the harbour master.\n"),
    "2024-03-04-bridge.txt": (" date 2024-03-04 Bridge repairs close the coast road\n\n"
                              "Crews began repairs on the Kilnaver bridge in Galway on Monday, closing the coast road.\n\n"
                              "\"It will take a week,\" said Tomas Reilly, the county engineer.\n"),
    "2024-04-02-school.txt": (" date 2024-04-02 New school opens in Ennis\n\n"
                              "A new primary school opened in Ennis on Tuesday with 240 pupils, the council said.\n"),
}


def test_real_rebuild_after_one_article_changed_equals_a_clean_build(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    run_build(articles, docs)
    (articles / "2024-03-04-bridge.txt").write_text(
        ARTICLES["2024-03-04-bridge.txt"].replace("Tomas Reilly", "Orla Nagle"), encoding="utf-8")
    report = run_build(articles, docs)
    assert (report.extracted, report.cached) == (1, 2)
    assert (docs / "people/orla-nagle.md").exists() and not (docs / "people/tomas-reilly.md").exists()
    assert report.site.removed >= 1 and report.site.written < 12
    run_build(articles, tmp_path / "clean")  # the same cache, no state: a clean site
    assert tree(docs) == tree(tmp_path / "clean")


def test_the_cache_names_the_model_nlp_loads():
    from generator import build, nlp

    assert build.MODEL == nlp.MODEL
