"""The events component: who did what to whom (PLOVER event types, ACLED where they map), with
mode, place, time and the statement that reports the event."""

from .component import EventsComponent

__all__ = ["EventsComponent"]
