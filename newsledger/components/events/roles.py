"""Who did it, to whom, where, when, how many: linking a trigger to the records the earlier
components wrote (actors, places, times, figures, statements) through the dependency parse.

Every record is indexed by token once per doc (RecordIndex), so each lookup is a dict hit."""

from __future__ import annotations

from spacy.tokens import Token

from .index import RecordIndex
from .lexicon import EventLexicon
from .links import _conjuncts, statement_of, statement_told_by
from .mode import object_position
from .role_words import people_nouns, words

_SUBJ = ("nsubj",)
_NP_MODS = ("compound", "amod", "poss", "nmod", "nummod", "det")
_NP_PREPS = ("of", "from", "in", "at", "by", "for")
_PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"}
_XCOMP_SLOTS = (
    "dobj",
    "nsubjpass",
    "prep:to",
    "prep:with",
    "prep:against",
    "dative",
    "prep:on",
    "prep:in",
    "prep:from",
)
_TIME_FRAME = words("time_frame")  # "following the deaths of two Israelis": another event's parties
_PROTESTER_SECTORS = words("protester_sector")
_AFFILIATION = words("affiliation")  # "workers affiliated with the union": the union's
_OWN_FORCES = words("own_forces")


# ---------------------------------------------------------------------------- actors in NPs
def actor_in_np(head: Token | None, idx: RecordIndex, depth: int = 0) -> str | None:
    """The actor a noun phrase refers to: its head word first, then its modifiers
    ("North Korean troops", "Moscow's war", "workers affiliated with X"), then "officials of
    X", "forces in Y"."""
    if head is None or depth > 3:
        return None
    if head.i in idx.actor:
        return idx.actor[head.i]
    for c in head.children:
        if c.dep_ in _NP_MODS or c.dep_ == "appos" or (c.dep_ == "acl" and c.lower_ in _AFFILIATION):
            found = idx.actor.get(c.i) or _in_subtree(c, idx)
            if found:
                return found
    for c in head.children:
        if c.dep_ == "conj":
            found = actor_in_np(c, idx, depth + 1)
            if found:
                return found
    for c in head.children:
        if c.dep_ == "prep" and c.lemma_.lower() in _NP_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    found = actor_in_np(p, idx, depth + 1)
                    if found:
                        return found
    return None


def coordinated(head: Token | None, first: str | None, idx: RecordIndex) -> list[str]:
    """The other actors coordinated with `first` in the phrase `head` heads: "Russia and Belarus
    held drills", "Russian and Belarusian troops", "attacked Kharkiv, Odesa and Dnipro"."""
    if head is None or first is None:
        return []
    # the word that holds `first`: the head, or a word below it ("aid for Romania and Poland")
    holders = [t for t in head.subtree if idx.actor.get(t.i) == first]
    if holders and head.i not in {t.i for t in holders}:
        head = min(holders, key=lambda t: len(list(t.ancestors)))
    tokens = list(head.conjuncts) + [
        c for m in head.children if m.dep_ in ("amod", "compound") and m.conjuncts for c in (m, *m.conjuncts)
    ]
    out: list[str] = []
    for t in sorted(tokens, key=lambda t: t.i):
        found = actor_in_np(t, idx)
        if found and found != first and found not in out:
            out.append(found)
    return out


def _in_subtree(tok: Token, idx: RecordIndex) -> str | None:
    for t in tok.subtree:
        if t.i in idx.actor:
            return idx.actor[t.i]
    return None


