"""The means and the doer of violence in the ACLED Codebook's terms, for acled.py: a state's
bombing is an air strike, an explosion with no device nor armed party is no remote violence, and
the actor an event made from a cue word has (acled_fallback.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from ...records import Actor
from .acled_cues import Cue
from .acled_report import doer_phrase, people_doer
from .acled_strategic import FORCE_SECTORS, state_party

# Bombing words that name no device: what bombs decides (a state bombs from the air).
BOMBING = frozenset({"bomb", "bombed", "bombing", "bombings", "bombs"})
COALITIONS = frozenset({"coalition", "nato", "army", "military", "government", "regime"})
# Explosion words that name no device (a bomb, an IED, a mine): what exploded decides.
BLASTS = frozenset(
    {"blast", "blasts", "explosion", "explosions", "explode", "exploded", "exploding", "explodes", "detonation"}
    | {"detonations", "up"}
)


def named_doer(tok: Token, actors: dict[str, Actor]) -> str | None:
    """The actor the trigger's subject names, for an event made from a cue word (acled_fallback.py),
    which the role finder never saw."""
    # a cue noun that is an object: its verb's subject ("the Islamic State named a new leader")
    subject = doer_phrase(tok.head if tok.dep_ == "dobj" else tok)
    if subject is None:
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return next(
        (
            a.id
            for a in actors.values()
            if a.kind != "location" and any(start <= m.start and m.end <= end for m in a.mentions)
        ),
        None,
    )


def state_bombs(tok: Token, cues: list[Cue], actor: Actor | None) -> bool:
    """A state's forces or a foreign coalition bomb, no device named ("government forces bombed
    rebel-held areas", "coalition bombing killed 15"): states bomb from the air (codebook,
    Air/drone strike: bombs dropped from aircraft); Remote explosive/landmine/IED is a device
    planted or thrown by an attacker who is not there when it goes off."""
    explosive = [c for c in cues if c.cls == "explosive"]
    if not explosive or any(c.text.lower() not in BOMBING for c in explosive):
        return False
    if state_party(actor):
        return True
    subject = doer_phrase(tok)
    near = list(subject.subtree) if subject is not None else []
    if tok.dep_ == "acl" and any(c.dep_ == "dobj" for c in tok.children):
        near.append(tok.head)  # "the coalition bombed positions" parsed as a noun and its clause
    near += [t for c in explosive for t in tok.doc[c.start].children if t.dep_ in ("compound", "amod", "poss")]
    return any(t.lemma_.lower() in COALITIONS for t in near)


def names_device(cues: list[Cue]) -> bool:
    """An explosive word that names a device ("a bomb", "an IED"), not only a blast ("an
    explosion")."""
    return any(c.cls == "explosive" and c.text.split()[-1] not in BLASTS for c in cues)


def blast_only(cues: list[Cue], around: set[str], actor: Actor | None, tok: Token) -> bool:
    """An explosion no device and no armed party is told with ("a furnace exploded", "a blast at a
    chemical plant"): the codebook's Remote explosive/landmine/IED is a device detonated (a bomb,
    an IED, a landmine), so this is no remote violence, and perhaps an accident."""
    if not any(c.cls == "explosive" for c in cues) or names_device(cues):
        return False
    armed = actor is not None and actor.sector in FORCE_SECTORS
    return not (armed or "armed" in {c.cls for c in cues} | around or people_doer(tok))
