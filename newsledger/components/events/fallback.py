"""Roles the dependency parse did not give: the nearest actor in the trigger's clause.

The small parser often attaches a subject or an object to the wrong word ("Rebels in the Ivory
Coast on Tuesday blocked ...", "set fire to the offices of the Palestinian administrators").
News sentences put the doer before the verb and the one it is done to after it, so when the
parse yields no actor the closest actor mention to the left of the trigger that sits in a
subject is taken, and when it yields no recipient the closest one to its right; both within
the clause that has the trigger's subject, and within the statement that reports the event
(never the speaker of "X said")."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from .index import RecordIndex
from .lexicon import EventLexicon
from .links import clause_head
from .mode import object_position
from .role_words import people_nouns, words
from .roles import actor_in_np

# A mention hanging from a time-frame preposition ("since the Soviet invasion", "after Israel's
# raid") names another event's party, not this one's. A locative does count: PLOVER codes the
# territory as the target ("lifted the curfew in Montenegro"). An adversary ("against") is no
# beneficiary of a cooperative event.
_NOT_A_PARTY_PREPS = words("time_frame")
_ADVERSATIVE = words("adversative")
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
_OWNER_DEPS = {"compound", "amod", "poss", "nmod"}  # "Pyongyang('s) missiles"
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSAL = {"acl", "relcl", "advcl", "ccomp", "xcomp", "pcomp"}
_NP_INTERNAL = {
    "compound",
    "amod",
    "poss",
    "nmod",
    "appos",
    "conj",
    "det",
    "pobj",
    "prep",
    "nummod",
    "case",
    "cc",
    "acl",
}


def fill_roles(
    tok: Token,
    chain: list[Token],
    event_type: str,
    things: frozenset,
    lex: EventLexicon,
    idx: RecordIndex,
    within: tuple[int, int] | None,
    actor: str | None,
    recipient: str | None,
    subj: Token | None = None,
) -> tuple[str | None, str | None]:
    """The parse's actor and recipient, each completed from the nearest actor when missing.
    `subj`: the parse's subject of the trigger (events/roles.actor_of)."""
    scope = clause_scope(chain[-1])
    # A bare event noun's parties are inside its own phrase ("a prisoner died as a result of
    # torture": the prisoner is no torturer; "the mobilization of troops may extend the war with
    # Ukraine": Ukraine is not mobilized against). A support verb's object ("staged a protest")
    # shares the verb's clause.
    obj = object_position(tok)
    if tok.pos_ in ("NOUN", "PROPN") and not (
        obj.dep_ in ("dobj", "attr") and obj.head.lemma_.lower() in lex.light_verbs
    ):
        scope = tok
    # A passive names its patient before the verb ("Russia and Syria have been accused", "1,100
    # soldiers have been killed to support Moscow's war"): the doer is unnamed, and the
    # recipient is the patient even when it is no known actor. (Not "Israel is opposed to ...".)
    patient_named = tok.lemma_.lower() not in lex.stative_passive and any(c.dep_ == "nsubjpass" for c in tok.children)
    # A past participle modifying a noun is a passive too: "civilians killed in the strike"
    # -> the civilians are the patient, not the killers.
    reduced = _reduced_relative(tok, lex)
    if reduced:
        recipient = recipient or other_party(actor_in_np(tok.head, idx), actor)
    # A subject that names the doer by what it is ("demonstrators protesting", "gunmen") is the
    # doer, unnamed: the nearest actor is someone else (events/unnamed may place it).
    named_by_noun = subj is not None and subj.lemma_.lower() in people_nouns()
    if actor is None and not patient_named and not reduced and not named_by_noun:
        actor = nearest_actor(tok, idx, "left", {recipient}, within, scope=scope)
    if recipient is None and not patient_named:
        # For types whose object is what is moved ("deploy PLA forces", "send Russian
        # equipment"), an actor inside the object owns it, it does not receive it.
        moved = (
            set()
            if "dobj" in lex.slots_for(event_type)
            else {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
        )
        recipient = nearest_actor(
            tok, idx, "right", {actor}, within, things, scope, event_type in _COOPERATIVE, skip_tokens=moved
        )
    return actor, recipient


def _reduced_relative(tok: Token, lex: EventLexicon) -> bool:
    """A past participle modifying a noun that has its own role in a well-formed clause
    ("Dozens of civilians killed in the strike were buried"). A sentence whose root is a noun
    ("Doctors from two aid groups donated ...") or an apposition ("..., a rights group
    protested") is a misparse of a finite verb, not a reduced relative."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() not in lex.stative_passive and _well_formed_relative(tok)


def _well_formed_relative(tok: Token) -> bool:
    return (
        tok.dep_ == "acl"
        and tok.sent.root.pos_ in ("VERB", "AUX")
        and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "conj")
    )


def other_party(found: str | None, actor: str | None) -> str | None:
    return found if found != actor else None


def nearest_actor(
    tok: Token,
    idx: RecordIndex,
    side: str,
    avoid: Container[str | None],
    within: tuple[int, int] | None,
    things: frozenset = frozenset(),
    scope: Token | None = None,
    cooperative: bool = False,
    skip_tokens: Container[int] = frozenset(),
    subject_only: bool = True,
    limit: int = 15,
) -> str | None:
    """The actor whose mention is closest to the trigger on `side` ("left" | "right"), at most
    `limit` tokens away, inside the clause headed by `scope` (default: the sentence), not one of
    `avoid`, and not the owner of the thing sent or fired (`things`, the rule's context words:
    "launched Pyongyang missiles"). For a `cooperative` event an adversary ("for the war against
    Ukraine") is not the one it is done for."""
    sent = tok.sent
    lo, hi = (scope.left_edge.i, scope.right_edge.i + 1) if scope is not None else (sent.start, sent.end)
    owned = {
        t.i
        for w in sent
        if w.pos_ in ("NOUN", "PROPN") and w.lemma_.lower() in things
        for c in w.children
        if c.dep_ in _OWNER_DEPS
        for t in c.subtree
    }
    skip = _NOT_A_PARTY_PREPS | _ADVERSATIVE if cooperative else _NOT_A_PARTY_PREPS
    rng = (
        range(tok.i - 1, max(lo, tok.i - limit) - 1, -1)
        if side == "left"
        else range(tok.i + 1, min(hi, tok.i + limit + 1))
    )
    seen: set[str] = set()
    for i in rng:
        rid = idx.actor.get(i)
        if rid is None or rid in avoid or rid in seen or i in owned or i in skip_tokens:
            continue
        seen.add(rid)
        t = tok.doc[i]
        if within and not (within[0] <= t.idx < within[1]):
            continue
        if _governed_by(t, skip) or (
            side == "left" and subject_only and not _in_subject(t) and not _bare_subject(i, tok, idx)
        ):
            continue
        if scope is not None and scope.i == tok.i and tok.pos_ in ("NOUN", "PROPN") and _in_clause_below(t, tok):
            continue  # an event noun's own phrase: "negotiations, which the US supports"
        return rid
    return None


def clause_scope(tok: Token) -> Token:
    """The head of the smallest clause around the trigger that has its own subject: a
    participle, infinitive or subjectless conjunct shares the subject of the clause it hangs
    from ("approved a law recognizing ...", "resorted to throwing stones during ..."), a
    finite clause ("because the mobilization may extend ...") does not."""
    cur = clause_head(tok)
    for _ in range(6):
        if cur.head.i == cur.i or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cur.children):
            return cur
        cur = clause_head(cur.head)
    return cur


def _in_subject(t: Token) -> bool:
    """The mention belongs to a subject ("Rebels in the Ivory Coast", "Palestinians of the West
    Bank"), not to another verb's object or adjunct ("extend the war with Ukraine")."""
    cur = t
    for _ in range(10):
        if cur.dep_ in _SUBJECTS or cur.head.i == cur.i:
            return True
        if cur.dep_ not in _NP_INTERNAL or (
            cur.dep_ == "prep" and cur.head.pos_ in ("VERB", "AUX") and cur.head.dep_ != "acl"
        ):  # "a newspaper based in Beirut"
            return False
        cur = cur.head
    return False


def _bare_subject(i: int, verb: Token, idx: RecordIndex) -> bool:
    """The parse gave the verb no subject and the mention ends right before it (only auxiliaries,
    negation or adverbs between): English puts the subject there ("the Sudanese government and
    SPLM/A have agreed", with the subject misread as part of a preceding phrase)."""
    if verb.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in _SUBJECTS or c.dep_ in ("expl", "auxpass") for c in verb.children
    ):
        return False  # a passive's preceding noun is its patient
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    if verb.dep_ in ("relcl", "amod") or _well_formed_relative(verb) or not (finite or verb.dep_ == "acl"):
        return False  # "civilians killed in the strike": a reduced relative
    rid = idx.actor.get(i)
    for j in range(i + 1, verb.i):
        w = verb.doc[j]
        if idx.actor.get(j) != rid and w.dep_ not in ("aux", "neg", "advmod"):
            return False
    return True


def _in_clause_below(t: Token, top: Token) -> bool:
    """The mention sits in a clause that modifies `top` (a relative clause, an infinitive)."""
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in _CLAUSAL:
            return True
        cur = cur.head
    return False


def _governed_by(t: Token, preps: Container[str]) -> bool:
    """The mention is (inside) the object of one of the prepositions, also through "of" phrases:
    "following the discovery of Russian-made rockets", "after the deaths of two Israelis"."""
    cur = t
    for _ in range(8):
        # "following" is tagged a verb at times ("following/advcl the discovery/dobj")
        if cur.dep_ == "pobj" or (cur.dep_ == "dobj" and cur.head.lower_ == "following"):
            if cur.head.lemma_.lower() in preps or cur.head.lower_ in preps:
                return True
            if cur.head.lemma_.lower() != "of" or cur.head.head.pos_ not in ("NOUN", "PROPN"):
                return False
            cur = cur.head.head  # the noun the "of" phrase belongs to
            continue
        if cur.head.i == cur.i or cur.dep_ not in ("compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod"):
            return False
        cur = cur.head
    return False
