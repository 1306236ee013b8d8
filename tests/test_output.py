"""generator/output.py + manifest.py: a build is a transaction, and the manifest is never obeyed blindly.

A tampered manifest, a failing disk, a read-only folder: docs/ stays as it was, byte for byte, and
nothing outside the generator's folders is ever removed.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from generator.errors import OutputError, PartialWriteError
from generator.manifest import GENERATOR_ID, JOURNAL, MANIFEST, Record, record_bytes
from generator.render import GENERATED_MARKER
from generator.site import write_site
from tests.conftest import load_fixture_briefings

FIXTURES = load_fixture_briefings()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones too."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def add_manifest_entry(docs: Path, entry: str) -> None:
    path = docs / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data["files"], dict):
        data["files"][entry] = "0123456789abcdef"
    else:
        data["files"].append(entry)
    path.write_text(json.dumps(data), encoding="utf-8")


# --- the manifest is validated before anything it names is removed ---------------------------

TAMPERED = [
    "../mkdocs.yml",  # the project's own configuration, beside docs/
    "briefings/../../mkdocs.yml",
    "{outside}",  # an absolute path
    "about.md",  # a page a person wrote, at the top of docs/
    "briefings/./../about.md",
    "briefings//../about.md",
    "places/..",
    "places\\..\\..\\mkdocs.yml",
]


@pytest.mark.parametrize("entry", TAMPERED)
def test_a_tampered_manifest_is_reported_and_ignored(tmp_path, entry):
    docs = tmp_path / "docs"
    write_site(FIXTURES, docs)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: mine\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    add_manifest_entry(docs, entry.format(outside=config))
    gone = FIXTURES[0]
    report = write_site(FIXTURES[1:], docs)
    assert config.read_text(encoding="utf-8") == "site_name: mine\n"
    assert (docs / "about.md").read_text(encoding="utf-8") == "# About\n"
    assert any("manifest ignored" in w and str(docs / MANIFEST) in w for w in report.warnings), report.warnings
    # its pages are still recognised by their marker and removed
    assert not (docs / f"briefings/{gone.slug}.md").exists()
    assert not (docs / f"briefings/{gone.slug}.json").exists()
    assert entry.format(outside=config) not in json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("text", ["not json", "[]", '{"files": ["briefings/x.md"]}',
                                  '{"generator": "briefing-generator", "files": 7}',
                                  '{"generator": "briefing-generator", "files": [3]}'])
def test_a_corrupt_manifest_is_reported_and_the_site_still_builds(tmp_path, text):
    write_site(FIXTURES, tmp_path)
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    report = write_site(FIXTURES[1:], tmp_path)
    assert any("manifest ignored" in w for w in report.warnings)
    assert not (tmp_path / f"briefings/{FIXTURES[0].slug}.md").exists()
    assert tree(tmp_path) == tree(_clean(tmp_path.parent / "clean", FIXTURES[1:]))


def test_a_manifest_entry_through_a_linked_folder_is_not_removed(tmp_path):
    docs = tmp_path / "docs"
    write_site(FIXTURES, docs)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "page.md"
    victim.write_text(GENERATED_MARKER + "\n# not the generator's\n", encoding="utf-8")
    (docs / "places" / "linked").symlink_to(elsewhere)
    add_manifest_entry(docs, "places/linked/page.md")
    write_site(FIXTURES, docs)
    assert victim.exists()


def test_a_json_file_a_person_changed_is_kept(tmp_path):
    write_site(FIXTURES, tmp_path)
    twin = tmp_path / f"briefings/{FIXTURES[0].slug}.json"
    twin.write_text('{"my": "notes"}\n', encoding="utf-8")
    (tmp_path / f"briefings/{FIXTURES[0].slug}.md").unlink()
    report = write_site(FIXTURES[1:], tmp_path)
    assert twin.read_text(encoding="utf-8") == '{"my": "notes"}\n'
    assert any("changed since the generator wrote it" in m for m in report.messages)


# --- a failed build leaves docs/ as it was ----------------------------------------------------

def _clean(folder: Path, briefings) -> Path:
    write_site(briefings, folder)
    return folder


def failing_after(monkeypatch, calls: int, code: int, function: str = "mkstemp") -> None:
    """The disk fills up (or turns read-only) after `calls` files were created."""
    module = tempfile if function == "mkstemp" else os
    original = getattr(module, function)
    seen = [0]

    def fail(*args, **kwargs):
        seen[0] += 1
        if seen[0] > calls:
            raise OSError(code, os.strerror(code))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, function, fail)


def changed_inputs():
    """Every fixture but the first, each with a new headline: a hundred pages change."""
    changed = []
    for b in FIXTURES[1:]:
        data = b.to_dict()
        data["headline"] = "Updated: " + data["headline"]
        changed.append(type(b).from_dict(data))
    return changed


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("calls", [0, 1, 40])
def test_a_write_that_fails_leaves_docs_as_it_was(tmp_path, monkeypatch, code, calls):
    docs = tmp_path / "docs"
    write_site(FIXTURES, docs)
    before = tree(docs)
    failing_after(monkeypatch, calls, code)
    with pytest.raises(OutputError) as err:
        write_site(changed_inputs(), docs)
    assert "nothing was written" in str(err.value)
    assert ("no space left" if code == errno.ENOSPC else "read-only") in str(err.value)
    assert tree(docs) == before
    assert temporaries(docs) == []


def test_a_first_build_that_fails_leaves_no_folder_behind(tmp_path, monkeypatch):
    failing_after(monkeypatch, 30, errno.ENOSPC)
    with pytest.raises(OutputError):
        write_site(FIXTURES, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_a_rename_that_fails_says_the_site_is_partly_written_and_the_next_build_finishes(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write_site(FIXTURES, docs)
    failing_after(monkeypatch, 5, errno.EIO, function="replace")
    with pytest.raises(PartialWriteError, match="run the build again"):
        write_site(changed_inputs(), docs)
    assert temporaries(docs) == []
    assert (docs / JOURNAL).exists()
    monkeypatch.undo()
    report = write_site(changed_inputs(), docs)
    assert any("interrupted" in w for w in report.warnings)
    assert tree(docs) == tree(_clean(tmp_path / "clean", changed_inputs()))


def test_nothing_changed_writes_nothing_not_even_the_journal(tmp_path, monkeypatch):
    write_site(FIXTURES, tmp_path)
    failing_after(monkeypatch, 0, errno.EROFS)  # a read-only docs/ is fine when nothing changes
    report = write_site(FIXTURES, tmp_path)
    assert report.written == report.removed == 0


def test_leftover_temporaries_are_removed(tmp_path):
    write_site(FIXTURES, tmp_path)
    left = [tmp_path / "briefings" / f".{FIXTURES[0].slug}.md.k3j4h5g6.tmp",
            tmp_path / "people" / ".someone.md.abcdefgh.tmp", tmp_path / ".index.md.zzzzzzzz.tmp"]
    for path in left:
        path.write_text("half a page", encoding="utf-8")
    mine = tmp_path / ".my-notes.tmp"  # at the top of docs/ only the generator's own names go
    mine.write_text("keep", encoding="utf-8")
    report = write_site(FIXTURES, tmp_path)
    assert not any(path.exists() for path in left)
    assert mine.exists()
    assert any("removed 3 temporary files" in w for w in report.warnings)


# --- a real full disk and a real read-only folder (tmpfs; needs root) --------------------------

@pytest.fixture()
def small_disk(tmp_path):
    """A 160 KB tmpfs mounted at tmp_path/docs, unmounted afterwards."""
    docs = tmp_path / "docs"
    docs.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(docs)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield docs
    finally:
        subprocess.run(["umount", "-l", str(docs)], check=False)


def test_a_full_disk_leaves_docs_as_it_was(small_disk):
    write_site(FIXTURES[:2], small_disk)
    before = tree(small_disk)
    with pytest.raises(OutputError, match="no space left.*nothing was written"):
        write_site(FIXTURES, small_disk)
    assert tree(small_disk) == before
    assert temporaries(small_disk) == []


def test_a_read_only_docs_folder_is_a_clear_error(small_disk):
    write_site(FIXTURES[:2], small_disk)
    before = tree(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    write_site(FIXTURES[:2], small_disk)  # nothing to change: fine
    with pytest.raises(OutputError, match="read-only.*nothing was written"):
        write_site(FIXTURES[:3], small_disk)
    assert tree(small_disk) == before


# --- what the command says ---------------------------------------------------------------------

@pytest.mark.parametrize("code, message", [(errno.ENOSPC, "no space left on the disk"),
                                           (errno.EROFS, "is docs/ read-only?")])
def test_the_command_tells_the_truth_about_a_failed_write(tmp_path, monkeypatch, code, message):
    import shutil

    from click.testing import CliRunner

    from generator.cli import main
    from tests.conftest import ROOT

    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("same-title-a.txt", "invalid-date.txt"):
        shutil.copy(ROOT / "tests" / "fixtures" / "hostile" / name, articles / name)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    args = ["build", "--articles", str(articles), "--docs", str(tmp_path / "docs"), "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = tree(tmp_path / "docs")
    shutil.copy(ROOT / "tests" / "fixtures" / "hostile" / "quotes-unbalanced.txt", articles)
    failing_after(monkeypatch, 3, code)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert message in result.output and "nothing was written" in result.output
    assert tree(tmp_path / "docs") == before


NAMES = ["briefings/a.md", "places/zürich.md", 'people/"quoted"\\back.md', "map/index.md",
         "people/line\u2028sep.md", "people/\U0001F600.md", "archive/tab\there.md"]


@pytest.mark.parametrize("record", [
    Record(), Record("stamp", {}), Record("stamp", {"briefings/a.md": "0123"}),
    Record("stämp", {n: n[::-1] for n in NAMES}),
    Record("s", {n: "ab" for n in NAMES}, {n: "" for n in NAMES[:3]}),
])
def test_record_bytes_are_the_json_module_s(record):
    """The manifest and journal are written by hand (json's indented encoder is pure Python):
    byte for byte what json.dumps(indent=1, ensure_ascii=True) writes, so older manifests compare equal."""
    data = {"generator": GENERATOR_ID, "stamp": record.stamp, "files": dict(sorted(record.files.items()))}
    if record.previous:
        data["previous"] = dict(sorted(record.previous.items()))
    assert record_bytes(record) == (json.dumps(data, indent=1, ensure_ascii=True) + "\n").encode("utf-8")
    assert json.loads(record_bytes(record)) == data
