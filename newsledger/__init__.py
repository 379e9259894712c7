"""newsledger: news articles in, a source-attributed ledger out."""
from .api import Extractor, IngestSummary, Ledger, extract
from .records import Article, ArticleResult

__all__ = ["Article", "ArticleResult", "Extractor", "IngestSummary", "Ledger", "extract"]
__version__ = "0.1.0"
