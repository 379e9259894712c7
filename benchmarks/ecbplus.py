"""ECB+ as ledger input: documents as Articles (one publication date for all), their gold event
mentions as character spans, and the extraction results cached (spaCy over 812 documents takes
minutes; linking experiments take seconds).

    .venv/bin/python benchmarks/ecbplus.py ../shared/data/ecbplus    # extract and cache, print the cache path
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsledger.records import Article, ArticleResult  # noqa: E402  (run as a script: needs the sys.path line above)

CONFLICT_TOPICS = (3, 12, 18, 22, 26, 33, 36, 45)
PUBLISHED = "2020-01-15"  # ECB+ has no dates: every document the same one
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class Doc:
    name: str  # "3_1ecb"
    topic: int
    sub: str  # "ecb" or "ecbplus": the two events of a topic
    article: Article
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, gold instance id)

    @property
    def story(self) -> str:
        return f"{self.topic}/{self.sub}"


def tuning_topic(topic: int) -> bool:
    """Thresholds are set on odd topics; even topics are the report half."""
    return topic % 2 == 1


def read(root: Path) -> list[Doc]:
    """Every document of every topic folder, text rebuilt from the tokens, gold action mentions as spans."""
    validated = _validated(root / "ECBplus_coreference_sentences.csv")
    docs = []
    for path in sorted((root / "topics").glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        docs.append(_read_doc(path, validated))
    return docs


def _validated(path: Path) -> set[tuple[str, int]]:
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as f:
        return {(f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])) for r in csv.DictReader(f)}


def _read_doc(path: Path, validated: set) -> Doc:
    name = path.stem
    topic = int(name.split("_")[0])
    sub = "ecbplus" if name.endswith("ecbplus") else "ecb"
    tree = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    prev_sentence, prev_tok, pos = None, None, 0
    for tok in tree.iter("token"):
        s = int(tok.get("sentence"))
        if sub == "ecbplus" and s == 0:
            continue  # the URL the text was found at
        word = {"``": '"', "''": '"'}.get(tok.text or "", tok.text or "")
        if prev_sentence is None:
            sep = ""
        elif s != prev_sentence:
            sep = "\n" if prev_tok in {".", "!", "?", '"', "''"} else ".\n"
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        sentence_of[tok.get("t_id")] = s
        pieces.append(word)
        pos += len(word)
        prev_sentence, prev_tok = s, word
    text = "".join(pieces)
    instance: dict[str, str] = {}
    for rel in tree.iter("CROSS_DOC_COREF"):
        for src in rel.findall("source"):
            instance[src.get("m_id")] = rel.get("note")
    mentions = []
    for mk in tree.find("Markables") or []:
        if not (mk.tag.startswith("ACTION") or mk.tag.startswith("NEG_ACTION")):
            continue
        ids = [a.get("t_id") for a in mk.findall("token_anchor") if a.get("t_id") in offsets]
        if not ids or mk.get("m_id") not in instance:
            continue
        if validated and (f"{topic}_{name.split('_', 1)[1]}", sentence_of[ids[0]]) not in validated:
            continue
        mentions.append((offsets[ids[0]][0], offsets[ids[-1]][1], instance[mk.get("m_id")]))
    article = Article(text=text, id=f"ecb-{name}", title=name, outlet=f"ecb-{name}", published=PUBLISHED)
    return Doc(name, topic, sub, article, sorted(mentions))


def _code_hash() -> str:
    """A hash of the extraction code and tables: a cache made by other code is not reused."""
    h = hashlib.sha256()
    pkg = REPO / "newsledger"
    for folder in ("extract", "components", "nlp", "lexicons", "geo"):
        for p in sorted((pkg / folder).rglob("*")) if (pkg / folder).exists() else []:
            if p.is_file() and p.suffix in {".py", ".tsv", ".txt", ".json", ".csv"}:
                h.update(p.relative_to(pkg).as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def results(docs: list[Doc], cache_dir: Path | None) -> dict[str, ArticleResult]:
    """Extraction results by article id; read from / written to cache_dir when given."""
    cache = cache_dir / f"ecbplus-{_code_hash()}.jsonl" if cache_dir else None
    if cache and cache.exists():
        out = {}
        for line in cache.read_text(encoding="utf-8").splitlines():
            r = ArticleResult.from_dict(json.loads(line))
            out[r.id] = r
        if all(d.article.id in out for d in docs):
            return out
    from newsledger.api import Extractor

    extractor = Extractor()
    out = {a.id: r for a, r in extractor.pipe(d.article for d in docs)}
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in out.values()), encoding="utf-8")
        tmp.replace(cache)
    return out


if __name__ == "__main__":
    root = Path(sys.argv[1])
    docs = read(root)
    print(len(docs), "documents,", sum(len(d.mentions) for d in docs), "gold mentions", file=sys.stderr)
    results(docs, Path("/tmp/newsledger-ecbplus-cache"))
    print(f"/tmp/newsledger-ecbplus-cache/ecbplus-{_code_hash()}.jsonl")
