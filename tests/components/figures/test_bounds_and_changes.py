"""newsledger_figures: bounds, approximations, changes, units and ranked sets on hand-written
sentences (issue #5, figures), and the NewsQuant mapping of the benchmark (CQE's change labels)."""

from __future__ import annotations

import pytest

from newsledger.components.figures.component import figure_change, figure_trend
from tests.components.figures.test_component import find
from tests.conftest import load_benchmark

from .build import run


@pytest.mark.parametrize(
    "sentence, figure, bound, approx",
    [
        ("Over 200 people were hurt.", "Over 200 people", ">", False),
        ("As many as 30 boats sank.", "As many as 30 boats", "<=", False),
        ("No more than 12 guards stayed.", "No more than 12 guards", "<=", False),
        ("Upwards of 5,000 troops massed.", "Upwards of 5,000 troops", ">", False),
        ("Almost 90 houses burned.", "Almost 90 houses", "<", False),
        ("Close to 400 families fled.", "Close to 400 families", "<", False),
        ("Around 60 fishermen drowned.", "Around 60 fishermen", "~", True),
        ("Roughly 8 billion people live on Earth.", "Roughly 8 billion people", "~", True),
        ("Some 300 songs were recorded.", "Some 300 songs", "~", True),
        ("An estimated 1,500 civilians died.", "An estimated 1,500 civilians", "~", True),
        ("Approximately 1,100 soldiers were killed.", "Approximately 1,100 soldiers", "~", True),
        ("He averaged 7.3 points a game.", "averaged 7.3 points", "~", True),
        ("The stock trades at barely 6.5 times earnings.", "barely 6.5 times earnings", "~", True),
    ],
)
def test_bound_and_approximation_cues(spacy_model, components, sentence, figure, bound, approx):
    f = find(run(spacy_model, components, sentence), figure)
    assert (f.bound, f.approx) == (bound, approx)


def test_amount_of_change_and_level_reached(spacy_model, components):
    doc = run(
        spacy_model,
        components,
        "Shares rose 8% to $45, the index was down 3 percent at 1,200 points, "
        "and the forecast was revised upward by $40 million.",
    )
    assert figure_change(doc, find(doc, "8%")) == ("up", "by")
    assert figure_change(doc, find(doc, "$45")) == ("up", "to")
    assert figure_trend(doc, find(doc, "$45")) is None  # a level, not a change
    assert figure_change(doc, find(doc, "3 percent")) == ("down", "by")
    assert figure_change(doc, find(doc, "1,200 points")) is None
    assert figure_change(doc, find(doc, "$40 million")) == ("up", "by")


def test_increased_to_versus_increased_by(spacy_model, components):
    doc = run(spacy_model, components, "Exports increased by 4% and imports increased to $2 billion.")
    assert figure_change(doc, find(doc, "4%")) == ("up", "by")
    assert figure_change(doc, find(doc, "$2 billion")) == ("up", "to")


def test_nouns_of_change(spacy_model, components):
    doc = run(spacy_model, components, "Sales showed a drop of 5% after a decrease by 2 points in May.")
    assert figure_trend(doc, find(doc, "5%")) == "down"
    assert figure_trend(doc, find(doc, "2 points")) == "down"


def test_fell_by_and_up_points(spacy_model, components):
    doc = run(spacy_model, components, "The index fell by 2.5% on Monday and was up 3 points on Tuesday.")
    assert figure_trend(doc, find(doc, "2.5%")) == "down"
    assert figure_trend(doc, find(doc, "3 points")) == "up"


def test_particle_of_a_motion_verb_gives_a_direction(spacy_model, components):
    doc = run(spacy_model, components, "The Nasdaq is trending up 0.2% even though the defense gave up 517 yards.")
    assert figure_trend(doc, find(doc, "0.2%")) == "up"
    assert figure_trend(doc, find(doc, "517 yards")) is None


def test_one_of_a_ranked_set_counts_one(spacy_model, components):
    doc = run(spacy_model, components, "It was one of the deadliest attacks in years, and one of the officers said so.")
    f = find(doc, "one of the deadliest attacks")
    assert (f.value, f.counted) == (1, "deadliest attacks")
    assert not [f for f in doc._.figures if "officers" in f.text]


def test_a_people_is_counted_but_a_nationality_is_a_modifier(spacy_model, components):
    doc = run(spacy_model, components, "In total, 1,307,000 Americans and 1,100 North Korean soldiers were counted.")
    assert find(doc, "1,307,000 Americans").counted == "Americans"
    assert find(doc, "1,100 North Korean soldiers").counted == "soldiers"


def test_scientific_notation(spacy_model, components):
    doc = run(
        spacy_model, components, "The mass is approximately 1.99×10−30 kilograms, and they ran a 5 x 100 metre relay."
    )
    f = find(doc, "approximately 1.99×10−30 kilograms")
    assert (f.value, f.unit, f.bound) == (1.99e-30, "kg", "~")
    assert find(doc, "100 metre").value == 100


