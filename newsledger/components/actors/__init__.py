"""The actors component: countries, organisations, people and groups named in the text, with
country, sector (PLOVER) and mentions."""

from .component import ActorsComponent

__all__ = ["ActorsComponent"]
