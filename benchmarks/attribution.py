"""Score newsledger's statements against the PolNeAR attribution corpus (brat standoff).

    python benchmarks/attribution.py PATH [--split dev] [--half a|b] [--limit N] [--json]

PATH is the PolNeAR data folder holding train/ and dev/ (each with text/*.txt and
attributions/*.ann; an article annotated by several annotators has several .ann files, the
first in name order is used). Spans labelled Source, Cue and Content are scored.

Two measures per role:
- exact: span-level precision/recall over distinct spans, a predicted span counting when its set
  of word tokens (spaCy tokens that are not punctuation or space) equals that of a gold span of
  the same role (a discontinuous gold span = the union of its fragments);
- token: token-level precision/recall, the per-token measure of the PolNeAR paper and of the
  BERT attribution baselines: every word token gets at most one role in gold (PolNeAR is
  univocal) and in prediction; P = correct role tokens / predicted role tokens, R = correct role
  tokens / gold role tokens.
Cue token F1 sits below Cue exact F1 because the two weigh cues differently, not because of the
per-token priority: on dev (2026-11-26 round 3) the cues found exactly average 1.4 words, the
cues missed outright 2.6 ("has faced ridicule online", "ran a feature Saturday that extensively
profiled"), so each miss costs the token measure more than a hit gains it. Punctuation-only gold
cues (":", 145 in train) have no word token and count in neither measure.
Pronoun sources: PolNeAR marks the pronoun ("he said") but not whom it refers to, so the
speakers of the pronoun sources of dev half b were annotated by hand for this project
(benchmarks/attribution_pronoun_speakers.tsv). For each such gold source in the scored articles:
is there a predicted statement with that source span, is its source resolved (source.refers_to)
and does the resolved mention name the gold speaker; the same counts per pronoun (he, she, they, it).
Halves: --half a scores the articles at even positions of the split in file-name order (the
tuning half), --half b those at odd positions (the report half).
PolNeAR annotates only the outermost attribution ("M said that P, according to Y" is one
attribution by Y whose content holds "M said that P"), so predicted statements nested inside
another predicted statement's content are left out of both measures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench_scoring import prf  # benchmarks/ is on sys.path when run or loaded

ROLES = ("Source", "Cue", "Content")
HALVES = ("a", "b")  # a: even positions (tuning), b: odd positions (report)
PRONOUN_SPEAKERS = Path(__file__).with_name("attribution_pronoun_speakers.tsv")
PRIORITY = {"Source": 0, "Cue": 1, "Content": 2}  # lower wins when spans overlap


def build_nlp():
    """The product pipeline (newsledger.nlp.pipeline.build_nlp: tokenizer tweaks, paragraph
    breaks, every component) up to statements, so the score is that of what ships."""
    from newsledger.nlp.pipeline import COMPONENTS, Settings
    from newsledger.nlp.pipeline import build_nlp as product_nlp

    return product_nlp(Settings(components=COMPONENTS[: COMPONENTS.index("statements") + 1]))


def read_ann(path: Path) -> dict[str, list[list[tuple[int, int]]]]:
    """Role -> list of spans, each a list of (start, end) fragments."""
    spans: dict[str, list] = {r: [] for r in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in spans:
            continue
        frags = []
        for frag in offsets.split(";"):
            a, b = frag.split()
            frags.append((int(a), int(b)))
        spans[label].append(frags)
    return spans


def articles(root: Path, split: str, limit: int | None = None, half: str | None = None):
    """(name, text, gold) triples of a split, in file-name order (half a: even positions, b: odd)."""
    folder = root / split
    texts = sorted((folder / "text").glob("*.txt"))
    n = 0
    for pos, txt in enumerate(texts):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns or (half is not None and pos % 2 != HALVES.index(half)):
            continue
        yield txt.stem, txt.read_text(encoding="utf-8"), read_ann(anns[0])
        n += 1
        if limit and n >= limit:
            break


def _word_tokens(doc) -> list[tuple[int, int, int]]:
    return [(t.i, t.idx, t.idx + len(t.text)) for t in doc if not (t.is_punct or t.is_space)]


def _tokens_of(words, frags) -> frozenset[int]:
    out = set()
    for a, b in frags:
        out.update(i for i, s, e in words if s < b and a < e)
    return frozenset(out)


def _inside(st, o) -> bool:
    """Does st's cue (or content when cue-less) lie in o's content, st not holding o's content?"""
    anchor = st.cue or st.content
    return (
        o is not st
        and o.content.start <= anchor.start
        and anchor.end <= o.content.end
        and not (st.content.start <= o.content.start and o.content.end <= st.content.end)
    )