@pytest.mark.parametrize(
    "sentence, figure, value, unit",
    [
        ("The engine makes 450 Nm of torque.", "450 Nm", 450, "Nm"),
        ("The plant makes 7 nm chips.", "7 nm", 7, "nm"),
        ("It sees wavelengths of 2.4 μm.", "2.4 μm", 2.4, "μm"),
        ("The car has 300 PS.", "300 PS", 300, "PS"),
        ("The neck is 25.5″ long.", "25.5″", 25.5, "in"),
        ("Deposits of 7.5 million Danish crowns are charged.", "7.5 million Danish crowns", 7_500_000, "DKK"),
        ("The town has one 52,000 barrel-a-day refinery.", "52,000 barrel-a-day", 52000, "bbl/day"),
        ("Seas could rise 11 feet per century.", "11 feet per century", 11, "ft/century"),
        ("Each sample weighs 45g.", "45g", 45, "g"),
        ("They have a $3500 a month mortgage.", "$3500 a month", 3500, "USD/month"),
        ("Revenue rose to $7.36 billion from $6.78 billion a year earlier.", "$6.78 billion", 6_780_000_000, "USD"),
    ],
)
def test_units(spacy_model, components, sentence, figure, value, unit):
    f = find(run(spacy_model, components, sentence), figure)
    assert (f.value, f.unit) == (value, unit)


def test_a_5g_network_is_no_weight(spacy_model, components):
    doc = run(spacy_model, components, "The 5G network reaches 45 towns.")
    assert [f.text for f in doc._.figures] == ["45 towns"]


def test_years_of_forecasts_are_not_counts(spacy_model, components):
    doc = run(spacy_model, components, "Seas could rise 3 feet by 2120. The army sent 1500 soldiers.")
    assert sorted(f.text for f in doc._.figures) == ["1500 soldiers", "3 feet"]


@pytest.fixture(scope="module")
def bench():
    return load_benchmark("figures")


@pytest.mark.parametrize(
    "sentence, figure, change",
    [
        ("Nearly two-thirds of the sales came from CDs.", "Nearly two-thirds of the sales", "~"),  # CQE: nearly = ~
        ("More than 60 per cent of revenue is abroad.", "More than 60 per cent", ">"),
        ("At least 40 villages were hit.", "At least 40 villages", ">"),  # CQE: least = >
        ("Up to 400 jobs will go.", "Up to 400 jobs", "<"),  # CQE: up to = <
        ("Tesla jumped 8.5% on Monday.", "8.5%", "up"),
        ("China's economy grew by just 3% last year.", "3%", "="),  # CQE: just = =
        ("Exports dropped 7% to $2.3 billion.", "$2.3 billion", "="),  # a level reached
        ("Hundreds of people gathered.", "Hundreds of people", "="),  # vague, no cue
    ],
)
def test_benchmark_maps_our_records_to_cqe_change_labels(spacy_model, components, bench, sentence, figure, change):
    doc = run(spacy_model, components, sentence)
    find(doc, figure)
    [pred] = [p for p in bench.predicted(doc) if p["text"] == figure]
    assert pred["change"] == change


def test_benchmark_names_ages_and_units_as_newsquant(spacy_model, components, bench):
    doc = run(spacy_model, components, "A 50 year-old man paid $5 million for 3 tonnes.")
    units = {p["text"]: p["normalized_unit"] for p in bench.predicted(doc)}
    assert units["50 year"] == "year of age"
    assert units["$5 million"] == "dollar"
    assert units["3 tonnes"] == "tonne"


def test_ordinals_dates_and_clock_times_are_not_counts(spacy_model, components):
    doc = run(
        spacy_model, components, "The 3rd Brigade and the 25th Division arrived at 5pm on 12 March 2024, a Tuesday."
    )
    assert doc._.figures == []


def test_direction_adverb_through_by_but_not_a_phrasal_particle(spacy_model, components):
    doc = run(spacy_model, components, "Shares of Ross were down 2.3%, Burlington by 2.6%.")
    assert figure_trend(doc, find(doc, "2.6%")) == "down"
    doc = run(spacy_model, components, "The convoy was held up by 3 hours at the border.")
    assert figure_trend(doc, find(doc, "3 hours")) is None


def test_sub_prefix_is_an_upper_bound_but_a_code_is_no_figure(spacy_model, components):
    doc = run(spacy_model, components, "They make sub-7 nanometer chips for the F-16 fleet.")
    f = find(doc, "sub-7 nanometer")
    assert (f.value, f.unit, f.bound) == (7, "nm", "<")
    assert not [f for f in doc._.figures if "16" in f.text]


def test_raising_money_is_no_change_but_raising_by_is(spacy_model, components):
    doc = run(spacy_model, components, "Alibaba raised $12.9 billion, and the shop raised prices by 5%.")
    assert figure_trend(doc, find(doc, "$12.9 billion")) is None
    assert figure_trend(doc, find(doc, "5%")) == "up"


def test_one_of_a_ranked_set_needs_a_noun(spacy_model, components):
    doc = run(spacy_model, components, "This controller is one of the most popular.")
    assert doc._.figures == []


def test_the_level_after_an_amount_is_reached_even_when_to_hangs_on_it(spacy_model, components):
    doc = run(spacy_model, components, "The deficit increased by $43.6 billion to $419.2 billion.")
    assert figure_change(doc, find(doc, "$43.6 billion")) == ("up", "by")
    assert figure_change(doc, find(doc, "$419.2 billion")) == ("up", "to")
