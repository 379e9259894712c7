"""The filters on lexicon candidates that keep places, wars, languages and datelines out
("in Moscow", "the Korean War", "speaks Russian", "WASHINGTON (AP) --", "anti-Syria"), with the
rule words (rules of the actor lexicon) that CandidateFinder (candidates.py) uses as well.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .candidate import COMPOSITE, DATELINE_NEXT, MODIFIER_POS, OWNER_KINDS, PLACE_KINDS, Cand
from .lexicon import COUNTRY, DEMONYM, ORG, PERSON, ActorLexicon
from .view import View


class CandidateFilters:
    """The rule words of the lexicon and the filters built on them."""

    def __init__(self, lex: ActorLexicon):
        self.lex = lex
        self._ent_spans: tuple[Doc, tuple[list, list[int]]] | None = None
        r = lex.rules
        self.determiners = frozenset(r["determiners"])
        self.locatives = frozenset(r["locative_preps"])
        self.not_after = frozenset(r["not_actor_after"])
        self.blocking = frozenset(r["blocking_labels"])
        self.possessives = frozenset(r["possessives"])
        self.coordinators = frozenset(r["coordinators"])
        self.language_before = frozenset(r["language_before"])
        self.linkers = frozenset(r["owner_linkers"])
        self.person_noun_before = frozenset(r["person_noun_before"])
        self.state_nouns = frozenset(r["demonym_state_nouns"])
        self.located_preps = frozenset(r["located_prepositions"])
        self.located_sectors = frozenset(r["located_organ_sectors"])
        self.located_gov = frozenset(r["located_gov_phrases"])
        self.stances = frozenset(r["stance_prefixes"])
        self.compass = frozenset(r["compass_words"])
        self.kin_heads = frozenset(r["kin_people_heads"])

    # -- filters ---------------------------------------------------------------------------
    def ent_spans(self, doc: Doc):
        """NER entities as (start_char, end_char, label), trimmed of determiners and possessives,
        and for every token the index of its entity (-1: none). Read once per Doc while the
        component runs (find() forgets the last Doc's: a Doc's entities may be set anew between runs)."""
        memo = self._ent_spans
        if memo is not None and memo[0] is doc:
            return memo[1]
        result = self._read_ent_spans(doc)
        self._ent_spans = (doc, result)
        return result

    def _read_ent_spans(self, doc: Doc):
        out, ent_of = [], [-1] * len(doc)
        for n, ent in enumerate(doc.ents):
            s, e = ent.start_char, ent.end_char
            first, last = ent[0], ent[-1]
            if first.lower_ in self.determiners and len(ent) > 1:
                s = ent[1].idx
            if last.text in ("'s", "’s", "‘s", "'", "’") and len(ent) > 1:
                e = ent[-2].idx + len(ent[-2].text)
            elif last.text[-2:] in ("'s", "’s", "‘s") and len(last.text) > 2:
                e -= 2
            propn = any(t.tag_ in ("NNP", "NNPS") for t in ent)
            out.append((s, e, ent.label_, propn))
            for t in range(ent.start, ent.end):
                ent_of[t] = n
        return out, ent_of

    def keep(self, c: Cand, doc: Doc, view: View, composed_owner_starts: set[int], text: str, ents, ent_of) -> bool:
        words, n = view.words, len(view)
        placelike = c.kind in PLACE_KINDS or (c.kind == ORG and c.lexicon_entry.actor_kind == "country")
        if placelike and _dateline(c, view, text):
            return False  # "WASHINGTON (AP) --"
        if self._after_stance(c, doc, view):
            return False  # "anti-Syria", "pro-Russian"
        if c.kind in (COUNTRY, DEMONYM) and c.j < n:
            nxt = words[c.j]
            two = nxt + " " + words[c.j + 1] if c.j + 1 < n else nxt
            if nxt in self.not_after or two in self.not_after:
                return False  # "Korean War", "Russian language"
        if (
            c.kind == DEMONYM
            and c.i > 0
            and words[c.i - 1] in self.language_before
            and not c.lexicon_entry.alias.endswith("s")
            and c.i not in composed_owner_starts
            and (c.j >= n or doc[view.token[c.j]].pos_ not in MODIFIER_POS)
        ):
            return False  # "speaks Russian"
        if placelike and c.i not in composed_owner_starts:
            k = c.i - 1
            while k >= 0 and words[k] in self.compass:
                k -= 1  # "in southern Lebanon"
            if k >= 0 and words[k] in self.determiners:
                k -= 1
            poss = c.j < n and words[c.j] in self.possessives
            if k >= 0 and words[k] in self.locatives and not poss:
                return False  # "in Moscow": a place
            if (
                c.i >= 2
                and words[c.i - 1] == ","
                and not poss
                and ent_of[view.token[c.i - 2]] >= 0
                and ents[ent_of[view.token[c.i - 2]]][2] in ("GPE", "LOC", "FAC")
            ):
                return False  # "Kursk, Russia": an address
        return True

    def _after_stance(self, c: Cand, doc: Doc, view: View) -> bool:
        """A country word right after "anti-"/"pro-" (hyphen between, no spaces)."""
        first = c.owner.kind if c.kind == COMPOSITE and c.owner is not None else c.kind
        if first not in OWNER_KINDS or c.i == 0 or view.words[c.i - 1] not in self.stances:
            return False
        t = view.token[c.i]
        if t < 2 or view.token[c.i - 1] != t - 2:
            return False
        hyphen = doc[t - 1]
        return hyphen.text in ("-", "–", "‐", "‑") and not hyphen.whitespace_ and not doc[t - 2].whitespace_

    def blocked(self, c: Cand, view: View, ents, ent_of, inner_count, titles=None) -> bool:
        """Inside a larger NER entity of another kind ("the Korean War", "New Jersey")?"""
        n = ent_of[view.token[c.i]]
        if n < 0:
            return False
        es, ee, label, _ = ents[n]
        s, e = view.start[c.i], view.end[c.j - 1]
        titles = titles or {}
        if es <= s and e <= ee and (es, ee) != (s, e):
            if (
                c.kind == PERSON
                and label == "PERSON"
                and e == ee
                and any(es <= view.start[i] for i, _ in titles.get(c.i, ()))
            ):
                return False  # "Archbishop Desmond Tutu": NER took the title along
            return label in self.blocking and inner_count.get(n, 0) <= 1
        return False


def _dateline(c: Cand, view: View, text: str) -> bool:
    """An all-caps place name followed by "(" or a dash opens a dateline: a place, not an actor."""
    orig = view.orig[c.i : c.j]
    if not all(w.isupper() for w in orig if w[:1].isalpha()) or sum(len(w) for w in orig) < 4:
        return False
    rest = text[view.end[c.j - 1] : view.end[c.j - 1] + 4].lstrip()
    return bool(rest) and rest[0] in DATELINE_NEXT
