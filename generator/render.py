"""Jinja2 environment over templates/ -> Markdown pages; the JSON twin from the same model.

Article text is untrusted. Every value a template prints goes through `md_escape` unless a
filter marked it safe, so text can never become HTML, a Markdown link or image, or Jinja code:
escaping is the default, not something a template must remember.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from hashlib import sha1
from pathlib import Path
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

from generator.extract.summary.headline import without_headline
from generator.inputs.text import slug_of
from generator.models import Briefing, Location

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# First lines of every generated page (YAML front matter: not rendered, keeps the H1 the title).
GENERATED_MARKER = "---\nbriefing_generator: generated page, edits will be overwritten\n---"

# Characters that can start Markdown, HTML or Jinja syntax anywhere in a line. They become
# numeric character references, which Markdown passes through and browsers show as text.
_INLINE_ESCAPES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "!": "&#33;", "#": "&#35;", "|": "&#124;", "{": "&#123;", "}": "&#125;", "~": "&#126;",
    "^": "&#94;", "=": "&#61;", "$": "&#36;", ":": "&#58;",
}
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE_ESCAPES)) + "]")
# Block syntax that only counts at the start of a line (lists, setext rules, numbered lists).
_LINE_START = re.compile(r"^(?:(?P<bullet>[-+])|(?P<num>\d{1,9})(?P<delim>[.)]))")
_SPACES = re.compile(r"[\s\u2028\u2029\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
SAFE_URL = re.compile(r"^(?:https?://[^\s\"'<>]+|(?!//)[A-Za-z0-9._~/#%-]*)$")


class MdSafe(Markup):
    """Markdown produced by our own filters: the only thing templates print unescaped."""

    __slots__ = ()


def md_escape(value: Any) -> MdSafe:
    """Untrusted text -> one line of Markdown that renders as exactly that text."""
    if isinstance(value, MdSafe):
        return value
    if isinstance(value, Markup):  # HTML-escaped by Jinja (`~`, join, |safe): back to text first
        value = value.unescape()
    text = plain_text(value)
    text = _INLINE_RE.sub(lambda m: _INLINE_ESCAPES[m.group(0)], text)
    start = _LINE_START.match(text)
    if start and start.group("bullet"):
        text = f"&#{ord(text[0])};{text[1:]}"
    elif start:
        text = f"{start.group('num')}&#{ord(start.group('delim'))};{text[start.end():]}"
    return MdSafe(text)


def heading(value: Any) -> MdSafe:
    """Text for an H1, which MkDocs makes the page title. Material prints the title in <title>
    through `striptags`, which turns &lt; back into '<'; angle brackets become ‹ › so a title
    can never close <title> and open a tag."""
    return md_escape(str(value).replace("<", "‹").replace(">", "›"))


# Page names the site's folders already use: an entity called "Index" must not replace the list
# of all people. Its page gets a name slug_of never makes (a double dash), so it clashes with none.
RESERVED_SLUGS = frozenset({"index"})


def slugify(name: str) -> str:
    """A name -> a URL-safe page name ([a-z0-9-]); a hash when nothing Latin is left."""
    slug = slug_of(str(name)) or "x-" + sha1(str(name).encode("utf-8")).hexdigest()[:10]
    return f"{slug}--name" if slug in RESERVED_SLUGS else slug


def plain_text(value: Any) -> str:
    """Untrusted text -> one line without control, zero-width or bidirectional-override
    characters: what every page shows, and the feed too."""
    return _CONTROL.sub("", _SPACES.sub(" ", "" if value is None else str(value))).strip()


_ATTR_ESCAPES = {"&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;"}
# HTML's specials by name, Markdown's by number (one table: the map page's data is 2 MB)
_ATTR_TABLE = str.maketrans({c: _ATTR_ESCAPES.get(c, f"&#{ord(c)};") for c in "&\"'<>{}[]`*_\\|!#"})


def attr_json(value: Any) -> MdSafe:
    """Data for JavaScript -> JSON safe inside a double-quoted HTML attribute (and in Markdown)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return MdSafe(text.translate(_ATTR_TABLE))


