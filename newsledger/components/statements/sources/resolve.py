"""Resolve pronoun and short-name sources ("he", "the agency", "Kim") to the nearest compatible
earlier named source or named entity, and map sources to actors. Before that, the sources the
per-cue rules could not see are filled in: attribution lines after quotes ("― Jane Roe",
statements/sources/attribution_lines) and participles continuing a report (statements/sources/continuations)."""

from __future__ import annotations

from spacy.tokens import Doc

from ...common.spans import actor_at
from ..candidate import Candidate, Range
from ..lexicon import StatementLexicon
from .attribution_lines import apply_attribution_lines
from .continuations import fill_continuations

PERSON_ENTS = {"PERSON"}
GROUP_ENTS = {"ORG", "GPE", "NORP", "FAC"}
MAX_BACK_CHARS = 3000  # antecedents further back than this are not trusted (and not scanned)


def _named(doc: Doc, rng: Range) -> bool:
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[rng[0] : rng[1]])


def _kind(doc: Doc, rng: Range, head: int | None) -> str | None:
    """person | group | None for a named range, from its head's entity type."""
    tok = doc[head] if head is not None else doc[rng[1] - 1]
    if tok.ent_type_ in PERSON_ENTS:
        return "person"
    if tok.ent_type_ in GROUP_ENTS:
        return "group"
    return None


def anaphor_kind(doc: Doc, cand: Candidate, lex: StatementLexicon) -> str | None:
    """person|group when the source is a pronoun or a short definite description, else None."""
    if cand.source is None or cand.source_head is None:
        return None
    lo, hi = cand.source
    head = doc[cand.source_head]
    want = lex.anaphors.get(head.lower_)
    if want is None:
        return None
    if head.pos_ == "PRON" and hi - lo == 1:
        return want
    # "the agency", "the ministry": definite, short, no name of its own
    if hi - lo <= 3 and doc[lo].lower_ in ("the", "this", "that") and not _named(doc, cand.source):
        return want
    return None


def _short_name_match(doc: Doc, rng: Range, earlier: Range) -> bool:
    """Is rng (1-2 proper nouns) the tail or head word of a longer earlier name ("Kim" / "Kim Jong Un")?"""
    words = [t.lower_ for t in doc[rng[0] : rng[1]]]
    other = [t.lower_ for t in doc[earlier[0] : earlier[1]]]
    if len(other) <= len(words):
        return False
    return any(other[k : k + len(words)] == words for k in range(len(other) - len(words) + 1))


def resolve_sources(doc: Doc, cands: list[Candidate], lex: StatementLexicon) -> None:
    """Set cand.antecedent for pronoun/short-name sources (cands sorted by position), after
    giving quotes followed by an attribution line ("― Jane Roe") and participles continuing a
    report ("Sanders said, going on to say ...") their source."""
    apply_attribution_lines(doc, cands)
    fill_continuations(doc, cands)
    ents = [e for e in doc.ents if e.label_ in PERSON_ENTS | GROUP_ENTS]
    for k, cand in enumerate(cands):
        if cand.source is None or cand.antecedent is not None:
            continue
        want = anaphor_kind(doc, cand, lex)
        start_char = doc[cand.source[0]].idx
        if want is not None:
            cand.antecedent = _previous_compatible(doc, cands[:k], ents, start_char, want)
        elif (
            all(t.pos_ == "PROPN" for t in doc[cand.source[0] : cand.source[1]])
            and cand.source[1] - cand.source[0] <= 2
        ):
            cand.antecedent = _previous_longer_name(doc, cands[:k], ents, cand.source, start_char)


def _previous_compatible(doc, earlier, ents, start_char, want) -> Range | None:
    for prev in reversed(earlier):
        if doc[prev.anchor].idx < start_char - MAX_BACK_CHARS:
            break
        if prev.source is None:
            continue
        rng = prev.antecedent or prev.source
        if _named(doc, rng) and _kind(doc, rng, None) in (want, None):
            return rng
    for ent in reversed(ents):
        if ent.start_char >= start_char:
            continue
        if ent.start_char < start_char - MAX_BACK_CHARS:
            break
        if (want == "person") == (ent.label_ in PERSON_ENTS):
            return ent.start, ent.end
    return None


def _previous_longer_name(doc, earlier, ents, rng, start_char) -> Range | None:
    for prev in reversed(earlier):
        if doc[prev.anchor].idx < start_char - MAX_BACK_CHARS:
            break
        if prev.source is not None and _short_name_match(doc, rng, prev.source):
            return prev.source
    for ent in reversed(ents):
        if ent.start_char >= start_char:
            continue
        if ent.start_char < start_char - MAX_BACK_CHARS:
            break
        if _short_name_match(doc, rng, (ent.start, ent.end)):
            return ent.start, ent.end
    return None


def source_actor(doc: Doc, cand: Candidate) -> str | None:
    """Actor id of a source: of its antecedent when resolved, else of the source span itself."""
    for rng in (cand.antecedent, cand.source):
        if rng is None:
            continue
        actor = actor_at(doc, doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text))
        if actor is not None:
            return actor.id
    return None
