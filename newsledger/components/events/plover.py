"""plover_category(): the single category a PLOVER coder gives an event of a type and mode."""

from __future__ import annotations

# PLOVER codes intentions and refusals as speech acts: a future cooperative action, including
# an intent to yield, release or withdraw, is AGREE (manual 3.1; CAMEO2PLOVER-2021 rows 03x
# "express intent to ..."), a future hostile action THREATEN (CAMEO 13x "threaten to ..."),
# a refused cooperative action REJECT (manual 3.10). newsledger keeps the action and its mode
# apart ("planned MOBILIZE"); plover_category() gives the PLOVER coder's single category.
# (The manual's 3.7.2 would code a future retreat CONCEDE; the table and gold records say AGREE.)
_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
_HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
_INTENT = {"planned", "possible", "hypothetical"}  # incl. conditional promises and threats ("unless ...")


def plover_category(event_type: str, mode: str) -> str:
    """The category a PLOVER coder would give an event of this type and mode."""
    if mode in _INTENT:
        if event_type in _COOPERATIVE:
            return "AGREE"
        if event_type in _HOSTILE:
            return "THREATEN"
    if mode == "negated" and event_type in _COOPERATIVE | {"AGREE"}:
        return "REJECT"
    return event_type
