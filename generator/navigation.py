"""Pages people add anywhere under docs/ join the site's navigation, under their folder.

`mkdocs.yml` lists the navigation by hand and MkDocs' strict mode fails on any page it does not
list, so a note dropped into `docs/notes/` would break `make site`. Such a page is added at the end
of the navigation, in a section named after its folder as MkDocs names folders ("notes" ->
"Notes"), unless `nav` already lists it or `not_in_nav` keeps it out on purpose.
"""
from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterable
from typing import Any

Nav = list[Any]  # MkDocs' nav: "page.md" | {"Title": "page.md"} | {"Section": [...]}


def listed_pages(nav: Nav | None) -> set[str]:
    """Every page path `nav` names (links to other sites excluded)."""
    found: set[str] = set()

    def walk(entry: Any) -> None:
        if isinstance(entry, str):
            if "://" not in entry:
                found.add(posixpath.normpath(entry))
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(nav or [])
    return found


def folder_title(folder: str) -> str:
    """A folder name as MkDocs titles it: dashes and underscores as spaces, capitalised if lower case."""
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def with_pages(nav: Nav, pages: Iterable[str]) -> Nav:
    """A copy of `nav` with each page not in it added under its folders' sections."""
    listed = listed_pages(nav)
    result = copy.deepcopy(nav)
    for page in sorted(set(pages) - listed):
        section = result
        for folder in page.split("/")[:-1]:
            section = _section(section, folder_title(folder))
        section.append(page)
    return result


def _section(entries: Nav, title: str) -> Nav:
    for entry in entries:
        if isinstance(entry, dict) and len(entry) == 1 and isinstance(entry.get(title), list):
            return entry[title]
    section: Nav = []
    entries.append({title: section})
    return section
