"""ACLED's further fields of an ACLED-coded event (ACLED Codebook: actors and 'inter' codes,
interaction, civilian targeting, spatial and time precision, fatalities, source, notes).

- actor1 / actor2: the event's actor and recipient, state forces named the ACLED way ("Military
  Forces of Nigeria", "Police Forces of Kenya"); assoc_actor_1 / _2: their coordinated parties;
- inter1 / inter2: 1 state forces ... 8 external/other forces (data/acled_inter.tsv), 0 none;
  interaction: the two codes, lower first ("13"; "10" with one actor);
- civilian_targeting: "Civilian targeting" when civilians are the target of violence;
- fatalities: the lowest credible figure of dead the event's figures give (ACLED's conservative
  rule: a range counts its low end, "at least 5" counts 5), 0 when none is given;
- geo_precision: 1 a town or village, 2 a district or area, 3 a province, region or country
  (or no place); time_precision: 1 a day, 2 a week (or no date: the week of the report), 3 a
  month or coarser;
- event_date: the day of the event's time, else the publication date;
- source: who the report cites (the statement's source); the outlet is added by the export;
- notes: the sentence that tells the event.
"""

from __future__ import annotations

import re

import pycountry
from spacy.tokens import Doc, Token

from ...records import Actor, Event, Figure
from ...tables import read_rows
from .acled_report import doer_phrase
from .acled_strategic import alpha2

DATA = "newsledger.components.events"
DEATH_LEMMAS = frozenset(
    {
        "kill",
        "die",
        "dead",
        "death",
        "fatality",
        "body",
        "massacre",
        "behead",
        "execute",
        "slay",
        "life",
        "toll",
        "corpse",
        "murder",
        "assassinate",
        "shoot_dead",
    }
)
HURT_LEMMAS = frozenset({"wound", "injure", "hurt", "injury", "casualty", "hospitalize", "hospitalise"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
FORCE_ON_PROTEST = "Excessive force against protesters"
CIVILIAN_NOUNS = frozenset(
    {
        "civilian",
        "villager",
        "resident",
        "women",
        "woman",
        "children",
        "child",
        "student",
        "worshipper",
        "passenger",
        "farmer",
        "pilgrim",
        "journalist",
    }
)
POINT_KINDS = frozenset({"city", "town", "village", "facility", "road", "locality", "neighbourhood", "neighborhood"})
AREA_KINDS = frozenset({"district", "area", "water", "landform"})
STATE_WORDS = frozenset({"army", "troop", "soldier", "military", "police", "government", "marine", "regime"})
NONSTATE_WORDS = frozenset(
    {
        "rebel",
        "militant",
        "insurgent",
        "jihadist",
        "fighter",
        "militia",
        "gunman",
        "guerrilla",
        "guerilla",
        "terrorist",
        "extremist",
        "separatist",
        "mujahideen",
    }
)
CIVIC_TYPES = frozenset({"Protests", "Riots"})
STATE_NAMES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}", "GOV": "Government of {}"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^\d{4}-W\d{2}")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def load_inter(table: str = "acled_inter.tsv") -> dict[str, int]:
    """PLOVER sector -> ACLED inter code (data/acled_inter.tsv)."""
    codes = {}
    for sector, code, _why in read_rows(DATA, table, 3):
        if not code.isdigit() or not 1 <= int(code) <= 8:
            raise ValueError(f"{table}: inter code of {sector!r} must be 1-8, not {code!r}")
        codes[sector] = int(code)
    return codes


def acled_fields(event: Event, doc: Doc, inter_codes: dict[str, int]) -> dict:
    """The fields beside event_type / sub_event_type for one coded event."""
    actors = {a.id: a for a in doc._.actors or []}
    places = {p.id: p for p in doc._.places or []}
    times = {t.id: t for t in doc._.times or []}
    statements = {s.id: s for s in doc._.statements or []}
    coding = event.acled or {}
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    place = places.get(event.place or "")
    place_country = place.country if place is not None else None
    kind, sub = coding.get("event_type", ""), coding.get("sub_event_type", "")
    one, two = actors.get(event.actor or ""), actors.get(event.recipient or "")
    if one is None and kind in VIOLENT_TYPES and span is not None and len(span):
        one = doer_word(span.root)  # "Rebels attacked ...": a doer the actors left unnamed
    inter1 = inter_code(one, kind, place_country, inter_codes)
    inter2 = inter_code(two, kind, place_country, inter_codes)
    low, high = sorted((inter1, inter2)) if inter1 and inter2 else (inter1 or inter2, 0)
    time = times.get(event.time or "")
    value = time.value if time is not None else None
    stmt = statements.get(event.statement or "")
    return {
        "actor1": acled_name(one, kind, sub),
        "assoc_actor_1": "; ".join(_names(event.co_actors, actors)),
        "inter1": inter1,
        "actor2": acled_name(two, kind, sub),
        "assoc_actor_2": "; ".join(_names(event.co_recipients, actors)),
        "inter2": inter2,
        "interaction": int(f"{low}{high}") if low else 0,
        "civilian_targeting": "Civilian targeting"
        if kind == "Violence against civilians"
        or (kind in VIOLENT_TYPES and (inter2 == 7 or _counts_civilians(event, doc)))
        or coding.get("sub_event_type") == FORCE_ON_PROTEST
        else "",
        "fatalities": fatalities(event, doc),
        "geo_precision": geo_precision(place.kind if place is not None else None),
        "time_precision": time_precision(value),
        "event_date": value[:10] if value and _DAY.match(value) else _published(doc),
        "source": stmt.source.text if stmt is not None and stmt.source is not None else "",
        "notes": span.sent.text.strip() if span is not None and len(span) else event.trigger.text,
    }