def safe_url(url: str) -> MdSafe:
    """Only site-relative paths/anchors or http(s) URLs; anything else becomes '#'."""
    url = str(url)
    return MdSafe(html.escape(url, quote=True) if SAFE_URL.match(url) else "#")


def para_link(paragraph: int | None, page: str = "") -> MdSafe:
    """A link to a source paragraph anchor ("¶12"), on this page or on `page`."""
    if not paragraph or int(paragraph) < 1:
        return MdSafe("")
    number = int(paragraph)
    # not searchable: "¶12" would fill search snippets (Pagefind skips [data-search-exclude])
    return MdSafe(f"[¶{number}]({safe_url(page)}#p{number}){{ data-search-exclude }}")


def para_links(numbers: Iterable[int], page: str = "") -> MdSafe:
    """Several paragraph links separated by spaces."""
    return MdSafe(" ".join(str(para_link(n, page)) for n in numbers if n and int(n) > 0))


def number(value: Any) -> MdSafe:
    """A figure value with thousands separators; integers without decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return md_escape(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"
    return md_escape(text)


def coordinates(location: Location) -> MdSafe:
    """'50.4501, 30.5234' or an en dash when unknown."""
    if location.lat is None or location.lon is None:
        return MdSafe("–")
    return MdSafe(f"{float(location.lat):.4f}, {float(location.lon):.4f}")


def month_name(month: str) -> MdSafe:
    """'2022-04' -> 'April 2022' ('undated' stays as is)."""
    names = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(month))
    if not match or not 1 <= int(match.group(2)) <= 12:
        return md_escape("Undated" if month == "undated" else month)
    return MdSafe(f"{names[int(match.group(2)) - 1]} {match.group(1)}")


FUTURE_GRACE = dt.timedelta(days=1)  # an article dated tomorrow may come from a time zone ahead


def is_future(date: str | None, today: dt.date | None = None) -> bool:
    """A briefing date after tomorrow (a typo or a hostile file): shown as such, never first."""
    try:
        return dt.date.fromisoformat(str(date)) > (today or dt.date.today()) + FUTURE_GRACE
    except ValueError:
        return False


def one_line(text: str, limit: int = 200) -> str:
    """Shorten text to `limit` characters on a word boundary (plain text; escaped on output)."""
    text = _SPACES.sub(" ", str(text)).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_url(kind: str, name: str, root: str = "") -> MdSafe:
    """Relative link to a generated page: kind is places | people | organisations | briefings."""
    slug = name if kind == "briefings" else slugify(name)
    return safe_url(f"{root}{kind}/{slug}.md")


def _finalize(value: Any) -> MdSafe:
    # Every {{ }} goes through here: escaped Markdown unless one of our filters made it MdSafe.
    # Jinja's own Markup (from `~`, join or |safe) is only HTML-escaped, so it is escaped again.
    return md_escape(value)


def make_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: the user's templates first (by file name), ours as fallback."""
    search = [str(templates_dir)] if templates_dir else []
    loader = jinja2.FileSystemLoader([*search, str(PACKAGED_TEMPLATES)])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # with _finalize: only MdSafe passes unescaped
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({
        "md": md_escape,
        "heading": heading,
        "slug": slugify,
        "attr_json": attr_json,
        "safe_url": safe_url,
        "para": para_link,
        "paras": para_links,
        "number": number,
        "coords": coordinates,
        "month": month_name,
        "one_line": one_line,
        "beside_headline": lambda b: without_headline(b.summary, b.summary_paragraphs, b.headline),
        "place_url": lambda name, root="": page_url("places", name, root),
        "person_url": lambda name, root="": page_url("people", name, root),
        "org_url": lambda name, root="": page_url("organisations", name, root),
        "briefing_url": lambda slug, root="": page_url("briefings", slug, root),
    })
    env.globals["marker"] = MdSafe(GENERATED_MARKER)
    return env


