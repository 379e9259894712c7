"""The actor aliases as the matcher sees them: each alias tokenised and normalised (view.py),
made once per install and read back from the cache folder.

Tokenising the 3,500 aliases with the pipeline's tokenizer is about a third of a second of every
start-up. What comes out depends only on the aliases, the tokenizer (its rules and affix
patterns) and the code here and in view.py, so the cache file is named after all of them: a
changed table, model or spaCy makes a new one (common/derived.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from spacy.language import Language

from .view import build_view

# Per matcher key: the word tuples to match (sorted), which words of the alias are capitalised,
# and, for an acronym key, the exact spellings its case must match (None: any case).
Tokenised = tuple[str, list[tuple[str, ...]], tuple[bool, ...], set[tuple[str, ...]] | None]


def tokenised_aliases(nlp: Language, patterns: dict[str, list[str]], is_acronym) -> list[Tokenised]:
    """The keys of `patterns` (key -> its aliases) that have words, each as a Tokenised, in order."""
    from ..common.derived import cached_lines

    try:
        tokenizer = nlp.tokenizer.to_bytes(exclude=["vocab"])  # type: ignore[union-attr]
    except Exception:  # a tokenizer that cannot say what it is: tokenise every time
        return [t for t in (_tokenise(nlp, k, a, is_acronym) for k, a in patterns.items()) if t]
    import spacy

    made = hashlib.sha1(tokenizer + json.dumps(patterns, ensure_ascii=False).encode()).hexdigest()
    here = Path(__file__)

    def make() -> list[str]:
        rows = (_tokenise(nlp, k, a, is_acronym) for k, a in patterns.items())
        return [json.dumps(_plain(t), ensure_ascii=False) for t in rows if t]

    lines = cached_lines("actor-aliases", [here, here.with_name("view.py")], f"spacy {spacy.__version__} {made}", make)
    return [_read(row) for row in json.loads("[" + ",".join(lines) + "]")]


def _tokenise(nlp: Language, key: str, aliases: list[str], is_acronym) -> Tokenised | None:
    views = [build_view(nlp.make_doc(a)) for a in aliases]  # tokenizer only, like articles
    if not views[0].words:
        return None
    # The tokenizer splits "gen." but keeps "Gen." (an exception): an abbreviation
    # alias is also matched as written in title case.
    variants = {tuple(views[0].words)}
    for a in aliases:
        if "." in a:
            variants.add(tuple(build_view(nlp.make_doc(a.title())).words))
    caps = tuple(bool(w) and w[0].isupper() for w in views[0].orig)
    exact = {tuple(v.orig) for v in views} if all(is_acronym(a) for a in aliases) else None
    return key, [w for w in sorted(variants) if w], caps, exact


def _plain(t: Tokenised) -> list:
    key, variants, caps, exact = t
    return [key, variants, caps, None if exact is None else sorted(exact)]


def _read(row: list) -> Tokenised:
    key, variants, caps, exact = row
    return (
        key,
        [tuple(w) for w in variants],
        tuple(caps),
        None if exact is None else {tuple(w) for w in exact},
    )
