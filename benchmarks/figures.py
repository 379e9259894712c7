"""Benchmark newsledger_figures on NewsQuant (CQE evaluation): P/R/F1 for value, value+unit and
value+bound.

Usage: python benchmarks/figures.py PATH [--errors N] [--half tune|test]
PATH is NewsQuant JSON: [{"text": ..., "quantities": [{"value", "change", "normalized_unit"}]}].
--half keeps one half of the sentences: "tune" the 1st, 3rd, 5th ... (rules were tuned on these),
"test" the 2nd, 4th ... (held out).
Definitions follow satya77/CQE_Evaluation (evaluate_models.py): a gold quantity is found when a
predicted one has the same value (np.isclose; ranges compare low and high); value+unit also
needs the same normalised unit (our unit codes and counted nouns mapped to NewsQuant's names);
value+bound needs the same change label, mapped as CQE defines its labels (vivkaz/CQE,
number_lookup.py): our bound ("=", "~", ">"/">=", "<"/"<=", but "nearly"/"almost"/"close to" are
"~" there), or for an amount of change ("rose 8%", "a drop of 5%") the direction up/down from
figure_change; the level reached ("rose 8% to $45") keeps its bound. One prediction matches one
gold quantity (CQE's own script can credit one prediction twice; this one cannot).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from bench_scoring import prf  # benchmarks/ is on sys.path when run or loaded

# Our unit codes -> NewsQuant's normalised unit names.
UNIT_NAMES = {
    "%": "percentage",
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "INR": "indian rupee",
    "CNY": "renminbi",
    "KRW": "south korean won",
    "RUB": "russian ruble",
    "CHF": "swiss franc",
    "mm": "millimetre",
    "cm": "centimetre",
    "m": "metre",
    "km": "kilometre",
    "mi": "mile",
    "ft": "foot",
    "in": "inch",
    "yd": "yard",
    "nmi": "nautical mile",
    "kg": "kilogram",
    "lb": "pound-mass",
    "t": "tonne",
    "g": "gram",
    "mg": "milligram",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
    "mpg": "mile per gallon",
    "rpm": "revolutions per minute",
    "°C": "celsius",
    "°F": "fahrenheit",
    "deg": "degree",
    "kW": "kilowatt",
    "W": "watt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kWh": "kilowatt hour",
    "hp": "horsepower",
    "GB": "gigabyte",
    "TB": "terabyte",
    "MB": "megabyte",
    "Hz": "hertz",
    "GHz": "gigahertz",
    "ppb": "parts-per-billion",
    "ppm": "parts-per-million",
    "cent": "cent",
    "bp": "basis point",
    "pp": "percentage point",
    "l": "litre",
    "gal": "gallon",
    "bbl": "barrel",
    "mAh": "milliampere-hour",
    "bhp": "brake horsepower",
    "Nm": "newton metre",
    "s": "second",
    "min": "minute",
    "ml": "millilitre",
    "μm": "micrometre",
    "V": "volt",
    "A": "ampere",
    "GWh": "gigawatt hour",
    "MWh": "megawatt hour",
    "MHz": "megahertz",
    "KB": "kilobyte",
    "Mbps": "megabit per second",
    "Gbps": "gigabit per second",
    "Mt": "megatonne",
    "kcal": "kilocalorie",
    "MXN": "mexican peso",
    "NGN": "nigerian naira",
    "TRY": "turkish lira",
    "UAH": "ukrainian hryvnia",
    "ZAR": "south african rand",
    "km2": "square kilometre",
    "m2": "square metre",
    "ft2": "square foot",
    "bbl/d": "barrel per day",
    "oz": "ounce",
    "h": "hour",
    "kt": "kiloton",
    "mi2": "square mile",
    "ha": "hectare",
    "sen": "sen",
    # NewsQuant names "p" after a share price a point ("118.5p"), not a penny
    "GBX": "point",
    "lb-ft": "pound-foot",
    "nm": "nanometre",
    "PS": "horsepower",
    "DKK": "danish krone",
    "NOK": "norwegian krone",
    "SEK": "swedish krona",
    "CZK": "czech koruna",
    "GPa": "gigapascal",
    "MPa": "megapascal",
}
BOUND_TO_CHANGE = {"=": "=", "~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<"}
# CQE's change labels (vivkaz/CQE, number_lookup.py "bounds") differ from our bounds in two ways:
# "nearly", "almost" and "close (to)" approximate ("~") where our records bound them ("<"), and
# "exactly", "just" mark an exact figure ("=") even after a verb of change ("grew by just 3%").
CQE_APPROX_CUES = ("nearly", "almost", "close to")
CQE_EXACT_CUES = ("exactly", "just", "totalling", "totaling")
# A time unit before "-old" is an age: NewsQuant's "year of age" ("a 50 year-old man").
AGE_UNITS = {"year", "month", "week", "day"}


def build_figures_nlp():
    """The shipped pipeline (newsledger.nlp.pipeline.build_nlp) up to the figures component."""
    from newsledger.nlp.pipeline import COMPONENTS, Settings, build_nlp

    return build_nlp(Settings(components=COMPONENTS[: COMPONENTS.index("figures") + 1]))


def _gold_value(v: str):
    if "E" not in v and not v.startswith("-") and "-" in v:
        lo, hi = v.split("-", 1)
        return (float(lo), float(hi))
    return float(v)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def values_match(gold, pred) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        # NewsQuant writes "from 208 to 193" in text order; our low/high are sorted
        gold = tuple(sorted(gold))
        return _close(gold[0], pred[0]) and _close(gold[1], pred[1])
    return _close(gold, pred)


def predicted(doc) -> list[dict]:
    """Our figures as NewsQuant-style quantities (value, normalized_unit, change)."""
    from newsledger.components.figures.component import figure_change

    out = []
    for f in doc._.figures:
        value = (float(f.low), float(f.high)) if f.value is None and f.low is not None else f.value
        if value is None:
            continue
        out.append(
            {
                "value": value,
                "normalized_unit": _unit_name(doc, f),
                "change": _change(doc, f, figure_change),
                "text": f.text,
            }
        )
    return out


def _unit_name(doc, f) -> str:
    if f.unit:
        if f.unit in AGE_UNITS and doc.text[f.end : f.end + 4] == "-old":
            return f"{UNIT_NAMES.get(f.unit, f.unit)} of age"
        return " per ".join(UNIT_NAMES.get(u, u.lower()) for u in f.unit.split("/"))
    if f.counted:
        span = doc.char_span(f.end - len(f.counted), f.end, alignment_mode="expand")
        return " ".join(t.lemma_.lower() for t in span) if span is not None else f.counted.lower()
    return "-"


def _change(doc, f, figure_change) -> str:
    """NewsQuant's change label: a cue word ("about", "more than") outranks the direction of an
    amount of change ("rose 8%"); the level reached ("rose 8% to $45") is mostly "=" in NewsQuant;
    the "~" of a vague quantity ("hundreds of") is not a cue: NewsQuant writes "=" there."""
    cue = _cue(f.text)
    change = BOUND_TO_CHANGE.get(f.bound, "=")
    if cue in CQE_APPROX_CUES:
        change = "~"
    if f.value is None and f.bound == "~" and cue is None:
        change = "="
    before = doc.text[max(0, f.start - 12) : f.start].lower().split()
    if before and before[-1] in CQE_EXACT_CUES:
        return "="
    if change == "=" or f.low is not None:
        moved = figure_change(doc, f)
        change = moved[0] if moved and moved[1] == "by" else change
    return change


def _cue(text: str) -> str | None:
    from newsledger.components.figures.lexicon import figure_lexicon

    low = " ".join(text.lower().split())
    return next(
        (
            cue
            for cue in sorted(figure_lexicon().cues_before, key=len, reverse=True)
            if low.startswith(cue + " ") or (low.startswith(cue) and not cue[-1].isalnum())
        ),
        None,
    )


def score_figures(path: str | Path, nlp=None, errors: list | None = None, half: str | None = None) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if half:
        data = data[0 if half == "tune" else 1 :: 2]
    nlp = nlp or build_figures_nlp()
    n_gold = n_pred = ok_value = ok_unit = ok_change = words = 0
    t0 = time.perf_counter()
    for item, doc in zip(data, nlp.pipe(x["text"] for x in data)):
        words += len(doc)
        preds = predicted(doc)
        golds = item["quantities"]
        n_gold += len(golds)
        n_pred += len(preds)
        used: set[int] = set()
        for g in golds:
            gv = _gold_value(g["value"])
            gu = g["normalized_unit"].lower()
            cands = [j for j, p in enumerate(preds) if j not in used and values_match(gv, p["value"])]
            if not cands:
                if errors is not None:
                    errors.append(("missed", item["text"], g["value"], gu, g["change"], None))
                continue
            best = next((j for j in cands if preds[j]["normalized_unit"] == gu), cands[0])
            used.add(best)
            p = preds[best]
            ok_value += 1
            ok_unit += p["normalized_unit"] == gu
            ok_change += p["change"] == g["change"]
            if errors is not None and (p["normalized_unit"] != gu or p["change"] != g["change"]):
                errors.append(("attr", item["text"], g["value"], gu, g["change"], p))
        if errors is not None:
            for j, p in enumerate(preds):
                if j not in used:
                    errors.append(("spurious", item["text"], p["value"], p["normalized_unit"], p["change"], p["text"]))
    secs = time.perf_counter() - t0
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "value": prf(ok_value, n_pred, n_gold),
        "value+unit": prf(ok_unit, n_pred, n_gold),
        "value+bound": prf(ok_change, n_pred, n_gold),
        "words_per_s": round(words / secs, 1) if secs else None,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--half", choices=("tune", "test"), help="score one half of the sentences only")
    args = ap.parse_args(argv)
    errs: list | None = [] if args.errors else None
    res = score_figures(args.path, errors=errs, half=args.half)
    if errs:
        for kind in ("missed", "spurious", "attr"):
            rows = [e for e in errs if e[0] == kind]
            print(f"--- {kind} ({len(rows)})")
            for e in rows[: args.errors]:
                print("  ", repr(e[1][:140]), "|", e[2], e[3], e[4], "|", e[5] or "")
    print(f"gold {res['gold']}  predicted {res['predicted']}  ({res['words_per_s']} words/s)")
    for k in ("value", "value+unit", "value+bound"):
        r = res[k]
        print(f"{k:12s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
