"""A statement's identity is its speaker: two denials by different named organisations in one story
are two events; and the name variants of one office (an acronym, the office head a recogniser left
out of the name) are one organisation, so one office's statements still merge. Hand-built rows."""

from __future__ import annotations

import datetime as dt

from newsledger.ledger import identity, merge
from newsledger.ledger.merge import Cluster, Report


def _report(article: str, participants: list[str], **kw) -> Report:
    base = dict(
        event_id="e1",
        type="REJECT",
        mode="actual",
        date=dt.date(2019, 11, 18),
        dated=False,
        keywords={"denied", "swift"},
        sentence=5,
        story="s1",
        trigger="deni",
    )
    base.update(kw)
    return Report(article_id=article, participants=participants, **base)


def _cluster(*reports: Report) -> Cluster:
    dates = [r.date for r in reports if r.date]
    return Cluster(1, reports[0].type, reports[0].mode, min(dates), max(dates), list(reports))


SWIFT = ["S:p:swift", "N:=taylor swift"]


def test_two_denials_by_different_organisations_in_one_story_stay_apart():
    label = _cluster(_report("a", ["A:o:big machine", *SWIFT]))
    producer = _report("b", ["A:o:dick clark productions", *SWIFT])
    assert merge.compare(producer, label) is None
    same_speaker = merge.compare(_report("b", ["A:o:big machine", *SWIFT]), label)
    assert same_speaker and "same word deni" in same_speaker[1]


def test_any_statement_by_another_organisation_is_another_statement_but_not_a_charge_or_an_act():
    for kind in ("ACCUSE", "THREATEN", "REQUEST"):
        c = _cluster(_report("a", ["A:o:acme", "R:p:webb"], type=kind))
        assert merge.compare(_report("b", ["A:o:beta corp", "R:p:webb"], type=kind), c) is None
    # a charge is told by whichever body the outlet names (prosecutors, the Justice Department)
    charged = _cluster(_report("a", ["A:o:justice department", "R:p:webb"], type="ACCUSE", trigger="charg"))
    assert merge.compare(_report("b", ["A:o:fbi", "R:p:webb"], type="ACCUSE", trigger="charg"), charged)
    # an act is not its doer's statement: two forces may be named for one raid
    raid = _cluster(_report("a", ["A:o:acme", "R:p:webb"], type="COERCE"))
    assert merge.compare(_report("b", ["A:o:beta corp", "R:p:webb"], type="COERCE"), raid)


def test_a_person_beside_an_organisation_as_speaker_is_no_conflict():
    # a person may speak for an organisation (its spokesperson, its head)
    c = _cluster(_report("a", ["A:o:big machine", *SWIFT]))
    assert not merge._speakers_conflict(_report("b", ["A:p:borchetta", *SWIFT]), c)


VENTUREBEAT = "(Reuters) — The New York State Attorney General (NYAG) is investigating WeWork. The NYAG declined."
TECHCRUNCH = (
    "WeWork is being investigated by the New York State Attorney General. "
    "The New York State Attorney General’s office had no comment."
)


def _mentions(text: str, name: str) -> list[dict]:
    out, at = [], text.find(name)
    while at >= 0:
        out.append({"start": at, "end": at + len(name), "text": name})
        at = text.find(name, at + 1)
    return out


def _keys(text: str, names: list[str]) -> set[str]:
    actors = {f"a{i}": {"name": n, "kind": "organisation", "mentions": _mentions(text, n)} for i, n in enumerate(names)}
    return set(identity.keys_of(list(actors), identity.in_text(actors, text)))


def test_the_name_variants_of_an_attorney_generals_office_are_one_organisation():
    # the recogniser read "New York State" in "the New York State Attorney General"; NYAG its acronym
    venturebeat = _keys(VENTUREBEAT, ["NYAG", "New York State"])
    techcrunch = _keys(TECHCRUNCH, ["New York State"])
    assert venturebeat == techcrunch == {"o:new york state attorney general"}


def test_an_office_head_is_read_only_where_the_text_names_it():
    text = "New York State lawmakers met. New York State Police said. New York State was quiet."
    assert _keys(text, ["New York State"]) == {"o:new york state"}  # two of three mentions name no head


def test_an_acronym_leaves_out_at_most_one_inner_word_and_only_when_written_in_capitals():
    name = "new york state attorney general"
    assert identity._abbreviates("nyag", "NYAG", name)
    assert identity._abbreviates("nysag", "nysag", name)  # every initial: as written either way
    assert not identity._abbreviates("nyag", "Nyag", name)
    assert not identity._abbreviates("nag", "NAG", name)  # two words left out
    assert not identity._abbreviates("ng", "NG", name)
    assert not identity._abbreviates("eua", "EUA", "essa de que uma crianca")


def test_a_speaker_who_is_only_the_others_target_makes_another_statement():
    # "Assange sought refuge at the embassy" / "the US is seeking Assange's extradition"
    refuge = _cluster(_report("a", ["A:p:assange", "S:p:assange"], type="REQUEST", trigger="seek"))
    extradition = _report("b", ["A:c:USA", "R:p:assange", "S:p:assange"], type="REQUEST", trigger="seek")
    assert merge._speakers_conflict(extradition, refuge)
    assert merge.compare(extradition, refuge) is None
    again = _report("b", ["A:p:assange", "S:p:assange"], type="REQUEST", trigger="seek")
    assert not merge._speakers_conflict(again, refuge)
    # both speak to each other in one exchange: each is a doer on both sides, no reversal
    both = _cluster(_report("a", ["A:p:assange", "R:p:ny"], type="REQUEST"))
    assert not merge._speakers_conflict(_report("b", ["A:p:assange", "R:p:ny"], type="REQUEST"), both)
