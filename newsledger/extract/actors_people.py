"""People: title + owner before a name, and short names resolved to the full name.

"NATO Secretary General Mark Rutte" -> NATO/IGO; "Russian Defence Minister Andrei Belousov" ->
RUS/MIL; "former President X" -> ELI (PLOVER: former officials); "Kim" -> "Kim Jong Un" seen
in the same article.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PersonMention:
    start: int          # character offsets
    end: int
    vi: int             # view word range
    vj: int
    words: tuple        # normalised name words (determiners and hyphens left out)
    key: tuple
    name: str
    country: str | None = None
    sector: str | None = None
    from_lexicon: bool = False


def title_owner(vi: int, view_words: list[str], titles: dict, owner_by_end: dict,
                possessives: frozenset):
    """(title entry, owner info, former?) for a name starting at view word vi."""
    heads = titles.get(vi)
    if not heads:
        return None, None, False
    ti, title = min(heads, key=lambda h: h[0])          # the longest title ending at the name
    k = ti
    former = k > 0 and view_words[k - 1] in ("former", "ex")
    owner = owner_by_end.get(k)
    if owner is None and k > 0 and view_words[k - 1] in possessives:
        owner = owner_by_end.get(k - 1)
    if owner is not None:
        oi = owner[0]
        former = former or (oi > 0 and view_words[oi - 1] in ("former", "ex"))
    return title, owner, former


def apply_title(p: PersonMention, title, owner, former: bool) -> None:
    """Country and sector of a person from its title and the title's owner."""
    if title is None:
        return
    owner_country, owner_sector = (owner[1], owner[2]) if owner else (None, None)
    country = owner_country or title.country
    if owner_sector == "IGO":
        sector = "IGO"
    else:
        sector = title.sector or owner_sector
    if former:
        sector = "ELI"
    if p.from_lexicon:
        # The lexicon knows who the person is; an explicit title still says what they do now.
        p.country = p.country or country
        p.sector = sector or p.sector
    else:
        p.country, p.sector = country, sector


def resolve_short_names(people: list[PersonMention]) -> None:
    """Give a one-word name the key of a longer name in the same article that starts or ends
    with that word ("Kim" -> "Kim Jong Un", "Rutte" -> "Mark Rutte"); the nearest preceding
    full name wins, else the first following one."""
    full = [p for p in people if len(p.words) > 1]
    if not full:
        return
    by_word: dict[str, list[PersonMention]] = {}
    for p in full:
        by_word.setdefault(p.words[0], []).append(p)
        if p.words[-1] != p.words[0]:
            by_word.setdefault(p.words[-1], []).append(p)
    for p in people:
        if len(p.words) != 1 or p.from_lexicon:
            continue
        options = by_word.get(p.words[0])
        if not options:
            continue
        before = [o for o in options if o.start < p.start]
        target = max(before, key=lambda o: o.start) if before else min(options, key=lambda o: o.start)
        p.key, p.name = target.key, target.name
        p.country = p.country or target.country
        p.sector = p.sector or target.sector
