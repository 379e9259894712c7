"""Canonical identity of participants and sources: which names in an article are one person,
group or force, as a key two reports can share (positive evidence that they tell one event).

Keys:
  p:<surname>          a person ("Eva-Marie Persson", "Ms Persson" -> p:persson)
  o:<name>             an organisation or named group, variants collapsed (data/actor_aliases.tsv;
                       an acronym of a longer name in the same article -> that name, its letters
                       the initials of that name's words in order: "NYAG" -> "New York State
                       Attorney General"; a body's name with the office head the recogniser left
                       out of it, in_text: "New York State" + "Attorney General")
  f:<country>:<sector> an unnamed national force or body ("South Korea's military" -> f:KOR:MIL)
A person with a sector (a president, a minister, a party leader) is a public figure: they act
through an office and do many things of one kind in a week (public_figures), unlike a private
person (a gunman, a victim, a suspect).
A country ("North Korea") or a common noun ("police", "gunmen") is no key: sharing one is not
evidence of one event.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache

from ..tables import read_rows, read_words

DATA = "newsledger.ledger"  # the package whose data/ holds the tables
_LEAD = re.compile(r"^(the|a|an)\s+")
_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "president",
        "prime",
        "minister",
        "judge",
        "gen",
        "general",
        "col",
        "lt",
        "sgt",
        "officer",
        "detective",
        "sheriff",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "mayor",
        "chief",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "secretary",
        "chancellor",
        "justice",
        "rev",
        "father",
        "coach",
        "captain",
        "capt",
    }
)
FORCE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY", "REB", "JUD", "LEG"})


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return read_words(DATA, "generic_actors.txt")


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    return {variant: canonical for variant, canonical in read_rows(DATA, "actor_aliases.tsv", 2)}


def norm(name: str | None) -> str:
    """Lowercase, one space, no leading article, no trailing possessive or punctuation."""
    if not name:
        return ""
    n = " ".join(name.replace("’", "'").split()).lower().strip(" .,;:'\"()")
    n = _LEAD.sub("", n)
    for suffix in ("'s", "'"):
        n = n.removesuffix(suffix)
    return n.strip()


_BODIES = frozenset(
    {
        "military",
        "army",
        "forces",
        "armed forces",
        "troops",
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "police",
        "government",
        "navy",
        "air force",
        "interior ministry",
        "ministry of interior",
        "foreign ministry",
        "health ministry",
    }
)


def _generic_body(name: str) -> bool:
    """'<country> military' and the like: a national body, named by its country and what it is."""
    words = name.split()
    return any(" ".join(words[i:]) in _BODIES for i in range(1, len(words)))


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", name) if w not in {"of", "the", "and", "for", "de", "du"}]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _abbreviates(short: str, written: str, name: str) -> bool:
    """short (normalised; `written` as the article wrote it) is an acronym of name: its letters are
    the initials of name's words, or, written in capitals and of three letters or more, the
    initials of all but one inner word, in order (as in Schwartz & Hearst's matching: "NYAG" =
    "New York State Attorney General")."""
    letters, initials = short.replace(".", ""), _initials(name)
    if not initials:
        return False
    if letters == initials:
        return True
    if len(letters) < 3 or not written.replace(".", "").isupper() or len(letters) != len(initials) - 1:
        return False
    if letters[0] != initials[0] or letters[-1] != initials[-1]:
        return False
    rest = iter(initials[1:-1])
    return all(ch in rest for ch in letters[1:-1])  # a subsequence: `in` consumes the iterator


@lru_cache(maxsize=1)
def _office_heads() -> frozenset[str]:
    return frozenset(" ".join(row[0].split()) for row in read_rows(DATA, "office_heads.txt"))


_MAX_HEAD = 3  # words
_RUN = re.compile(rf" ((?:[A-Z][A-Za-z\-]*(?:['’]s\b)? ?){{1,{_MAX_HEAD}}})")


def _head_after(text: str, end: int) -> str:
    """The office head (data/office_heads.txt) among the capitalised words right after a mention,
    lowercase, up to a possessive: " Attorney General’s office" -> "attorney general"."""
    m = _RUN.match(text, end)
    if not m:
        return ""
    words: list[str] = []
    for w in m.group(1).split()[:_MAX_HEAD]:
        bare = re.sub(r"['’]s$", "", w)
        words.append(bare.lower())
        if bare != w:
            break
    for n in range(len(words), 0, -1):  # the longest head: "police department" before "police"
        if " ".join(words[:n]) in _office_heads():
            return " ".join(words[:n])
    return ""


def in_text(actors: dict[str, dict], text: str) -> dict[str, dict]:
    """The article's actor rows with each organisation named as the text names it most often: a
    recogniser that read "New York State" in "the New York State Attorney General" left out the
    office it names (data/office_heads.txt); the other rows as they are."""
    out = dict(actors)
    for aid, a in actors.items():
        if (a.get("kind") or "").lower() != "organisation" or not a.get("name"):
            continue
        heads = Counter(_head_after(text, m["end"]) for m in a.get("mentions") or [] if m.get("end") is not None)
        head = max(heads.items(), key=lambda x: (x[1], bool(x[0])), default=("", 0))[0]
        if head and not norm(a["name"]).endswith(head):
            out[aid] = {**a, "name": f"{a['name']} {head}"}
    return out


def _name_words(name: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z][a-z'\-]*", name) if w not in _TITLES]
    return [w for w in words if w not in {"jr", "sr", "ii", "iii"}]


_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w'\-]*)+\s*$")


def _person_name(actor: dict, name: str) -> str:
    """The person's name without the lowercase words the recogniser ran on into ("Herbert Flynn
    Jr told", "Ross doesn"): a name is its capitalised words."""
    raw = _TRAILING_LOWER.sub("", actor.get("name") or "")
    return norm(re.sub(r"\s*\(.*$", "", raw)) or name


