"""Score newsledger's ACLED coding against CASE 2021 Task 2 snippets (ACLED sub-event types).

    python benchmarks/acled.py PATH [--part tune|report|all] [--json] [--show-errors N]

PATH is the folder holding case2021-dev.tsv (id, EventSnippet, SubType) or the file itself. Each
snippet runs through the shipped pipeline (`newsledger.extract`, no publication date). Its
prediction is the ACLED sub_event_type of its most confident event that has an ACLED coding
(ties: the earlier trigger); none when no event has one.

Measures (the README beside the data defines them):
- weighted F1 over the 25 ACLED labels: each label's F1 weighted by its support; a prediction
  on a snippet whose gold label is one of the five non-ACLED labels counts against the label
  predicted;
- uncoded: the share of the non-ACLED snippets (NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO,
  ORG_CRIME, ATTRIB) that get no ACLED coding;
- the confusions: the most frequent (gold, predicted) pairs that differ.

Parts: rows are numbered from 0 in file order; "tune" holds the even rows, "report" the odd
ones. Rules were written from the codebook and checked on the tuning part; the report part
tells how they carry over (the other half of CASE 2021 is held out from the project).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

FILE_NAME = "case2021-dev.tsv"
# CASE 2021 label -> ACLED sub_event_type, as the README beside the data lists them.
LABELS = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "OTHER": "Other",
}
NON_ACLED = ("NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB")
NONE = "-"


def load_rows(path: Path) -> list[dict]:
    if path.is_dir():
        path = path / FILE_NAME
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows):
        if row["SubType"] not in LABELS and row["SubType"] not in NON_ACLED:
            raise ValueError(f"{path}: row {n + 2} has unknown SubType {row['SubType']!r}")
        row["index"] = n
    return rows


def predict(result) -> str:
    """The sub-event type of the most confident event with an ACLED coding, or NONE."""
    coded = [e for e in result.events if e.acled and e.acled.get("sub_event_type")]
    if not coded:
        return NONE
    best = min(coded, key=lambda e: (-e.confidence, e.trigger.start))
    return best.acled["sub_event_type"]


def score(pairs: list[tuple[str, str]]) -> dict:
    """pairs: (gold CASE label, predicted ACLED sub_event_type or NONE)."""
    names = {label: name for label, name in LABELS.items()}
    gold = [names.get(g, g) for g, _ in pairs]
    pred = [p for _, p in pairs]
    per_label, weighted, support_total = {}, 0.0, 0
    for name in names.values():
        support = sum(g == name for g in gold)
        tp = sum(g == p == name for g, p in zip(gold, pred))
        predicted = sum(p == name for p in pred)
        prec = tp / predicted if predicted else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_label[name] = {
            "support": support,
            "predicted": predicted,
            "p": round(prec, 3),
            "r": round(rec, 3),
            "f1": round(f1, 3),
        }
        weighted += f1 * support
        support_total += support
    non = [(g, p) for g, p in pairs if g in NON_ACLED]
    confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p and not (g in NON_ACLED and p == NONE))
    return {
        "n": len(pairs),
        "weighted_f1": round(weighted / support_total, 4) if support_total else None,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred) if g in names.values()) / support_total, 4)
        if support_total
        else None,
        "uncoded": round(sum(p == NONE for _, p in non) / len(non), 4) if non else None,
        "n_non_acled": len(non),
        "per_label": per_label,
        "confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in confusions.most_common(10)],
    }


def evaluate(path: Path, limit: int | None = None) -> dict:
    """Run the pipeline over every snippet; scores for the tuning part, the report part, all."""
    from newsledger import extract

    rows = load_rows(path)[:limit] if limit else load_rows(path)
    start = time.perf_counter()
    results = extract([r["EventSnippet"] for r in rows])
    seconds = time.perf_counter() - start
    pairs = [(r["SubType"], predict(res)) for r, res in zip(rows, results)]
    parts = {
        "tune": [p for r, p in zip(rows, pairs) if r["index"] % 2 == 0],
        "report": [p for r, p in zip(rows, pairs) if r["index"] % 2 == 1],
        "all": pairs,
    }
    out = {name: score(part) for name, part in parts.items()}
    out["seconds"] = round(seconds, 1)
    out["rows"] = [
        {"id": r["id"], "index": r["index"], "gold": r["SubType"], "predicted": p, "text": r["EventSnippet"]}
        for r, (_, p) in zip(rows, pairs)
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument(
        "--part",
        choices=("tune", "report", "all"),
        default=None,
        help="print the per-label table and errors of this part (default: all)",
    )
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"no such file or folder: {args.path}", file=sys.stderr)
        return 2
    out = evaluate(args.path, args.limit)
    if args.json:
        print(json.dumps({k: v for k, v in out.items() if k != "rows"}, indent=1))
        return 0
    print(f"{'part':<8}{'n':>5}{'weighted F1':>13}{'accuracy':>10}{'non-ACLED uncoded':>19}")
    for name in ("tune", "report", "all"):
        s = out[name]
        print(
            f"{name:<8}{s['n']:>5}{s['weighted_f1']:>13.3f}{s['accuracy']:>10.3f}"
            f"{s['uncoded']:>14.3f} of {s['n_non_acled']}"
        )
    part = out[args.part or "all"]
    print(f"\nper label ({args.part or 'all'}): support, predicted, P, R, F1")
    for name, c in sorted(part["per_label"].items(), key=lambda kv: -kv[1]["support"]):
        print(f"  {name:<38}{c['support']:>4}{c['predicted']:>5}{c['p']:>7.2f}{c['r']:>6.2f}{c['f1']:>6.2f}")
    print("\nten largest confusions (gold -> predicted):")
    for c in part["confusions"]:
        print(f"  {c['n']:>3}  {c['gold']} -> {c['predicted']}")
    if args.show_errors:
        wanted = {"tune": 0, "report": 1}.get(args.part or "")
        shown = 0
        for r in out["rows"]:
            gold = LABELS.get(r["gold"], r["gold"])
            if gold == r["predicted"] or (gold in NON_ACLED and r["predicted"] == NONE):
                continue
            if wanted is not None and r["index"] % 2 != wanted:
                continue
            print(f"\n[{r['id']}] {gold} -> {r['predicted']}\n  {r['text']}")
            shown += 1
            if shown >= args.show_errors:
                break
    print(f"\n{out['all']['n']} snippets in {out['seconds']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
