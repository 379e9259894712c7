"""Score newsledger's events against the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

    python benchmarks/events.py PATH [--limit N] [--json] [--show-errors N]

PATH is the PLOVER data folder (holding gold_standard_records/PLOVER_GSR_CAMEO.txt) or the
file itself. Each record is one sentence with its gold PLOVER 0.5b1 category (mapped to the
16 current categories by benchmarks/events_plover_map.tsv), source and target actors (country
codes) and a date. The pipeline (the model plus whichever newsledger components exist; at
minimum events) runs over each text with the record's date as the publication date.

The record's event is the *top* event of the sentence: the one whose trigger is closest to the
root of the dependency tree, an event noun counting at the level of the verb it is the object of
(ties: higher confidence, then earlier). Measures, per category:
- type:   the top event's type equals the gold category;
- plover: the same after projecting newsledger's (type, mode) onto PLOVER's coding conventions
          (newsledger.components.events.plover.plover_category, from the PLOVER manual 3.1, 3.7.2, 3.10):
          a future cooperative action ("Finland will give Tanzania a grant", AID planned) is
          AGREE, a future retreat CONCEDE, a future hostile action THREATEN, a refused
          cooperative action REJECT;
- actor:  the top event's actor has a country among the gold source codes;
- recipient: likewise for the gold target (records without a coded target are left out);
- recip+place: the recipient, or, when the event has no recipient actor, the country of its
          place: PLOVER codes a territory as the target ("lifted the curfew in (TAR: Montenegro)")
          where newsledger keeps it as the event's place;
- mode:   the projected top event is "actual" (the gold records are coded as things that
          happened: a promise or threat is an actual speech act). A proxy: the gold has no mode.
- sources / targets (all named): on records whose gold codes two or more sources (targets),
          every one of those codes is the country of the top event's actor or of a co-actor
          (recipient or co-recipient): coordinated parties ("Jordan and Britain have agreed").
Records with no event count as wrong for every measure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAP_FILE = HERE / "events_plover_map.tsv"
# Non-ISO codes of the gold file -> ISO 3166-1 alpha-3.
GOLD_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Codes for international/non-governmental organisations rather than countries.
ORG_CODES = {"IGO", "NGO"}


def load_map(path: Path = MAP_FILE) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, _why = line.split("\t", 2)
            out[old] = new
    return out


def load_records(path: Path) -> list[dict]:
    if path.is_dir():
        path = path / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("text") and r.get("event") != "DOCUMENT"]


def gold_codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    codes = set()
    for a in actors:
        if isinstance(a, dict) and a.get("code"):
            code = a["code"].strip().upper()
            codes.add(GOLD_FIXES.get(code, code))
    return codes


def build_nlp():
    """The shipped pipeline (newsledger.nlp.pipeline.build_nlp: tokenizer tweak, paragraph breaks,
    every component), so the score is that of what ships."""
    from newsledger.nlp.pipeline import build_nlp as product_nlp

    return product_nlp()


def run(doc_nlp, text: str, published: dt.date | None):
    doc = doc_nlp.make_doc(text)
    doc._.published = published
    for _name, proc in doc_nlp.pipeline:
        doc = proc(doc)
    return doc


def depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def clause_depth(tok) -> int:
    """Depth of the clause a trigger heads: an event noun that is a verb's object sits at its
    verb's level ("reiterated its demand that ...", "continued their hunger strike to ...")."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        return depth(tok.head)
    return depth(tok)


def top_event(doc):
    best, best_key = None, None
    for e in doc._.events or []:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        d = clause_depth(span.root)
        if span.root.dep_ == "aux" and e.type == "REQUEST":
            d -= 1.5  # a demand by modal ("X must do Y") heads the verb it governs
        key = (d, -e.confidence, e.trigger.start)
        if best_key is None or key < best_key:
            best, best_key = e, key
    return best


def plover_view(event) -> tuple[str, str]:
    """(type, mode) under PLOVER's conventions for intentions and refusals."""
    from newsledger.components.events.plover import plover_category

    projected = plover_category(event.type, event.mode)
    return projected, ("actual" if projected != event.type else event.mode)


def place_country(place) -> str | None:
    """ISO alpha-3 of a place's alpha-2 country code."""
    if place is None or not place.country:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=place.country.upper())
    return found.alpha_3 if found else None


def country_ok(actor, gold: set[str]) -> bool:
    if actor is None or not gold:
        return False
    code = (actor.country or "").upper()
    if code in gold:
        return True
    # An organisation actor (UN, NATO, EU ...) matches a gold IGO/NGO code.
    return bool(gold & ORG_CODES) and bool(code) and (len(code) != 3 or code in ORG_CODES)


def _who(actor) -> str | None:
    return None if actor is None else f"{actor.name}={actor.country}/{actor.sector}"


