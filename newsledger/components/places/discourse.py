"""Place names that the entity recogniser mislabels or leaves out, found from how they are used
rather than from their label:

  * one sense per discourse: a name the article uses as a place elsewhere is that place
    wherever it stands, whatever label NER gave it ("Gainesville residents", "Whitestown
    invited all donors", "HARWINTON" in capitals), unless it is part of a person's full name;
  * a name modifying a common noun: a settlement or area the gazetteer knows, before a noun
    ("a Gainesville man", "Roselle police", "the Pewaukee monastery");
  * "-based" ("a Columbia-based firm"), a legislator's home ("Tom Bakk, DFL-Cook",
    "(R-Ocilla)"), a demonym opening an organisation's name ("the Lebanese Army").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import DEP, HEAD, POS
from spacy.symbols import PROPN  # type: ignore[import-not-found]  # (compiled, no stubs)
from spacy.tokens import Doc, Span

from ...geo.entries import norm
from ...geo.gazetteer import Gazetteer
from ..common.doc_cache import doc_text, token_starts
from .rules import Mention, Rules

MAX_NGRAM = 4
_LOCAL = ("city", "town", "capital", "village", "district", "region", "country")
_DASHES = ("-", "\u2010", "\u2011")


def person_tokens(doc: Doc, gaz: Gazetteer, ents: Sequence[Span] | None = None) -> set[str]:
    """Lower-cased surnames of the people the article names in full ("Bell" of "Tyrise M. Bell",
    NER's or the actors component's): in that article the bare word is the person, not a town
    called Bell (one sense per discourse). A "name" the gazetteer knows ("Avondale Estates")
    is no person's."""
    names = [ent.text.split() for ent in (doc.ents if ents is None else ents) if ent.label_ == "PERSON"]
    names += [m.text.split() for a in doc._.actors or [] if a.kind == "person" for m in a.mentions]
    out: set[str] = set()
    for words in names:
        if len(words) < 2 or not words[-1].isalpha() or not words[-1].istitle():
            continue
        if not gaz.lookup(" ".join(words)):  # "Avondale Estates" is a town, not a person
            out.add(words[-1].lower())
    return out


