"""Ethnic kin groups are coded by the state they live in: "ethnic Albanians in south Serbia"
and "the Albanians of southern Serbia" are people of Serbia (PLOVER codes the country of
residence plus an ethnic code); the demonym only names their kinship.

A people group named by a demonym ("Albanians", "ethnic Albanian guerrillas") lives in
  - the country after "of" (always) or "in" (only with "ethnic": "Iraqis in Jordan" are mostly
    Iraqis abroad), past determiners and compass words ("in southeastern Serbia");
  - else, with "ethnic", the only other country the sentence names.
"""

from __future__ import annotations

from .lexicon import CAPITAL, COUNTRY, DEMONYM, ActorLexicon

_HOME_KINDS = (COUNTRY, CAPITAL, DEMONYM)


def kin_residence(doc, view, i: int, j: int, kin: str | None, lex: ActorLexicon) -> str | None:
    """Country of residence of the kin group at view words [i, j) of kin country `kin`."""
    rules = lex.rules
    words, n = view.words, len(view)
    ethnic = i > 0 and words[i - 1] in rules["kin_markers"]
    k = j
    if k < n and words[k] in rules["residence_preps"] and (ethnic or words[k] == "of"):
        k += 1
        while k < n and (words[k] in rules["determiners"] or words[k] in rules["compass_words"]):
            k += 1
        home = _country_at(words, k, lex, (COUNTRY,))
        if home and home != kin:
            return home
    if not ethnic:
        return None
    sent = doc[view.token[i]].sent
    others = set()
    for p in range(n):
        if sent.start <= view.token[p] < sent.end and not (i <= p < j):
            home = _country_at(words, p, lex, _HOME_KINDS)
            if home and home != kin:
                others.add(home)
    return others.pop() if len(others) == 1 else None


def _country_at(words, k: int, lex: ActorLexicon, kinds) -> str | None:
    """The country a lexicon name of `kinds` starting at view word k stands for."""
    for size in (3, 2, 1):
        entries = lex.entries.get(" ".join(words[k : k + size]))
        for e in entries or ():
            if e.kind in kinds and not e.organ and e.country in lex.countries:
                return e.country
    return None