# ------------------------------------------------------------------------------- the actor
def subject_of(tok: Token, lex: EventLexicon, depth: int = 0) -> Token | None:
    """The token that carries out the trigger: its subject, the agent of a passive, the
    controller of an xcomp chain, the shared subject of a conjunct, a noun's possessor."""
    if depth > 6:
        return None
    for c in tok.children:
        if c.dep_ in _SUBJ:
            return c
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    for c in tok.children:  # the parser sometimes hangs the subject on the auxiliary
        if c.dep_ in ("aux", "auxpass"):
            for g in c.children:
                if g.dep_ == "nsubj" or (g.dep_ == "nsubjpass" and tok.lemma_.lower() in lex.stative_passive):
                    return g
    if tok.lemma_.lower() in lex.stative_passive:
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                return c
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.frames:
        return subject_of(tok.head, lex, depth + 1)  # "undertook a mediation mission"
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
                return c
        for c in tok.children:  # "attack by rebels"
            if c.dep_ == "prep" and c.lemma_.lower() == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            return subject_of(tok.head, lex, depth + 1)
        amount = object_position(tok)  # "announced $725 million in aid": the announcer's aid
        if amount.i != tok.i and amount.head.pos_ in ("VERB", "AUX"):
            return subject_of(amount.head, lex, depth + 1)
        if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.lemma_.lower() != "by":
            return subject_of(tok.head.head, lex, depth + 1)
        return None
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "xcomp":
        if head.lemma_.lower() in lex.object_control:
            for c in head.children:
                if c.dep_ in ("dobj", "dative"):
                    return c
        return subject_of(head, lex, depth + 1)
    if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
        patient = _passive_subject(head, lex)
        if patient is not None and _active(tok):
            return patient  # "the minister has been indicted ... and will resign"
        return subject_of(head, lex, depth + 1)
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # a gerund adjunct is done by the subject of the verb it modifies, the surface subject
        # of a passive too: "resorted to throwing", "was quoted as saying", "was accused of misusing"
        verb = head.head
        return _passive_subject(verb, lex) or subject_of(verb, lex, depth + 1)
    if tok.dep_ == "acomp" or (tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN")):
        return subject_of(head, lex, depth + 1)
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return subject_of(head, lex, depth + 1)  # purpose: "X began a strike to demand ..."
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children):
        return head
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return head
    return None


