"""The statement lexicons (statements/data/*.tsv), loaded once per component."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...tables import read_rows

DATA = "newsledger.components.statements"  # tables in statements/data/


@dataclass(frozen=True)
class CueVerb:
    lemma: str  # "say", or "rule out" for verb + particle
    certainty: str
    negated: str  # certainty when the cue verb is negated
    frames: str  # complements that can be the content: q c x o p (see the TSV header)


@dataclass
class StatementLexicon:
    verbs: dict[str, CueVerb] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)  # lemma -> certainty
    channels: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    markers: dict[str, str] = field(default_factory=dict)  # word -> certainty
    anaphors: dict[str, str] = field(default_factory=dict)  # word -> person|group
    # word -> (gender m|f|-, number sg|pl) of a pronoun or short reference ("she", "they")
    anaphor_traits: dict[str, tuple[str, str]] = field(default_factory=dict)
    person_nouns: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> f, "official" -> -
    first_names: dict[str, str] = field(default_factory=dict)  # "hillary" -> f
    adjectives: dict[str, str] = field(default_factory=dict)  # predicative adjective -> certainty
    agent_nouns: dict[str, str] = field(default_factory=dict)  # "supporter" (of) -> certainty
    colon_labels: frozenset[str] = frozenset()  # "note" (Editor's note:), not speakers
    light_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # verb -> nouns only it makes cues
    clear_adjectives: frozenset[str] = frozenset()  # "made (it) clear that"
    evidence_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "poll" -> {"in"}
    finding_nouns: frozenset[str] = frozenset()  # "study": its "found" reports an object too

    @classmethod
    def load(cls) -> StatementLexicon:
        verbs = {}
        for row in read_rows(DATA, "cue_verbs.tsv"):
            defaults = ["", "asserted", "asserted", "qcp"]
            lemma, cert, neg, frames = row[:4] + defaults[len(row) :]
            if "o" in frames and "p" not in frames:
                frames += "p"  # a transitive cue's passive with an agent: "is reviled by X"
            verbs[lemma.lower()] = CueVerb(lemma.lower(), cert, neg, frames)
        nouns = {r[0].lower(): (r[1] if len(r) > 1 else "asserted") for r in read_rows(DATA, "cue_nouns.tsv")}
        channels = frozenset(r[0].lower() for r in read_rows(DATA, "channels.tsv"))
        hedges = frozenset(r[0].lower() for r in read_rows(DATA, "hedges.tsv"))
        markers = {r[0].lower(): r[1] for r in read_rows(DATA, "certainty_markers.tsv")}
        pronoun_rows = read_rows(DATA, "pronouns.tsv", width=4)
        anaphors = {r[0].lower(): r[1] for r in pronoun_rows}
        anaphor_traits = {r[0].lower(): (r[2], r[3]) for r in pronoun_rows}
        person_nouns = {r[0].lower(): r[1] for r in read_rows(DATA, "person_nouns.tsv", width=2)}
        first_names = {r[0].lower(): r[1] for r in read_rows(DATA, "first_names.tsv", width=2)}
        adjectives = {r[0].lower(): (r[1] if len(r) > 1 else "asserted") for r in read_rows(DATA, "cue_adjectives.tsv")}
        light = {
            r[0].lower(): frozenset(n.strip().lower() for n in (r[1] if len(r) > 1 else "").split(",") if n.strip())
            for r in read_rows(DATA, "light_verbs.tsv")
        }
        clear = frozenset(r[0].lower() for r in read_rows(DATA, "clear_adjectives.tsv"))
        agent_nouns = {
            r[0].lower(): (r[1] if len(r) > 1 else "asserted") for r in read_rows(DATA, "cue_agent_nouns.tsv")
        }
        labels = frozenset(r[0].lower() for r in read_rows(DATA, "colon_labels.tsv"))
        evidence = {
            r[0].lower(): frozenset(p.strip().lower() for p in r[1].split(",") if p.strip())
            for r in read_rows(DATA, "evidence_nouns.tsv", width=2)
        }
        findings = frozenset(r[0].lower() for r in read_rows(DATA, "finding_nouns.tsv"))
        return cls(
            verbs,
            nouns,
            channels,
            hedges,
            markers,
            anaphors,
            adjectives=adjectives,
            agent_nouns=agent_nouns,
            light_verbs=light,
            clear_adjectives=clear,
            colon_labels=labels,
            anaphor_traits=anaphor_traits,
            person_nouns=person_nouns,
            first_names=first_names,
            evidence_nouns=evidence,
            finding_nouns=findings,
        )

    def verb(self, token: Token) -> tuple[CueVerb | None, Token | None]:
        """The cue entry of a verb token and its particle or preposition token ("rule out",
        "call for"), if the lexicon lists the pair; else the entry of the bare verb."""
        lemma = token.lemma_.lower()
        three = self._three_word(token, lemma)
        if three is not None:
            return three
        # "as the memo put it": a verb with a bare "it" object, listed as "put it"
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.i == token.i + 1 and c.lower_ == "it"), None)
        if obj is not None and f"{lemma} it" in self.verbs:
            return self.verbs[f"{lemma} it"], obj
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i > token.i:
                entry = self.verbs.get(f"{lemma} {child.lower_}")
                if entry:
                    return entry, child
            # "is calling for X to step down": the parser hangs the "for" on the clause
            elif child.dep_ == "advcl" and child.left_edge.dep_ == "mark" and child.left_edge.i > token.i:
                entry = self.verbs.get(f"{lemma} {child.left_edge.lower_}")
                if entry and "a" in entry.frames:
                    return entry, child.left_edge
        return self.verbs.get(lemma), None

    def _three_word(self, token, lemma: str):
        """Verb + particle + preposition ("lashed out at", "spoke out against", "weighed in on"):
        the parser hangs the preposition on the verb or on the particle; the longest entry wins."""
        for prt in token.children:
            if prt.dep_ != "prt" or prt.i <= token.i:
                continue
            for prep in list(token.children) + list(prt.children):
                if prep.dep_ == "prep" and prt.i < prep.i <= prt.i + 2:
                    entry = self.verbs.get(f"{lemma} {prt.lower_} {prep.lower_}")
                    if entry:
                        return entry, prep
        return None
