"""Read-only HTTP API and web pages over a ledger (FastAPI); every asset bundled, no CDN.

>>> from newsledger.web import create_app
>>> app = create_app("ledger.db")            # then: uvicorn.run(app, host="127.0.0.1")
"""

from .app import create_app

__all__ = ["create_app"]
