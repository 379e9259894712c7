"""Actor quality on the PLOVER gold-standard records (sentences with coded source/target actors).

    python benchmarks/actors.py [../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt]
                                [--model NAME] [--show 20]

For every gold actor whose text occurs in its sentence, finds newsledger's actor at that span
(extract.spans.actor_at) and reports:
  found     share of gold actors with an actor at their span
  country   share of found actors with the gold country (IGO codes compared as "IGO")
  sector    share of found actors, among gold actors with a sector, with the gold sector
            (PLOVER 0.8 codes as newsledger: JRN = media, MED = health; gold CIV = CVL)
A benchmark, not a test: the gold was coded from CAMEO manual examples (1990s-2000s news).
evaluate() is what tests/components/actors/test_quality_gate.py holds to benchmarks/floors_actors.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "plover"
    / "gold_standard_records"
    / "PLOVER_GSR_CAMEO.txt"
)
GOLD_COUNTRY_FIX = {
    "JAP": "JPN",
    "ROM": "ROU",
    "SER": "SRB",
    "ITL": "ITA",
    "VTN": "VNM",
    "UNO": "IGO",
    "EUR": "IGO",
}  # the gold's non-ISO codes (as benchmarks/events.py GOLD_FIXES)
IGO_CODES = {"IGO"}  # plus the "bodies" of newsledger/components/actors/data/rules.json but NGO and IMG
SECTOR_FIX = {"CIV": "CVL"}  # a gold typo of the civilians code


def gold_actors(record: dict):
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            for a in value:
                if isinstance(a, dict) and a.get("actorText") and a.get("code"):
                    yield a


def norm_country(code: str | None) -> str | None:
    if code is None:
        return None
    code = GOLD_COUNTRY_FIX.get(code, code)
    return "IGO" if code in IGO_CODES else code


def norm_sector(code: str | None) -> str | None:
    if not code or code == "***":
        return None
    code = code[:3].upper()
    return SECTOR_FIX.get(code, code)


def locate(text: str, phrase: str) -> int:
    """Start of the gold phrase in its sentence: as a whole word in its own case first ("US",
    not the "us" of "status"), then in any case, then anywhere."""
    for flags in (0, re.IGNORECASE):
        m = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text, flags)
        if m:
            return m.start()
    return text.lower().find(phrase.lower())


def evaluate(path: Path, model: str | None = None) -> dict:
    """Scores (found, country, sector shares) and error lists on the gold file at `path`."""
    from newsledger.components.common.spans import actor_at
    from newsledger.nlp.pipeline import Settings, build_nlp
    from newsledger.tables import read_json

    rules = read_json("newsledger.components.actors", "rules.json")
    IGO_CODES.update(b for b in rules["bodies"] if b not in ("NGO", "IMG"))
    nlp = build_nlp(Settings(model=model, components=("actors",)))  # the shipped pipeline
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("text")]
    n = found = country_ok = sector_n = sector_ok = skipped = 0
    errors, sector_errors = [], []
    confusion = Counter()
    for doc, rec in zip(nlp.pipe(r["text"] for r in records), records):
        text = rec["text"]
        for g in gold_actors(rec):
            at = locate(text, g["actorText"].strip())
            if at < 0:
                skipped += 1
                continue
            n += 1
            actor = actor_at(doc, at, at + len(g["actorText"].strip()))
            if actor is None:
                continue
            found += 1
            gold_c, ours_c = norm_country(g["code"]), norm_country(actor.country)
            if gold_c == ours_c:
                country_ok += 1
            else:
                confusion[(gold_c, ours_c)] += 1
                errors.append((g["actorText"], gold_c, ours_c, actor.name))
            gs = norm_sector(g.get("sector"))
            if gs:
                sector_n += 1
                sector_ok += gs == actor.sector
                if gs != actor.sector:
                    sector_errors.append((g["actorText"], gs, actor.sector, actor.name))
    return {
        "n": n,
        "skipped": skipped,
        "found_n": found,
        "country_ok": country_ok,
        "sector_n": sector_n,
        "sector_ok": sector_ok,
        "found": found / max(n, 1),
        "country": country_ok / max(found, 1),
        "sector": sector_ok / max(sector_n, 1),
        "confusion": confusion,
        "errors": errors,
        "sector_errors": sector_errors,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--model", default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many country errors")
    args = ap.parse_args(argv)
    path = Path(args.gold)
    if not path.exists():
        print(f"gold data not found at {path}", file=sys.stderr)
        return 2
    r = evaluate(path, args.model)
    print(f"gold actors located in their sentence: {r['n']} (skipped {r['skipped']} not found verbatim)")
    print(f"found   {r['found_n']}/{r['n']} = {r['found']:.3f}")
    print(f"country {r['country_ok']}/{r['found_n']} = {r['country']:.3f}")
    print(f"sector  {r['sector_ok']}/{r['sector_n']} = {r['sector']:.3f}")
    if args.show:
        print("most common country confusions (gold, ours):", r["confusion"].most_common(10))
        for e in r["errors"][: args.show]:
            print("  ", e)
        print("sector errors (text, gold, ours, actor):")
        for e in r["sector_errors"][: args.show]:
            print("  ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
