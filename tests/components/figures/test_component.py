"""newsledger_figures on hand-written sentences and on the worked example article."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsledger.components.common.number_words import parse_number
from newsledger.components.figures.component import figure_trend
from newsledger.records import Actor, Span

from .build import run


def find(doc, text):
    hits = [f for f in doc._.figures if f.text == text]
    assert hits, f"no figure {text!r} in {[f.text for f in doc._.figures]}"
    return hits[0]


def actor(doc, aid, name, *surfaces):
    """An Actor with a mention at each occurrence of each surface string in the doc text."""
    mentions = []
    for s in surfaces:
        i = doc.text.find(s)
        while i >= 0:
            mentions.append(Span(i, i + len(s), s))
            i = doc.text.find(s, i + 1)
    return Actor(id=aid, name=name, mentions=mentions)


def test_factory_is_registered():
    assert "newsledger_figures" in Language.factories


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,100", 1100),
        ("11,000", 11000),
        ("3.5 million", 3_500_000),
        ("three thousand", 3000),
        ("two dozen", 24),
        ("a dozen", 12),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("5bn", 5_000_000_000),
        ("a hundred", 100),
        ("soldiers", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_digits_words_and_scales(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "The convoy carried 3.5 million rounds, three thousand troops, two dozen tanks and a dozen medics.",
    )
    assert find(doc, "3.5 million rounds").value == 3_500_000
    assert find(doc, "three thousand troops").value == 3000
    assert find(doc, "two dozen tanks").value == 24
    assert find(doc, "a dozen medics").value == 12


def test_bounds_and_approximation(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "At least 40 villages were hit, more than 300 homes burned, nearly 90 people fled, "
        "up to 15 ambulances came, fewer than 10 doctors stayed and about 2,000 residents left.",
    )
    assert find(doc, "At least 40 villages").bound == ">="
    assert find(doc, "more than 300 homes").bound == ">"
    assert find(doc, "nearly 90 people").bound == "<"
    assert find(doc, "up to 15 ambulances").bound == "<="
    assert find(doc, "fewer than 10 doctors").bound == "<"
    f = find(doc, "about 2,000 residents")
    assert (f.bound, f.approx, f.value, f.counted) == ("~", True, 2000, "residents")


def test_ranges(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "Between 50 and 70 fighters attacked; 20-30 were wounded and 5 to 7 per cent of the town burned.",
    )
    f = find(doc, "Between 50 and 70 fighters")
    assert (f.value, f.low, f.high, f.counted) == (None, 50, 70, "fighters")
    f = find(doc, "20-30")
    assert (f.low, f.high) == (20, 30)
    f = find(doc, "5 to 7 per cent")
    assert (f.low, f.high, f.unit) == (5, 7, "%")


def test_vague_quantities(spacy_model, components):
    doc = run(
        spacy_model, components, "Several hundred people gathered, dozens of drones flew and hundreds of shells fell."
    )
    f = find(doc, "Several hundred people")
    assert (f.low, f.high, f.approx, f.bound, f.counted) == (200, 900, True, "~", "people")
    f = find(doc, "dozens of drones")
    assert (f.low, f.high, f.counted) == (12, 120, "drones")
    f = find(doc, "hundreds of shells")
    assert (f.low, f.high, f.counted) == (100, 1000, "shells")


def test_units_are_normalised(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "The army fired 240 millimeter rockets, 170 mm shells and 240mm rounds over 40 km, "
        "moved 12 tonnes of fuel, paid $5 million and 5 million dollars, spent €3bn and 60 percent of it.",
    )
    for text, value, unit in [
        ("240 millimeter", 240, "mm"),
        ("170 mm", 170, "mm"),
        ("240mm", 240, "mm"),
        ("over 40 km", 40, "km"),
        ("12 tonnes", 12, "t"),
        ("$5 million", 5_000_000, "USD"),
        ("5 million dollars", 5_000_000, "USD"),
        ("€3bn", 3_000_000_000, "EUR"),
        ("60 percent", 60, "%"),
    ]:
        f = find(doc, text)
        assert (f.value, f.unit) == (value, unit), text


def test_calibre_is_a_measure_not_a_count(spacy_model, components):
    doc = run(spacy_model, components, "They supplied 240 millimeter rocket launchers and 170 mm self-propelled guns.")
    for text in ("240 millimeter", "170 mm"):
        f = find(doc, text)
        assert f.unit == "mm" and f.counted is None


def test_counted_noun_keeps_compounds_not_nationalities(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "Moscow launched at least 60 Pyongyang ballistic missiles and 1,100 North Korean soldiers died.",
    )
    assert find(doc, "at least 60 Pyongyang ballistic missiles").counted == "ballistic missiles"
    assert find(doc, "1,100 North Korean soldiers").counted == "soldiers"


def test_not_figures(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "In 1953 the first armistice was signed on July 27 at 10 a.m. One of the officers, "
        "who flew an F-16 and a Boeing 737, said no one knew. The category 4 storm hit Article 5 talks.",
    )
    assert doc._.figures == []


def test_years_skipped_without_times_component(spacy_model, components):
    doc = run(spacy_model, components, "The war ended in 1953, but 1500 soldiers stayed.", with_times=False)
    assert [f.text for f in doc._.figures] == ["1500 soldiers"]


def test_durations_are_figures(spacy_model, components):
    doc = run(spacy_model, components, "He was sentenced to three years in prison and fined $2,000.")
    f = find(doc, "three years")
    assert (f.value, f.unit) == (3, "year")
    assert find(doc, "$2,000").unit == "USD"


def test_actor_from_modifier_possessor_and_subject(spacy_model, components):
    text = (
        "Officials counted 1,100 North Korean soldiers. Pyongyang previously deployed more than "
        "11,000 soldiers. The Pentagon estimated the DPRK's losses to be several hundred."
    )
    doc = run(spacy_model, components, text)
    prk = actor(doc, "a1", "North Korea", "North Korean", "Pyongyang", "DPRK")
    usa = actor(doc, "a2", "United States", "Pentagon")
    doc._.actors = [prk, usa]
    components[1](doc)
    assert find(doc, "1,100 North Korean soldiers").actor == "a1"
    assert find(doc, "more than 11,000 soldiers").actor == "a1"
    assert find(doc, "several hundred").actor == "a1"


def test_actor_is_null_when_unclear(spacy_model, components):
    doc = run(spacy_model, components, "Officials said 40 people were hurt.")
    doc._.actors = [actor(doc, "a1", "Officials", "Officials")]
    components[1](doc)
    assert find(doc, "40 people").actor is None


def test_trend(spacy_model, components):
    doc = run(spacy_model, components, "Shares rose 8% while the index was down 3 percent at 1,200 points.")
    assert figure_trend(doc, find(doc, "8%")) == "up"
    assert figure_trend(doc, find(doc, "3 percent")) == "down"
    assert figure_trend(doc, find(doc, "1,200 points")) is None


def test_fractions_are_shares(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "Nearly two-thirds of the villagers fled, a quarter of the wells are dry, half the clinics "
        "closed and one in five children is underfed; the third round of talks failed.",
    )
    f = find(doc, "Nearly two-thirds of the villagers")
    assert (round(f.value, 3), f.bound, f.counted) == (0.667, "<", "villagers")
    assert find(doc, "a quarter of the wells").value == 0.25
    assert find(doc, "half").value == 0.5
    assert (find(doc, "one in five children").value, find(doc, "one in five children").counted) == (0.2, "children")
    assert not [f for f in doc._.figures if f.text in ("one", "five", "third")]
    doc = run(spacy_model, components, "Sales fell in the first half of the year and the second half of the season.")
    assert not [f for f in doc._.figures if "half" in f.text]
    doc = run(spacy_model, components, "One in 2019 was lost, and 1/16 of a pint was spilled.")
    assert find(doc, "1/16 of a pint").value == 0.0625
    assert not [f for f in doc._.figures if f.text == "One in 2019"]


def test_from_to_is_one_range(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "His weight dropped from 95 kg to 88 this year. Mileage rose from 20 mpg in 2008 to "
        "29 mpg in 2020. The price fell from $75 last October to $45 a barrel.",
    )
    f = find(doc, "95 kg to 88")
    assert (f.value, f.low, f.high, f.unit) == (None, 88, 95, "kg")
    f = find(doc, "20 mpg in 2008 to 29 mpg")
    assert (f.low, f.high, f.unit) == (20, 29, "mpg")
    assert [(f.low, f.high) for f in doc._.figures if f.text.startswith("$75")] == [(45, 75)]
    assert not [f for f in doc._.figures if f.text in ("2008", "2020", "88", "29 mpg")]


def test_conversions_share_bound_and_trend(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "The convoy stretched for nearly 7 miles (11 km), and temperatures dropped by 2 degrees "
        "Celsius (3.6 Fahrenheit) overnight, while 40 km (25 miles) of road stayed open.",
    )
    assert (find(doc, "11 km").bound, find(doc, "11 km").approx) == ("<", False)
    assert figure_trend(doc, find(doc, "3.6 Fahrenheit")) == "down"
    assert find(doc, "25 miles").bound == "="
    assert figure_trend(doc, find(doc, "25 miles")) is None


def test_house_numbers_are_not_counts(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "Police searched 49 Zorro Ranch Road and 9 E 71st St, where 12 officers found 3 rifles.",
    )
    assert sorted(f.text for f in doc._.figures) == ["12 officers", "3 rifles"]
    doc = run(spacy_model, components, "The Lamborghini's 640bhp engine makes 600 newton metres.")
    assert [(f.value, f.unit) for f in doc._.figures] == [(640, "bhp"), (600, "Nm")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂 42 🙂",
        "MORE THAN 1,100 SOLDIERS WERE KILLED.",
        "“Unbalanced quote with 12 men",
        "$ € £ 1,2,3,4 .5. 3-2-1 1e10 ~~ 10%% -5 minus-3 0.000001",
    ],
)
def test_odd_input_never_crashes(spacy_model, components, text):
    doc = run(spacy_model, components, text)
    for f in doc._.figures:
        assert 0 <= f.start < f.end <= len(doc.text)
        assert doc.text[f.start : f.end] == f.text


def test_example_article(spacy_model, components, example_text):
    doc = run(spacy_model, components, example_text)
    f = find(doc, "approximately 1,100 soldiers")
    assert (f.value, f.approx, f.bound, f.counted) == (1100, True, "~", "soldiers")
    assert find(doc, "more than 11,000 soldiers").bound == ">"
    f = find(doc, "at least 60 Pyongyang ballistic missiles")
    assert (f.bound, f.counted) == (">=", "ballistic missiles")
    f = find(doc, "several hundred")
    assert (f.value, f.low, f.high, f.approx) == (None, 200, 900, True)
    for text in ("240 millimeter", "170 mm"):
        assert (find(doc, text).unit, find(doc, text).counted) == ("mm", None)
    assert not [f for f in doc._.figures if "1953" in f.text]
    for fig in doc._.figures:
        assert example_text[fig.start : fig.end] == fig.text
    assert [fig.id for fig in doc._.figures] == [f"f{i}" for i in range(1, len(doc._.figures) + 1)]


def test_the_feed_footer_quoting_the_headline_gives_no_figure(spacy_model, components):
    text = (
        "Shelling killed 12 soldiers on Monday. "
        "The post Over 1,000 Killed In Kursk: Seoul appeared first on Example News."
    )
    assert [f.text for f in run(spacy_model, components, text, actors=[])._.figures] == ["12 soldiers"]
