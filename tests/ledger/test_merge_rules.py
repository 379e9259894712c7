"""The merge rules on hand-built reports: positive evidence merges (shared participants by role, the
same specific place, in one story; stronger evidence across stories), a type and shared words never
do, conflicts rule out, a merged event is compared as a whole (no chaining drift), and folding."""

from __future__ import annotations

import datetime as dt

from newsledger.ledger import merge
from newsledger.ledger.merge import Cluster, Report

MOSUL = dict(place_name="Mosul", lat=36.34, lon=43.13, place_kind="city")
OLD_CITY = dict(place_name="Mosul old city", lat=36.35, lon=43.14, place_kind="district")


def _report(article: str, **kw) -> Report:
    base = dict(
        event_id="e1",
        type="ASSAULT",
        mode="actual",
        date=dt.date(2025, 4, 7),
        dated=False,
        keywords={"car", "bomb", "market"},
        sentence=4,
        story="s1",
    )
    base.update(kw)
    return Report(article_id=article, **base)


def _cluster(*reports: Report, id: int = 1) -> Cluster:
    dates = [r.date for r in reports if r.date]
    return Cluster(id, reports[0].type, reports[0].mode, min(dates), max(dates), list(reports))


def test_a_shared_target_person_or_doer_and_target_in_one_story_merge_and_say_so():
    c = _cluster(_report("a", participants=["A:o:islamic state", "R:p:ahmed", "R:o:iraqi army"]))
    found = merge.compare(_report("b", participants=["R:p:ahmed"]), c)
    assert found and "same participants R:p:ahmed" in found[1] and "same story" in found[1]
    assert merge.compare(_report("b", participants=["A:o:islamic state", "R:o:iraqi army"]), c)


def test_a_shared_doer_alone_is_no_evidence():
    # A government, a company or a president (a public figure: marked G:) does many things of one kind.
    c = _cluster(_report("a", participants=["A:p:trump", "R:p:biden", "G:p:trump"]))
    assert merge.compare(_report("b", participants=["A:p:trump", "G:p:trump"]), c) is None
    assert merge.compare(_report("b", participants=["A:p:trump", "G:p:trump"], story="s2"), c) is None
    company = _cluster(_report("a", participants=["A:o:acme", "R:o:beta"]))
    assert merge.compare(_report("b", participants=["A:o:acme"]), company) is None


def test_a_public_figure_as_the_shared_target_in_one_story_is_no_evidence():
    # Businesses support Trump's efforts; a group applauded Trump's tariffs: two acts, one story.
    backed = _cluster(_report("a", type="SUPPORT", participants=["A:o:businesses", "R:p:trump", "G:p:trump"]))
    group = ["A:o:alliance", "R:p:trump", "G:p:trump"]
    assert merge.compare(_report("b", type="SUPPORT", participants=group), backed) is None
    private = _cluster(_report("a", type="SUPPORT", participants=["A:o:businesses", "R:p:webb"]))
    # (another named organisation's support would be another statement: test_speakers.py)
    assert merge.compare(_report("b", type="SUPPORT", participants=["R:p:webb"]), private)


def test_a_private_person_who_attacked_or_was_attacked_is_one_event_in_any_story():
    c = _cluster(_report("a", participants=["A:p:hiller", "N:=yvonne hiller", "S:p:hiller"]))
    found = merge.compare(_report("b", participants=["A:p:hiller", "N:=yvonne hiller"], story="s2"), c)
    assert found and "the same private person A:p:hiller; another story" in found[1]
    webb = ["R:p:webb", "N:=michael webb"]
    arrested = _cluster(_report("a", type="COERCE", participants=webb))
    assert merge.compare(_report("b", type="COERCE", participants=webb, story="s2"), arrested)
    # Across stories a surname is many people: the full names must agree.
    thomas = _cluster(_report("a", participants=["R:p:thomas", "N:=pierre thomas"]))
    other = _report("b", participants=["R:p:thomas", "N:=mark thomas"], story="s2")
    assert merge.compare(other, thomas) is None
    assert merge.compare(_report("b", participants=["R:p:thomas"], story="s2"), thomas) is None
    assert merge.compare(_report("b", participants=["R:p:thomas", "N:=mark thomas"]), thomas)  # one story
    # Talk repeats: a person's accusations or denials are many, in one story or another.
    talk = _cluster(_report("a", type="ACCUSE", participants=["A:p:swift", "S:p:swift"]))
    assert merge.compare(_report("b", type="ACCUSE", participants=["A:p:swift"], story="s2"), talk) is None
    assert merge.compare(_report("b", type="ACCUSE", participants=["S:p:swift"]), talk) is None


