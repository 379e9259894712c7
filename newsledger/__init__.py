"""newsledger: news articles in, a source-attributed ledger out.

The public names are bound on first use (PEP 562), so `import newsledger` and the CLI's query
commands do not load spaCy, the model or the gazetteer; `from newsledger import extract,
Ledger, Extractor, Article, ArticleResult, IngestSummary` works as usual.
"""

from __future__ import annotations

import importlib
import sys
import types

__all__ = ["Article", "ArticleResult", "Extractor", "IngestSummary", "Ledger", "extract"]
__version__ = "0.1.0"

_PUBLIC = {  # name -> module that defines it
    "Article": ".records",
    "ArticleResult": ".records",
    "Extractor": ".nlp.extractor",
    "IngestSummary": ".engines.loop",
    "Ledger": ".api",
    "extract": ".api",
}


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name], __name__), name)
    globals()[name] = value  # bound once; later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """Keeps `newsledger.extract` the function. Loading a submodule binds it on its parent
    package; while a subpackage newsledger.extract exists (the extractors), that binding would
    replace the function. The subpackage stays importable by its full name (sys.modules)."""

    def __setattr__(self, name: str, value) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
