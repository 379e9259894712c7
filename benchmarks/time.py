"""Benchmark newsledger_times on TimeML files (WikiWars): span F1 (strict, relaxed) and value F1.

Usage: python benchmarks/time.py PATH [--news] [--errors N] [--half tune|test]
PATH is a folder of .tml files (or one file). --half keeps one half of the files in name order:
"tune" the 1st, 3rd, 5th ... (the rules were tuned on these), "test" the 2nd, 4th ... (held out).
The document creation time (DCT) is the
publication date. Scoring follows TempEval-3: relaxed = spans overlap (one-to-one), strict =
same offsets; value F1 counts relaxed matches whose values are equal as the true positives.
WikiWars is narrative history, so the times component runs in narrative mode unless --news.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

from bench_scoring import prf  # benchmarks/ is on sys.path when run or loaded

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, list[tuple[int, int, str]], dt.date | None]:
    """(text, gold [(start, end, value)], DCT) of one TimeML file; offsets into the plain text."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body.group(1) if body else raw
    out, gold, pos, open_ = [], [], 0, None
    length = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) == "TIMEX3":
            if tag.group(1) == "":
                open_ = (length, dict(_ATTR.findall(tag.group(3))))
            elif open_:
                value = open_[1].get("value") or None
                gold.append((open_[0], length, None if value == "null" else value))
                open_ = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), gold, dct


def load_corpus(path: str | Path, half: str | None = None) -> list[tuple[str, str, list, dt.date | None]]:
    p = Path(path)
    files = sorted(p.glob("**/*.tml")) if p.is_dir() else [p]
    if half:
        files = files[0 if half == "tune" else 1 :: 2]
    return [(f.name, *read_tml(f)) for f in files]


def build_times_nlp(narrative: bool = True):
    """The shipped pipeline (newsledger.nlp.pipeline.build_nlp) up to the times component, with
    the times component in narrative mode when asked (TimeML stories are histories)."""
    from newsledger.nlp.pipeline import COMPONENTS, Settings, build_nlp

    nlp = build_nlp(Settings(components=COMPONENTS[: COMPONENTS.index("times") + 1]))
    nlp.get_pipe("newsledger_times").narrative = narrative
    return nlp


def score_times(
    path: str | Path, narrative: bool = True, nlp=None, errors: list | None = None, half: str | None = None
) -> dict:
    """Scores of newsledger_times on the TimeML files at `path`."""
    nlp = nlp or build_times_nlp(narrative)
    n_gold = n_sys = strict = relaxed = value_ok = words = 0
    t0 = time.perf_counter()
    for name, text, gold, dct in load_corpus(path, half):
        doc = nlp.make_doc(text)
        doc._.published = dct
        doc = nlp(doc)
        words += len(doc)
        sys_spans = [(t.start, t.end, t.value) for t in doc._.times]
        n_gold += len(gold)
        n_sys += len(sys_spans)
        exact = {(s, e) for s, e, _ in sys_spans}
        strict += sum((s, e) in exact for s, e, _ in gold)
        used = set()
        for gs, ge, gv in gold:
            best = None
            for j, (ss, se, _sv) in enumerate(sys_spans):
                if j not in used and ss < ge and gs < se:
                    best = j
                    if (ss, se) == (gs, ge):
                        break
            if best is None:
                if errors is not None:
                    errors.append(("missed", name, text[gs:ge], gv, None))
                continue
            used.add(best)
            relaxed += 1
            sv = sys_spans[best][2]
            if sv == gv:
                value_ok += 1
            elif errors is not None:
                errors.append(("value", name, text[gs:ge], gv, (text[sys_spans[best][0] : sys_spans[best][1]], sv)))
        if errors is not None:
            for j, (ss, se, sv) in enumerate(sys_spans):
                if j not in used:
                    errors.append(("spurious", name, text[ss:se], sv, None))
    secs = time.perf_counter() - t0
    return {
        "gold": n_gold,
        "system": n_sys,
        "strict": prf(strict, n_sys, n_gold),
        "relaxed": prf(relaxed, n_sys, n_gold),
        "value": prf(value_ok, n_sys, n_gold),
        "words_per_s": round(words / secs, 1) if secs else None,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--news", action="store_true", help="anchor deictic expressions on the DCT (news mode)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--half", choices=("tune", "test"), help="score one half of the files only")
    args = ap.parse_args(argv)
    errs: list = [] if args.errors else None
    res = score_times(args.path, narrative=not args.news, errors=errs, half=args.half)
    if errs:
        for kind in ("missed", "spurious", "value"):
            rows = [e for e in errs if e[0] == kind]
            print(f"--- {kind} ({len(rows)})")
            for e in rows[: args.errors]:
                print("  ", e[1], repr(e[2]), e[3], e[4] or "")
    print(f"gold {res['gold']}  system {res['system']}  ({res['words_per_s']} words/s)")
    for k in ("strict", "relaxed", "value"):
        r = res[k]
        print(f"{k:8s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