def test_in_one_story_a_private_person_named_by_both_sentences_tells_one_attack():
    c = _cluster(_report("a", participants=["S:p:webb"]))
    found = merge.compare(_report("b", participants=["S:p:webb"]), c)
    assert found and "both name p:webb; same story" in found[1]
    assert merge.compare(_report("b", participants=["S:p:webb"], story="s2"), c) is None


def test_an_articles_own_city_yields_to_a_private_person_a_named_place_does_not():
    amman = dict(place_name="Amman", lat=31.95, lon=35.93, place_kind="city (the article's)")
    philly = dict(place_name="Philadelphia", lat=39.95, lon=-75.16, place_kind="city (the article's)")
    c = _cluster(_report("a", participants=["A:p:hiller", "N:=yvonne hiller"], **amman))
    assert merge.compare(_report("b", participants=["A:p:hiller", "N:=yvonne hiller"], story="s2", **philly), c)
    named = dict(philly, place_kind="city")
    assert (
        merge.compare(
            _report("b", participants=["A:p:hiller", "N:=yvonne hiller"], story="s2", **named),
            _cluster(_report("a", participants=["A:p:hiller", "N:=yvonne hiller"], **dict(amman, place_kind="city"))),
        )
        is None
    )


def test_charges_for_different_offences_are_two_events():
    rape = _report("a", type="ACCUSE", participants=["R:p:assange"], keywords={"accus", "rape", "woman"})
    spying = _report("b", type="ACCUSE", participants=["R:p:assange"], keywords={"charg", "espionage"})
    assert merge.compare(spying, _cluster(rape)) is None
    again = _report("b", type="ACCUSE", participants=["R:p:assange"], keywords={"rape", "allegation"})
    assert merge.compare(again, _cluster(rape))


def test_the_same_specific_place_in_one_story_merges_a_town_only_for_the_leads():
    c = _cluster(_report("a", **OLD_CITY))
    found = merge.compare(_report("b", **OLD_CITY), c)
    assert found and "same place Mosul old city" in found[1]
    # A story about a city happens in that city: the city alone tells one event for the leads only.
    town = _cluster(_report("a", **MOSUL))
    assert merge.compare(_report("b", **MOSUL), town) is None
    lead = merge.compare(_report("b", sentence=0, **MOSUL), _cluster(_report("a", sentence=1, **MOSUL)))
    assert lead and "same place Mosul" in lead[1]


def test_a_type_and_shared_words_never_merge():
    c = _cluster(_report("a", keywords={"police", "shot", "man"}))
    assert merge.compare(_report("b", keywords={"police", "shot", "man"}), c) is None


def test_a_shared_country_is_no_evidence():
    c = _cluster(
        _report(
            "a", actor_country="IRQ", place_country="IQ", place_name="Iraq", place_kind="country", lat=33.0, lon=44.0
        )
    )
    assert (
        merge.compare(
            _report(
                "b",
                actor_country="IRQ",
                place_country="IQ",
                place_name="Iraq",
                place_kind="country",
                lat=33.0,
                lon=44.0,
            ),
            c,
        )
        is None
    )


def test_across_stories_only_strong_evidence_merges():
    c = _cluster(_report("a", participants=["A:o:islamic state"], **MOSUL))
    assert merge.compare(_report("b", story="s2", participants=["A:o:islamic state"]), c) is None
    assert merge.compare(_report("b", story="s2", **MOSUL), c) is None
    both = merge.compare(_report("b", story="s2", participants=["A:o:islamic state"], **MOSUL), c)
    assert both and "another story" in both[1]
    two = _cluster(_report("a", participants=["A:o:islamic state", "R:p:ahmed"]))
    assert merge.compare(_report("b", story="s2", participants=["A:o:islamic state", "R:p:ahmed"]), two)
    title = _cluster(_report("a", participants=["A:p:klitschko", "R:o:ibf"]))  # defended twice, months apart
    later = dt.date(2025, 6, 7)
    assert merge.compare(_report("b", story="s2", date=later, participants=["A:p:klitschko", "R:o:ibf"]), title) is None
    company = _cluster(_report("a", participants=["A:o:acme", "R:o:ibf"]))  # a named organisation: no
    assert merge.compare(_report("b", story="s2", participants=["A:o:acme", "R:o:ibf"]), company) is None
    forces = _cluster(_report("a", participants=["A:f:RUS:MIL", "R:f:UKR:MIL"]))  # forces are not named parties
    assert merge.compare(_report("b", story="s2", participants=["A:f:RUS:MIL", "R:f:UKR:MIL"]), forces) is None


