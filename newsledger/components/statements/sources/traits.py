"""What a mention tells about the speaker it names, so that a pronoun or short reference is
resolved only to a compatible one: "she" to a woman or a person of unknown gender, "they" to a
plural or a group, "it" to an organisation or a document, never "he" to "the report".

Gender comes from the words themselves (pronouns, honorifics and gendered nouns: Mr., Ms.,
spokeswoman, statements/data/person_nouns.tsv; not a nationality such as "German"), from a given
name (statements/data/first_names.tsv) and from the document: a surname takes the gender its
full-name mentions, its honorific mentions ("Mr. Trump") or earlier resolved pronouns gave it
("Hillary Clinton ... Clinton said"); a surname with two genders (Bill and Hillary Clinton) tells
none. A possessor's title is not the possessed noun's ("Mr. Obama's bet"). Number comes from the
noun (plural tag, a number such as "the two") and from coordination.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..candidate import Range
from ..lexicon import StatementLexicon

PERSON_ENTS = {"PERSON"}
GROUP_ENTS = {"ORG", "NORP"}
THING_ENTS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "who": "", "whom": ""}
THING_PRONOUNS = {"it", "which"}
PLURAL_PRONOUNS = {"they", "them", "we", "many", "some", "others", "few", "several", "both", "all", "those", "these"}
MIXED = "?"  # a surname seen with both genders


@dataclass(frozen=True)
class Traits:
    person: bool | None  # True: a person; False: an organisation, place or thing; None: unknown
    gender: str | None  # "m" | "f" | None
    plural: bool
    group: bool = False  # an organisation or collective ("the IMF", "the campaign"): a "they" too


def _noun_gender(word: str, lex: StatementLexicon) -> str | None:
    g = lex.person_nouns.get(word)
    if g is None:
        g = "f" if word.endswith("woman") else "m" if word.endswith("man") and len(word) > 4 else None
    return g if g in ("m", "f") else None


def _token_gender(tok: Token, lex: StatementLexicon) -> str | None:
    """Gender a title or honorific tells ("Mr.", "Congresswoman"); a nationality or other
    adjective ending in -man ("German Chancellor Angela Merkel") tells none."""
    if tok.ent_type_ == "NORP" or tok.pos_ == "ADJ":
        return None
    return _noun_gender(tok.lower_, lex)


def is_person_noun(word: str, lex: StatementLexicon) -> bool:
    """A noun for a person: listed (statements/data/person_nouns.tsv) or ending in -man, -woman, -person."""
    return word in lex.person_nouns or word.endswith(("man", "woman", "person"))


class TraitReader:
    """Traits of mentions in one Doc, with the surname genders the Doc teaches."""

    def __init__(self, doc: Doc, lex: StatementLexicon):
        self.doc, self.lex = doc, lex
        self.surnames: dict[str, str] = {}
        self._cache: dict[tuple[Range, int], Traits] = {}
        for ent in doc.ents:
            if ent.label_ not in PERSON_ENTS:
                continue
            g = self._name_gender(ent[0].i, ent.end - 1) if len(ent) > 1 else None
            if g is None and ent.start > 0:  # "Mr. Trump", "Ms. Lynch": the honorific outside the name
                g = _token_gender(doc[ent.start - 1], lex)
            if g is not None:
                self.learn(ent[-1], g)

    def learn(self, surname: Token, gender: str) -> None:
        key = surname.lower_
        old = self.surnames.get(key)
        self.surnames[key] = gender if old in (None, gender) else MIXED
        if old != self.surnames[key]:
            self._cache.clear()  # a surname's gender changed: traits read before may be stale

    def _name_gender(self, lo: int, head: int) -> str | None:
        """Gender told by the words before the head (honorific, title, given name) or the head."""
        for k in range(lo, head):  # "Mr. Obama's bet": the possessor's title is not the head's
            if self.doc[k].dep_ == "case" or self.doc[k].tag_ == "POS":
                lo = k + 1
        for t in self.doc[lo : head + 1]:
            g = _token_gender(t, self.lex)
            if g is not None:
                return g
            if t.pos_ == "PROPN" and t.i < head:
                g = self.lex.first_names.get(t.lower_)
                if g is not None:
                    return g
        return None

    def _learned(self, tok: Token) -> str | None:
        g = self.surnames.get(tok.lower_) if tok.pos_ == "PROPN" else None
        return g if g in ("m", "f") else None

    def head_of(self, rng: Range) -> Token:
        return self.doc[rng[0] : rng[1]].root

    def traits(self, rng: Range, head: Token | None = None) -> Traits:
        head = head if head is not None else self.head_of(rng)
        key = (rng, head.i)
        if key not in self._cache:  # each earlier source is weighed for many later pronouns
            self._cache[key] = self._traits(rng, head)
        return self._cache[key]

    def _traits(self, rng: Range, head: Token) -> Traits:
        word = head.lower_
        plural = (
            head.tag_ in ("NNS", "NNPS")
            or word in PLURAL_PRONOUNS
            or (head.pos_ == "NUM" and word not in ("one", "1"))  # "the two", "the three"
            or any(c.dep_ == "conj" and rng[0] <= c.i < rng[1] for c in head.children)
        )
        if head.pos_ == "PRON":
            if word in PERSON_PRONOUNS:
                return Traits(True, PERSON_PRONOUNS[word] or None, False)
            return Traits(False if word in THING_PRONOUNS else None, None, plural)
        gender = self._name_gender(rng[0], head.i)
        for c in head.children:  # "Kerr Putney, the police chief": the appositive's title
            if gender is None and c.dep_ == "appos" and rng[0] <= c.i < rng[1]:
                gender = self._name_gender(c.left_edge.i, c.i) or self._learned(c)
        if gender is None:
            gender = self._learned(head)
        person_noun = is_person_noun(word, self.lex) or is_person_noun(head.lemma_.lower(), self.lex)
        if head.ent_type_ in PERSON_ENTS or person_noun or gender is not None:
            return Traits(True, gender, plural)
        body = self.lex.anaphors.get(head.lemma_.lower()) == "group"  # "the ... Coalition", no entity type
        if head.ent_type_ in THING_ENTS or head.pos_ == "NOUN" or body:
            group = head.ent_type_ in GROUP_ENTS or body
            return Traits(False, None, plural, group)
        return Traits(None, None, plural)


def compatible(want: Traits, have: Traits) -> bool:
    """May a reference with traits `want` ("she": person, f, singular) name `have`?"""
    if want.person:  # he, she, the spokesman
        return have.person is not False and not have.plural and have.gender in (None, want.gender or have.gender)
    if want.plural:  # they: people or a group, not a thing ("climate change")
        return have.plural or have.group
    return have.person is False and not have.plural  # it, the agency