def evaluate(path: Path, limit: int | None = None, show_errors: int = 0, show_roles: int = 0) -> dict:
    mapping = load_map()
    records = load_records(path)[:limit] if limit else load_records(path)
    nlp = build_nlp()
    rows: dict[str, Counter] = defaultdict(Counter)
    errors, role_errors = [], []
    start = time.perf_counter()
    for r in records:
        gold = mapping[r["event"]]
        published = dt.date.fromisoformat(r["date"]) if r.get("date") else None
        doc = run(nlp, r["text"], published)
        actors = {a.id: a for a in doc._.actors or []}
        places = {p.id: p for p in doc._.places or []}
        ev = top_event(doc)
        c = rows[gold]
        c["n"] += 1
        src, tgt = gold_codes(r.get("source")), gold_codes(r.get("target"))
        c["n_actor"] += bool(src)
        c["n_recipient"] += bool(tgt)
        if ev is None:
            errors.append((r["id"], gold, None, r["text"]))
            continue
        ptype, pmode = plover_view(ev)
        c["type"] += ev.type == gold
        c["plover"] += ptype == gold
        c["mode"] += pmode == "actual"
        ok_a = bool(src) and country_ok(actors.get(ev.actor), src)
        ok_r = bool(tgt) and country_ok(actors.get(ev.recipient), tgt)
        ok_rp = ok_r or (bool(tgt) and ev.recipient is None and place_country(places.get(ev.place)) in tgt)
        c["recipient_or_place"] += ok_rp
        for side, gold_side, ids in (
            ("sources", src, [ev.actor, *ev.co_actors]),
            ("targets", tgt, [ev.recipient, *ev.co_recipients]),
        ):
            if len(gold_side) >= 2:
                c[f"n_{side}"] += 1
                c[side] += all(any(country_ok(actors.get(i), {code}) for i in ids) for code in gold_side)
        c["actor"] += ok_a
        c["recipient"] += ok_r
        if (src and not ok_a) or (tgt and not ok_r):
            role_errors.append(
                (
                    r["id"],
                    ev.trigger.text,
                    None if ok_a or not src else (sorted(src), _who(actors.get(ev.actor))),
                    None if ok_r or not tgt else (sorted(tgt), _who(actors.get(ev.recipient))),
                    r["text"],
                )
            )
        if ptype != gold:
            errors.append((r["id"], gold, f"{ev.type}/{ev.mode} '{ev.trigger.text}'", r["text"]))
    seconds = time.perf_counter() - start
    total = Counter()
    for c in rows.values():
        total.update(c)
    result = {
        "records": total["n"],
        "seconds": round(seconds, 1),
        "components": [n for n in nlp.pipe_names if n.startswith("newsledger_")],
        "overall": _rates(total),
        "per_category": {k: _rates(v) for k, v in sorted(rows.items())},
    }
    if show_errors:
        result["errors"] = errors[:show_errors]
    if show_roles:
        result["role_errors"] = role_errors[:show_roles]
    return result


def _rates(c: Counter) -> dict:
    def rate(k, n):
        return round(c[k] / c[n], 3) if c[n] else None

    return {
        "n": c["n"],
        "type": rate("type", "n"),
        "plover": rate("plover", "n"),
        "actor": rate("actor", "n_actor"),
        "recipient": rate("recipient", "n_recipient"),
        "recip+place": rate("recipient_or_place", "n_recipient"),
        "mode": rate("mode", "n"),
        "sources": rate("sources", "n_sources"),
        "targets": rate("targets", "n_targets"),
        "n_sources": c["n_sources"],
        "n_targets": c["n_targets"],
    }


def print_table(res: dict) -> None:
    cols = ("n", "type", "plover", "actor", "recipient", "recip+place", "mode")
    print(f"components: {', '.join(res['components'])}   records: {res['records']}   {res['seconds']} s")
    print(f"{'category':<11}" + "".join(f"{c:>12}" for c in cols))
    for name, r in [*res["per_category"].items(), ("ALL", res["overall"])]:
        cells = "".join(f"{'-' if r[c] is None else r[c]:>12}" for c in cols)
        print(f"{name:<11}{cells}")
    o = res["overall"]
    print(
        f"coordinated parties, all named: sources {o['sources']} of {o['n_sources']} records, "
        f"targets {o['targets']} of {o['n_targets']}"
    )
    for rid, gold, got, text in res.get("errors", []):
        print(f"  {rid}  gold={gold}  got={got}  | {text[:110]}")
    for rid, trig, act, rec, text in res.get("role_errors", []):
        print(f"  {rid}  '{trig}'  actor={act}  recipient={rec}  | {text[:110]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0, help="list N records whose type is wrong")
    ap.add_argument("--show-roles", type=int, default=0, help="list N records whose actor/recipient is wrong")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"no PLOVER data at {args.path}", file=sys.stderr)
        return 2
    res = evaluate(args.path, args.limit, args.show_errors, args.show_roles)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print_table(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