def _person_key(name: str) -> str | None:
    words = _name_words(name)
    return f"p:{words[-1]}" if words else None


def full_names(actors: dict[str, dict]) -> set[str]:
    """The full names (given name and surname, titles left out) of the article's persons: a surname
    is one person within a story, but across stories "Thomas" is many people; "yvonne hiller"."""
    out = set()
    for a in actors.values():
        if (a.get("kind") or "").lower() == "person":
            words = _name_words(_person_name(a, norm(a.get("name"))))  # the same name key() reads
            if len(words) >= 2:
                out.add(" ".join(words))
    return out


def key(actor: dict, article_names: set[str] | None = None, place_names: set[str] | None = None) -> str | None:
    """The canonical key of one actor row (name, kind, country, sector); None when it names no one
    in particular. article_names: the normalised names of the article's other actors (acronyms);
    place_names: the article's normalised place names (a city named as a party is a place, not a party)."""
    name = norm(re.sub(r"\s*\(.*$", "", actor.get("name") or ""))  # "gunmen (Iraq)" -> "gunmen"
    kind = (actor.get("kind") or "").lower()
    country, sector = actor.get("country"), actor.get("sector")
    if kind in ("country", "location") or not name or name in (place_names or ()):
        return None
    raw = actor.get("name") or ""
    collective = kind == "group" and name.split()[-1] in _generic()  # "Syrian people", "US business"
    if collective or name in _generic() or all(w in _generic() for w in name.split()) or raw[:1].islower():
        return f"f:{country}:{sector}" if country and sector in FORCE_SECTORS else None
    if name in aliases():
        name = aliases()[name]
    elif country and sector in FORCE_SECTORS and _generic_body(name):
        return f"f:{country}:{sector}"  # "Russian military", "Russia's defence ministry"
    if kind == "person":
        return _person_key(_person_name(actor, name))
    for other in sorted(article_names or ()):  # sorted: the same key whatever the set's order
        if other != name and _abbreviates(name, raw, other):
            return f"o:{aliases().get(other, other)}"
    return f"o:{name}"


class ArticleActors:
    """One article's actors as canonical keys, worked out once for all its events (each event asks
    for the keys of its doers, targets and the actors its sentence names). text: the article's
    text, to read organisations' names as it writes them (in_text); actors, places: its rows by id."""

    def __init__(self, actors: dict[str, dict], places: dict[str, dict] | None = None, text: str = ""):
        self.actors = in_text(actors, text) if text else actors
        self.names = {norm(a.get("name")) for a in self.actors.values()}
        self.place_names = {norm(p.get("name")) for p in (places or {}).values()}
        self._keys: dict[str, str | None] = {}

    def key_of(self, aid: str) -> str | None:
        if aid not in self._keys:
            self._keys[aid] = key(self.actors[aid], self.names, self.place_names)
        return self._keys[aid]

    def keys_of(self, actor_ids: list[str | None], role: str = "") -> list[str]:
        """The keys of these actors (ids), each prefixed by the role ("A:" doer, "R:" done to): one
        event has the same doer and the same target."""
        out = []
        for aid in actor_ids:
            if aid and aid in self.actors:
                k = self.key_of(aid)
                if k and role + k not in out:
                    out.append(role + k)
        return out

    @cached_property
    def public_figures(self) -> set[str]:
        """The keys of the article's persons who hold an office or standing (a row with a sector)."""
        persons = [
            aid for aid, a in self.actors.items() if (a.get("kind") or "").lower() == "person" and a.get("sector")
        ]
        return {k for k in map(self.key_of, persons) if k and k.startswith("p:")}

    @cached_property
    def full_names(self) -> set[str]:
        return full_names(self.actors)

    def named_in(self, span: tuple[int, int]) -> list[str]:
        """The keys of the actors with a mention inside span (start, end): who the event's sentence
        names, whatever their role, as "S:" keys."""
        start, end = span
        inside: list[str | None] = [
            aid
            for aid, a in self.actors.items()
            if any(start <= (m.get("start") or -1) < end for m in (a.get("mentions") or []))
        ]
        return self.keys_of(inside, "S:")


def keys_of(
    actor_ids: list[str | None], actors: dict[str, dict], role: str = "", places: dict[str, dict] | None = None
) -> list[str]:
    """The keys of these actors of one article (ids into `actors`, the article's actor rows by id),
    each prefixed by the role ("A:" doer, "R:" done to)."""
    return ArticleActors(actors, places).keys_of(actor_ids, role)


def public_figures(actors: dict[str, dict], places: dict[str, dict] | None = None) -> set[str]:
    """The keys of the article's persons who hold an office or standing (an actor row with a sector)."""
    return ArticleActors(actors, places).public_figures


def named_in(span: tuple[int, int], actors: dict[str, dict], places: dict[str, dict] | None = None) -> list[str]:
    """The keys of the actors of one article with a mention inside span (start, end), as "S:" keys."""
    return ArticleActors(actors, places).named_in(span)
