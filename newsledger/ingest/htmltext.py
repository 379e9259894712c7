"""Small HTML fragments (feed entries) -> plain text with one paragraph per line."""

from __future__ import annotations

import html as html_entities
from typing import Any

from lxml import etree
from lxml import html as lxml_html

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "hr",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "form", "button"}


def _tidy(raw: str) -> str:
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(markup: str) -> str:
    """Visible text of an HTML fragment; block elements start new lines. Never raises."""
    if "<" not in markup:
        return _tidy(html_entities.unescape(markup))
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(html_entities.unescape(markup))
    parts: list[str] = []
    # An explicit stack instead of recursion: hostile fragments can nest very deeply.
    stack: list[tuple[Any, bool]] = [(root, False)]  # lxml elements (lxml ships no types)
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK
        if closing:
            if block:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if block:
            parts.append("\n")
        stack.append((el, True))
        if not tag or tag.lower() in _SKIP:
            continue  # comments, processing instructions, scripts: only their tail is text
        if el.text:
            parts.append(el.text)
        stack.extend((child, False) for child in reversed(el))
    return _tidy("".join(parts))
