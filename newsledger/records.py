"""Typed records of the ledger and their JSON contract (see docs/contract.md).

Every record that points into an article carries character offsets into the
article text (Python string indices, end exclusive). Ids ("a1", "p1", ...) are
local to one ArticleResult.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
EVENT_MODES = ("actual", "planned", "possible", "negated", "past", "hypothetical")
CERTAINTIES = ("asserted", "probable", "possible", "denied")
BOUNDS = ("=", "~", ">", ">=", "<", "<=")


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def asdict(obj: Any) -> Any:
    """dataclasses.asdict, made for the writer: the same dicts (fields in order, nested records,
    lists and dicts copied), with each record class's field names looked up once. The standard
    one walks every value through deepcopy and costs about as much as the JSON encoding."""
    cls: Any = type(obj)
    if cls in _PLAIN:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if is_dataclass(cls):
            names = tuple(f.name for f in fields(cls))
            _FIELD_NAMES[type(obj)] = names
        elif cls is list:
            return [asdict(v) for v in obj]
        elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
            return cls(*[asdict(v) for v in obj])
        elif isinstance(obj, (list, tuple)):
            return cls(asdict(v) for v in obj)
        elif isinstance(obj, dict):
            return cls((asdict(k), asdict(v)) for k, v in obj.items())
        else:
            return copy.deepcopy(obj)
    return {name: asdict(getattr(obj, name)) for name in names}


def _build(cls, data: dict | None):
    """Build a dataclass from a dict, ignoring keys it does not know (fields may be added)."""
    if data is None:
        return None
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> Span | None:
        return _build(cls, d)


PLACE_ROLES = ("location", "actor", "modifier")


@dataclass
class PlaceMention(Span):
    """A mention of a place and the part the name plays where it stands: `location` (something
    is or happens there: "shelled villages near Kharkiv", "KYIV --"), `actor` (the name stands
    for its government or people: "Ukraine was partly responsible", "Moscow's decision") or
    `modifier` (it describes something else: "Russian forces", "a Kyiv-based analyst", "Ohio
    Department of Health"). Events take their place from `location` mentions only."""

    role: str = "location"


@dataclass
class SourceSpan(Span):
    """The source of a statement: a span plus the actor it refers to (if any). A pronoun or short
    reference ("he", "the spokesman") also has refers_to: the earlier mention of the speaker it
    was resolved to ("Governor Vitaliy Kim"), None when it is a name or was not resolved."""

    actor: str | None = None
    refers_to: Span | None = None


@dataclass
class Actor:
    id: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3, or an IGO code (NATO, UN, EU ...)
    sector: str | None = None  # GOV, MIL, JRN (media), MED (health), REB, CVL, ... (PLOVER sectors)
    mentions: list[Span] = field(default_factory=list)
    # country | organisation | person | group | location (an event's territory target)
    # | unnamed (an event's doer known only by its place)
    kind: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Actor:
        a = _build(cls, d)
        a.mentions = [Span.from_dict(m) for m in d.get("mentions", [])]
        return a


@dataclass
class Place:
    id: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    # GeoNames feature class read as a word: country | region | district (A), city | town |
    # village (P), continent | area (L), water (H), landform (T), road (R), facility (S)
    kind: str | None = None
    mentions: list[Span] = field(default_factory=list)  # PlaceMention: each with its role
    role: str = "location"  # the strongest of its mentions' roles: location > actor > modifier

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Place:
        p = _build(cls, d)
        p.mentions = [PlaceMention.from_dict(m) for m in d.get("mentions", [])]
        return p

    def location_mentions(self) -> list[Span]:
        """The mentions that say where something is or happens (a plain Span counts as one)."""
        return [m for m in self.mentions if getattr(m, "role", "location") == "location"]


@dataclass
class TimeRef:
    id: str
    start: int
    end: int
    text: str
    value: str | None = None  # TIMEX3 value: 2024, 2024-12, 2024-12-03, 2024-W51, PAST_REF ...
    mod: str | None = None  # TIMEX3 mod: START, END, MID, BEFORE, AFTER, APPROX ...

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TimeRef:
        return _build(cls, d)


@dataclass
class Figure:
    id: str
    start: int
    end: int
    text: str
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    approx: bool = False
    bound: str = "="  # one of BOUNDS
    unit: str | None = None  # normalised unit: mm, km, t, USD ...
    counted: str | None = None  # the counted noun: soldiers, ballistic missiles
    actor: str | None = None  # actor id the figure belongs to

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Figure:
        return _build(cls, d)


@dataclass
class Statement:
    id: str
    direct: bool
    source: SourceSpan | None
    cue: Span | None
    content: Span
    certainty: str = "asserted"  # one of CERTAINTIES
    via: str | None = None  # id of the statement this one is relayed through
    hedged: bool = False  # the attribution itself is hedged ("reportedly")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Statement:
        s = _build(cls, d)
        s.source = _build(SourceSpan, d.get("source"))
        if s.source is not None:
            s.source.refers_to = Span.from_dict(d["source"].get("refers_to"))
        s.cue = Span.from_dict(d.get("cue"))
        s.content = Span.from_dict(d.get("content"))
        return s


@dataclass
class Event:
    id: str
    type: str  # one of EVENT_TYPES
    trigger: Span
    mode: str = "actual"  # one of EVENT_MODES
    acled: dict | None = None  # {"event_type": ..., "sub_event_type": ...}
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    time: str | None = None
    figures: list[str] = field(default_factory=list)
    statement: str | None = None
    confidence: float = 0.5
    # further actors coordinated with actor / recipient ("Russia and Belarus held drills")
    co_actors: list[str] = field(default_factory=list)
    co_recipients: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)  # triggers of later mentions of this event

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        e = _build(cls, d)
        e.trigger = Span.from_dict(d["trigger"])
        e.evidence = [Span.from_dict(x) for x in d.get("evidence", [])]
        return e


def content_id(text: str) -> str:
    """Stable id of an article: a hash of its whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:24]


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Article:
    """One input article, as read by newsledger.ingest."""

    text: str
    id: str = ""  # content hash unless the input gives one (extract keeps given ids)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None  # the input it came from (file path, "stdin", path#record)
    kind: str | None = None  # html | feed | warc | jsonl | text

    def __post_init__(self):
        if isinstance(self.text, str) and not self.text.isascii() and _SURROGATE.search(self.text):
            # A lone surrogate (from Python code; the readers replace them already) cannot be
            # encoded, so neither spaCy nor a database could take the text. One char for one.
            self.text = _SURROGATE.sub("\ufffd", self.text)
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Article:
        return _build(cls, d)


@dataclass
class ArticleResult:
    """Everything extracted from one article: the JSON contract of `newsledger extract`."""

    id: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    KINDS = ("actors", "places", "times", "figures", "statements", "events")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> ArticleResult:
        r = _build(cls, d)
        r.actors = [Actor.from_dict(x) for x in d.get("actors", [])]
        r.places = [Place.from_dict(x) for x in d.get("places", [])]
        r.times = [TimeRef.from_dict(x) for x in d.get("times", [])]
        r.figures = [Figure.from_dict(x) for x in d.get("figures", [])]
        r.statements = [Statement.from_dict(x) for x in d.get("statements", [])]
        r.events = [Event.from_dict(x) for x in d.get("events", [])]
        return r