def test_conflicts_rule_out_even_with_evidence():
    c = _cluster(_report("a", participants=["A:o:islamic state", "A:p:ahmed"], **MOSUL))
    same = dict(participants=["A:o:islamic state"])
    assert merge.compare(_report("b", type="PROTEST", **same), c) is None
    assert merge.compare(_report("b", mode="planned", **same), c) is None
    assert merge.compare(_report("b", place_name="Erbil", lat=36.19, lon=44.01, place_kind="city", **same), c) is None
    assert merge.compare(_report("b", date=dt.date(2025, 4, 20), **same), c) is None
    # Both name who did it, and no one in common: two events, whatever else they share.
    assert merge.compare(_report("b", participants=["A:o:islamic state", "A:p:karim"]), c) is None
    assert merge.compare(_report("b", participants=["A:p:karim"], **MOSUL), c) is None
    # Doers of different countries: Sweden's prosecutors and the US Justice Department.
    sweden = _cluster(_report("a", type="ACCUSE", actor_country="SWE", participants=["R:p:assange"]))
    us = _report("b", type="ACCUSE", actor_country="USA", participants=["R:p:assange"])
    assert merge.compare(us, sweden) is None


def test_a_stand_in_place_rules_out_but_never_merges():
    inferred = dict(MOSUL, place_kind="city (the article's)")
    c = _cluster(_report("a", **inferred))
    assert merge.compare(_report("b", **inferred), c) is None
    assert merge.compare(_report("b", **MOSUL), c) is None
    erbil = dict(place_name="Erbil", lat=36.19, lon=44.01, place_kind="city (the article's)")
    d = _cluster(_report("a", participants=["A:o:islamic state"], **MOSUL))
    assert merge.compare(_report("b", participants=["A:o:islamic state"], **erbil), d) is None


def test_a_report_is_compared_with_the_merged_event_as_a_whole():
    # Three articles name Islamic State; one of them also names a militia. A report sharing only
    # the militia does not join: it is not what the merged event is about (no chaining drift).
    c = _cluster(
        _report("a", participants=["R:p:ahmed"]),
        _report("b", participants=["R:p:ahmed"]),
        _report("c", participants=["R:p:ahmed", "R:p:hassan"]),
    )
    assert merge.compare(_report("d", participants=["R:p:hassan"]), c) is None
    assert merge.compare(_report("d", participants=["R:p:ahmed"]), c) is not None


def test_events_of_one_article_merge_within_a_window_not_a_chain():
    first = _report("a", sentence=0, keywords=set(), story="s9")
    c = _cluster(first, _report("a", event_id="e2", sentence=2, story="s9"))
    near = merge.compare(_report("a", event_id="e3", sentence=1, story="s9"), c)
    assert near and "same article" in near[1]
    assert merge.compare(_report("a", event_id="e4", sentence=4, story="s9"), c) is None  # 2 past e2, 4 past e1
    same = merge.compare(_report("a", event_id="e5", sentence=2, story="s9"), c)
    assert same and "same sentence" in same[1]


def test_a_nearby_sentence_joins_only_on_its_own_arguments():
    first = _report("a", sentence=0, trigger="investig", participants=["A:p:trump", "R:p:biden"])
    c = _cluster(first)
    # Its own doer, not the first one's, and another word: "Trump slammed the hearings".
    assert (
        merge.compare(_report("a", event_id="e2", sentence=1, trigger="slam", participants=["A:p:pelosi"]), c) is None
    )
    word = merge.compare(_report("a", event_id="e3", sentence=2, trigger="investig", participants=["A:p:pelosi"]), c)
    assert word is None  # a different named doer is a conflict, whatever the word
    again = merge.compare(_report("a", event_id="e4", sentence=2, trigger="investig"), c)
    assert again and "same word investig" in again[1]
    bare = merge.compare(_report("a", event_id="e5", sentence=1, trigger="wound"), c)  # "21 were wounded"
    assert bare and "naming no one" in bare[1]
    who = merge.compare(_report("a", event_id="e6", sentence=1, trigger="alleg", participants=["R:p:biden"]), c)
    assert who and "same participants R:p:biden" in who[1]
    other = merge.compare(_report("a", event_id="e7", sentence=1, trigger="slam", participants=["R:p:williams"]), c)
    assert other is None