def outermost(statements) -> list:
    """Statements whose cue (or content when cue-less) lies in no other statement's content.
    When two statements each lie in the other's content (overlapping contents), the one with
    the longer content is the outer one; dropping both would lose a real attribution."""

    def span(st):
        return st.content.end - st.content.start

    out = []
    for st in statements:
        nested = any(_inside(st, o) and not (_inside(o, st) and span(st) >= span(o)) for o in statements)
        if not nested:
            out.append(st)
    return out


def predicted_spans(doc) -> dict[str, list[list[tuple[int, int]]]]:
    spans: dict[str, list] = {r: [] for r in ROLES}
    for st in outermost(doc._.statements or []):
        for role, sp in (("Source", st.source), ("Cue", st.cue), ("Content", st.content)):
            if sp is not None and sp.end > sp.start:
                spans[role].append([(sp.start, sp.end)])
    return spans


def _labels(words, spans) -> dict[int, str]:
    lab: dict[int, str] = {}
    for role in ROLES:
        for frags in spans[role]:
            for i in _tokens_of(words, frags):
                if i not in lab or PRIORITY[role] < PRIORITY[lab[i]]:
                    lab[i] = role
    return lab


def read_pronoun_speakers(path: Path = PRONOUN_SPEAKERS) -> dict[str, list[tuple[int, int, list[str]]]]:
    """article -> [(start, end, speaker strings)] of hand-annotated pronoun sources."""
    out: dict[str, list] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, start, end, _pronoun, speakers = line.split("\t")
        out.setdefault(name, []).append((int(start), int(end), speakers.split("|")))
    return out


class PronounScores:
    """How the pronoun sources of the hand-annotated rows fare: found, resolved, right speaker."""

    KEYS = ("gold", "found", "resolved", "correct")

    def __init__(self):
        self.c = dict.fromkeys(self.KEYS, 0)
        self.by_pronoun: dict[str, dict[str, int]] = {}  # "he" -> the same counts for that pronoun

    def add(self, doc, rows) -> None:
        sources = {(s.source.start, s.source.end): s.source for s in doc._.statements or [] if s.source is not None}
        text = doc.text
        for start, end, speakers in rows:
            src = sources.get((start, end))
            steps = (
                True,
                src is not None,
                src is not None and src.refers_to is not None,
                src is not None and src.refers_to is not None and any(k in src.refers_to.text for k in speakers),
            )
            mine = self.by_pronoun.setdefault(text[start:end].lower(), dict.fromkeys(self.KEYS, 0))
            for key, reached in zip(self.KEYS, steps, strict=True):
                self.c[key] += reached
                mine[key] += reached

    def table(self) -> dict:
        c = self.c
        return {
            **c,
            "accuracy": round(c["correct"] / c["gold"], 4) if c["gold"] else 0.0,
            "accuracy_found": round(c["correct"] / c["found"], 4) if c["found"] else 0.0,
            "by_pronoun": {
                p: {**k, "accuracy": round(k["correct"] / k["gold"], 4)}
                for p, k in sorted(self.by_pronoun.items(), key=lambda kv: -kv[1]["gold"])
            },
        }


