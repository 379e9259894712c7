"""newsledger_statements: who says what, how sure, relayed through whom.

Reads the parse, doc.ents and doc._.actors (None when the actors component is absent: treated as
[]); writes doc._.statements: list[records.Statement]. Rules, in order of trust:
reporting verbs (statements/verbal), "according to" and nominal cues (statements/adjuncts),
measurements that vouch for a clause ("in a CNN poll", "by one estimate": statements/evidence),
light verbs with cue nouns ("made the case that", statements/light), predicative adjectives
("is worried about", statements/adjectives), then quotes left over (floating quotes inherit the
previous speaker). Sources that are pronouns or short names are resolved to an earlier named
source (statements/sources/resolve); certainty comes from the cue and the content's modals
(statements/certainty); "via" links a statement to the innermost other statement whose content
holds its cue (relays, kept as chains).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ...records import SourceSpan, Span, Statement
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from .adjectives import adjective_candidates
from .adjuncts import according_candidates, colon_candidates, nominal_candidates
from .candidate import Candidate
from .certainty import combine, content_certainty
from .evidence import evidence_candidates
from .lexicon import StatementLexicon
from .light import light_candidates
from .sources.nested import cut_nested_speakers
from .sources.resolve import resolve_sources, source_actor
from .spans import DocIndex, char_range, minus, trim
from .verbal import verbal_candidates

MIN_FREE_QUOTE_WORDS = 5  # shorter unattributed quotes are scare quotes, not statements
FLOATING_MAX_PARAS = 2  # a floating quote inherits a speaker at most this many paragraphs back


@Language.factory(
    "newsledger_statements",
    requires=["token.dep", "token.lemma", "doc.ents", "doc._.actors"],
    assigns=["doc._.statements"],
)
def make_statements(nlp: Language, name: str):
    return StatementsComponent(StatementLexicon.load())


class StatementsComponent:
    def __init__(self, lexicon: StatementLexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = extract_statements(doc, self.lex) if len(doc) else []
        return doc


def extract_statements(doc: Doc, lex: StatementLexicon) -> list[Statement]:
    idx = DocIndex(doc)
    light = light_candidates(idx, lex)
    cands = (
        verbal_candidates(idx, lex)
        + according_candidates(idx, lex)
        + evidence_candidates(idx, lex)
        + light
        + nominal_candidates(idx, lex, frozenset(c.cue_head for c in light if c.cue_head is not None))
    )
    cands += adjective_candidates(idx, lex, {c.cue_head for c in cands if c.cue_head is not None})
    cands = _dedupe(cands)
    mask = _covered_mask(len(doc), cands)
    # a colon no verb cue claimed ("said:"); its content may hold nested cues ("FALLIN: I think ...")
    cands += [
        c
        for c in colon_candidates(idx, lex)
        if c.cue is not None and c.source is not None and not _covered(mask, *c.cue) and not _covered(mask, *c.source)
    ]
    _cut_outer_adjuncts(idx, cands)
    cut_nested_speakers(idx, cands)
    cands.extend(_leftover_quotes(idx, cands))
    cands.sort(key=lambda c: (c.anchor, c.content[0]))
    _inherit_floating(idx, cands)
    resolve_sources(doc, cands, lex)
    return _to_records(idx, cands, lex)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen, out = set(), []
    for c in cands:
        key = (c.cue, c.content)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _cut_outer_adjuncts(idx: DocIndex, cands: list[Candidate]) -> None:
    """A clause-final "according to X" (or "by one estimate") scopes over the whole sentence, reporting verb included
    ("M has said that P, according to Y"): drop it from the verb's that-clause so that the
    verb's statement is relayed through Y's, not the reverse."""
    with_cue = sorted(((c.cue, c) for c in cands if c.cue is not None), key=lambda pair: pair[0][0])
    cue_starts = [cue[0] for cue, _ in with_cue]
    for a in cands:
        if a.kind not in ("according", "evidence") or a.source is None or a.cue is None:
            continue
        hole = (min(a.cue[0], a.source[0]), max(a.cue[1], a.source[1]))
        # only verbs whose cue lies inside the adjunct's content can be its relayed statement
        for cue, c in with_cue[bisect_left(cue_starts, a.content[0]) : bisect_left(cue_starts, a.content[1])]:
            if c is a:
                continue
            holds_hole = c.content[0] <= hole[0] and hole[1] <= c.content[1]
            if holds_hole and a.content[0] <= cue[0] and cue[1] <= a.content[1]:
                lo, hi = minus(c.content, hole, keep=c.content[0])
                c.content = trim(idx, lo, hi)


def _covered_mask(n: int, cands: list[Candidate]) -> bytearray:
    """1 for every token inside some candidate's content, cue or source."""
    mask = bytearray(n)
    for c in cands:
        for rng in (c.content, c.cue, c.source):
            if rng:
                mask[rng[0] : rng[1]] = b"\x01" * (rng[1] - rng[0])
    return mask