def test_the_lead_events_of_two_articles_of_one_story_merge():
    c = _cluster(_report("a", sentence=0, participants=["A:o:police"]))
    found = merge.compare(_report("b", sentence=1), c)
    assert found and "lead event of both articles" in found[1]
    assert merge.compare(_report("b", sentence=1, story="s2"), c) is None
    assert merge.compare(_report("b", sentence=5), c) is None
    bush = _cluster(_report("a", sentence=0, participants=["S:p:bush"]))  # two injuries of one team
    assert merge.compare(_report("b", sentence=0, participants=["S:p:thomas"]), bush) is None
    # Two leads naming no doer, target or place share only a type ("attacks" on a browser).
    assert merge.compare(_report("b", sentence=1), _cluster(_report("a", sentence=0))) is None


def test_blocking_keys_are_positive_evidence_within_the_date_window():
    stored = set(merge.stored_keys(_report("a", participants=["A:o:islamic state"], **MOSUL)))
    assert stored & set(
        merge.block_keys(
            _report("b", story="s2", participants=["A:o:islamic state"], date=dt.date(2025, 4, 9)), lookup=True
        )
    )
    assert stored & set(
        merge.block_keys(
            _report("b", story="s2", place_name="Mosul", lat=36.6, lon=43.3, place_kind="city"), lookup=True
        )
    )  # a neighbouring cell
    assert not stored & set(merge.block_keys(_report("b", story="s2"), lookup=True))  # nothing shared
    assert not stored & set(
        merge.block_keys(_report("b", participants=["A:o:islamic state"], date=dt.date(2025, 6, 1)), lookup=True)
    )


def test_a_report_matching_two_merged_events_folds_them_only_on_evidence():
    r = _report("x", sentence=0, participants=["A:o:islamic state"], **OLD_CITY)
    a = _cluster(_report("a", participants=["A:o:islamic state"], **OLD_CITY), id=1)
    own = _cluster(_report("x", event_id="e0", sentence=0), id=2)  # the same sentence, this article only
    other = _cluster(_report("b", participants=["A:o:islamic state"], **OLD_CITY), id=3)
    unrelated = _cluster(_report("c", story="s1", sentence=0), id=4)  # matched only as a lead
    best, _, also = merge.choose(r, [a, own, other, unrelated])
    assert best.id in (1, 3) and {c.id for c in also} >= {2} and 4 not in {c.id for c in also}
    far = _cluster(
        _report("d", participants=["A:o:islamic state"], place_name="Erbil", lat=36.19, lon=44.01, place_kind="city"),
        id=5,
    )
    assert not merge.foldable(r, a, far, "ASSAULT; same participants A:o:islamic state; same story")


def test_trigger_stems_meet_across_word_forms():
    from newsledger.ledger.text import trigger_stem

    assert {trigger_stem(w) for w in ("killed", "killing", "kills")} == {"kill"}
    assert {trigger_stem(w) for w in ("investigate", "investigating", "investigations")} == {"investig"}
    assert trigger_stem("attacked") != trigger_stem("wounded")


def test_a_story_centroid_is_the_normalised_sum_of_its_articles():
    from newsledger.ledger.stories import centroid, cosine

    c = centroid([{"a": 1.0}, {"b": 1.0}])
    assert abs(cosine(c, c) - 1.0) < 1e-9 and abs(c["a"] - c["b"]) < 1e-9
    assert cosine({"a": 1.0}, c) > cosine({"a": 1.0}, {"b": 1.0})


def test_the_people_an_events_sentence_names_are_kept_apart_from_its_roles():
    from newsledger.ledger.identity import named_in

    actors = {
        "a1": {"name": "Brian Nichols", "kind": "person", "mentions": [{"start": 10, "end": 23}]},
        "a2": {"name": "Ashley Smith", "kind": "person", "mentions": [{"start": 80, "end": 92}]},
    }
    assert named_in((0, 40), actors) == ["S:p:nichols"]


def test_two_merged_events_of_one_private_persons_attack_fold():
    amman = dict(place_name="Amman", lat=31.95, lon=35.93, place_kind="city (the article's)")
    a = _cluster(_report("a", participants=["A:p:hiller", "N:=yvonne hiller"]), id=1)
    b = _cluster(_report("c", story="s3", participants=["A:p:hiller", "N:=yvonne hiller"], **amman), id=2)
    r = _report("d", story="s2", participants=["A:p:hiller", "N:=yvonne hiller"])
    assert merge.foldable(r, a, b, "ASSAULT; the same private person A:p:hiller; another story")
    assert merge.compatible(a, b)
    public = _cluster(_report("c", story="s3", participants=["A:p:trump", "G:p:trump"]), id=3)
    assert not merge.foldable(r, _cluster(_report("a", participants=["A:p:trump"])), public, "")


