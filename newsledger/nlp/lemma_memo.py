"""The model's rule lemmatizer, remembered: each distinct (word, POS, morphology) is lemmatised once.

spaCy's Lemmatizer visits every token in Python, makes a Token and a MorphAnalysis object for each
and looks its key up in a cache of the same key; that is about 7% of the pipeline's CPU. Its rule
and lookup modes read nothing else of a token (the text, the POS, the morphology: see spaCy's
`rule_lemmatize` and `is_base_form`), so the lemma's string-store id kept per key and written back
as one column gives every token the lemma spaCy would. Other lemmatizers are left as they are.

A key seen for the first time still goes to spaCy's lemmatizer, which tests each candidate form
for membership in its word index, a list of up to 57,000 words scanned from the start: the
lemmatizer is given a copy of its tables with each index as a set (the same answers).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import Lemmatizer, Pipe
from spacy.tokens import Doc

# Lemmatizer classes whose lemma depends on the token's text, POS and morphology only.
KNOWN = (Lemmatizer, EnglishLemmatizer)
MODES = ("rule", "lookup")
INDEX = "lemma_index"


class LemmaMemo(Pipe):
    """Sets the lemmas the wrapped lemmatizer would, asking it once per distinct key."""

    def __init__(self, name: str):
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Lemmatizer) -> LemmaMemo:
        """Take over `lemmatizer` (removed from the pipeline: its tables are replaced)."""
        lemmatizer.lookups = indexed(lemmatizer.lookups)
        self.lemmatizer = lemmatizer
        return self

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return doc
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        overwrite = lemmatizer.overwrite
        memo, strings = self.memo, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = memo.get(key, 0)
                if not lemma:
                    lemma = memo[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))  # type: ignore[arg-type]
        return doc


def indexed(lookups: Lookups) -> Lookups:
    """The same tables, each POS's word list of "lemma_index" as a frozenset (only tested with `in`)."""
    copy = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == INDEX:
            table = Table(name=name, data={key: frozenset(words) for key, words in table.items()})
        copy.set_table(name, table)
    return copy


@Language.factory("newsledger_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo(name)


def remember_lemmas(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a LemmaMemo in the place of the pipeline's lemmatizer; False when left as it was."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer) or type(lemmatizer) not in KNOWN or lemmatizer.mode not in MODES:
        return False
    memo = nlp.replace_pipe(name, "newsledger_lemma_memo")
    memo.use(lemmatizer)  # type: ignore[attr-defined]
    return True
