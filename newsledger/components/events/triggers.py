"""Finding event triggers: one dict lookup per token on (lemma, POS), then a check of the
trigger's arguments against the rule's context words. Linear in the number of tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..common.boilerplate import boilerplate_sentences
from ..common.doc_cache import doc_tokens
from .lexicon import EventLexicon, TriggerRule

# Argument relations whose words can satisfy a rule's context ("launch" + missiles).
_ARG_DEPS = {"dobj", "dative", "nsubjpass", "attr", "oprd", "pobj", "nsubj", "appos", "acomp"}
_MOD_DEPS = {"compound", "amod", "nmod", "conj", "nummod"}
# Entities whose words are names, not events ("Operation Storm", "Peace Talks Act").
_NAME_ENTS = {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LOC", "NORP"}
# Words for one person: a pronoun's owner or doer ("his rallies", "she held a rally").
_ONE_PERSON = {"he", "she", "his", "her"}


@dataclass
class Candidate:
    token: Token
    rule: TriggerRule
    context_matched: bool


def argument_lemmas(tok: Token) -> set[str]:
    """Lemmas of the trigger's particles, prepositions, objects and their modifiers."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if any(g.ent_type_ in ("DATE", "TIME") for g in objs):
                continue  # "called on Monday" is no "call on"
            out.add(c.lemma_.lower())
            for g in objs:
                _add_np(g, out)
            continue
        out.add(c.lemma_.lower())
        if (word := _hyphenated(c)) is not None:
            out.add(word)  # "an open-ended strike": one word in the lexicon
        if c.dep_ in ("xcomp", "ccomp", "dobj"):
            out.add(f"<{c.dep_}>")  # "offered to mediate": an offer to do something
        if c.dep_ in ("advcl", "ccomp"):  # "pushing for the US to support ...": push for
            out.update(m.lemma_.lower() for m in c.children if m.dep_ == "mark" and m.lower_ == "for")
        if c.dep_ in _ARG_DEPS or c.dep_ in _MOD_DEPS:
            _add_np(c, out)
    return out


def _hyphenated(tok: Token) -> str | None:
    """The hyphenated word a token ends ("open-ended"), which spaCy splits into three."""
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_:
        return f"{tok.nbor(-2).lower_}-{tok.lower_}"
    return None


def _add_np(head: Token, out: set[str]) -> None:
    out.add(head.lemma_.lower())
    for g in head.children:
        if g.dep_ in _MOD_DEPS:
            out.add(g.lemma_.lower())
            if g.dep_ == "conj":  # "troops and equipment" -> both count
                for gg in g.children:
                    if gg.dep_ in ("compound", "amod"):
                        out.add(gg.lemma_.lower())
        elif g.dep_ == "prep" and g.lemma_.lower() == "of":  # "a barrage of missiles"
            for p in g.children:
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
                    out.update(m.lemma_.lower() for m in p.children if m.dep_ in ("compound", "amod"))


def _pos_key(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_):
        return "NOUN"
    return None


def _fallback_rules(tok: Token, key: str, lex: EventLexicon):
    """The lemmatizer sometimes mangles a word ("staged" -> "stag"); try the regular
    inflection stripped off the surface form before giving up."""
    low = tok.lower_
    for suffix, add in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            rules = lex.rules.get((low[: -len(suffix)] + add, key))
            if rules:
                return rules
    return None


def match_rule(tok: Token, rules: list[TriggerRule]) -> tuple[TriggerRule, bool] | None:
    args: set[str] | None = None  # read once, and only when a rule needs them
    for rule in rules:
        if not rule.context and not rule.exclude:
            return rule, False
        if args is None:
            args = argument_lemmas(tok)
        if args & rule.exclude:
            continue  # "released a statement", "fight the charges"
        if not rule.context:
            return rule, False
        if any(args & alt for alt in rule.context):
            return rule, True
    return None


