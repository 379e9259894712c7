"""Relayed vs independent: the origin a claim rests on, so repeats of one origin count once.

A claim's origin is its claimant: the source of the statement holding it, however many outlets
relayed it ("the JCS said ..., according to Yonhap" rests on the JCS, not on Yonhap); a report
without a statement rests on its outlet (a wire copy on its canonical article's outlet). Name
variants of one source collapse to one canonical name (identity.py: "The JCS", "South Korea's
military" and "Joint Chiefs of Staff" are one; "Ms Persson" is the article's "Eva-Marie Persson").
Outlets and sources share one name space, so an outlet and a statement naming it are one source.
"""

from __future__ import annotations

from . import identity

_BODY_NAMES = {
    "MIL": "military",
    "COP": "police",
    "GOV": "government",
    "SPY": "intelligence",
    "REB": "rebels",
    "JUD": "judiciary",
    "LEG": "legislature",
}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which"})


def norm(name: str | None) -> str | None:
    n = identity.norm(name)
    return identity.aliases().get(n, n) or None


def chain(statement_id: str | None, statements: dict[str, dict]) -> list[str]:
    """Source names from the statement holding the claim outwards to the last relay, following
    `via` (cycles cut)."""
    out, seen = [], set()
    while statement_id and statement_id in statements and statement_id not in seen:
        seen.add(statement_id)
        st = statements[statement_id]
        source = st.get("source_actor_name") or (st.get("source") or {}).get("text")
        if source:
            out.append(source)
        statement_id = st.get("via")
    return out


def _canonical(actor: dict, actors: dict[str, dict]) -> str | None:
    names = {identity.norm(a.get("name")) for a in actors.values()}
    key = identity.key(actor, names)
    if key is None:
        return None
    kind, _, rest = key.partition(":")
    if kind == "p":  # the fullest name the article gives this person
        full = [
            identity.norm(a.get("name"))
            for a in actors.values()
            if (a.get("kind") or "") == "person" and identity.key(a, names) == key
        ]
        return max(full, key=lambda n: (len(n.split()), len(n)), default=rest)
    if kind == "f":
        country, _, sector = rest.partition(":")
        return f"{country} {_BODY_NAMES.get(sector, sector.lower())}"
    return rest


def origin(
    statement_id: str | None, statements: dict[str, dict], outlet: str | None, actors: dict[str, dict] | None = None
) -> str:
    """The canonical name of the claim's origin: the innermost named source of the statement chain
    (a pronoun is skipped for the next source out), else the outlet."""
    seen = set()
    while statement_id and statement_id in statements and statement_id not in seen:
        seen.add(statement_id)
        st = statements[statement_id]
        actor = (actors or {}).get((st.get("source") or {}).get("actor") or "")
        if actor:
            name = _canonical(actor, actors or {})
            if name:
                return name
        text = st.get("source_actor_name") or (st.get("source") or {}).get("text")
        n = norm(text)
        if n and n not in _PRONOUNS:
            return n
        statement_id = st.get("via")
    return norm(outlet) or "unknown outlet"
