"""Toponym recognition over a parsed spaCy Doc: which token spans name places.

Sources of mentions, in order:
  1. NER entities with a place label (GPE, LOC, FAC), split at commas ("Alexandria, La.")
     and trimmed ("the", "'s", punctuation), grown by a following designator ("Kursk region");
  2. PERSON/ORG entities that are gazetteer names governed by a locative preposition
     (NER slips: "in Cottonport"), that the text calls a settlement ("Zorivka, a village
     in ..."), or that start with a designated area ("McMinn County Sheriff ...");
  3. runs of proper nouns outside any entity that the gazetteer knows, when the name is a
     strong one (country, region, big city), carries a designator ("Licking County") or a
     locative preposition governs it ("in", "at" ..., and "of" after "residents", an age);
  4. datelines: a name in capitals opening a sentence before a dash ("TORRINGTON --");
  5. names sharing a plural designator ("Barrow and Jackson counties");
  6. nationality adjectives ("Russian", "Ohioans") as their country or state (role modifier);
  7. roads, waters, parks and buildings by their head word (features.py), and names found from
     their use: one sense per discourse, "X man", "-based", "R-Marshall" (discourse.py).
Each mention records the designator kind, its role (roles.py: location, actor as in "Moscow
launched", modifier as in "Russian forces"), and containers ("X, Y" and "a village in Y, X").
A name glued to an attitude prefix ("anti-Syria journalist", "pro-Russia gunmen") is a stance
and no mention at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import IDX, LENGTH
from spacy.symbols import PROPN  # type: ignore[import-not-found]  # (compiled, no stubs)
from spacy.tokens import Doc, Span, Token

from ...geo.entries import norm
from ...geo.gazetteer import Gazetteer
from ..common.doc_cache import doc_sents, doc_text, token_starts
from .discourse import Discourse, person_tokens
from .features import FeatureFinder
from .roles import assign_roles
from .rules import Mention, Rules, governed_by_locative

MAX_NGRAM = 4
_TRIM_LEFT = {"the", "The", "THE"}
_TRIM_RIGHT = {"'s", "\u2019s", "'", "\u2019"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and punctuation tokens ("La." is one token)."""
    while start < end and (doc[start].text in _TRIM_LEFT or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM_RIGHT or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _split_commas(doc: Doc, span: Span) -> list[tuple[int, int]]:
    parts, s = [], span.start
    for t in span:
        if t.text == ",":
            parts.append((s, t.i))
            s = t.i + 1
    parts.append((s, span.end))
    return parts


class Recognizer:
    def __init__(self, gazetteer: Gazetteer, rules: Rules):
        self.gaz = gazetteer
        self.rules = rules
        self.features = FeatureFinder(gazetteer)
        self.discourse = Discourse(gazetteer, rules)

    def _designator(self, doc: Doc, start: int, end: int) -> tuple[int, str | None]:
        """Grow the span over a following designator word; return (end, designator kind)."""
        last = doc[end - 1].lower_
        if end - start > 1 and last in self.rules.designators:
            return end, self.rules.designators[last]
        if end < len(doc) and doc[end].lower_ in self.rules.designators and (doc[end].is_title or doc[end].is_lower):
            return end + 1, self.rules.designators[doc[end].lower_]
        return end, None

    def _lookup_text(self, doc: Doc, start: int, end: int, desig: str | None) -> str | None:
        """The first form of the span the gazetteer knows: as written; with the sentence's final
        dot ("W.Va" + "."); without the designator ("Kursk region"); without a qualifier
        ("North Texas", "Northwest D.C."); without a trailing "City" ("Fargo City")."""
        rules = self.rules
        forms = [doc[start:end].text]
        if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
            forms.append(forms[0] + ".")
        if desig and doc[end - 1].lower_ in rules.designators and end - start > 1:
            forms.append(doc[start : end - 1].text)
        if end - start > 1 and doc[start].lower_ in rules.qualifiers:
            forms.append(doc[start + 1 : end].text)
        if end - start > 1 and doc[end - 1].lower_ in rules.droppable_suffixes:
            forms.append(doc[start : end - 1].text)
        for f in forms:
            if self.gaz.lookup(f):
                return f
        return None

    def _mention(self, doc: Doc, start: int, end: int, source: str, label: str | None) -> Mention | None:
        start, end = _trim(doc, start, end)
        if start >= end:
            return None
        end, desig = self._designator(doc, start, end)
        text = doc[start:end].text
        if norm(text) in self.rules.not_places or not any(c.isalpha() for c in text):
            return None
        lookup = self._lookup_text(doc, start, end, desig) or text
        key = norm(lookup) + (f"|{desig}" if desig else "")
        return Mention(start, end, key, lookup, desig, source, label)

    def mention_at(self, doc: Doc, start: int, end: int) -> Mention | None:
        """A mention for a given token span (no recognition rules applied)."""
        m = self._mention(doc, start, end, "given", None)
        if m is not None and not self.gaz.lookup(m.lookup) and self.gaz.demonym(m.lookup):
            m.source, m.key = "demonym", "demonym|" + norm(m.lookup)
        return m

    def find(self, doc: Doc, actor_spans: list[tuple[int, int]]) -> list[Mention]:
        rules = self.rules
        # plain strings, read once and cut from the text: Token objects are dear to make
        whole = doc_text(doc)
        texts = [whole[i : i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()] if len(doc) else []
        mentions = self._features(doc, texts)
        taken = bytearray(len(doc))  # tokens of a mention so far
        for m in mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        covered = bytearray(len(doc))  # tokens inside any entity
        slips: list[Span] = []
        ents = doc.ents  # spaCy builds the Spans anew on each read: once per document
        for ent in ents:
            covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
            if ent.label_ in rules.entity_labels:
                for s, e in _split_commas(doc, ent):
                    found = None if any(taken[s:e]) else self._mention(doc, s, e, "ner", ent.label_)
                    if found and ent.label_ == "FAC" and not self.gaz.lookup(found.lookup):
                        found = self._prefix(doc, found.start, found.end, "FAC") or found
                    elif found and not self.gaz.lookup(found.lookup) and self.gaz.demonym(found.lookup):
                        # a nationality NER took for a place ("Sri Lankan"): a modifier
                        found.source, found.key = "demonym", "demonym|" + norm(found.lookup)
                    if found:
                        mentions.append(found)
            elif ent.label_ == "NORP" and self.gaz.demonym(ent.text) and not any(taken[ent.start : ent.end]):
                mentions.append(
                    Mention(ent.start, ent.end, "demonym|" + norm(ent.text), ent.text, None, "demonym", "NORP")
                )
            elif ent.label_ in rules.slip_labels:
                slips.append(ent)
        mentions += [m for m in self._gazetteer_matches(doc, covered, texts) if not any(taken[m.start : m.end])]
        for m in mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        mentions += [
            m
            for m in self._datelines(doc, ents) + self._shared_designators(doc, texts)
            if not any(taken[m.start : m.end])
        ]
        known = {norm(m.lookup) for m in mentions if m.source != "demonym" and self.gaz.lookup(m.lookup)}
        for ent in slips:
            slip = self._slip(doc, ent, known)
            if slip and not any(taken[slip.start : slip.end]):
                mentions.append(slip)
        for m in mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        people = person_tokens(doc, self.gaz, ents)
        mentions = [m for m in mentions if not self._person(doc, m, people)]
        known |= {norm(m.lookup) for m in mentions if m.source != "demonym" and self.gaz.lookup(m.lookup)}
        mentions += self.discourse.find(doc, texts, taken, known - self.rules.not_places - people, people)
        mentions = [m for m in mentions if not self.stance(doc, m)]
        mentions.sort(key=lambda m: m.start)
        self.link_containers(doc, mentions)
        assign_roles(doc, mentions, actor_spans, self.gaz, rules)
        return mentions

    def _person(self, doc: Doc, m: Mention, people: set[str]) -> bool:
        """A one-word name that the article gives a person in full ("Bell" after "Tyrise M.
        Bell", "Ripley" after "coach Mike Ripley") is that person, unless it is a big place
        ("Washington") or written as one (a dateline, "Clinton, Conn.")."""
        if m.end - m.start != 1 or doc[m.start].lower_ not in people or m.source == "dateline" or m.containers:
            return False
        return max((e.prior for e, _ in self.gaz.lookup(m.lookup)), default=0.0) < self.rules.strong_min_prior

    def _features(self, doc: Doc, texts: list[str]) -> list[Mention]:
        """Roads, waters, parks, buildings (features.py); a building named after its place
        ("St. Cloud Hospital", "Princeton Community Hospital") is that place."""
        out = []
        for m in self.features.find(doc, texts):
            if m.feature == "facility":
                inner = self._prefix(doc, m.start, m.end, "FAC")
                if inner is not None:
                    inner.source = "feature"
                    m = inner
            out.append(m)
        return out

    def _datelines(self, doc: Doc, ents: Sequence[Span]) -> list[Mention]:
        """ "TORRINGTON — Mayor ...", "CHARLESTON, W.Va. -- ...", "KYIV (Reuters) - ...": a name
        in capitals that opens a sentence and is followed by a dash is where the story was filed."""
        out = []
        # an organisation or person NER found in the capitals themselves is no dateline
        # ("NATO - the alliance - met ..."); one that runs on past the dash is a slip
        # ("MONROE - Federal" as ORG)
        named: set[int] = set()  # token indices
        for ent in ents:
            if ent.label_ in ("ORG", "PERSON", "NORP") and not any(t.text in self.rules.dateline_dash for t in ent):
                named.update(range(ent.start, ent.end))
        for sent in doc_sents(doc):
            i, n = sent.start, min(sent.end, sent.start + MAX_NGRAM + 1)
            j = i
            while j < n and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1 and j not in named:
                j += 1
            if j == i:
                continue
            k = j
            if k < len(doc) and doc[k].text == ",":  # ", W.Va." / ", Ga."
                k += 2
            if k < len(doc) and doc[k].text == "(":  # "WASHINGTON (AP) --"
                close = next((x for x in range(k + 1, min(k + 5, len(doc))) if doc[x].text == ")"), None)
                k = close + 1 if close is not None else k
            if k < len(doc) and (
                self.rules.dateline_dash.intersection(doc[k].text) or doc[k].text in self.rules.dateline_dash
            ):
                m = self._mention(doc, i, j, "dateline", None)
                if m is not None and any(p for _, p in self.gaz.lookup(m.lookup)):
                    out.append(m)
        return out

    def _shared_designators(self, doc: Doc, texts: list[str]) -> list[Mention]:
        """ "Barrow, Jackson and Madison counties", "Becker, Clay, Otter Tail and Wilkin
        counties": each name of the list before a plural designator takes it."""
        out = []
        for k, word in enumerate(texts):
            singular = self.rules.plural_designators.get(word.lower())
            if singular is None:
                continue
            kind = self.rules.designators[singular]
            i, stop = k, doc[k].sent.start
            while i > stop:
                if doc[i - 1].lower_ in ("and", "or", ",", "/", "&"):
                    i -= 1
                    continue
                j = i  # the name ends at j; it starts at the first capitalised word of its run
                while i > stop and i > j - MAX_NGRAM and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
                    i -= 1
                if i == j:
                    break
                lookup = f"{doc[i:j].text} {singular}"
                if any(p and e.kind == kind for e, p in self.gaz.lookup(lookup)):
                    out.append(Mention(i, j, norm(lookup) + f"|{kind}", lookup, kind, "gazetteer", None))
        return out

    def _prefix(self, doc: Doc, start: int, end: int, label: str, known=frozenset()) -> Mention | None:
        """The place a facility or organisation name starts with ("Henderson County Jail",
        "Alexandria Police Department"): a strong name, a designated area, or a name the
        article already uses as a place."""
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        for j in range(min(end - 1, start + MAX_NGRAM), start, -1):
            if not all(doc[k].pos_ == "PROPN" for k in range(start, j)):
                continue
            m = self._mention(doc, start, j, "ner", label)
            if m is None:
                continue
            cands = [c for c in self.gaz.lookup(m.lookup) if c[1]]
            if cands and m.designator and m.end - 1 > m.start and not any(e.kind == m.designator for e, _ in cands):
                # "Wayne State College", "Ohio Department of ...": the word is part of the
                # organisation's name, not a designator (no state is called Wayne)
                m = Mention(m.start, m.end - 1, norm(m.lookup), m.lookup, None, "ner", label)
            if cands and (
                m.designator or norm(m.lookup) in known or max(e.prior for e, _ in cands) >= self.rules.strong_min_prior
            ):
                return m
        return None

    def _slip(self, doc: Doc, ent: Span, known: set[str]) -> Mention | None:
        """A place NER gave another label: "in Cottonport" (PERSON), "Kursk Oblast" (PERSON),
        or a name the article uses as a place elsewhere (one sense per discourse)."""
        m = self._mention(doc, ent.start, ent.end, "ner", ent.label_)
        if (
            m is not None
            and any(p for _, p in self.gaz.lookup(m.lookup))
            and (m.designator or norm(m.lookup) in known or governed_by_locative(doc[m.start : m.end].root, self.rules))
        ):
            return m
        if m is not None and self.called_settlement(doc[m.start : m.end].root):
            return m  # "Zorivka, a village in ...", "the village of Zorivka": known or not
        if ent.label_ in ("ORG", "FAC", "EVENT", "PRODUCT"):
            m = self._prefix(doc, ent.start, ent.end, ent.label_, known) or self._of_place(doc, ent)
            if m is not None and not m.designator:
                m.source = "inside"  # "Ohio State University", "Alexandria Police Department"
            return m
        # "McMinn County Sheriff Steve Frisbie", "Avoyelles Parish Sheriff's Office": an area
        # named with its designator is a place wherever it stands
        m = self._prefix(doc, ent.start, ent.end, ent.label_, known)
        return m if m is not None and m.designator else None

    def _of_place(self, doc: Doc, ent: Span) -> Mention | None:
        """The place an organisation's name ends with after "of" ("University of Georgia",
        "the State of Ohio", "United Way of Metropolitan Atlanta")."""
        ofs = [t.i for t in ent if t.lower_ == "of"]
        if not ofs or not all(
            t.pos_ == "PROPN" or t.lower_ in self.rules.qualifiers for t in doc[ofs[-1] + 1 : ent.end]
        ):
            return None
        m = self._mention(doc, ofs[-1] + 1, ent.end, "ner", ent.label_)
        if m is not None and any(p and e.kind != "facility" for e, p in self.gaz.lookup(m.lookup)):
            return m
        return None

    def _gazetteer_matches(self, doc: Doc, covered: bytearray, texts: list[str]) -> list[Mention]:
        """Proper-noun runs outside entities that the gazetteer knows (longest match first)."""
        out, i, n = [], 0, len(doc)
        # part of speech and offsets read as arrays, a run's text cut from the text: no Token made
        propn = [p == PROPN for p in doc.to_array("POS").tolist()] if n else []
        whole, starts = doc_text(doc), token_starts(doc)
        while i < n:
            if covered[i] or not propn[i] or not texts[i][:1].isupper():
                i += 1
                continue
            match = None
            for size in range(min(MAX_NGRAM, n - i), 0, -1):
                j = i + size
                if any(covered[i:j]) or not all(propn[i:j]):
                    continue
                # only primary names here: alternate names are full of acronyms and noise
                name = whole[starts[i] : starts[j - 1] + len(texts[j - 1])]  # doc[i:j].text
                cands = [c for c in self.gaz.lookup(name) if c[1]]
                if cands:
                    match = (j, cands)
                    break
            if match is None:
                i += 1
                continue
            j, cands = match
            best = max(e.prior for e, _ in cands)
            strong = best >= self.rules.strong_min_prior
            m = self._mention(doc, i, j, "gazetteer", None)
            # "Licking County Prosecutor ...": a designated area needs no preposition
            if m and (strong or m.designator or governed_by_locative(doc[i:j].root, self.rules)):
                out.append(m)
            i = j
        return out

    def stance(self, doc: Doc, m: Mention) -> bool:
        """Is the name glued to an attitude prefix ("anti-Syria journalist", "pro-Moscow")?
        That names a side taken, not a location."""
        first = doc[m.start].lower_
        if any(first.startswith(p + "-") for p in self.rules.stance_prefixes):
            return True
        if m.start < 2:
            return False
        dash, prefix = doc[m.start - 1], doc[m.start - 2]
        return (
            dash.text in ("-", "\u2010", "\u2011")
            and not dash.whitespace_
            and not prefix.whitespace_
            and prefix.lower_ in self.rules.stance_prefixes
        )

    def called_settlement(self, root: Token) -> bool:
        """Does the text call this name a settlement ("X, a village in ...", "the town of X")?"""
        if any(c.dep_ == "appos" and c.lower_ in self.rules.settlement_nouns for c in root.children):
            return True
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in self.rules.settlement_nouns

    def link_containers(self, doc: Doc, mentions: list[Mention]) -> None:
        by_start = {m.start: k for k, m in enumerate(mentions)}
        by_token = {}
        for k, m in enumerate(mentions):
            for t in range(m.start, m.end):
                by_token[t] = k
        for k, m in enumerate(mentions):
            # "Alexandria, La." : the next mention right after a comma holds this one
            if m.end < len(doc) and doc[m.end].text == "," and (m.end + 1) in by_start:
                mentions[k].containers.append(by_start[m.end + 1])
            root = doc[m.start : m.end].root
            if m.feature:  # "on Kings Way in Harlem"
                for prep in root.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        mentions[k].containers += [by_token[o.i] for o in prep.children if o.i in by_token]
            # "a village in Kursk, Plekhovo": appositive of a settlement noun with "in <place>"
            head = root.head
            # parsed as "in [Kursk], [Plekhovo]" with Plekhovo appositive to Kursk
            if (
                root.dep_ == "appos"
                and head.dep_ == "pobj"
                and head.i in by_token
                and head.head.head.lower_ in self.rules.settlement_nouns
            ):
                mentions[k].containers.append(by_token[head.i])
                mentions[by_token[head.i]].holds_settlement = True
            # "Plekhovo, a village in the Kursk region": the settlement noun is X's appositive
            nouns = [c for c in root.children if c.dep_ == "appos" and c.lower_ in self.rules.settlement_nouns]
            if root.dep_ == "appos" and head.lower_ in self.rules.settlement_nouns:
                nouns.append(head)
            for noun in nouns:
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "outside", "of"):
                        for obj in prep.children:
                            if obj.dep_ == "pobj" and obj.i in by_token and by_token[obj.i] != k:
                                mentions[k].containers.append(by_token[obj.i])
                                mentions[by_token[obj.i]].holds_settlement = True