def _passive_subject(verb: Token, lex: EventLexicon) -> Token | None:
    if verb.lemma_.lower() in lex.stative_passive:
        return None  # "Israel is opposed to ...": subject_of already takes it
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _active(verb: Token) -> bool:
    """The verb is active: not a participle sharing a passive auxiliary ("was arrested and jailed")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


def actor_of(
    tok: Token,
    lex: EventLexicon,
    idx: RecordIndex,
    within: tuple[int, int] | None = None,
    event_type: str = "",
    chain: list[Token] | None = None,
) -> tuple[str | None, Token | None]:
    """The actor of the trigger's subject. A verb's subject found outside the statement that
    reports the event is the parse reaching across the quote to the speaker: not the actor.
    (A noun's light verb may be the cue itself: "Italy announced a suspension of links".)
    Unless the cue controls the trigger ("Greece plans to impose ...", `chain` climbs xcomps):
    then the one who states the plan is the one who carries it out."""
    subj = subject_of(tok, lex)
    if _reported_noun(tok, lex, idx):
        subj = None  # "Rutte confirmed the deployment": who confirms it did not deploy
    controlled = subj is not None and chain is not None and any(t.i == subj.head.i for t in chain[1:])
    if subj is None or (within and tok.pos_ == "VERB" and not controlled and not within[0] <= subj.idx < within[1]):
        return of_agent(tok, event_type, lex, idx), None
    found = actor_in_np(subj, idx)
    if found is None and subj.lower_ in _PRONOUNS:
        found = pronoun_actor(subj, lex, idx)
    if (
        found is None
        and subj.lemma_.lower() in _OWN_FORCES
        and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children)
    ):
        found = actor_in_np(_reporting_subject(subj, lex), idx)  # "the ministry said its forces had struck"
    if (
        found is None
        and tok.dep_ == "acl"
        and subj.i == tok.head.i
        and subj.dep_ in ("dobj", "attr")
        and subj.lemma_.lower() not in people_nouns()
    ):  # "dispersed demonstrators protesting": theirs
        issuer = subject_of(subj.head, lex)  # "X issued a declaration demanding ...": X
        if issuer is not None:
            found = actor_in_np(issuer, idx)
    if (
        event_type == "PROTEST"
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and not _can_protest(idx.actors.get(found))
    ):
        found = None  # "police fired tear gas during demonstrations": police act on a protest
    return found or of_agent(tok, event_type, lex, idx), subj


def _reported_noun(tok: Token, lex: EventLexicon, idx: RecordIndex) -> bool:
    """An event noun that is the object of a statement's cue, not a support verb: the cue's
    subject tells of the event ("confirmed the deployment", "reported the shelling"); it is no
    doer ("announced a suspension" is: announce is a support verb, data/roles.tsv LIGHT_VERBS)."""
    verb = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "dobj" or verb.lemma_.lower() in lex.light_verbs:
        return False
    return any(s.cue is not None and s.cue.start <= verb.idx < s.cue.end for s in idx.statements)


def _can_protest(actor) -> bool:
    """No actor, or one of no known sector or of a sector that protests (lexicon: protester_sector)."""
    return actor is None or not actor.sector or actor.sector.lower() in _PROTESTER_SECTORS


def of_agent(tok: Token, event_type: str, lex: EventLexicon, idx: RecordIndex) -> str | None:
    """ "the deployment of NATO troops": for some categories a noun's "of X" is the doer."""
    if tok.pos_ not in ("NOUN", "PROPN") or event_type not in lex.noun_of_agent:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lemma_.lower() == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return actor_in_np(p, idx)
    return None


def pronoun_actor(pron: Token, lex: EventLexicon, idx: RecordIndex) -> str | None:
    """The actor a pronoun subject stands for, in this order: for "he" or "she" that is itself a
    statement's source ("He urged allies to ..."), the person the statements component resolved it
    to; the subject of the clause its own clause modifies, if they agree ("soldiers have been
    killed since they engaged" -> the soldiers); in a reported clause, the reporter ("Syria says
    it is willing to withdraw" -> Syria); else the source of the statement."""
    told = statement_told_by(pron, idx) if pron.lower_ in ("he", "she") else None
    person = idx.actors.get(told.source.actor) if told is not None else None
    if person is not None and person.kind == "person":  # "they"/"it" resolve too loosely to be a doer
        return person.id
    antecedent = _governing_subject(pron)
    if antecedent is not None:
        found = actor_in_np(antecedent, idx)
        if found:
            return found
    return reporter_actor(pron, lex, idx)


def _governing_subject(pron: Token) -> Token | None:
    """The subject of the clause that an adverbial clause's pronoun subject hangs from, when it is
    the only noun of that clause that agrees with the pronoun: the main clause's subject is the most
    salient antecedent ("soldiers were killed since they engaged"), but when its object agrees too
    ("police arrested protesters after they blocked the road") the sentence does not say which."""
    clause = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl":
        return None
    main = clause.head
    while main.dep_ == "conj" and main.head.i != main.i:  # "killed or wounded since they ...": killed's subject
        main = main.head
    subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" or not _agrees(pron, subj):
        return None
    others = [p for c in main.children if c.dep_ in ("dobj", "dative", "agent", "prep") for p in _np_heads(c)]
    if any(_agrees(pron, o) for o in others if o.pos_ in ("NOUN", "PROPN")):
        return None
    return subj


def _np_heads(child: Token) -> list[Token]:
    """The noun a verb's dependent names: an object itself, or the object of its preposition."""
    if child.dep_ in ("prep", "agent"):
        return [p for p in child.children if p.dep_ == "pobj"]
    return [child]


def _agrees(pron: Token, noun: Token) -> bool:
    """A third-person subject pronoun may stand for the noun: same number; he/she a person, it no
    person ("we" speaks for the writer, never for a noun of the sentence)."""
    word = pron.lower_
    if word not in ("he", "she", "it", "they"):
        return False
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if plural != (word == "they"):
        return False
    if word in ("he", "she"):
        return noun.ent_type_ == "PERSON"
    return not (word == "it" and noun.ent_type_ == "PERSON")


def reporter_actor(pron: Token, lex: EventLexicon, idx: RecordIndex) -> str | None:
    """A pronoun subject of a reported clause is, most often, the reporter:
    "Syria says it is willing to withdraw" -> Syria. Else the source of the statement."""
    reporter = _reporting_subject(pron, lex)
    if reporter is not None:
        return actor_in_np(reporter, idx)
    stmt = statement_of(pron, idx)
    if stmt is not None and stmt.source is not None:
        return stmt.source.actor
    return None


def _reporting_subject(word: Token, lex: EventLexicon) -> Token | None:
    """The subject of the verb that reports the clause `word` is the subject of, if it is no pronoun."""
    clause = word.head
    for _ in range(6):
        if clause.dep_ in ("conj", "xcomp", "acomp") and clause.head.i != clause.i:
            clause = clause.head
        else:
            break
    if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
        subj = subject_of(clause.head, lex)
        if subj is not None and subj.i != word.i and subj.lower_ not in _PRONOUNS:
            return subj
    return None


# --------------------------------------------------------------------------- the recipient
def recipient_of(
    tok: Token, event_type: str, lex: EventLexicon, idx: RecordIndex, chain: list[Token], what: frozenset = frozenset()
) -> tuple[str | None, Token | None]:
    """The first slot of the type's preference list (data/roles.tsv) that holds an actor.
    `what` are the rule's context words: an object that is the thing sent or fired ("missiles",
    "troops") is not the recipient even when an actor modifies it ("Pyongyang missiles")."""
    heads = [tok] + [t for t in chain[1:2] if tok.pos_ in ("NOUN", "PROPN")]  # noun + light verb
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.frames:
        heads.append(tok.head)  # "mediation effort between X and Y"
    # A slot on the trigger itself or its object beats one inside a phrase hanging from it:
    # "agreed to US mediation in the talks with the Palestinians" -> the US.
    for group in (heads, _conjuncts(tok)):
        for nested in (False, True):
            for slot in lex.slots_for(event_type):
                if slot == "governor" and tok.head.lemma_.lower() in lex.object_control:
                    continue  # "urged Iran to release": Iran releases
                if nested and not slot.startswith("prep:"):
                    continue
                for h in group:
                    for cand in _slot_tokens(h, slot, nested):
                        if _np_words(cand) & what:
                            continue
                        found = actor_in_np(cand, idx)
                        if found:
                            return found, cand
    return None, None


def _up_to_object(prt: Token):
    """ "kidnapped up to 16 advisers": the parser reads "up to" as particle + preposition; the
    counted noun is the verb's object."""
    for p in prt.children:
        if p.dep_ == "prep" and p.lower_ == "to":
            yield from (o for o in p.children if o.dep_ == "pobj" and any(g.dep_ == "nummod" for g in o.children))


def _np_words(head: Token) -> set[str]:
    """The head word of an object and, for "dozens of missiles", the counted word."""
    words = {head.lemma_.lower()}
    for c in head.children:
        if c.dep_ == "prep" and c.lemma_.lower() == "of":
            words.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    return words


def _objects(tok: Token) -> list[Token]:
    """The trigger's direct objects with their conjuncts ("launched artillery, mortar and rocket
    fire against X": the "against" hangs on the last conjunct)."""
    out = [c for c in tok.children if c.dep_ == "dobj"]
    for o in out:  # grows while walked: conjuncts of conjuncts
        out.extend(c for c in o.children if c.dep_ == "conj")
    return out


def _fronted(prep: Token, verb: Token) -> bool:
    """The phrase opens the clause, before the verb's subject: circumstance, not a party."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return prep.i < (subj.i if subj is not None else verb.i) and prep.i == verb.left_edge.i


def _slot_tokens(tok: Token, slot: str, nested: bool | None = None):
    """Tokens that fill `slot` of `tok`. For a prep:X slot, `nested` picks where the preposition
    hangs: False on the trigger or its object, True on the object of another of its prepositions
    (not a time frame: "following the deaths of two Israelis"), None both."""
    if slot in ("dobj", "nsubjpass"):
        for c in tok.children:
            if c.dep_ == slot:
                yield c
            elif slot == "dobj" and c.dep_ == "prt" and c.lower_ == "up":
                yield from _up_to_object(c)
    elif slot == "dative":
        for c in tok.children:
            if c.dep_ == "dative":
                yield from (p for p in c.children if p.dep_ == "pobj") if c.pos_ == "ADP" else [c]
    elif slot.startswith("prep:"):
        word = slot[5:]
        holders = [] if nested else [tok, *_objects(tok)]
        if nested is not False:
            holders += [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ not in _TIME_FRAME and c.lemma_.lower() not in _TIME_FRAME
                for p in c.children
                if p.dep_ == "pobj"
            ]
        for h in holders:
            for c in h.children:
                if h.i == tok.i and _fronted(c, tok):
                    continue  # a fronted adjunct: "With the signing of ..., X agreed"
                if c.dep_ in ("prep", "dative", "agent") and c.lemma_.lower() == word:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            yield p
    elif slot == "xcomp":
        for c in tok.children:
            if c.dep_ == "xcomp":
                for sub in _XCOMP_SLOTS:
                    yield from _slot_tokens(c, sub)
    elif slot == "purpose":  # "staged a strike to protest against X's decision"
        for c in tok.children:
            if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children):
                for sub in _XCOMP_SLOTS:
                    yield from _slot_tokens(c, sub)
    elif slot == "governor":  # "summoned Niger's ambassador to complain": the one summoned
        if tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            for sub in ("dobj", "prep:with"):
                yield from _slot_tokens(tok.head, sub)
    elif slot == "cond":
        for c in tok.children:
            clauses = [c] + [g for g in c.children if g.dep_ == "advcl"] if c.dep_ == "xcomp" else [c]
            for cl in clauses:
                if cl.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lemma_.lower() in ("if", "unless") for m in cl.children
                ):
                    yield from (g for g in cl.children if g.dep_ in ("nsubj", "nsubjpass"))
    elif slot == "csubj":
        for c in tok.children:
            if c.dep_ == "ccomp":
                for g in c.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        yield g