_PROPER_NAMES = ("PERSON", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT")


def _starts_a_name(doc: Doc, i: int, j: int) -> bool:
    """Do the tokens open an organisation's name or stand alone ("Roselle police", "Alexandria
    Police Department"), rather than end a name ("Dublin Arts Council", "the Gulf War") or open
    a person's or a product's ("Roy Jones", "Honda Odyssey")?"""
    tok = doc[i]
    if tok.ent_iob_ == "I" and not (i > 0 and doc[i - 1].lower_ == "the" and doc[i - 1].ent_iob_ == "B"):
        return False
    if tok.ent_type_ in _PROPER_NAMES:
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end <= j
    return True


class _Syntax:
    """Per token of a Doc, read once as arrays (a Token object per test is dear): is it a proper
    noun; is it a conjunct or the head of one."""

    __slots__ = ("conj", "propn")

    def __init__(self, doc: Doc):
        rows = doc.to_array([POS, DEP]).tolist() if len(doc) else []
        # HEAD: the head's offset, signed (to_array gives it as an unsigned integer)
        heads = doc.to_array(HEAD).astype("int64").tolist() if rows else []
        self.propn = [pos == PROPN for pos, _ in rows]
        strings = doc.vocab.strings
        conj_deps = {dep for dep in {dep for _, dep in rows} if strings[dep] == "conj"}
        self.conj = [False] * len(rows)
        for k, ((_, dep), head) in enumerate(zip(rows, heads)):
            if dep in conj_deps:
                self.conj[k] = self.conj[k + head] = True


class Discourse:
    def __init__(self, gazetteer: Gazetteer, rules: Rules):
        self.gaz = gazetteer
        self.rules = rules

    def _local(self, name: str) -> bool:
        return any(p and e.kind in _LOCAL for e, p in self.gaz.lookup(name))

    def find(self, doc: Doc, texts: list[str], taken: bytearray, known: set[str], people: set[str]) -> list[Mention]:
        """Mentions on tokens not `taken`; `texts`: the tokens' texts (plain strings: Token
        objects are dear to make); `known`: normalised names read as places elsewhere;
        `people`: words of people's names (person_tokens)."""
        out: list[Mention] = []
        # a word that can be part of a name: capitalised, letters or an abbreviation ("St.")
        word = [x[:1].isupper() and (x.isalpha() or "." in x) for x in texts]
        syntax = _Syntax(doc)
        i, n = 0, len(doc)
        while i < n:
            m = None
            if not taken[i] and texts[i][:1].isupper():
                party = self._party(doc, i) if texts[i] in self.rules.party_prefixes else None
                m = party or self._at(doc, i, texts, word, taken, known, people, syntax)
            if m is None:
                i += 1
                continue
            out.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            i = m.end
        return out

    def _at(
        self, doc: Doc, i: int, texts, word, taken, known: set[str], people: set[str], syntax: _Syntax
    ) -> Mention | None:
        n = len(doc)
        whole, starts = doc_text(doc), token_starts(doc)  # a name's text cut from the text: no Span made
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            j = i + size
            if not all(word[i:j]) or any(taken[i:j]):
                continue
            key = norm(" ".join(texts[i:j]))
            if key in self.rules.not_places or (size == 1 and texts[i].lower() in people):
                continue
            name = whole[starts[i] : starts[j - 1] + len(texts[j - 1])]  # doc[i:j].text
            if j + 1 < n and texts[j] in _DASHES and texts[j + 1].lower() == "based":
                if self._local(name):
                    return Mention(i, j, key, name, source="based")
                continue
            if key in known:
                return Mention(i, j, key, name, source="discourse")
            if self._compound(doc, i, j, syntax):
                return Mention(i, j, key, name, source="compound")
            if self._coordinated(doc, i, j, taken, syntax):
                return Mention(i, j, key, name, source="discourse")
            if size <= 2 and not self.gaz.lookup(name) and self.gaz.demonym(name):
                # a demonym NER gave another label ("Sri Lankan political developments")
                return Mention(i, j, "demonym|" + key, name, source="demonym")
            demonym = self._org_demonym(doc, i, j)
            if demonym is not None:
                return demonym
        return None

    def _coordinated(self, doc: Doc, i: int, j: int, taken: bytearray, syntax: _Syntax) -> bool:
        """A settlement or area the gazetteer knows, coordinated with a place already found
        ("Clarke and Oconee", "Athens, McMinn County and Etowah"): like joins like."""
        if not any(syntax.conj[i:j]):  # the root is among the tokens: none is in a conjunction
            return False
        root = doc[i:j].root
        if root.dep_ != "conj" and not any(c.dep_ == "conj" for c in root.children):
            return False
        partners = [c for c in root.conjuncts if not i <= c.i < j]
        return any(taken[c.i] for c in partners) and self._local(doc[i:j].text)

    def _compound(self, doc: Doc, i: int, j: int, syntax: _Syntax) -> bool:
        """A settlement or area the gazetteer knows, modifying a common noun ("a Gainesville man")."""
        span = doc[i:j]
        if not all(syntax.propn[i:j]) or not _starts_a_name(doc, i, j):
            return False
        root = span.root
        head = root.head
        return (
            root.dep_ in self.rules.compound_deps
            and head.i >= j
            and head.pos_ == "NOUN"
            and head.is_lower
            and self._local(span.text)
        )

    def _party(self, doc: Doc, i: int) -> Mention | None:
        """ "DFL-Cook", "R-Elbow Lake", "(D-Calif.)": the district a legislator stands for."""
        t = doc[i]
        if t.text not in self.rules.party_prefixes or i + 2 >= len(doc):
            return None
        dash = doc[i + 1]
        if dash.text not in _DASHES or t.whitespace_ or dash.whitespace_:
            return None
        j = i + 2
        while (
            j < min(len(doc), i + 5) and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
        ):
            j += 1
        if j == i + 2:
            return None
        name = doc[i + 2 : j].text
        for form in (name, name + " County", name + "."):
            if self.gaz.lookup(form):
                return Mention(i + 2, j, norm(form), form, source="party")
        return None

    def _org_demonym(self, doc: Doc, i: int, j: int) -> Mention | None:
        """ "the Lebanese Army", "Georgian Interior Ministry": a demonym opening an organisation."""
        first = doc[i].ent_iob_ == "B" or (i > 0 and doc[i - 1].lower_ == "the" and doc[i - 1].ent_iob_ == "B")
        if j != i + 1 or doc[i].ent_type_ != "ORG" or not first:
            return None
        e = self.gaz.demonym(doc[i].text)
        if e is None or self.gaz.lookup(doc[i].text):
            return None
        return Mention(i, j, "demonym|" + norm(doc[i].text), doc[i].text, source="demonym", label="ORG")