def test_public_figures_are_persons_with_a_sector():
    from newsledger.ledger import identity

    actors = {
        "a1": {"name": "Donald Trump", "kind": "person", "country": "USA", "sector": "GOV"},
        "a2": {"name": "Yvonne Hiller", "kind": "person", "country": None, "sector": None},
        "a3": {"name": "Kraft Foods", "kind": "organisation", "country": "USA", "sector": "BUS"},
    }
    assert identity.public_figures(actors) == {"p:trump"}
    actors["a4"] = {"name": "Ms Persson", "kind": "person"}  # no given name: no full name
    assert identity.full_names(actors) == {"donald trump", "yvonne hiller"}


def test_a_publication_date_is_a_bound_on_the_event_date():
    saturday, tuesday = dt.date(2025, 4, 5), dt.date(2025, 4, 8)
    published = _cluster(_report("a", date=tuesday, participants=["R:p:webb"]))
    dated = _report("b", date=saturday, dated=True, participants=["R:p:webb"])
    assert merge.compare(dated, published)  # done on Saturday, told on Tuesday
    after = _report("b", date=dt.date(2025, 4, 10), dated=True, participants=["R:p:webb"])
    assert merge.compare(after, published) is None  # done after that report was published
    own = _cluster(_report("a", date=dt.date(2025, 4, 1), dated=True, participants=["R:p:webb"]))
    assert merge.compare(dated, own) is None  # two own dates four days apart


def test_across_stories_a_public_figures_name_is_no_evidence():
    asked = ["A:p:obama", "R:p:gupta", "G:p:obama"]
    c = _cluster(_report("a", type="REQUEST", participants=asked))
    assert merge.compare(_report("b", type="REQUEST", participants=asked, story="s2"), c) is None
    private = ["A:p:ahmed", "R:p:gupta"]
    c = _cluster(_report("a", type="REQUEST", participants=private))
    assert merge.compare(_report("b", type="REQUEST", participants=private, story="s2"), c)


def test_in_one_story_a_lead_event_and_a_later_sentence_naming_its_private_person_merge():
    # Talk repeats, but what an article opens with is the story's event: another article's sentence
    # of the same kind naming the same private person tells it again.
    opened = _cluster(_report("a", type="ACCUSE", sentence=0, participants=["R:p:lopez", "S:p:lopez"]))
    found = merge.compare(_report("b", type="ACCUSE", sentence=6, participants=["S:p:lopez"]), opened)
    assert found and "both name p:lopez; a lead event; same story" in found[1]
    assert merge.compare(_report("b", type="ACCUSE", sentence=0, participants=["S:p:lopez"]), opened)
    later = _cluster(_report("a", type="ACCUSE", sentence=5, participants=["R:p:lopez", "S:p:lopez"]))
    assert merge.compare(_report("b", type="ACCUSE", sentence=6, participants=["S:p:lopez"]), later) is None
    other = _report("b", type="ACCUSE", sentence=6, participants=["S:p:lopez"], story="s2")
    assert merge.compare(other, opened) is None
    public = ["S:p:giudice", "G:p:giudice"]  # a judge: a public figure's name is no such evidence
    judge = _cluster(_report("a", type="ACCUSE", sentence=0, participants=public))
    assert merge.compare(_report("b", type="ACCUSE", sentence=6, participants=public), judge) is None


def test_a_private_person_charged_or_convicted_is_one_event_in_any_story():
    # A formal legal act (data/legal_acts.txt) is not talk: a person is convicted once of one offence.
    comeaux = ["R:p:comeaux", "N:=arcade joseph comeaux"]
    rape = {"convict", "rape"}
    convicted = _cluster(_report("a", type="ACCUSE", trigger="convict", participants=comeaux, keywords=rape))
    again = _report("b", type="ACCUSE", trigger="convict", participants=comeaux, keywords=rape, story="s2")
    found = merge.compare(again, convicted)
    assert found and "the same private person R:p:comeaux; another story" in found[1]
    # A private person convicts no one: named as the doer of a conviction, they are the one convicted.
    passive = ["A:p:comeaux", "N:=arcade joseph comeaux"]
    doer = _report("b", type="ACCUSE", trigger="convict", participants=passive, keywords=rape, story="s2")
    assert merge.compare(doer, convicted)
    # An accusation is talk a person repeats: across stories the same person is no evidence.
    accused = _cluster(_report("a", type="ACCUSE", trigger="accus", participants=comeaux))
    assert (
        merge.compare(_report("b", type="ACCUSE", trigger="accus", participants=comeaux, story="s2"), accused) is None
    )