def find_triggers(doc: Doc, lex: EventLexicon) -> list[Candidate]:
    found: list[Candidate] = []
    skip_sents = {start for start, _end in boilerplate_sentences(doc)}
    people = None
    for tok in doc_tokens(doc):
        key = _pos_key(tok)
        if key is None:
            continue
        rules = lex.rules.get((tok.lemma_.lower(), key)) or _fallback_rules(tok, key, lex)
        if not rules:
            continue
        if key == "NOUN" and (
            tok.ent_type_ in _NAME_ENTS or (tok.dep_ == "compound" and tok.head.lemma_.lower() not in lex.frames)
        ):
            continue  # "attack helicopter" is no attack; "mediation effort" is one
        if skip_sents and tok.sent.start in skip_sents:
            continue
        if key == "VERB" and _adjectival(tok, lex):
            continue  # "as demanding as", "a very threatening tone"
        hit = match_rule(tok, rules)
        if hit and hit[0].type == "PROTEST":
            people = _person_tokens(doc) if people is None else people
            if _campaign_event(tok, lex, people):
                continue
        if hit:
            found.append(Candidate(tok, hit[0], hit[1]))
    return _drop_absorbed(found)


def _campaign_event(tok: Token, lex: EventLexicon, people: set[int]) -> bool:
    """A rally one person holds, addresses or is named in, with no cause below it ("Trump said
    at a rally in Louisiana", "Cruz's rally", "Sanders held a rally"): a campaign event. Crowds
    protest; one politician campaigns. `people`: tokens of the persons the actors component found."""
    gathering = (
        tok
        if tok.lemma_.lower() in lex.gatherings
        else next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.gatherings), None)
    )
    if gathering is None:
        return False
    args = argument_lemmas(gathering) if gathering is tok else argument_lemmas(gathering) | argument_lemmas(tok)
    if args & lex.causes:
        return False

    def one_person(t: Token) -> bool:
        return t.i in people or t.ent_type_ == "PERSON" or t.lower_ in _ONE_PERSON

    if any(one_person(c) for c in gathering.children if c.dep_ in ("poss", "compound", "nmod")):
        return True  # "Trump rally", "Cruz's rally"
    if any(
        one_person(p)
        for c in gathering.children
        if c.dep_ == "prep" and c.lower_ in ("for", "of")
        for p in c.children
        if p.dep_ == "pobj"
    ):
        return True  # "a rally for Ted Cruz"
    verb = tok if tok is not gathering else next((a for a in gathering.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.dep_ in ("acl", "relcl") and not any(
        c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children
    ):
        return one_person(verb.head)  # "Rubio, speaking at a rally", "Sanders, who held a rally"
    return any(c.dep_ == "nsubj" and one_person(c) for c in verb.children)


def _person_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside mentions of person actors (doc._.actors; none without it)."""
    out: set[int] = set()
    for a in doc._.actors or []:
        if a.kind != "person":
            continue
        for m in a.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


def _adjectival(tok: Token, lex: EventLexicon) -> bool:
    """A participle graded like an adjective ("as demanding as", "a very threatening tone")
    describes, it does not report an act; the degree word comes right before it."""
    return tok.tag_ in ("VBG", "VBN") and any(
        c.dep_ == "advmod" and c.i == tok.i - 1 and c.lower_ in lex.degree for c in tok.children
    )


def _drop_absorbed(cands: list[Candidate]) -> list[Candidate]:
    """A noun trigger that is the argument of another trigger is part of that event
    ("launched an attack", "called for sanctions", "agreed to a ceasefire")."""
    at = {c.token.i: c for c in cands}
    kept = []
    for c in cands:
        t = c.token
        if c.rule.pos == "NOUN":
            head = t.head
            if head.dep_ in ("prep", "agent", "dative") and head.head.i != t.i:
                head = head.head
            owner = at.get(head.i) if head.i != t.i else None
            if owner is not None:
                # A light verb takes the more specific reading of its object noun:
                # "conducted GPS jamming attacks" is COERCE, not the ASSAULT of "conduct attacks".
                if c.context_matched and owner.context_matched and owner.rule.pos == "VERB":
                    owner.rule = c.rule
                continue
        kept.append(c)
    return kept
