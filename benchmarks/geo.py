"""Geoparsing benchmark of the places component on LGL and TR-News (GeoNames-annotated news).

    python benchmarks/geo.py PATH_TO_GEO_DIR [--limit N] [--part all|first|second]
                             [--profile default|location|both] [--json]

For each corpus (lgl.xml, TR-News.xml in PATH_TO_GEO_DIR) it prints
  recognition P/R/F1   every annotated toponym counts (demonyms, streets, names inside
                       organisations ...): one is found when a predicted place mention overlaps
                       it; a predicted mention is right when it overlaps a gold toponym
  acc@161              of the found gold toponyms that carry coordinates, the share whose
                       predicted place lies within 161 km (100 miles) of the gold point
  acc@161 (gold spans) the resolver alone, given the gold toponym spans
  by role              of the gold toponyms, the share found with a mention of each role
                       (location, actor, modifier: records.PlaceMention) and acc@161 of those
  words/s              of the pipeline with the places component, and of the bare spaCy model

Profiles, both scored and both pinned by the quality gate:
  default   the component as shipped: every mention, each with its role
  location  only the location mentions (what events take their place from)
--part first|second scores the first or second half of each corpus's articles (the rules were
tuned on the first half of LGL; the second half and TR-News are the held-out report).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

CORPORA = ("lgl.xml", "TR-News.xml")
ROLES = ("location", "actor", "modifier")
PROFILES: dict[str, dict] = {"default": {}, "location": {"roles": ["location"]}}


def read_corpus(path: Path, limit: int | None = None, part: str = "all") -> list[dict]:
    """Articles as {"text": str, "toponyms": [(start, end, lat|None, lon|None)]}; part "first"
    or "second": that half of the corpus (then limit counts within it)."""
    if part != "all":
        whole = read_corpus(path)
        half = whole[: len(whole) // 2] if part == "first" else whole[len(whole) // 2 :]
        return half[:limit] if limit else half
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            g = t.find("gaztag")
            lat = lon = None
            if g is not None and g.findtext("lat") and g.findtext("lon"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
            tops.append((s, e, lat, lon))
        out.append({"text": text, "toponyms": tops})
        if limit and len(out) >= limit:
            break
    return out


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _ratio(a, b):
    return a / b if b else 0.0


def evaluate(articles: list[dict], nlp) -> dict:
    """Scores of a pipeline whose last component is newsledger_places."""
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a["text"] for a in articles))
    return score(articles, docs, nlp.get_pipe("newsledger_places"), time.perf_counter() - t0)


def parse(articles: list[dict]) -> tuple[list, float]:
    """The articles parsed once by the shipped pipeline up to the places component (tokenizer
    tweak, paragraph breaks, actors: places reads doc._.actors), and the seconds it took."""
    from newsledger.nlp.pipeline import COMPONENTS, Settings, build_nlp

    nlp = build_nlp(Settings(components=COMPONENTS[: COMPONENTS.index("places")]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a["text"] for a in articles))
    return docs, time.perf_counter() - t0


def component(profile: str = "default"):
    from newsledger.components.places.component import PlacesComponent

    return PlacesComponent(**PROFILES[profile])


def score(articles: list[dict], docs: list, comp, parse_seconds: float = 0.0) -> dict:
    """Scores of a places component over parsed Docs (it is applied here; parse_seconds
    counts toward the words/s of the whole pipeline)."""
    n_gold = n_found = n_pred = n_pred_ok = 0
    n_geo = n_geo_ok = n_gold_geo = n_gold_geo_ok = 0
    role_found = dict.fromkeys(ROLES, 0)
    role_geo = {r: [0, 0] for r in ROLES}  # found with coordinates in gold, of them within 161 km
    words, t0 = 0, time.perf_counter()
    for art, doc in zip(articles, docs):
        doc = comp(doc)
        words += len(art["text"].split())
        mentions = [(m.start, m.end, p, getattr(m, "role", "location")) for p in doc._.places for m in p.mentions]
        gold = art["toponyms"]
        for s, e, *_ in mentions:
            n_pred += 1
            n_pred_ok += any(s < ge and gs < e for gs, ge, *_ in gold)
        for gs, ge, lat, lon in gold:
            n_gold += 1
            hits = [(p, role) for s, e, p, role in mentions if s < ge and gs < e]
            if not hits:
                continue
            hit, role = min(hits, key=lambda h: ROLES.index(h[1]))
            n_found += 1
            role_found[role] += 1
            if lat is not None:
                ok = hit.lat is not None and km(lat, lon, hit.lat, hit.lon) <= 161
                n_geo += 1
                n_geo_ok += ok
                role_geo[role][0] += 1
                role_geo[role][1] += ok
        geo_gold = [(s, e, lat, lon) for s, e, lat, lon in gold if lat is not None]
        picks = comp.resolve_spans(doc, [(s, e) for s, e, _, _ in geo_gold])
        for (_, _, lat, lon), e in zip(geo_gold, picks):
            n_gold_geo += 1
            n_gold_geo_ok += e is not None and km(lat, lon, e.lat, e.lon) <= 161
    seconds = time.perf_counter() - t0 + parse_seconds
    p, r = _ratio(n_pred_ok, n_pred), _ratio(n_found, n_gold)
    return {
        "articles": len(articles),
        "gold": n_gold,
        "predicted": n_pred,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(_ratio(2 * p * r, p + r), 4),
        "acc161": round(_ratio(n_geo_ok, n_geo), 4),
        "acc161_gold_spans": round(_ratio(n_gold_geo_ok, n_gold_geo), 4),
        "by_role": {
            role: {
                "recall": round(_ratio(role_found[role], n_gold), 4),
                "acc161": round(_ratio(role_geo[role][1], role_geo[role][0]), 4),
            }
            for role in ROLES
        },
        "words_per_s": round(words / seconds) if seconds else 0,
    }


def build(profile: str = "default"):
    """The shipped pipeline up to the places component, that component in the given profile."""
    from newsledger.nlp.pipeline import COMPONENTS, Settings, build_nlp

    nlp = build_nlp(Settings(components=COMPONENTS[: COMPONENTS.index("places") + 1]))
    nlp.replace_pipe("newsledger_places", "newsledger_places", config=PROFILES[profile])
    return nlp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("geo_dir", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus")
    ap.add_argument("--part", choices=("all", "first", "second"), default="all", help="half of each corpus")
    ap.add_argument("--profile", choices=("default", "location", "both"), default="both")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from newsledger.geo import get_gazetteer

    t0 = time.perf_counter()
    get_gazetteer()
    results = {"gazetteer_load_s": round(time.perf_counter() - t0, 2)}
    profiles = tuple(PROFILES) if args.profile == "both" else (args.profile,)
    for name in CORPORA:
        path = args.geo_dir / name
        if not path.exists():
            print(f"{path} not found", file=sys.stderr)
            return 2
        arts = read_corpus(path, args.limit, args.part)
        docs, seconds = parse(arts)  # parsed once; each profile's component runs on copies
        words = sum(len(a["text"].split()) for a in arts)
        results[name] = {"bare_words_per_s": round(words / seconds) if seconds else 0}
        for prof in profiles:
            copies = [d.copy() for d in docs]
            results[name][prof] = score(arts, copies, component(prof), seconds)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"gazetteer load: {results['gazetteer_load_s']} s")
    for name in CORPORA:
        r = results[name]
        print(f"\n{name}  (bare spaCy: {r['bare_words_per_s']} words/s)")
        for prof in profiles:
            x = r[prof]
            print(
                f"  {prof:8s} P {x['precision']:.3f} R {x['recall']:.3f} F1 {x['f1']:.3f}  "
                f"acc@161 {x['acc161']:.3f}  acc@161(gold spans) {x['acc161_gold_spans']:.3f}  "
                f"{x['words_per_s']} words/s  ({x['articles']} articles, {x['gold']} gold, "
                f"{x['predicted']} predicted)"
            )
            roles = "  ".join(
                f"{role} R {v['recall']:.3f} acc@161 {v['acc161']:.3f}" for role, v in x["by_role"].items()
            )
            print(f"           by role: {roles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
