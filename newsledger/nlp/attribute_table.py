"""The model's attribute ruler as lookup tables: the same assignments as spaCy's AttributeRuler,
found by dictionary lookups instead of running its Matcher over every token.

en_core_web_sm's ruler maps fine tags (and some words) to POS, morphology and lemma through about
180 Matcher patterns, and the Matcher tries each of them at every token: about a tenth of the
pipeline's CPU. Its patterns are fixed sequences of token descriptions, each a conjunction of
equalities, IN / NOT_IN sets and regular expressions over a few token attributes. Which
descriptions a token meets depends only on those attributes' values, so it is worked out once per
distinct combination (words no description names share one entry) and remembered; a pattern
matches where its descriptions are met in sequence. The ruler applies its matches in pattern
order, a later one overriding an earlier; merging each token's matches in that order gives the
same values. Patterns this cannot express (operators, other predicates, extension attributes) go
through a Matcher of their own; a ruler that assigns anything but token fields is left as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Pipe
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a description may test here (read with Doc.to_array as the Matcher reads them).
READABLE = {
    "ORTH": "ORTH",
    "TEXT": "ORTH",
    "LOWER": "LOWER",
    "TAG": "TAG",
    "POS": "POS",
    "DEP": "DEP",
    "IS_SPACE": "IS_SPACE",
}
# Attributes the ruler may assign: token fields, each set apart from the others, so merging is exact.
ASSIGNABLE = {POS, TAG, MORPH, LEMMA, DEP}


class Column:
    """One attribute the descriptions read: the values they name and the regular expressions they
    search its string with. A value reduces to (itself if named else None, which expressions find it)."""

    def __init__(self, name: str):
        self.name = name
        self.named: set[int] = set()
        self.patterns: list[re.Pattern] = []
        self.reduced: dict[int, tuple] = {}

    def reduce(self, value: int, strings: Any) -> tuple:
        found = self.reduced.get(value)
        if found is None:
            text = strings[value] if self.patterns else ""
            found = (value if value in self.named else None, tuple(bool(p.search(text)) for p in self.patterns))
            self.reduced[value] = found
        return found


class Description:
    """One token of a pattern: every condition must hold. A condition is (column, values, negated)
    or (column, regex number) on the reduced values of the token."""

    def __init__(self, sets: list[tuple[int, frozenset[int], bool]], searches: list[tuple[int, int]]):
        self.sets, self.searches = sets, searches

    def holds(self, key: tuple) -> bool:
        return all((key[c][0] in values) != negated for c, values, negated in self.sets) and all(
            key[c][1][r] for c, r in self.searches
        )


class Tables:
    """A ruler's patterns as descriptions and sequences of them; the rest in a Matcher of their own."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.attrs: list[dict] = ruler.attrs
        self.indices: list[int] = ruler.indices
        self.columns: list[Column] = []
        self.descriptions: list[Description] = []
        self.rest = Matcher(self.vocab)
        self.single: dict[int, list[int]] = defaultdict(list)  # description -> rule numbers
        # description -> (rule number, the following descriptions, index of the token it assigns to)
        self.starts: dict[int, list[tuple[int, list[int], int]]] = defaultdict(list)
        self.in_sequences: set[int] = set()  # descriptions of the longer patterns
        for number, entry in enumerate(ruler.patterns):
            rest: list[list[dict]] = []
            patterns: list[list[dict]] = entry["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                if not self._add(number, pattern, ruler.indices[number]):
                    rest.append(pattern)
            if rest:
                self.rest.add(str(number), rest)
        self.ids = [IDS[c.name] for c in self.columns]
        # each description under one value it requires (the rarest), to try only likely ones
        self.by_value: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.unindexed: list[int] = []
        for d, description in enumerate(self.descriptions):
            required = [(c, values) for c, values, negated in description.sets if not negated]
            if not required:
                self.unindexed.append(d)
                continue
            c, values = min(required, key=lambda cv: len(cv[1]))
            for value in values:
                self.by_value[(c, value)].append(d)
        # what a token meets, by its reduced values, and by its values as read
        self.memo: dict[tuple, tuple[tuple[int, ...], frozenset[int]]] = {}
        self.seen: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[int]]] = {}
        self.merged: dict[tuple[int, ...], dict] = {}

    def _column(self, name: str) -> int:
        for i, column in enumerate(self.columns):
            if column.name == name:
                return i
        self.columns.append(Column(name))
        return len(self.columns) - 1

    def _add(self, number: int, pattern: list[dict], index: int) -> bool:
        if not pattern or not -len(pattern) <= index < len(pattern):
            return False  # the ruler itself reports a bad index
        parsed = [self._parse(token) for token in pattern]
        if any(p is None for p in parsed):
            return False
        ids = []
        for sets, searches in parsed:  # type: ignore[misc]
            for c, values, _ in sets:
                self.columns[c].named.update(values)
            self.descriptions.append(Description(sets, searches))
            ids.append(len(self.descriptions) - 1)
        if len(ids) == 1:
            self.single[ids[0]].append(number)
        else:
            self.starts[ids[0]].append((number, ids[1:], index % len(ids)))
            self.in_sequences.update(ids)
        return True

    def _parse(self, token: dict) -> tuple[list, list] | None:
        sets: list[tuple[int, frozenset[int], bool]] = []
        searches: list[tuple[int, int]] = []
        for name, value in token.items():
            attr = READABLE.get(str(name).upper())
            if attr is None:
                return None
            if isinstance(value, dict):
                if len(value) != 1:
                    return None
                op, arg = next(iter(value.items()))
                if op in ("IN", "NOT_IN") and isinstance(arg, list):
                    values = [_hashed(self.vocab, v) for v in arg]
                    if any(v is None for v in values):
                        return None
                    sets.append((self._column(attr), frozenset(values), op == "NOT_IN"))  # type: ignore[arg-type]
                elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                    column = self.columns[self._column(attr)]
                    column.patterns.append(re.compile(arg))
                    searches.append((self._column(attr), len(column.patterns) - 1))
                else:
                    return None
            else:
                hashed = _hashed(self.vocab, value)
                if hashed is None:
                    return None
                sets.append((self._column(attr), frozenset([hashed]), False))
        return sets, searches

    def lookup(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[int]]:
        """(numbers of the one-token rules matching a token with these values, in order; the
        descriptions of longer patterns it meets)."""
        found = self.seen.get(row)
        if found is None:
            strings = self.vocab.strings
            key = tuple(column.reduce(value, strings) for column, value in zip(self.columns, row))
            found = self.memo.get(key)
            if found is None:
                candidates = set(self.unindexed)
                for c, (value, _) in enumerate(key):
                    candidates.update(self.by_value.get((c, value), ()))
                met = [d for d in candidates if self.descriptions[d].holds(key)]
                numbers = sorted({n for d in met for n in self.single.get(d, ())})
                found = self.memo[key] = (tuple(numbers), frozenset(d for d in met if d in self.in_sequences))
            self.seen[row] = found
        return found

    def merge(self, numbers: tuple[int, ...]) -> dict:
        merged = self.merged.get(numbers)
        if merged is None:
            merged = {}
            for number in numbers:
                merged.update(self.attrs[number])
            self.merged[numbers] = merged
        return merged