class Scores:
    def __init__(self):
        self.c = {r: {k: 0 for k in ("ex_tp", "ex_pred", "ex_gold", "tok_tp", "tok_pred", "tok_gold")} for r in ROLES}

    def add(self, doc, gold, pred) -> None:
        words = _word_tokens(doc)
        for role in ROLES:
            g = {s for s in (_tokens_of(words, f) for f in gold[role]) if s}
            p = {s for s in (_tokens_of(words, f) for f in pred[role]) if s}
            c = self.c[role]
            c["ex_tp"] += len(g & p)
            c["ex_pred"] += len(p)
            c["ex_gold"] += len(g)
        gl, pl = _labels(words, gold), _labels(words, pred)
        for role in ROLES:
            c = self.c[role]
            c["tok_gold"] += sum(1 for v in gl.values() if v == role)
            c["tok_pred"] += sum(1 for v in pl.values() if v == role)
            c["tok_tp"] += sum(1 for i, v in pl.items() if v == role and gl.get(i) == role)

    def table(self) -> dict[str, dict[str, float]]:
        out = {}
        for role in ROLES:
            c = self.c[role]
            exact = prf(c["ex_tp"], c["ex_pred"], c["ex_gold"])
            token = prf(c["tok_tp"], c["tok_pred"], c["tok_gold"])
            out[role] = {
                **{f"exact_{k}": v for k, v in exact.items()},
                **{f"token_{k}": v for k, v in token.items()},
                "gold_spans": c["ex_gold"],
            }
        return out


def evaluate(root: Path, split: str = "dev", limit: int | None = None, nlp=None, half: str | None = None) -> dict:
    nlp = nlp or build_nlp()
    scores, pronouns, n, words = Scores(), PronounScores(), 0, 0
    speakers = read_pronoun_speakers() if split == "dev" else {}
    t0 = time.perf_counter()
    items = list(articles(root, split, limit, half))
    for doc, (name, _, gold) in zip(nlp.pipe(t for _, t, _ in items), items):
        scores.add(doc, gold, predicted_spans(doc))
        pronouns.add(doc, speakers.get(name, []))
        n += 1
        words += len(doc)
    result = scores.table()
    result["pronoun_sources"] = pronouns.table()
    result["_meta"] = {
        "split": split,
        "half": half,
        "articles": n,
        "tokens": words,
        "seconds": round(time.perf_counter() - t0, 1),
        "pipeline": nlp.pipe_names,
    }
    return result


def print_table(result: dict) -> None:
    meta = result["_meta"]
    print(
        f"PolNeAR {meta['split']}{' half ' + meta['half'] if meta['half'] else ''}: {meta['articles']} articles, "
        f"{meta['tokens']} tokens, "
        f"{meta['seconds']} s, pipeline {meta['pipeline']}"
    )
    print(
        f"{'role':<8} {'exact P':>8} {'exact R':>8} {'exact F1':>9} {'tok P':>7} {'tok R':>7} {'tok F1':>7}  gold spans"
    )
    for role in ROLES:
        r = result[role]
        print(
            f"{role:<8} {r['exact_p']:>8.3f} {r['exact_r']:>8.3f} {r['exact_f1']:>9.3f} "
            f"{r['token_p']:>7.3f} {r['token_r']:>7.3f} {r['token_f1']:>7.3f}  {r['gold_spans']}"
        )
    p = result["pronoun_sources"]
    if p["gold"]:
        print(
            f"pronoun sources (hand-annotated speakers): {p['gold']} gold, {p['found']} found as a source, "
            f"{p['resolved']} resolved, {p['correct']} to the gold speaker "
            f"(accuracy {p['accuracy']:.3f}; {p['accuracy_found']:.3f} of those found)"
        )
        print(
            "  by pronoun (right speaker / gold): "
            + ", ".join(f"{w} {k['correct']}/{k['gold']}" for w, k in p["by_pronoun"].items())
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="PolNeAR data folder (with train/ and dev/)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--half", choices=HALVES, default=None, help="a: even positions (tuning), b: odd (report)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    if not (args.path / args.split / "text").is_dir():
        print(
            f"error: {args.path / args.split / 'text'} not found; PATH must be the PolNeAR data "
            f"folder holding train/ and dev/",
            file=sys.stderr,
        )
        return 2
    result = evaluate(args.path, args.split, args.limit, half=args.half)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
