"""Patterns the input readers match: article markup, index pages, titles, teaser endings."""
from __future__ import annotations

import re

# og:type / JSON-LD @type values of a single article ("article", "NewsArticle", "BlogPosting", ...)
ARTICLE_TYPE = re.compile(r"article|posting|report", re.I)
# markup only article pages carry: a publication time, or an Article type in JSON-LD
PUBLISHED_META = re.compile(
    r"article:published_time|[\"']datePublished[\"']|itemprop\s*=\s*[\"']?datePublished"
    r"|\"@type\"\s*:\s*\"(?:News|Blog|Report|Scholarly|Tech)?Article\"|\"@type\"\s*:\s*\"BlogPosting\"",
    re.I)
# a headline that is a link, as index pages list their stories (<h3><a>...</a></h3>, <a><h2>...)
HEADLINE_LINK = re.compile(
    r"<h[1-4]\b[^>]{0,300}>\s*<a\b[^>]{0,500}>[^<]{12,300}</a>|<a\b[^>]{0,500}>\s*<h[1-4]\b[^>]{0,300}>[^<]{12,300}</h",
    re.I)
# between a headline and the site name in a page title ("Headline | Site", "Headline - Site")
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+|\s*\|\s*")
# what feeds put at the end of a shortened entry instead of the rest of the article
READ_MORE = re.compile(
    r"^(?:\[?(?:…|\.\.\.)\]?\s*)?(?:continue reading|read more|read the full (?:story|article)|"
    r"keep reading|full story|more\b.{0,40}»|the post .{1,300} appeared first on .{1,120})\W*$",
    re.I)
ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\[&hellip;\])\s*$")