def _hashed(vocab: Any, value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return vocab.strings.add(value)
    if isinstance(value, int):
        return value
    return None


def compile_ruler(ruler: AttributeRuler) -> Tables | None:
    """The ruler as Tables, or None when it assigns something merging could get wrong."""
    if any(set(attrs) - ASSIGNABLE for attrs in ruler.attrs):
        return None
    return Tables(ruler)


class AttributeTable(Pipe):
    """Assigns what the model's AttributeRuler would, from its compiled Tables."""

    def __init__(self, name: str):
        self.name = name
        self.tables: Tables | None = None

    def use(self, tables: Tables) -> AttributeTable:
        self.tables = tables
        return self

    def __call__(self, doc: Doc) -> Doc:
        tables = self.tables
        if tables is None or not len(doc):
            return doc
        rows = doc.to_array(tables.ids).tolist() if tables.ids else [[]] * len(doc)
        found = [tables.lookup(tuple(row)) for row in rows]
        extra: dict[int, list[int]] = defaultdict(list)
        for start, (_, met) in enumerate(found):
            for first in met:
                for number, following, index in tables.starts.get(first, ()):
                    end = start + 1 + len(following)
                    if end <= len(found) and all(d in found[start + 1 + j][1] for j, d in enumerate(following)):
                        extra[start + index].append(number)
        if len(tables.rest):
            strings = doc.vocab.strings
            for match_id, start, end in tables.rest(doc, allow_missing=True, as_spans=False):
                number = int(strings[match_id])
                extra[doc[start:end][tables.indices[number]].i].append(number)
        for i, (numbers, _) in enumerate(found):
            if i in extra:
                numbers = tuple(sorted(set(numbers).union(extra[i])))
            if numbers:
                set_token_attrs(doc[i], tables.merge(numbers))
        return doc


@Language.factory("newsledger_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(name)


def tabulate_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put an AttributeTable in the place of the pipeline's attribute ruler; False when left as it was."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    tables = compile_ruler(ruler)
    if tables is None:
        return False
    table = nlp.replace_pipe(name, "newsledger_attribute_table")
    table.use(tables)  # type: ignore[attr-defined]
    return True
