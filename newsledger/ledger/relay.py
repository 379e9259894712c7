"""Relayed vs independent: the origin a report rests on, so repeats of one origin count once.

A statement relayed "according to Yonhap" rests on Yonhap; a report without a statement rests
on its outlet (a wire copy on its canonical article's outlet). Outlets and sources share one
name space, so an outlet quoting Continental Wire and Continental Wire itself are one source.
"""
from __future__ import annotations

import re

_LEAD = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def norm(name: str | None) -> str | None:
    if not name:
        return None
    name = _LEAD.sub("", " ".join(name.split())).strip(" .,'\"").lower()
    return name.removesuffix("'s") or None


def chain(statement_id: str | None, statements: dict[str, dict]) -> list[str]:
    """Source names from the statement to its origin, following `via` (cycles cut)."""
    out, seen = [], set()
    while statement_id and statement_id in statements and statement_id not in seen:
        seen.add(statement_id)
        st = statements[statement_id]
        source = st.get("source_actor_name") or (st.get("source") or {}).get("text")
        if source:
            out.append(source)
        statement_id = st.get("via")
    return out


def origin(statement_id: str | None, statements: dict[str, dict], outlet: str | None) -> str:
    """The normalized name of the origin: the end of the relay chain, else the outlet."""
    names = chain(statement_id, statements)
    return norm(names[-1]) if names else (norm(outlet) or "unknown outlet")