def _covered(mask: bytearray, lo: int, hi: int) -> bool:
    return any(mask[lo:hi])


def _leftover_quotes(idx: DocIndex, cands: list[Candidate]) -> list[Candidate]:
    """Quotes no cue claimed: a paragraph that is only a quote floats (speaker inherited later);
    a long quote inside a paragraph is kept with no source. A statement cued inside the quote
    ("“… He said, ‘…’ …”") does not claim it: it is speech reported by the quote's speaker."""
    out, mask = [], _covered_mask(len(idx.doc), [c for c in cands if not _cued_in_quote(idx, c)])
    for q, (qs, qe) in enumerate(idx.quotes):
        lo, hi = idx.quote_tokens(q)
        if hi <= lo or _covered(mask, lo, hi):
            continue
        para = idx.para_of[lo]
        whole_para = para >= 0 and idx.paras[para][0] == qs and idx.paras[idx.para_of[hi - 1]][1] <= qe + 1
        words = sum(1 for t in idx.doc[lo:hi] if t.is_alpha)
        if whole_para or words >= MIN_FREE_QUOTE_WORDS:
            out.append(Candidate(content=(lo, hi), direct=True, kind="floating" if whole_para else "quote"))
    return out


def _cued_in_quote(idx: DocIndex, c: Candidate) -> bool:
    if c.kind == "colon":  # a transcript's speaker tag inside the quotation claims what follows it
        return False
    head = c.cue_head if c.cue_head is not None else (c.cue[0] if c.cue else None)
    return head is not None and idx.quote_of[head] >= 0


def _inherit_floating(idx: DocIndex, cands: list[Candidate]) -> None:
    """A quote-only paragraph inherits the source of the statement before it (a paragraph or two up)."""
    for k, c in enumerate(cands):
        if c.kind != "floating":
            continue
        para = idx.para_of[c.content[0]]
        for j in range(k - 1, max(-1, k - 50), -1):
            prev = cands[j]
            if prev.source is None:
                continue
            if para - idx.para_of[prev.content[1] - 1] <= FLOATING_MAX_PARAS:
                c.source, c.source_head, c.inherited_from = prev.source, prev.source_head, j
                c.antecedent = prev.antecedent
            break


def _span(idx: DocIndex, rng) -> Span | None:
    cr = char_range(idx.doc, *rng) if rng else None
    return Span(cr[0], cr[1], idx.text[cr[0] : cr[1]]) if cr else None


def _to_records(idx: DocIndex, cands: list[Candidate], lex: StatementLexicon) -> list[Statement]:
    doc = idx.doc
    out: list[Statement] = []
    for c in cands:
        content = _span(idx, c.content)
        if content is None:
            continue
        source = None
        if c.source is not None and (s := _span(idx, c.source)) is not None:
            source = SourceSpan(s.start, s.end, s.text, source_actor(doc, c), _refers_to(idx, c))
        direct = c.direct or _inside_quote(idx, content)
        certainty = combine(c.certainty, content_certainty(doc, c.content, lex))
        out.append(
            Statement(
                id=f"s{len(out) + 1}",
                direct=direct,
                source=source,
                cue=_span(idx, c.cue),
                content=content,
                certainty=certainty,
                hedged=c.hedged,
            )
        )
    _link_relays(out)
    return out


def _refers_to(idx: DocIndex, c: Candidate) -> Span | None:
    """The earlier mention a pronoun or short reference was resolved to (None for a name)."""
    if c.antecedent is None or c.source is None or c.antecedent == c.source:
        return None
    return _span(idx, c.antecedent)


def _inside_quote(idx: DocIndex, content: Span) -> bool:
    k = bisect_right([q[0] for q in idx.quotes], content.start) - 1 if idx.quotes else -1
    return k >= 0 and idx.quotes[k][0] <= content.start and content.end <= idx.quotes[k][1]


def _link_relays(stmts: list[Statement]) -> None:
    """via = the innermost other statement whose content holds this one's cue (and source).
    Contents are scanned by start offset within the longest content's reach, so the cost stays
    near-linear on long documents."""
    holders = sorted((o for o in stmts if o.cue is not None), key=lambda o: o.content.start)
    starts = [o.content.start for o in holders]
    reach = max((o.content.end - o.content.start for o in holders), default=0)
    for s in stmts:
        anchor = s.cue or s.content
        best = None
        k = bisect_right(starts, anchor.start) - 1
        while k >= 0 and starts[k] >= anchor.start - reach:
            o, k = holders[k], k - 1
            c = o.content
            if o is s or c.end < anchor.end:
                continue
            if s.content.start <= c.start and c.end <= s.content.end:
                continue
            if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                best = o
        if best is not None:
            s.via = best.id
