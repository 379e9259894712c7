"""People: title + owner before a name, and short names resolved to the full name.

"NATO Secretary General Mark Rutte" -> NATO/IGO; "Russian Defence Minister Andrei Belousov" ->
RUS/MIL; "former President X" -> ELI (PLOVER: former officials); "Kim" -> "Kim Jong Un" seen
in the same article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PersonMention:
    start: int  # character offsets
    end: int
    vi: int  # view word range
    vj: int
    words: tuple  # normalised name words (determiners and hyphens left out)
    key: tuple
    name: str
    country: str | None = None
    sector: str | None = None
    from_lexicon: bool = False


def title_owner(
    p: PersonMention,
    view_words: list[str],
    titles: dict,
    titles_by_start: dict,
    owner_by_end: dict,
    owner_by_start: dict,
    rules: dict,
):
    """(title entry, owner, former?) of a person: "Russian Defence Minister X",
    "Lebanon's new President X", "President X of Sudan", "X, NATO's secretary general",
    "X, head of the IAEA". An owner is (start, country, sector)."""
    possessives, modifiers, elite = rules["possessives"], rules["title_modifiers"], rules["elite_markers"]
    dets = rules["determiners"]
    n = len(view_words)
    title, owner, former = None, None, False
    heads = titles.get(p.vi)
    if heads:
        ti, title = min(heads, key=lambda h: h[0])  # the longest title ending at the name
        k = ti
        while k > 0 and view_words[k - 1] in modifiers:
            former = former or view_words[k - 1] in elite
            k -= 1
        owner = owner_by_end.get(k)
        if owner is None and k > 0 and view_words[k - 1] in possessives:
            owner = owner_by_end.get(k - 1)
        if owner is not None and owner[0] > 0 and view_words[owner[0] - 1] in elite:
            former = True
        k = p.vj  # "President X of Sudan"
        if owner is None and k + 1 < n and view_words[k] == "of":
            k += 1 + (view_words[k + 1] in dets)
            owner = owner_by_start.get(k)
        return title, owner, former
    k = p.vj
    if k + 2 < n and view_words[k] == ",":  # appositive
        k += 1
        while k < n and (view_words[k] in dets or view_words[k] in modifiers):
            former = former or view_words[k] in elite
            k += 1
        own = owner_by_start.get(k)
        if own is not None:  # "X, NATO's secretary general"
            k = own[3]
            if k < n and view_words[k] in possessives:
                k += 1
            while k < n and view_words[k] in modifiers:
                k += 1
            hit = titles_by_start.get(k)
            if hit:
                return hit[1], own, former
        else:  # "X, head of the IAEA", "X, a spokesman for the army"
            hit = titles_by_start.get(k)
            if hit and hit[0] + 1 < n and view_words[hit[0]] in ("of", "for"):
                k = hit[0] + 1 + (view_words[hit[0] + 1] in dets)
                if k in owner_by_start:
                    return hit[1], owner_by_start[k], former
    return None, None, False


def appositive_owner(p: PersonMention, view_words: list[str], owner_by_start: dict, rules: dict):
    """ "Salaheddine Sidhoum, Algeria's leading human rights activist": an appositive that opens
    with a possessive owner gives the person the owner's country even without a known title."""
    n, k = len(view_words), p.vj
    if not (k + 2 < n and view_words[k] == ","):
        return None
    own = _owner_after(k + 1, view_words, owner_by_start, rules)
    if own is None or own[3] >= n or view_words[own[3]] not in rules["possessives"]:
        return None
    return own


def preceding_owner(p: PersonMention, view_words: list[str], owner_by_end: dict, rules: dict):
    """ "A member of the Syrian parliament, Mohammed Mamoun, ...", "a spokesman for the
    Sudanese army, X": a name set off by a comma right after "of/for <owner>" belongs to that
    owner (its country and, for an organ, its sector)."""
    k = p.vi
    if k < 3 or view_words[k - 1] != ",":
        return None
    own = owner_by_end.get(k - 1)
    if own is None:
        return None
    b = own[0] - 1
    while b >= 0 and view_words[b] in rules["determiners"]:
        b -= 1
    return own if b >= 0 and view_words[b] in ("of", "for") else None


def following_owner(p: PersonMention, view_words: list[str], owner_by_start: dict, rules: dict):
    """ "Paul Otieno of the Kenyan foreign ministry said": a name followed by "of <owner>" is a
    member of that owner (its country and, for an organ, its sector)."""
    n, k = len(view_words), p.vj
    if not (k + 1 < n and view_words[k] == "of"):
        return None
    return _owner_after(k + 1, view_words, owner_by_start, rules)


def _owner_after(k: int, view_words: list[str], owner_by_start: dict, rules: dict):
    """The owner mention starting at word k, after any determiners ("of the Kenyan ministry")."""
    while k < len(view_words) and view_words[k] in rules["determiners"]:
        k += 1
    return owner_by_start.get(k)


def apply_title(p: PersonMention, title, owner, former: bool) -> None:
    """Country and sector of a person from its title and the title's owner."""
    if title is None:
        return
    owner_country, owner_sector = (owner[1], owner[2]) if owner else (None, None)
    country = owner_country or title.country
    sector = "IGO" if owner_sector == "IGO" else title.sector or owner_sector
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
    # NER may glue a word to a name ("Crooked Hillary Clinton"): a name that ends with another
    # full name of the article is that person.
    by_words = {p.words: p for p in full}
    for p in full:
        for n in range(1, len(p.words) - 1):
            target = by_words.get(p.words[n:])
            if target is not None and not p.from_lexicon:
                p.key, p.name, p.words = target.key, target.name, target.words
                p.country = p.country or target.country
                p.sector = p.sector or target.sector
                break
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
