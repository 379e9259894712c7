"""newsledger_events: PLOVER-coded events with mode, roles, place, time, figures, statement.

Reads  doc._.actors, doc._.places, doc._.times, doc._.figures, doc._.statements (None = [])
       doc._.published (date or "YYYY-MM-DD"; decides what counts as a past event)
Writes doc._.events: list[Event]; adds to doc._.actors the unnamed doers and victims of events
       whose text names them only by a common noun or not at all, by their place (events/unnamed),
       and the location actors of territories that are an event's target (events/territory)

Pipeline per doc (all linear in tokens): triggers by (lemma, POS) lookup + argument context
(events/triggers) -> mode (events/mode) -> roles and links (events/roles), roles the parse
missed from the nearest actor in the clause (events/fallback), the parties coordinated with them
-> merge (events/merge) -> the unnamed doer and victims of an event done in a place
(events/unnamed) -> a territory as the target of events with none (events/territory) -> the
ACLED coding of what happened, by the ACLED Codebook (events/acled, from the trigger row's default)
-> the later definite nouns that re-mention an event ("the shooting", "his arrest") appended to its
evidence (events/coreference).

Confidence: the lexicon row's prior (how reliably the word signals the category; verbs with a
matched context ~0.7-0.8, bare nouns ~0.35-0.5), +0.1 when the parse gives an actor, +0.1 when
it gives a recipient (a role filled by the nearest-actor fallback adds nothing), +0.05 when the
rule's context matched, -0.1 for a noun trigger with neither role from the parse; clipped to
[0.05, 0.95]. It ranks "verb with both roles" above "noun without roles".
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import Event, Span
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from .acled import AcledCoder
from .coreference import add_coreferent_mentions
from .fallback import fill_roles, other_party
from .index import RecordIndex
from .lexicon import EventLexicon, unnamed_table
from .links import (
    figures_of,
    governed_by,
    mention_tokens,
    place_of,
    statement_of,
    time_of,
)
from .merge import merge_events
from .mode import clause_chain, mode_of
from .plover import plover_category  # noqa: F401  (public: PLOVER's single category)
from .requests import obligation_requests
from .role_movers import passive_mover
from .roles import actor_in_np, actor_of, coordinated, recipient_of
from .territory import add_territory_targets, territory_place
from .triggers import _pos_key, find_triggers
from .unnamed import add_unnamed_parties, unnamed_doer, unnamed_means, unnamed_victim

_YEAR = re.compile(r"^(\d{4})")
_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
# Verbs whose lexicon prior is below this only make an event when an actor or recipient is
# found: "Russia provided rockets" is aid, "the plans provide tax advantages" is not.
WEAK_PRIOR = 0.55
# PLOVER manual 3.12.2: a protest by a government or organisation is a diplomatic protest (ACCUSE);
# PROTEST presumes collective physical action.
_VERBAL_PROTEST_LEMMAS = {"protest"}
_OFFICIAL_SECTORS = _STATE_SECTORS | {"IGO", "GOV"}


class EventsComponent:
    def __init__(self, lexicon: EventLexicon | None = None, acled: AcledCoder | None = None):
        self.lex = lexicon or EventLexicon.load()
        self.acled = acled or AcledCoder()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or not doc.has_annotation("DEP"):
            doc._.events = []
            return doc
        idx = RecordIndex(doc)
        pub_year = _publication_year(doc, idx)
        cands = find_triggers(doc, self.lex)
        with_rules = [(found, c.rule) for c in cands if (found := self._event(c, doc, idx, pub_year))]
        # the trigger word's ACLED default, which the ACLED coder refines (events/acled.py)
        hints = {id(e): rule.acled if e.type == rule.type else None for (e, _, _), rule in with_rules}
        coded = [found for found, _ in with_rules]
        events = [e for e, _, _ in coded] + obligation_requests(doc, self.lex, idx)
        doc._.events = merge_events(events, idx.time_value)
        add_unnamed_parties(doc, doc._.events, {id(e): parties for e, _, parties in coded if parties})
        add_territory_targets(doc, doc._.events, {id(e): place for e, place, _ in coded if place})
        # last: it reads the unnamed and territory parties
        self.acled.code(
            doc,
            doc._.events,
            hints,
            lambda tok: mode_of(tok, self.lex, clause_chain(tok), [], pub_year),
            lambda tok: bool((key := _pos_key(tok)) and self.lex.rules.get((tok.lemma_.lower(), key))),
        )
        # the later nouns that re-mention an event ("the shooting") become its mentions (events/coreference)
        add_coreferent_mentions(doc, doc._.events, idx)
        return doc

    def _event(self, cand, doc: Doc, idx: RecordIndex, pub_year: int | None):
        """The event of a trigger; the place that is its target if no recipient is
        (events/territory); its unnamed doer and victims where the parse names none (events/unnamed)."""
        tok, rule = cand.token, cand.rule
        chain = clause_chain(tok)
        mode = mode_of(tok, self.lex, chain, _years_below(tok, chain, idx, doc), pub_year)
        stmt = statement_of(tok, idx)
        within = (stmt.content.start, stmt.content.end) if stmt is not None else None
        actor, subj = actor_of(tok, self.lex, idx, within, rule.type, chain)
        recipient, obj = recipient_of(tok, rule.type, self.lex, idx, chain, rule.things)
        if actor is None and (mover := passive_mover(tok, rule.type, idx)) is not None:
            actor = mover  # "Russian troops were deployed to Belarus"
            recipient = None if recipient == mover else recipient
        if recipient == actor:
            recipient = None
        parsed = (actor is not None, recipient is not None)
        if rule.pos == "VERB" and rule.prior < WEAK_PRIOR and not any(parsed) and not _crowd_marches(rule.type, subj):
            return None  # a weak verb ("provide", "support") needs a party to count
        etype = rule.type
        if (
            etype == "PROTEST"
            and tok.lemma_.lower() in _VERBAL_PROTEST_LEMMAS
            and (_official(idx.actors.get(actor)) or _reports(tok, idx))
        ):
            etype = "ACCUSE"
            if recipient is None:  # its target is what it is about ("X is violating ..., Y protested")
                recipient = other_party(recipient_of(tok, etype, self.lex, idx, chain, rule.things)[0], actor)
        actor, recipient = fill_roles(tok, chain, etype, rule.things, self.lex, idx, within, actor, recipient, subj)
        conf = rule.prior + 0.1 * parsed[0] + 0.1 * parsed[1]
        conf += 0.05 * cand.context_matched
        if rule.pos == "NOUN" and not any(parsed):
            conf -= 0.1
        # the place of a bombing that is the subject is the event's ("a bombing near Samarra killed")
        avoid = set() if subj is not None and subj.lemma_.lower() in unnamed_means() else mention_tokens(subj)
        place = place_of(tok, chain, idx, avoid, within)
        # the parties coordinated with the ones the parse found ("Russia and Belarus held drills")
        co_actors = coordinated(subj, actor, idx) if actor is not None and actor == actor_in_np(subj, idx) else []
        co_recipients = (
            coordinated(obj, recipient, idx) if recipient is not None and recipient == actor_in_np(obj, idx) else []
        )
        event = Event(
            id="",
            type=etype,
            trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
            mode=mode,
            acled=None,
            actor=actor,
            recipient=recipient,
            co_actors=[a for a in co_actors if a != recipient],
            co_recipients=[r for r in co_recipients if r != actor and r not in co_actors],
            place=place,
            time=time_of(tok, chain, idx, within),
            figures=figures_of(tok, chain, idx),
            statement=stmt.id if stmt is not None else None,
            confidence=round(min(0.95, max(0.05, conf)), 2),
        )
        parties = {}
        if actor is None and (doer := unnamed_doer(tok, chain, subj, etype, mode, place, idx)):
            parties["actor"] = doer
        if recipient is None and (victim := unnamed_victim(tok, chain, etype, mode, place, idx)):
            parties["recipient"] = victim
        return event, territory_place(tok, chain, place, etype, idx), parties


def _crowd_marches(etype: str, subj: Token | None) -> bool:
    """A crowd word is the party of a demonstration ("thousands of protesters marched"): the doer
    the unnamed-party table names (events/unnamed), though no actor is recorded yet."""
    if etype != "PROTEST" or subj is None:
        return False
    heads = [subj] + [
        p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]  # "thousands of protesters"
    crowd = unnamed_table().get("crowd", {})
    return any(t.lemma_.lower() in crowd for t in heads)


def _reports(tok: Token, idx: RecordIndex) -> bool:
    """The verb reports what someone said ("X is failing to ..., a rights group protested";
    "protested that ..."): a verbal protest, not a demonstration."""
    if any(c.dep_ == "ccomp" for c in tok.children) or tok.dep_ == "parataxis":
        return True
    return any(s.cue is not None and s.cue.start <= tok.idx < s.cue.end for s in idx.statements)


def _official(actor) -> bool:
    return actor is not None and (
        actor.sector in _OFFICIAL_SECTORS
        or actor.kind == "country"
        or (actor.kind == "organisation" and actor.sector == "IGO")
    )


def _years_below(tok: Token, chain: list[Token], idx: RecordIndex, doc: Doc) -> list[int]:
    """Years of the time expressions attached to the trigger's clause ("since 1953")."""
    anchors = {t.i for t in chain}
    years: list[int] = []
    sent = tok.sent
    for i in range(sent.start, sent.end):
        t = doc[i]
        if i in idx.time:
            m = _YEAR.match(idx.time_value.get(idx.time[i]) or "")
        elif doc._.times is None and t.ent_type_ == "DATE":
            m = _YEAR_IN_TEXT.search(t.text)  # no times component: read the year off the text
        else:
            continue
        if m and governed_by(t, anchors, limit=4)[0]:
            years.append(int(m.group(1)))
    return years


def _publication_year(doc: Doc, idx: RecordIndex) -> int | None:
    pub = doc._.published
    if isinstance(pub, (dt.date, dt.datetime)):
        return pub.year
    if isinstance(pub, str) and _YEAR.match(pub):
        return int(pub[:4])
    years = [int(m.group(1)) for v in idx.time_value.values() if v and (m := _YEAR.match(v))]
    return max(years) if years else None


@Language.factory(
    "newsledger_events",
    requires=[
        "token.dep",
        "token.lemma",
        "doc.ents",
        "doc._.published",
        "doc._.actors",
        "doc._.places",
        "doc._.times",
        "doc._.figures",
        "doc._.statements",
    ],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(EventLexicon.load())
