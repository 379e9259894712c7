"""HTML page -> Article, with trafilatura for the body text and the page metadata."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from newsledger.errors import InputError
from newsledger.records import Article

from .decode import declared_charset, decode_bytes

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# htmldate: look beyond the obvious meta tags and prefer the original over the updated date.
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
# Below this many words a page holds no article (index pages, error pages, link lists).
MIN_ARTICLE_WORDS = 20
# Pages over this are refused: the largest of 181 real news pages is 1.5 MB, and trafilatura's time
# grows faster than the size (10 MB: ~20 s; 50 MB: ~4.5 min and 1.8 GB).
MAX_HTML_BYTES = 10 * 1024 * 1024
# Scripts written without spaces: about two characters make a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def word_count(text: str) -> int:
    """Words in text, counting Chinese/Japanese/Thai characters as half a word each."""
    return len(_UNSPACED.sub(" ", text).split()) + len(_UNSPACED.findall(text)) // 2


def parse_html(html: str):
    """An lxml tree of already-decoded HTML. The explicit UTF-8 parser makes libxml2 ignore the
    page's own <meta charset>, which would otherwise decode the text a second time.

    libxml2 stops a document nested deeper than 256 elements (the rest, text included, is lost);
    such a page is parsed again with the elements beyond MAX_DEPTH unwrapped (limit_depth)."""

    def parse(markup: str):
        parser = lxml_html.HTMLParser(
            encoding="utf-8", collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
        )
        return lxml_html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser), parser

    tree, parser = parse(html)
    if any("Excessive depth" in e.message for e in parser.error_log):
        tree, _ = parse(limit_depth(html))
    return tree


MAX_DEPTH = 128  # far below libxml2's 256; real news pages nest 20-40 deep
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The markup with every tag that would open an element deeper than `max_depth` removed, and
    its matching closing tag: the elements are unwrapped, their text stays where it was."""
    out: list[str] = []
    depth, pos = 0, 0
    dropped: dict[str, int] = {}
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                keep = False
            else:
                depth = max(0, depth - 1)
        elif name not in _VOID and not self_closing:
            if depth >= max_depth:
                dropped[name] = dropped.get(name, 0) + 1
                keep = False
            else:
                depth += 1
        if not keep:
            out.append(html[pos : m.start()])
            pos = m.end()
    out.append(html[pos:])
    return "".join(out)


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of a date string, or None."""
    m = _ISO_DATE.match(value or "")
    return m.group(0) if m else None


def clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def extract_page(html: str, url: str | None = None):
    """trafilatura's body text and metadata of a page (a trafilatura Document), or None."""
    import trafilatura  # here, not above: reading JSON Lines (`extract`) must not load it (0.4 s)

    return trafilatura.bare_extraction(
        parse_html(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,  # boilerplate in the text becomes false events; F1 0.959 vs 0.954 on news-html
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params=_DATE_PARAMS,
    )


def html_article(
    data: bytes, source: str, *, kind: str = "html", url: str | None = None, charset: str | None = None
) -> Article:
    """Turn one HTML page into an Article. `charset` is the HTTP one, if known; `url` overrides the page's.

    Raises InputError when the page has no article text or is over MAX_HTML_BYTES."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(
            source,
            f"HTML page too large ({len(data) / 2**20:.0f} MB; the limit is "
            f"{MAX_HTML_BYTES // 2**20} MB, far above any real news page)",
        )
    html = decode_bytes(data, charset or declared_charset(data[:4096]))
    try:
        doc = extract_page(html, url)
    except Exception as exc:  # lxml/trafilatura failures on hostile markup must not stop a batch
        raise InputError(source, f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    text = (doc.text or "").strip() if doc is not None else ""
    words = word_count(text)
    if words < MIN_ARTICLE_WORDS:
        raise InputError(
            source,
            f"no article text found in the page ({words} words; an index page, "
            "a paywall, or a page that needs JavaScript?)",
        )
    return Article(
        text=text,
        title=clean(doc.title),
        url=url or clean(doc.url),
        outlet=clean(doc.sitename),
        author=clean(doc.author),
        published=iso_date(doc.date),
        source=source,
        kind=kind,
    )
