"""newsledger: news articles in, a source-attributed ledger out."""
# The subpackage newsledger.extract (the extractors) is imported first on purpose: importing a
# submodule binds it as an attribute of its parent once, when first loaded. Loading it here, before
# the public function of the same name is bound below, keeps `newsledger.extract` the function
# even after the pipeline has imported newsledger.components.actors.component and the rest.
from . import extract as _extractors  # noqa: F401
from .api import Extractor, IngestSummary, Ledger, extract
from .records import Article, ArticleResult

__all__ = ["Article", "ArticleResult", "Extractor", "IngestSummary", "Ledger", "extract"]
__version__ = "0.1.0"
