"""Lexicon candidates of one Doc: one PhraseMatcher pass, then owner + organ composition
("Russia's defence ministry", "the Ministry of Defense of the Russian Federation",
"Russian and North Korean forces"), then the filters (candidate_filters.py) that keep places,
wars and languages out.

A candidate is a view-word range [i, j) with the actor it names (`key` plus attributes).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .candidate import (
    COMPOSITE,
    MODIFIER_POS,
    NOT_NAME_POS,
    PLACE_KINDS,
    PRIORITY,
    Cand,
    is_owner,
)
from .candidate_filters import CandidateFilters
from .lexicon import (
    CAPITAL,
    DEMONYM,
    GROUP_SECTORS,
    ORG,
    ORGAN,
    PERSON,
    SEAT,
    TITLE,
)
from .view import View


class CandidateFinder(CandidateFilters):
    """Candidates of one Doc: the lexicon matches, their compositions, the filters (CandidateFilters),
    then the longest without overlap."""

    # -- matching --------------------------------------------------------------------------
    def case_ok(self, key: str, doc: Doc, view: View, i: int, j: int) -> bool:
        exact = self.lex.exact.get(key)
        orig = view.orig
        if exact is not None:
            if tuple(orig[i:j]) not in exact:
                return False
            if doc[view.token[i]].pos_ in NOT_NAME_POS:
                return False  # "there IS a bar"
            # In all-caps text an acronym ("US", "IS") cannot be told from a word.
            prev_caps = i > 0 and orig[i - 1].isupper() and len(orig[i - 1]) > 1
            next_caps = j < len(orig) and orig[j].isupper() and len(orig[j]) > 1
            return not (prev_caps and next_caps)
        caps = self.lex.caps.get(key, ())
        if len(caps) == 2 and caps[0] and view.words[i] == "the" and not orig[i][:1].isupper():
            return False  # "The Hindu" is a newspaper, "the Hindu festival" is not
        for n, cap in enumerate(caps[: j - i]):  # a variant may tokenize shorter ("Gen.")
            if cap and not (n == 0 and view.words[i] in self.determiners):
                first = orig[i + n][:1]
                if first.isalpha() and not first.isupper():
                    return False
        return True

    def raw(self, doc: Doc, view: View):
        """Nominal candidates, organ heads by start, titles by end."""
        vdoc = Doc(doc.vocab, words=view.words) if len(view) else None
        nominal: list[Cand] = []
        organs: dict[int, list] = {}  # start -> [(end, organ entry)]
        titles: dict[int, list] = {}  # end -> [(start, title entry)]
        if vdoc is None:
            return nominal, organs, titles
        strings = self.lex.vocab.strings
        for match_id, i, j in self.lex.matcher(vdoc):
            key = strings[match_id]
            if not self.case_ok(key, doc, view, i, j):
                continue
            for e in self.lex.entries.get(key, ()):
                if e.kind == ORGAN:
                    organs.setdefault(i, []).append((j, e))
                elif e.kind == TITLE:
                    titles.setdefault(j, []).append((i, e))
                else:
                    nominal.append(Cand(i, j, e.kind, e, country=e.country))
        return nominal, organs, titles

    # -- composition -----------------------------------------------------------------------
    @staticmethod
    def _organ_at(organs, k):
        """The longest organ head starting at view word k."""
        best = None
        for j, e in organs.get(k, ()):
            if best is None or j > best[0]:
                best = (j, e)
        return best

    def _organ_after(self, doc: Doc, view: View, organs, title_end, k: int, modifiers: int, named=frozenset()):
        """The organ head at k, or after up to `modifiers` words ("Russian special forces")."""
        n = len(view)
        if k < n and view.words[k] in self.possessives:
            k += 1
        elif k < n and view.words[k] in self.linkers and view.token[k] != view.token[k - 1] + 1:
            k += 1  # "US-led forces"
        for skip in range(modifiers + 1):
            pos = k + skip
            if pos >= n:
                return None
            hit = self._organ_at(organs, pos)
            if hit and title_end.get(pos, 0) > hit[0]:
                return None  # "White House press secretary": a title
            if hit:
                # English phrases end in their head ("government forces" are forces), but a
                # group word keeps the phrase ("rebel commanders" are rebels).
                while hit[1].sector not in GROUP_SECTORS:
                    nxt = self._organ_at(organs, hit[0])
                    if nxt is None:
                        break
                    hit = nxt
                return pos, hit
            if doc[view.token[pos]].pos_ not in MODIFIER_POS or view.words[pos] in self.possessives:
                return None
            if pos in named:
                return None  # "Pakistani Taliban militants": a named group's, not the state's
        return None

    def compose(self, doc: Doc, view: View, nominal: list[Cand], organs, title_end) -> list[Cand]:
        by_start: dict[int, list[Cand]] = {}
        for c in nominal:
            if is_owner(c):
                by_start.setdefault(c.i, []).append(c)
        # Words of named organisations and people: not modifiers between an owner and its organ.
        named = {p for c in nominal if c.kind in (ORG, PERSON) for p in range(c.i, c.j)}
        out = []
        composed: dict[int, Cand] = {}  # owner start -> its composite
        # Right to left, so that in "Russian and North Korean forces" the second owner is
        # composed before the first looks at it.
        owners = sorted((c for c in nominal if is_owner(c)), key=lambda c: (-c.i, -c.length))
        for c in owners:
            if c.i in composed:
                continue
            # A capital or seat takes its organ directly ("Moscow's army"), not through
            # modifiers: "Warsaw summit officials" are not Poland's officials.
            modifiers = 0 if c.kind in (CAPITAL, SEAT) else 2
            hit = self._organ_after(doc, view, organs, title_end, c.j, modifiers, named)
            if hit:
                _, (j, e) = hit
                comp = Cand(c.i, j, COMPOSITE, c.entry, organ_entry=e, owner=c, country=c.country)
                out.append(comp)
                composed[c.i] = comp
                continue
            k = c.j
            if k < len(view) and view.words[k] in self.coordinators:
                k += 1
                if k < len(view) and view.words[k] in self.determiners:
                    k += 1
                nxt = composed.get(k)
                if nxt is not None and nxt.owner is not None and nxt.owner.i == k:
                    comp = Cand(c.i, c.j, COMPOSITE, c.entry, organ_entry=nxt.organ_entry, owner=c, country=c.country)
                    out.append(comp)
                    composed[c.i] = comp
        # An armed group owns what it runs: "the Hamas-run health ministry" (linker required:
        # "Hamas fighters" are the group's, "Houthi rebels" the group itself).
        n = len(view)
        for c in nominal:
            if (
                c.kind == ORG
                and c.lexicon_entry.actor_kind == "group"
                and c.i not in composed
                and c.j < n
                and view.words[c.j] in self.linkers
                and view.token[c.j] != view.token[c.j - 1] + 1
            ):
                hit = self._organ_after(doc, view, organs, title_end, c.j, 0)
                if hit:
                    _, (j, e) = hit
                    out.append(Cand(c.i, j, COMPOSITE, c.entry, organ_entry=e, owner=c, country=c.country))
        # "<organ> of [the] <owner>": "the Ministry of Defense of the Russian Federation".
        for i, heads in organs.items():
            j, e = max(heads, key=lambda h: h[0])
            k = j
            if k < len(view) and view.words[k] == "of":
                k += 1
                if k < len(view) and view.words[k] in self.determiners:
                    k += 1
                for c in by_start.get(k, ()):
                    out.append(Cand(i, c.j, COMPOSITE, c.entry, organ_entry=e, owner=c, country=c.country))
        out += self._located(view, organs, by_start, out)
        return out

    def _located(self, view: View, organs, by_start, composites) -> list[Cand]:
        """ "<organ> in [the] <country or capital>" for organs that belong where they are
        ("opposition parties in Nepal", "police in Kenya"; not "troops in Ukraine")."""
        owned = {p for c in composites for p in range(c.i, c.j)}
        out = []
        for i, heads in organs.items():
            j, e = max(heads, key=lambda h: h[0])
            if i in owned or (i > 0 and view.words[i - 1] in self.possessives):
                continue
            phrase = " ".join(view.words[i:j])
            if not (e.sector in self.located_sectors or phrase in self.located_gov):
                continue
            k = j
            if k >= len(view) or view.words[k] not in self.located_preps:
                continue
            k += 1
            if k < len(view) and view.words[k] in self.determiners:
                k += 1
            for c in by_start.get(k, ()):
                if c.kind in PLACE_KINDS:
                    out.append(Cand(i, c.j, COMPOSITE, c.entry, organ_entry=e, owner=c, country=c.country))
        return out

    def standalone_organs(self, organs) -> list[Cand]:
        """Organs that name an actor on their own, in context ("the JCS")."""
        out = []
        for i, heads in organs.items():
            for j, e in heads:
                if e.extra:
                    out.append(Cand(i, j, ORGAN, e))
        return out

    def select(self, cands: list[Cand]) -> list[Cand]:
        """Longest first, no overlaps."""
        taken: set[int] = set()
        out = []
        for c in sorted(cands, key=lambda c: (-c.length, PRIORITY.get(c.kind, 9), c.i)):
            span = range(c.i, c.j)
            if any(p in taken for p in span):
                continue
            taken.update(span)
            out.append(c)
        out.sort(key=lambda c: c.i)
        return out

    def find(self, doc: Doc, view: View, text: str):
        self._ent_spans = None  # a new run over this Doc: its entities are read again
        nominal, organs, titles = self.raw(doc, view)
        title_end: dict[int, int] = {}  # title start -> end
        for j, heads in titles.items():
            for i, _ in heads:
                title_end[i] = max(j, title_end.get(i, 0))
        composites = self.compose(doc, view, nominal, organs, title_end)
        owner_starts = {c.owner.i for c in composites if c.owner is not None}
        ents, ent_of = self.ent_spans(doc)
        inner: dict[int, set] = {}  # entity -> distinct candidate spans inside it
        for c in nominal:
            n = ent_of[view.token[c.i]]
            if n >= 0:
                inner.setdefault(n, set()).add((c.i, c.j))
        inner_count = {n: len(v) for n, v in inner.items()}
        cands = [
            c
            for c in composites + nominal + self.standalone_organs(organs)
            if self.keep(c, doc, view, owner_starts, text, ents, ent_of)
            and not self.blocked(c, view, ents, ent_of, inner_count, titles)
        ]
        raw_spans = {(view.start[c.i], view.end[c.j - 1]) for c in nominal}
        selected = self.select(cands)
        starts = {c.i for c in selected}
        by_start = {c.i: c for c in selected}
        for c in list(selected):
            if c.kind != DEMONYM or c.lexicon_entry.organ:
                continue
            kin = by_start.get(c.j)
            if (
                kin is not None
                and kin.kind == DEMONYM
                and kin.lexicon_entry.organ
                and kin.country != c.country
                and kin in selected
                and kin.lexicon_entry.alias.lower() in self.kin_heads
            ):
                # "Bosnian Serbs", "Croatian Serbs": a people named by kin and residence are
                # the people of the residence (PLOVER: BIH plus an ethnic code); "Indian
                # Americans" are Americans (kin_people_heads lists the minority peoples).
                c.j = kin.j
                c.extra["people"] = True
                selected.remove(kin)
                continue
            if self._person_noun(doc, view, c):
                c.extra["people"] = True
            elif self._people_modifier(doc, view, c):
                c.extra["people"] = True
                if c.j not in starts:
                    c.j += 1  # the mention is the group: "Algerian landowners"
        return selected, titles, ents, raw_spans, organs

    def _people_modifier(self, doc: Doc, view: View, c: Cand) -> bool:
        """ "Algerian landowners", "Iraqi Kurds", "Bosnian Serbs": a singular demonym modifying a
        plural noun that is no organ of the state names the country's people (PLOVER CVL);
        "American sanctions" keeps the state."""
        if c.j >= len(view) or view.words[c.j] in self.state_nouns:
            return False
        tok, nxt = doc[view.token[c.j - 1]], doc[view.token[c.j]]
        return nxt.tag_ in ("NNS", "NNPS") and tok.head.i == nxt.i and nxt.i == tok.i + 1

    def _person_noun(self, doc: Doc, view: View, c: Cand) -> bool:
        """ "a Palestinian was hurt": a singular demonym used as a noun names a person."""
        if c.i == 0 or view.words[c.i - 1] not in self.person_noun_before:
            return False
        return c.j >= len(view) or doc[view.token[c.j]].pos_ not in MODIFIER_POS
