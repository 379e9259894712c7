"""Invented news for the watch and URL-ingest tests: feed entries and a linked page."""

from __future__ import annotations

from html import escape

# Long enough (over watch.MIN_ENTRY_CHARS) to be ingested from the feed itself.
STORIES = {
    "dam": (
        "Flood defences breached in Vellmar",
        "Engineers in the river town of Vellmar said on Tuesday that floodwater had breached two "
        "earthen dams after four days of rain, forcing at least 1,200 residents from their homes. "
        "The regional governor said rescue teams had evacuated two hospitals and that three people "
        "were missing. Officials warned that a third dam upstream could fail overnight if the rain "
        "continued, and asked farmers along the valley to move livestock to higher ground. The army "
        "sent 300 soldiers with boats and sandbags, a defence ministry spokesman said.",
    ),
    "strike": (
        "Dock workers strike in Porto Alegre",
        "About 4,000 dock workers walked off the job in Porto Alegre on Monday, halting cargo "
        "traffic at the country's second-largest port, union leaders said. The union accused the "
        "port authority of cutting wages by 15 percent and said the strike would last until the "
        "cuts were withdrawn. The port authority said it was ready to meet union representatives "
        "on Thursday but rejected the claim that wages had been cut. Shipping agents said more than "
        "40 vessels were waiting offshore and that fuel deliveries to the north were delayed.",
    ),
    "talks": (
        "Ceasefire talks resume in Geneva",
        "Negotiators from the two sides met in Geneva on Wednesday for a third round of ceasefire "
        "talks, the United Nations said. A spokesman for the mediators said both delegations had "
        "agreed to discuss a prisoner exchange involving about 250 detainees, and that a deal on "
        "humanitarian corridors was possible within weeks. The foreign minister of one side said "
        "his government would not accept any ceasefire that left foreign troops on its soil. Aid "
        "agencies said more than 20,000 civilians remained trapped near the front line this month.",
    ),
}

TEASER_PAGE = b"""<!doctype html><html><head><title>Port blast injures workers</title>
<meta property="og:site_name" content="Harbour Courier"></head><body><article>
<h1>Port blast injures workers</h1>
<p>An explosion at a fuel depot in the port of Kalmaris injured at least 17 workers on Friday,
the fire service said. Witnesses said a tanker caught fire during unloading and the blast shattered
windows across the harbour district.</p>
<p>The port authority said it had suspended all fuel deliveries and opened an investigation into
the cause. The interior minister said two of the injured were in critical condition and that
investigators had not ruled out sabotage.</p></article></body></html>"""


def rss(keys, teaser_link: str | None = None, base: str = "http://127.0.0.1") -> bytes:
    """An RSS 2.0 feed with the given stories, newest first, and optionally a one-line teaser
    entry whose article is on its linked page."""
    items = []
    if teaser_link:
        items.append(
            f"<item><title>Port blast injures workers</title><link>{escape(teaser_link)}</link>"
            "<description>Blast at a fuel depot.</description>"
            "<pubDate>Fri, 06 Dec 2024 09:00:00 GMT</pubDate></item>"
        )
    for key in keys:
        title, text = STORIES[key]
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/news/{key}</link>"
            f"<description>{escape(text)}</description>"
            "<pubDate>Tue, 03 Dec 2024 08:00:00 GMT</pubDate></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>Invented Wire</title><link>http://127.0.0.1/</link>" + "".join(items) + "</channel></rss>"
    ).encode("utf-8")
