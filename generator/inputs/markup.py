"""HTML helpers for the readers: cut scripts and inline blobs in linear time; an HTML fragment
(a feed entry's content) -> plain paragraphs. Markup never survives as markup."""
from __future__ import annotations

import re
from collections.abc import Callable

BLOB_TAGS = ("style", "svg", "noscript", "template")
COMMENT = re.compile(r"<!--.*?-->", re.S)
DATA_URI = re.compile(r"data:[^\s\"'<>)]{200,}", re.I)  # an inlined image or font: kilobytes of base64
HUGE_ATTRIBUTE = re.compile(r"""\s(?:style|srcset|sizes|d)\s*=\s*(?:"[^"]{2000,}"|'[^']{2000,}')""", re.I)
# block elements: each starts a new paragraph in a fragment
BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "dd", "dt",
          "figcaption", "section", "article", "header", "footer", "ul", "ol", "table", "hr", "br"}
DROPPED = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "form", "button",
           "select", "textarea", "input", "head", "title", "meta", "link", "frame", "frameset", "applet"}


def cut_elements(html: str, tag: str, keep: Callable[[str], bool] = lambda opening: False) -> str:
    """Remove every <tag>...</tag> (an unclosed one runs to the end, as browsers read it), keeping
    those whose opening tag `keep` accepts. One pass with str.find: no regex backtracking on a
    hostile page."""
    lower = html.lower()
    opening, closing = f"<{tag}", f"</{tag}"
    out, pos = [], 0
    while True:
        start = lower.find(opening, pos)
        if start < 0:
            break
        after = lower[start + len(opening): start + len(opening) + 1]
        if after and (after.isalnum() or after in "-_:"):  # <scripts>, <style-x>: another tag
            out.append(html[pos: start + 1])
            pos = start + 1
            continue
        tag_end = lower.find(">", start)
        end = lower.find(closing, tag_end if tag_end >= 0 else start)
        end = len(html) if end < 0 else (lower.find(">", end) + 1 or len(html))
        out.append(html[pos:start])
        if tag_end >= 0 and keep(html[start: tag_end + 1]) and end - start < 1_000_000:
            out.append(html[start:end])
        pos = end
    out.append(html[pos:])
    return "".join(out)


def strip_inline_blobs(html: str) -> str:
    """Cut what makes a saved page big but holds no article text: styles, inline SVG, comments,
    inlined images and fonts (data: URIs), megabyte style attributes."""
    for tag in BLOB_TAGS:
        html = cut_elements(html, tag)
    html = COMMENT.sub("", html)
    html = DATA_URI.sub("data:,", html)
    return HUGE_ATTRIBUTE.sub(" ", html)


def fragment_paragraphs(fragment: str) -> list[str]:
    """An HTML fragment (or plain text) -> its text as paragraphs: block elements and blank lines
    separate them; scripts, frames and forms are dropped; every tag becomes text or nothing."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        return [" ".join(block.split()) for block in re.split(r"\n\s*\n|\n", fragment) if block.strip()]
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    parts: list[str] = []
    # an explicit stack, not recursion: a hostile fragment may nest thousands of elements deep
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if done:
            parts.append("\n" if tag in BLOCKS else "")
            parts.append(element.tail or "")
            continue
        if not tag or tag in DROPPED:  # comments, processing instructions, scripts, frames
            parts.append(element.tail or "")
            continue
        parts.append("\n" if tag in BLOCKS else "")
        parts.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    text = "".join(parts).replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