def doer_word(tok: Token) -> Actor | None:
    """A doer the actors component did not name, told by a common noun ("Rebels seized the town",
    "Government troops recaptured it"): a stand-in of its kind, for who gains the location."""
    # the subject of the clause the trigger elaborates too ("Regime forces advanced and captured ...")
    child = doer_phrase(tok)
    return side_word(child) if child is not None else None


def side_word(child: Token) -> Actor | None:
    """The stand-in actor a common noun phrase names ("rebel forces", "government troops")."""
    words = {t.lemma_.lower() for t in child.subtree}
    # "rebel forces": the non-state word names the side; "security forces" alone, the state's
    if words & NONSTATE_WORDS:
        return Actor("", _capital(child.text), sector="REB", kind="group")
    if words & (STATE_WORDS | {"force", "security"}):
        return Actor("", _capital(child.text), sector="MIL", kind="group")
    return None


def inter_code(actor: Actor | None, event_type: str, place_country: str | None, codes: dict[str, int]) -> int:
    if actor is None or actor.kind == "location":
        return 0
    code = codes.get(actor.sector or "", 0)
    if actor.name.startswith("Protesters"):
        code = 6
    elif actor.name.startswith("Rioters"):
        code = 5
    elif code == 7 and event_type in ("Protests", "Riots"):
        code = 6 if event_type == "Protests" else 5
    if code == 1 and place_country and actor.country and alpha2(actor.country) not in (None, place_country):
        code = 8  # state forces acting outside their own country
    return code


def acled_name(actor: Actor | None, event_type: str = "", sub_event_type: str = "") -> str:
    if actor is None or actor.kind == "location":
        return ""  # a territory target is the event's location, not a party
    sector = actor.sector or ""
    if (
        actor.kind == "country"
        and sector in ("", "GOV")
        and event_type not in CIVIC_TYPES
        and sub_event_type != "Agreement"
    ):
        # a country that fights, deploys or seizes does it with its forces (ACLED's actor names)
        sector = "COP" if sub_event_type == "Arrests" else "MIL"
    pattern = STATE_NAMES.get(sector)
    if pattern and actor.kind != "unnamed" and actor.country:
        country = pycountry.countries.get(alpha_3=actor.country)
        if country is not None:
            return pattern.format(getattr(country, "common_name", country.name))
    return actor.name


def fatalities(event: Event, doc: Doc) -> int:
    """The lowest credible count of dead among the event's figures; 0 when none counts dead."""
    figures = {f.id: f for f in doc._.figures or []}
    ids = set(event.figures)
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None and len(span):  # "attacked a base, killing 7 soldiers": the attack's dead
        below = span.root.subtree
        first, last = min(t.idx for t in below), max(t.idx + len(t) for t in span.root.subtree)
        ids |= {f.id for f in figures.values() if first <= f.start and f.end <= last}
    dead = [f for fid in sorted(ids) if (f := figures.get(fid)) is not None and _counts_dead(f, doc)]
    counts = [n for f in dead if (n := _low(f)) is not None]
    return int(min(counts)) if counts else 0


def _counts_dead(figure: Figure, doc: Doc) -> bool:
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok, hops = span.root, 0
    words = {t.lemma_.lower() for t in span}
    while hops < 3:
        words.add(tok.lemma_.lower())
        words.update(c.lemma_.lower() for c in tok.children if c.dep_ in ("acomp", "amod", "advmod", "prt"))
        if tok.head.i == tok.i:
            break
        tok, hops = tok.head, hops + 1
    if words & HURT_LEMMAS and not words & (DEATH_LEMMAS - {"body"}):
        return False
    return bool(words & DEATH_LEMMAS)


def _counts_civilians(event: Event, doc: Doc) -> bool:
    """The event's figures count civilians ("killing 6 civilians")."""
    counted = {f.counted for f in doc._.figures or [] if f.id in event.figures and f.counted}
    return any(word.lower().rstrip("s") in CIVILIAN_NOUNS or word.lower() in CIVILIAN_NOUNS for word in counted)


def _low(figure: Figure) -> float | None:
    if figure.low is not None:
        return figure.low
    return figure.value


def geo_precision(kind: str | None) -> int:
    if kind in POINT_KINDS:
        return 1
    if kind in AREA_KINDS:
        return 2
    return 3


def time_precision(value: str | None) -> int:
    if not value:
        return 2
    if _DAY.match(value):
        return 1
    if _WEEK.match(value):
        return 2
    return 3


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _published(doc: Doc) -> str | None:
    pub = doc._.published
    if pub is None:
        return None
    return pub.isoformat()[:10] if hasattr(pub, "isoformat") else str(pub)[:10]


def _names(ids: list[str], actors: dict[str, Actor]) -> list[str]:
    return [acled_name(actors[i]) for i in ids if i in actors]
