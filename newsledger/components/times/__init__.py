"""The times component: dates and periods in the text, resolved against the publication date."""

from .component import TimesComponent

__all__ = ["TimesComponent"]