_BLANK_RUNS = re.compile(r"\n{3,}")


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template to Markdown: trailing spaces and runs of blank lines removed."""
    text = env.get_template(name).render(**context)
    text = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"


def marker(name: str, kind: str | None, lat: float, lon: float, approximate: bool, root: str = "",
           slug: str | None = None) -> dict[str, Any]:
    """One map marker for briefing-map.js (labels are plain text, set via textContent)."""
    return {"lat": round(float(lat), 5), "lon": round(float(lon), 5), "label": name, "kind": kind or "place",
            "approx": bool(approximate), "url": f"{root}places/{slug or slugify(name)}/"}


def map_points(locations: Iterable[Location], root: str = "") -> list[dict[str, Any]]:
    """Located places of one briefing -> its markers, one per place page."""
    points = []
    seen: set[str] = set()
    for loc in locations:
        if loc.lat is None or loc.lon is None or slugify(loc.name) in seen:
            continue
        seen.add(slugify(loc.name))
        points.append(marker(loc.name, loc.kind, loc.lat, loc.lon, loc.approximate, root))
    return points


def speaker_url(kind: str | None, name: str, root: str = "") -> MdSafe:
    """Link target for a quote's speaker: an organisation page or a person page."""
    return page_url("organisations" if kind == "organisation" else "people", name, root)


def quoted_speakers(briefing: Briefing) -> list[dict[str, str]]:
    """The named speakers of a briefing's quotes, once each, in order of first quote."""
    seen: dict[str, dict[str, str]] = {}
    for quote in briefing.quotes:
        if quote.speaker and quote.speaker not in seen:
            seen[quote.speaker] = {"name": quote.speaker, "kind": quote.speaker_kind or "person"}
    return list(seen.values())


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def briefing_search(briefing: Briefing) -> dict[str, Any]:
    """The search index's view of a briefing page: kind, date and filter values."""
    speakers = quoted_speakers(briefing)
    date = briefing.date if briefing.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", briefing.date) else None
    return {"kind": "briefing", "date": date, "filters": {
        "place": _unique(loc.name for loc in [*briefing.locations, *briefing.implied_places]),
        "person": _unique([*(p.name for p in briefing.people),
                           *(s["name"] for s in speakers if s["kind"] != "organisation")]),
        "organisation": _unique([*(o.name for o in briefing.organisations),
                                 *(s["name"] for s in speakers if s["kind"] == "organisation")]),
        "month": [date[:7]] if date else [],
    }}


def entity_search(kind: str, name: str) -> dict[str, Any]:
    """The search index's view of a place, person or organisation page."""
    return {"kind": kind, "date": None, "filters": {kind: [name]}}


def render_briefing(briefing: Briefing, env: jinja2.Environment | None = None,
                    slug: str | None = None) -> str:
    """One briefing -> its Markdown page (lives at briefings/<slug>.md)."""
    env = env or make_environment()
    slug = slug or safe_slug(briefing.slug)
    return render_template(
        env, "briefing.md.j2", b=briefing, slug=slug, root="../",
        points=map_points(briefing.locations, root="../../"),
        speaker_url=speaker_url, speakers=quoted_speakers(briefing), search=briefing_search(briefing),
        future=is_future(briefing.date),
    )


def render_json(briefing: Briefing) -> str:
    """The JSON twin of a briefing."""
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def safe_slug(slug: str) -> str:
    """Keep a briefing slug that is already a safe page name (and not the folder's index page);
    otherwise slugify it."""
    safe = re.fullmatch(r"[a-z0-9][a-z0-9-]{0,150}", str(slug)) and slug not in RESERVED_SLUGS
    return slug if safe else slugify(slug)
