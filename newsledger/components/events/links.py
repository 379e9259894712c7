"""Where, when, how many, reported by whom: the place, time, figures and statement of an event,
found by walking from the trigger through the clauses of the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from .index import RecordIndex
from .role_words import words

_SAME_OCCASION = words("same_occasion")  # "when ...", "while ...": the same time and place


_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"}


def _conjuncts(tok: Token) -> list[Token]:
    """Coordinated verbs share a destination: "deploy troops and send equipment to Russia"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    out = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        out.append(tok.head)
    return out


# ------------------------------------------------------------------ place, time, figures
def governed_by(t: Token, anchors: set[int], limit: int = 5) -> tuple[bool, str]:
    """Whether t hangs below one of the anchors without crossing another clause; and the
    nearest preposition it hangs from (if any), looking through "of" ("in the town of X")."""
    prep = ""
    cur = t
    for _ in range(limit):
        if cur.i in anchors:
            return True, prep
        if cur.head.i == cur.i:
            return False, prep
        if cur.dep_ == "pobj" and not prep:
            # "in the town of X": "in" says where X is; "outside of the city": "outside"
            of = cur.head.lower_ == "of"
            if not of or cur.head.head.dep_ == "prep" or cur.head.head.lower_ in LOCATIVE:
                prep = (cur.head.head if of else cur.head).lemma_.lower()
        if cur.dep_ in _CLAUSE_DEPS or (cur.dep_ == "pcomp" and cur.pos_ in ("VERB", "AUX")):
            return False, prep  # a word of an embedded clause is its own
        cur = cur.head
    return cur.i in anchors, prep


_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "inside",
    "across",
    "along",
    "within",
    "throughout",
    "on",
    "into",
    "to",
    "towards",
    "toward",
    "from",
    "over",
}


LOCATIVE = {"in", "at", "near", "outside", "around", "inside", "across", "along", "within", "throughout"}


def place_of(
    tok: Token, chain: list[Token], idx: RecordIndex, avoid: set[int], within: tuple[int, int] | None = None
) -> str | None:
    """A place mentioned in the trigger's sentence: best one governed by in/at/near on the
    trigger's clause, then any place below the clause, then a locative in a clause the trigger
    is embedded in; then a place below the verb it governs by xcomp ("threatened to institute a
    curfew in Algiers"); then the destination of a coordinated verb ("deploy troops and send
    equipment to Russia"). Never outside the statement that reports the event (`within`)."""
    found = _pick(tok, chain, idx.place, avoid, _place_score, False, within)
    # then where the action it governs happens ("threatened to institute a curfew in Algiers",
    # "refused to deploy peacekeepers in Iraq"), then a coordinated verb's destination, then the
    # place of a clause on the same occasion ("killed 23 people when they blew themselves up in X")
    for other in [c for c in tok.children if c.dep_ == "xcomp"] + _conjuncts(tok) + same_occasion(tok):
        if found is not None:
            break
        found = _pick(other, [other], idx.place, avoid, _place_score, False, within, below_only=True)
    return found


def same_occasion(tok: Token) -> list[Token]:
    """Clauses the trigger governs that happen at the same time and place ("when ...", "while ...")."""
    return [
        c
        for c in tok.children
        if c.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in _SAME_OCCASION for m in c.children)
    ]


def time_of(tok: Token, chain: list[Token], idx: RecordIndex, within: tuple[int, int] | None = None) -> str | None:
    found = _pick(tok, chain, idx.time, set(), _time_score, True, within)
    if found is None or not idx.is_duration(found):
        return found
    # "met for several hours on Monday": how long is no when; a date of the trigger's own clause is
    points = {i: t for i, t in idx.time.items() if not idx.is_duration(t)}
    return _pick(tok, chain, points, set(), _time_score, True, within, below_only=True)


def _place_score(below: bool, prep: str) -> float:
    if below and prep in LOCATIVE:
        return 3.0
    if below and prep in _PLACE_PREPS:
        return 2.0
    if below:
        return 1.0
    return 0.5 if prep in LOCATIVE else 0.0  # outside the clause only "in/at/near X" counts


def _time_score(below: bool, prep: str) -> float:
    return 2.0 if below else 0.5


def _pick(
    tok: Token,
    chain: list[Token],
    index: dict[int, str],
    avoid: set[int],
    score,
    through_conj: bool,
    within: tuple[int, int] | None,
    below_only: bool = False,
) -> str | None:
    """The best-scoring record in the sentence that hangs below the trigger's clause, or
    (scored lower) sits in a clause the trigger's clause is embedded in: a time on
    "observed ..." also dates "... and calling for"."""
    sent = tok.sent
    anchors = {t.i for t in chain}
    scope = anchors | _ancestors(chain[-1], through_conj)
    best, best_key = None, None
    seen: set[str] = set()
    for i in range(sent.start, sent.end):
        rid = index.get(i)
        if rid is None or i in avoid or (rid in seen):
            continue
        x = tok.doc[i]
        if within and not (within[0] <= x.idx < within[1]):
            continue
        seen.add(rid)
        below, prep = governed_by(x, anchors)
        if not below and (below_only or clause_head(x).i not in scope):
            continue
        points = score(below, prep)
        if points <= 0:
            continue
        key = (points, -abs(i - tok.i))
        if best_key is None or key > best_key:
            best, best_key = rid, key
    return best


def _ancestors(tok: Token, through_conj: bool) -> set[int]:
    """Clauses the token is embedded in. A conjunct's head is a sibling clause: its time
    usually carries over ("last month observed ... and called for ..."), its place less so."""
    out = set()
    while tok.head.i != tok.i:
        if tok.dep_ == "conj" and not through_conj:
            break
        tok = tok.head
        out.add(tok.i)
    return out


def clause_head(tok: Token) -> Token:
    """The verb whose clause a word belongs to."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i or cur.dep_ in _CLAUSE_DEPS:
            return cur.head if cur.dep_ in _CLAUSE_DEPS and cur.pos_ not in ("VERB", "AUX") else cur
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return cur


def figures_of(tok: Token, chain: list[Token], idx: RecordIndex) -> list[str]:
    """Figures in the trigger's clause: its object ("launched 60 missiles"), the passive subject
    ("1,100 soldiers have been killed"), numbers on a noun trigger ("three attacks")."""
    anchors = {t.i for t in chain}
    out: list[str] = []
    sent = tok.sent
    for i in range(sent.start, sent.end):
        fid = idx.figure.get(i)
        if fid is None or fid in out:
            continue
        below, _ = governed_by(tok.doc[i], anchors, limit=4)
        if below:
            out.append(fid)
    return out


def statement_of(tok: Token, idx: RecordIndex):
    """The innermost statement whose content holds the trigger (records.Statement or None)."""
    start, end = tok.idx, tok.idx + len(tok.text)
    for s in idx.statements:  # smallest content first
        if s.content is not None and s.content.start <= start and end <= s.content.end:
            return s
    return None


def statement_told_by(tok: Token, idx: RecordIndex):
    """The statement whose source is this word ("He urged ...": the statement "He" tells), or None."""
    for s in idx.statements:
        if s.source is not None and s.source.start <= tok.idx < s.source.end:
            return s
    return None


def mention_tokens(subj: Token | None) -> set[int]:
    """Token indices of a subject NP (so the subject is not also taken as the place)."""
    if subj is None:
        return set()
    return {t.i for t in subj.subtree}
