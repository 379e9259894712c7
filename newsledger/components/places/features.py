"""Named features that the bundled gazetteer mostly lacks: roads, waters, parks, landforms and
buildings ("Khreshchatyk Street", "Lake Lanier", "Zion National Park", "Highway 200", "the
Zaporizhzhia nuclear plant" is not one: it has no proper-noun head).

A feature is a run of capitalised words with a head word from data/features.tsv after it
("Main Street", "Flat Creek"), before it ("Lake Mary", "Mount Hood") or a road word before a
number ("Highway 200", "County Road 109", "KY 90": a state's postal code works as one). A plural
head shares itself out ("Lakeview and Harrison streets"). The mention's `kind` is the head's
GeoNames feature class read as a word (road, water, area, landform, facility); when the
gazetteer does not know the whole name it is placed at its enclosing place (component.py).
Names the gazetteer knows as a settlement or an area ("Fort Worth", "Lake Charles", "Sioux
Falls") are not features: recognize.py reads them as places.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...geo.entries import GeoEntry, norm
from ...geo.gazetteer import Gazetteer
from ...tables import read_records
from .rules import Mention

MAX_WORDS = 4  # capitalised words before a head
SETTLED_KINDS = ("country", "region", "district", "city", "town", "capital", "village", "continent")
_TOWNS = ("country", "city", "town", "capital", "village")  # "Red River" is the river, not the parish
_JOINERS = ("'s", "\u2019s", "'", "\u2019", "-")


@dataclass(frozen=True)
class Heads:
    after: dict[str, str]
    before: dict[str, str]
    number: dict[str, str]
    plural: dict[str, str]

    @classmethod
    def load(cls) -> Heads:
        by: dict[str, dict[str, str]] = {"after": {}, "before": {}, "number": {}}
        for r in read_records("newsledger.components.places", "features.tsv"):
            by[r["position"]][r["word"]] = r["kind"]
        plural = {}
        for w, k in by["after"].items():
            if w.isalpha() and not w.endswith("s"):
                plural[w + ("es" if w.endswith(("ch", "sh", "x")) else "s")] = k
        return cls(by["after"], by["before"], by["number"], plural)


def _initial(t: Token) -> bool:
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."


def _capital(t: Token) -> bool:
    return (t.text[:1].isupper() or (t.text[:1].isdigit() and t.text[-2:] in ("th", "st", "nd", "rd"))) and not (
        t.is_sent_start and t.pos_ not in ("PROPN",)
    )


class FeatureFinder:
    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.heads = Heads.load()

    def find(self, doc: Doc, texts: list[str]) -> list[Mention]:
        """Features in the doc; `texts`: its tokens' texts."""
        out: list[Mention] = []
        taken = bytearray(len(doc))
        for i, text in enumerate(texts):  # Token objects only for capitals
            if taken[i] or not text[:1].isupper():
                continue
            t = doc[i]
            span = self._after(doc, t) or self._before(doc, t) or self._numbered(doc, t)
            if span is None:
                continue
            start, end, kind = span
            if any(taken[start:end]):
                continue
            name = doc[start:end].text
            if any(e.kind in _TOWNS for e, _ in self.gaz.lookup(name)):
                continue  # "Fort Worth", "Sioux Falls": a place recognize.py reads
            if any(_initial(x) for x in doc[start + 1 : end - 1]):
                continue  # "Virginia L. Lane": a middle initial makes it a person
            taken[start:end] = b"\x01" * (end - start)
            out.append(Mention(start, end, "feature|" + norm(name), name, source="feature", feature=kind))
        out += self._shared(doc, texts, taken)
        return out

    def _left(self, doc: Doc, end: int, sent_start: int) -> int:
        """Start of the capitalised run ending at `end` (exclusive), or `end` when none."""
        i, words = end, 0
        while i > sent_start and words < MAX_WORDS:
            prev = doc[i - 1]
            if prev.text in _JOINERS and not prev.whitespace_ and i - 1 > sent_start and words:
                i -= 1
                continue
            if not _capital(prev) or prev.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM", "VERB"):
                break
            if prev.lower_ in ("the", "a", "an") or prev.is_punct:
                break
            i -= 1
            words += 1
        return i

    def _after(self, doc: Doc, t: Token) -> tuple[int, int, str] | None:
        """ "Memphis Street", "Lake Lanier" is _before, "Rocky Mountain National Park"."""
        end = t.i + 1
        # the head may come after more heads: "Old Lexington Highway", "Spice Run Wilderness"
        kind = self.heads.after.get(t.lower_)
        if kind is None or not t.text[:1].isupper():
            return None
        if end < len(doc) and doc[end].lower_ in self.heads.after and doc[end].text[:1].isupper():
            return None  # the run goes on ("Lake Shore Drive"): take the last head
        start = self._left(doc, t.i, t.sent.start)
        return (start, end, kind) if start < t.i else None

    def _before(self, doc: Doc, t: Token) -> tuple[int, int, str] | None:
        kind = self.heads.before.get(t.lower_)
        if kind is None or t.i + 1 >= len(doc):
            return None
        j = t.i + 1
        while j < min(len(doc), t.i + 1 + MAX_WORDS) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        return (t.i, j, kind) if j > t.i + 1 else None

    def _numbered(self, doc: Doc, t: Token) -> tuple[int, int, str] | None:
        """ "Highway 200", "County Road 109", "State Highway 360", "KY 90", "U.S. 321"."""
        if t.i + 1 >= len(doc) or not doc[t.i + 1].like_num or not doc[t.i + 1].text[:1].isdigit():
            return None
        kind = self.heads.number.get(t.lower_)
        # a state's road by its postal code: "KY 90", "S.C. 6"
        postal = 2 <= len(t.text) <= 4 and (t.is_upper or "." in t.text)
        if kind is None and postal and any(e.kind in ("region", "country") for e, _ in self.gaz.lookup(t.text)):
            kind = "road"
        if kind is None:
            return None
        start = t.i
        while start > t.sent.start and doc[start - 1].text in ("County", "State", "US", "U.S.", "Farm"):
            start -= 1
        return start, t.i + 2, kind

    def _shared(self, doc: Doc, texts: list[str], taken: bytearray) -> list[Mention]:
        """ "Lakeview and Harrison streets": each name before a plural head is a feature."""
        out = []
        for k, text in enumerate(texts):
            kind = self.heads.plural.get(text.lower())
            if kind is None:
                continue
            t = doc[k]
            i = t.i
            while i > t.sent.start:
                prev = doc[i - 1]
                if prev.lower_ in ("and", "or", ",", "/"):
                    i -= 1
                    continue
                if not (prev.pos_ == "PROPN" or prev.text[:1].isupper()) or taken[prev.i]:
                    break
                start = self._left(doc, i, t.sent.start)
                if start == i:
                    break
                name = doc[start:i].text
                out.append(Mention(start, i, "feature|" + norm(name), name, source="feature", feature=kind))
                taken[start:i] = b"\x01" * (i - start)
                i = start
        return out


_HOLDERS = ("city", "town", "capital", "village", "district")


def place_features(mentions: list[Mention], picks: dict[str, GeoEntry | None]) -> None:
    """A feature the gazetteer does not know takes the point of its enclosing place: its stated
    container ("on Kings Way in Harlem", "400 S. Locust St., Lebanon"), else the nearest town
    or county the article names before it, else after it. Its kind says what it is; it has no
    geonameid, so a reader knows the point is the enclosing place's."""
    local = [(m.start, e) for m in mentions if m.feature is None and (e := picks.get(m.key)) and e.kind in _HOLDERS]
    for m in mentions:
        if m.feature is None or picks.get(m.key) is not None:
            continue
        holder = next(
            (h for c in m.containers if (h := picks.get(mentions[c].key)) is not None and h.kind in _HOLDERS), None
        )
        if holder is None and local:
            before = [(m.start - s, e) for s, e in local if s < m.start]
            after = [(s - m.start, e) for s, e in local if s > m.start]
            holder = min(before or after, key=lambda x: x[0])[1]
        if holder is not None:
            picks[m.key] = GeoEntry(None, "", holder.country, holder.lat, holder.lon, m.feature, holder.admin1, 0.0)
