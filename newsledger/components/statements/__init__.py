"""The statements component: who said what (direct and indirect speech, attitudes), with the
source resolved to an actor and the certainty of the content."""

from .component import StatementsComponent

__all__ = ["StatementsComponent"]