def test_in_one_story_the_same_word_for_the_same_private_persons_act_merges():
    later = _cluster(_report("a", type="ACCUSE", sentence=5, trigger="convict", participants=["S:p:lopez"]))
    found = merge.compare(_report("b", type="ACCUSE", sentence=9, trigger="convict", participants=["S:p:lopez"]), later)
    assert found and "both name p:lopez; same word convict; same story" in found[1]
    assert (
        merge.compare(_report("b", type="ACCUSE", sentence=9, trigger="criticis", participants=["S:p:lopez"]), later)
        is None
    )
    elsewhere = _report("b", type="ACCUSE", sentence=9, trigger="convict", participants=["S:p:lopez"], story="s2")
    assert merge.compare(elsewhere, later) is None


def test_a_given_name_is_compatible_with_a_full_name_of_another_article():
    # "his wife, Laci" in one article, "Laci Peterson" in another: one person, no conflict.
    laci = _cluster(_report("a", participants=["A:p:peterson", "R:p:laci", "N:=scott peterson"]))
    full = _report("b", participants=["R:p:peterson", "S:p:peterson", "A:p:peterson", "N:=laci peterson"])
    assert merge.compare(full, laci)
    other = _report("b", participants=["R:p:peterson", "A:p:peterson", "N:=amber peterson"])
    assert merge.compare(other, laci) is None  # a victim of another given name is another person


def test_a_sentence_told_in_the_same_words_in_one_story_is_one_event():
    words = {"stabb", "wife", "times", "visit", "prison", "weapon", "authorit", "incident"}
    c = _cluster(_report("a", keywords=set(words), sentence=11))
    found = merge.compare(_report("b", keywords=words | {"texa"}, sentence=12), c)
    assert found and "told in the same words" in found[1]
    assert merge.compare(_report("b", keywords=words | {"texa"}, sentence=12, story="s2"), c) is None
    half = set(list(sorted(words))[:4]) | {"car", "bomb", "market", "crowd"}
    assert merge.compare(_report("b", keywords=half, sentence=12), c) is None
    # across stories only a long sentence copied nearly word for word
    longer = words | {"given", "extra", "life", "sentenc"}
    found = merge.compare(_report("b", keywords=longer | {"texa"}, story="s2"), _cluster(_report("a", keywords=longer)))
    assert found and "told in the same words" in found[1] and "another story" in found[1]


def test_across_stories_a_conviction_is_one_event_only_for_the_same_offence():
    comeaux = ["R:p:comeaux", "N:=arcade joseph comeaux"]
    rapist = _report("a", type="ACCUSE", trigger="convict", participants=comeaux, keywords={"convict", "rapist"})
    sexual = {"convict", "sexual", "assault"}
    found = merge.compare(
        _report("b", type="ACCUSE", trigger="convict", participants=comeaux, keywords=sexual, story="s2"),
        _cluster(rapist),
    )
    assert found  # an offender noun names the offence: a rapist was convicted of a sexual offence
    guards = _report("b", type="ACCUSE", trigger="charg", participants=comeaux, keywords={"charg", "falsify", "record"})
    elsewhere = _report("b", type="ACCUSE", trigger="charg", participants=comeaux, keywords=guards.keywords, story="s2")
    assert merge.compare(elsewhere, _cluster(rapist)) is None
    assert merge.compare(guards, _cluster(rapist))  # in one story the same person suffices


def test_a_merged_events_counts_are_made_again_when_a_report_joins():
    c = _cluster(_report("a", participants=["R:p:ahmed"]), _report("b", participants=["R:p:ahmed", "A:o:acme"]))
    assert c.participants() == {"R:p:ahmed": 2, "A:o:acme": 1} and c.core() == {"R:p:ahmed"}
    assert c.participants() is c.participants()  # counted once while its reports stay the same
    c.reports.append(_report("c", participants=["A:o:acme"]))
    assert c.participants()["A:o:acme"] == 2 and c.core() == {"R:p:ahmed", "A:o:acme"}
    c.reports = [_report("d", participants=["R:p:webb"])]
    assert c.core() == {"R:p:webb"} and c.named_core() == {"p:webb"}
