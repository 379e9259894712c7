"""Event merging: is this report the same real-world event as a merged event, and on what evidence.

A report joins a merged event only on positive evidence, compared with the merged event as a
whole (all its participants, places, stories and dates), never with its nearest single report:
  - same event type and mode class, compatible dates (the event's own date first; the publication
    date only as a bound), no conflicting specific place, no disjoint named doer or target persons,
    no doers of different countries; and
  - in the same story (whole-article similarity): the same named target person (not a public
    figure), or the same doer and target (canonical identity, identity.py), or the same place
    finer than a town (within MAX_KM; a town only for the articles' leads), or the lead events of
    both articles when one names a doer, target or place and their sentences do not name
    different people, or sentences both naming the same private person when the event is an
    attack or arrest, one of the two is its article's lead, or both use the same trigger word; or
    a sentence of another article told in nearly the same words (a copied account);
  - in any story: the same private person attacked, arrested, charged or convicted (across stories
    for the same offence), or attacking (not a public figure, who acts through an office; not talk,
    which a person repeats); a long sentence copied nearly word for word;
  - across stories: a shared named participant AND the same place, or a shared doer and a shared
    target person;
  - in the same article: the same sentence, or a nearby sentence whose own arguments say so (the
    same trigger word, a participant in the same role, the same place named by both).
Conflicts: another specific place (an article's own city yields to the same private person),
different named doers or targets (a given name agrees with a full name of that given name:
"Laci" = "Laci Peterson"), doers of different countries, charges for different offences, and for
a statement (an accusation, a denial, a threat: data/speaker_types.txt) different named
organisations as its speaker.
A shared country, a shared keyword, a shared doer alone or the absence of a conflict is never enough.
Pure functions, no database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..tables import read_words
from .offences import DATA, legal_act, offences

MAX_KM = 50.0  # two places farther apart are two events
DATED_WINDOW = 3  # days between explicitly dated reports of one event
UNDATED_WINDOW = 7  # a report dated only by publication may come up to a week later
BUCKET_DAYS = 3  # blocking: date buckets of this many days
GRID_DEG = 0.5  # blocking: place cells of this many degrees
LEAD_SENTENCES = 2  # an article's lead: its first sentences tell the story's own event
COPIED_WORDS = 0.8  # two sentences sharing this share of their content words (Jaccard) are one account
MIN_COPIED = 6  # ... when they have at least this many: short sentences share words by chance
MIN_COPIED_ACROSS = 10  # ... in articles of different stories: a long sentence copied word for word
NEAR_SENTENCES = 2  # one article: events this close (in sentences) may elaborate one event
TOWNS = {"city", "town", "village"}  # in one story, the same town is evidence only for its leads
FACTUAL = {"actual", "past"}  # modes that report something that happened
# A private person attacked or arrested (the target), or who attacked (the doer), within the date
# window: one event in any story. Not talk (accusations, meetings), which a person repeats.
PERSON_TARGET_TYPES = {"ASSAULT", "COERCE"}
PERSON_DOER_TYPES = {"ASSAULT"}
PUBLIC = "G:"  # marks a participant key as a public figure's (identity.public_figures): no evidence alone
FULL = "N:="  # marks a person's full name (identity.full_names): across stories a surname is many people
MARKS = (PUBLIC, FULL)
ORG_DOER = "A:o:"  # a named organisation as an event's doer (identity.py)
LEGAL_TYPES = {"ACCUSE", "COERCE"}  # charges, arrests, sentences: their offences must agree
SPECIFIC_PLACES = {
    "city",
    "town",
    "village",
    "facility",
    "district",
    "area",
    "neighbourhood",
    "neighborhood",
    "landmark",
    "building",
    "street",
    "site",
}


@dataclass
class Report:
    article_id: str
    event_id: str
    type: str
    mode: str
    date: dt.date | None
    dated: bool  # date from a time expression (True) or the publication date (False)
    actor_country: str | None = None
    recipient_country: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    keywords: set[str] = field(default_factory=set)
    sentence: int | None = None  # index of the trigger's sentence in its article
    participants: list[str] = field(default_factory=list)  # canonical keys (identity.py)
    place_kind: str | None = None
    place_country: str | None = None
    story: str | None = None
    outlet: str | None = None
    trigger: str = ""  # the trigger word's stem (text.trigger_stem): "killed" = "killing" = "kill"

    @property
    def inferred_place(self) -> bool:
        return "(the article's)" in (self.place_kind or "")

    @property
    def specific_place(self) -> bool:
        kind = (self.place_kind or "").split(" ")[0]  # "city (the article's)": inferred, still a city
        return kind in SPECIFIC_PLACES and None not in (self.lat, self.lon)


@dataclass
class Cluster:
    """A merged event as the matcher sees it: its profile and its reports' profiles.

    What compare() asks of it as a whole (participants, core, named core) is counted once while its
    reports stay the same, not once per report compared with it: a report added to `reports` (or
    another list given) counts them again. The results are shared: callers do not change them."""

    id: int
    type: str
    mode: str
    first: dt.date | None
    last: dt.date | None
    reports: list[Report]
    _counted: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _memo(self, name: str, make):
        memo = self._counted.get(name)
        if memo is None or memo[0] is not self.reports or memo[1] != len(self.reports):
            memo = self._counted[name] = (self.reports, len(self.reports), make())
        return memo[2]

    def participants(self) -> Counter:
        return self._memo("participants", lambda: Counter(k for r in self.reports for k in r.participants))

    def core(self) -> set[str]:
        return self._memo("core", self._core)

    def named_core(self) -> set[str]:
        return self._memo("named_core", self._named_core)

    def _core(self) -> set[str]:
        """The participants named in more than half of its articles: what a new report must share,
        so that a participant one report added does not pull in the next (no chaining drift)."""
        by_article: dict[str, set[str]] = {}
        for r in self.reports:
            by_article.setdefault(r.article_id, set()).update(r.participants)
        counts = Counter(k for keys in by_article.values() for k in keys)
        return {k for k, n in counts.items() if 2 * n > len(by_article)}

    def _named_core(self) -> set[str]:
        """The private persons (whatever their role, the trigger's sentence included) named in more
        than half of its articles."""
        by_article: dict[str, set[str]] = {}
        for r in self.reports:
            by_article.setdefault(r.article_id, set()).update(_private(r.participants))
        counts = Counter(k for keys in by_article.values() for k in keys)
        public = _public(k for r in self.reports for k in r.participants)
        return {k for k, n in counts.items() if 2 * n > len(by_article)} - public

    def places(self) -> list[Report]:
        return [r for r in self.reports if r.specific_place]

    def stories(self) -> set[str]:
        return {r.story for r in self.reports if r.story}


def mode_class(mode: str | None) -> str:
    return "factual" if (mode or "actual") in FACTUAL else (mode or "")


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _buckets(report: Report, lookup: bool) -> list[str]:
    if report.date is None:
        return ["-"]
    b = report.date.toordinal() // BUCKET_DAYS
    reach = -(-(UNDATED_WINDOW if lookup else 0) // BUCKET_DAYS)
    return [str(x) for x in range(b - reach, b + reach + 1)]


def _cells(report: Report, lookup: bool) -> list[str]:
    if not report.specific_place or report.lat is None or report.lon is None:  # specific: has both
        return []
    x, y = math.floor(report.lat / GRID_DEG), math.floor(report.lon / GRID_DEG)
    around = (-1, 0, 1) if lookup else (0,)
    return [f"{x + dx}:{y + dy}" for dx in around for dy in around]


def block_keys(report: Report, *, lookup: bool) -> list[str]:
    """Positive-evidence keys: type | date bucket | participant, place cell or story. A merged event
    is stored under its reports' own keys and looked up over the date window and neighbouring cells."""
    things = (
        [f"p={k}" for k in report.participants]
        + [f"g={c}" for c in _cells(report, lookup)]
        + ([f"s={report.story}"] if report.story else [])
        + [f"a={report.article_id}"]
    )
    return [f"{report.type}|{b}|{t}" for b in _buckets(report, lookup) for t in things]


def stored_keys(report: Report) -> list[str]:
    return block_keys(report, lookup=False)


def _gap_days(r: Report, c: Cluster) -> int | None:
    if r.date is None or c.first is None or c.last is None:  # a cluster has both dates or neither
        return None
    if r.date < c.first:
        return (c.first - r.date).days
    if r.date > c.last:
        return (r.date - c.last).days
    return 0


def _dates_fit(r: Report, c: Cluster, gap: int | None) -> bool:
    """Compatible times: two events' own dates at most DATED_WINDOW apart; a publication date is
    only a bound (the event happened on or before it, within UNDATED_WINDOW), so an event dated
    Saturday fits a report published on Tuesday, and an event dated after another report was
    published is not the event that report told."""
    if gap is None:
        return True
    both_dated = r.dated and any(o.dated for o in c.reports)
    if gap > (DATED_WINDOW if both_dated else UNDATED_WINDOW):
        return False
    published = [o.date for o in c.reports if o.date and not o.dated]
    if r.dated and r.date and published and r.date > max(published) + dt.timedelta(days=1):
        return False  # it happened after that article was published
    told = [o.date for o in c.reports if o.date and o.dated]
    return not (not r.dated and r.date and told and min(told) > r.date + dt.timedelta(days=1))


def _place_match(r: Report, c: Cluster) -> tuple[bool | None, str]:
    """(True: same specific place, False: conflicting places, None: nothing to compare)."""
    theirs = c.places()
    if r.specific_place and theirs:

        def km(o: Report) -> float:
            return haversine_km(r.lat, r.lon, o.lat, o.lon)

        near = [o for o in theirs if km(o) <= MAX_KM or (r.place_name or "").lower() == (o.place_name or "").lower()]
        if not near:
            best = min(theirs, key=km)
            return False, f"{r.place_name} {km(best):.0f} km from {best.place_name}"
        # An article's own city stands in for an event's unnamed place: it rules out other cities,
        # but it is no evidence that two reports tell one event; only places the events name are.
        own = [] if r.inferred_place else [o for o in near if not o.inferred_place]
        if not own:
            return None, ""
        best = min(own, key=km)
        return True, f"same place {r.place_name}" + (
            f" ({km(best):.0f} km from {best.place_name})" if r.place_name != best.place_name else ""
        )
    countries = {o.place_country for o in c.reports if o.place_country}
    if r.place_country and countries and r.place_country not in countries:
        return False, f"in {r.place_country}, not {'/'.join(sorted(countries))}"
    return None, ""


def _persons_conflict(r: Report, c: Cluster) -> bool:
    """Both name the person who did it (or to whom it was done), and no one in common; or both
    name who did it and their doers are of different countries (Sweden's prosecutors and the US
    Justice Department do not bring one charge)."""
    surnames = _surnames_of_given([*r.participants, *c.participants()])
    for role in ("A:p:", "R:p:"):
        mine = {k for k in r.participants if k.startswith(role)}
        theirs = {k for k in c.participants() if k.startswith(role)}
        if mine and theirs and not (_as_surnames(mine, surnames) & _as_surnames(theirs, surnames)):
            return True
    theirs_c = {o.actor_country for o in c.reports if o.actor_country}
    return bool(r.actor_country and theirs_c and r.actor_country not in theirs_c) or _speakers_conflict(r, c)


def _speakers_conflict(r: Report, c: Cluster) -> bool:
    """A statement's identity is its speaker (data/speaker_types.txt): the report and the merged
    event both name an organisation as its doer and none in common, so two statements. A person
    beside an organisation is no conflict: a person may speak for one."""
    if r.type not in speaker_types() or legal_act(r):
        return False
    mine = {k for k in r.participants if k.startswith(ORG_DOER)}
    theirs = {k for k in c.participants() if k.startswith(ORG_DOER)}
    return bool(mine and theirs and not mine & theirs) or _roles_reversed(r.participants, c.participants())


def _roles_reversed(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """One side's speaker is only the other side's addressee or target ("Assange sought refuge"
    and "the US is seeking Assange's extradition"): two statements, whoever else they name."""

    def roles(keys: Iterable[str], role: str) -> set[str]:
        return {k[2:] for k in keys if k.startswith(role) and not k[2:].startswith("f:")}

    my_doers, my_targets = roles(mine, "A:"), roles(mine, "R:")
    their_doers, their_targets = roles(theirs, "A:"), roles(theirs, "R:")
    return bool((my_doers & their_targets) - their_doers or (their_doers & my_targets) - my_doers)


@lru_cache(maxsize=1)
def speaker_types() -> frozenset[str]:
    return read_words(DATA, "speaker_types.txt")


def _surnames_of_given(keys) -> dict[str, set[str]]:
    """Given name -> the surnames it goes with in the full names these keys carry: "Laci" in one
    article is "Laci Peterson" of another, so p:laci and p:peterson may be one person."""
    out: dict[str, set[str]] = {}
    for k in keys:
        if k.startswith(FULL):
            words = k[len(FULL) :].split()
            out.setdefault(words[0], set()).add(words[-1])
    return out


def _as_surnames(keys: set[str], surnames: dict[str, set[str]]) -> set[str]:
    """Role keys with a person named by a given name also under the surnames it goes with."""
    out = set(keys)
    for k in keys:
        role, _, name = k.partition("p:")
        out |= {f"{role}p:{s}" for s in surnames.get(name, ())}
    return out


def compare(r: Report, c: Cluster) -> tuple[float, str] | None:
    """(score, reason) when the report is the merged event's event on positive evidence, else None."""
    if r.type != c.type or mode_class(r.mode) != mode_class(c.mode):
        return None
    gap = _gap_days(r, c)
    if not _dates_fit(r, c, gap):
        return None
    shared = {k for k in set(r.participants) & c.core() if not k.startswith(MARKS)}
    public = _public([*r.participants, *c.participants()])
    private = {k for k in shared if k[2:] not in public}  # a public figure's acts of one kind are many
    same_place, place_why = _place_match(r, c)
    if same_place is False and not (_one_person(r, private) and not _named_places_conflict(r, c)):
        return None  # an article's own city conflicting yields to a private person's identity
    if same_place is False:
        same_place, place_why = None, ""
    if _persons_conflict(r, c) or _offences_conflict(r, c):
        return None
    when = f"{'dated' if r.dated else 'published'} {gap if gap is not None else '?'} day(s) apart"
    own = [o for o in c.reports if o.article_id == r.article_id]
    if own:
        found = _same_article(r, own)
        if found:
            return found
    same_story = bool(r.story and r.story in c.stories())
    who = f"same participants {', '.join(sorted(shared))}" if shared else ""
    named = [k for k in shared if not k[2:].startswith("f:") and not k.startswith("S:")]
    # A story about a city happens in that city: there the same city tells one event only for
    # the articles' leads; a place finer than a town (a street, a building, a district) always.
    place_tells = bool(same_place) and ((r.place_kind or "").split(" ")[0] not in TOWNS or _leads(r, c))
    # A public figure is the target of many acts of one kind in one story (support for a president's
    # policy, from many quarters): their name is no evidence here either.
    if same_story and (_participants_evidence(private) or place_tells):
        evidence = "; ".join(x for x in (who, place_why if same_place else "") if x)
        return 2.0 * len(shared) + 1.5 * bool(same_place) + 1.0, f"{r.type}; {evidence}; same story; {when}"
    named_both = _private(r.participants) & c.named_core()
    # Talk about a person repeats; an attack or an arrest does not, nor what an article opens with.
    one_lead = _one_lead(r, c)
    if same_story and named_both and (r.type in PERSON_TARGET_TYPES or one_lead or _same_word(r, c)):
        lead = "" if r.type in PERSON_TARGET_TYPES else "a lead event; " if one_lead else f"same word {r.trigger}; "
        return 1.0 + len(named_both), f"{r.type}; both name {', '.join(sorted(named_both))}; {lead}same story; {when}"
    copy = _copied_sentence(r, c, True) or _copied_sentence(r, c, False)
    if copy:
        story = "same story" if copy.story == r.story else "another story"
        return 1.0, f"{r.type}; told in the same words as {copy.event_id} of another article; {story}; {when}"
    if same_story and _leads(r, c) and _lead_support(r, c) and not _all_bare(r, c):
        return 1.0, f"{r.type}; the lead event of both articles; same story; {when}"
    named = [k for k in named if k[2:] not in public]  # across stories a public figure's name tells little
    if (named and same_place) or (len(named) >= 2 and any(k.startswith("R:p:") for k in named)):
        evidence = "; ".join(x for x in (who, place_why if same_place else "") if x)
        return 2.0 * len(shared) + 1.5 * bool(same_place), f"{r.type}; {evidence}; another story; {when}"
    # the person in a role here, named by more than half of the merged event's articles' sentences
    in_sentences = c.named_core() - public
    private |= {k for k in r.participants if k[:4] in ("A:p:", "R:p:") and k[2:] in in_sentences}
    if _one_person(r, private) and (same_story or (_same_full_name(r, c, private) and _same_charge(r, c))):
        whom = ", ".join(sorted(k for k in private if k.startswith(("A:p:", "R:p:"))))
        story = "same story" if same_story else "another story"
        return 2.0 * len(shared) + 1.5 * bool(same_place), f"{r.type}; the same private person {whom}; {story}; {when}"
    return None


def _copied_sentence(r: Report, c: Cluster, same_story: bool) -> Report | None:
    """A report of the merged event in another article whose sentence has nearly all its content
    words (COPIED_WORDS of both, at least MIN_COPIED in one story, else MIN_COPIED_ACROSS): one
    account of the event copied or shared between the articles (a wire sentence), not two events
    of one kind."""
    least = MIN_COPIED if same_story else MIN_COPIED_ACROSS
    if len(r.keywords) < least:
        return None
    for o in c.reports:
        if o.article_id == r.article_id or len(o.keywords) < least or (same_story and o.story != r.story):
            continue
        if len(r.keywords & o.keywords) >= COPIED_WORDS * len(r.keywords | o.keywords):
            return o
    return None


def _same_word(r: Report, c: Cluster) -> bool:
    """A report of the merged event in the same story names its event by the same word."""
    return bool(r.trigger) and any(o.trigger == r.trigger and o.story == r.story for o in c.reports)


def _participants_evidence(shared: set[str]) -> bool:
    """Shared participants that tell one event: a named person it was done to, or both the doer
    and the target. A doer alone does not: a government, a company or a president does many
    things of one kind in one story."""
    if any(k.startswith("R:p:") for k in shared):
        return True
    return any(k.startswith("A:") for k in shared) and any(k.startswith("R:") for k in shared)


def _one_person(r: Report, shared: set[str]) -> bool:
    """A physical act done to one named private person (attacked, killed, arrested), or an attack
    by one: within the date window a person is not shot or arrested twice, nor shoots twice.
    shared: the shared keys, public figures' left out (a president's orders are many)."""
    return (
        (any(k.startswith("R:p:") for k in shared) and r.type in PERSON_TARGET_TYPES)
        or (any(k.startswith("A:p:") for k in shared) and r.type in PERSON_DOER_TYPES)
        # a private person charged or convicted; no private person charges or convicts anyone, so
        # one named as its doer is the one charged (a passive clause read the other way round)
        or (any(k.startswith(("A:p:", "R:p:")) for k in shared) and legal_act(r))
    )


def _same_charge(r: Report, c: Cluster) -> bool:
    """Across stories a charge or conviction of one person is one event only for the same offence
    (data/offences.tsv), both named: "convicted of sexual assault" in 2009 is not "charged" in
    another story (whose charged party may be someone else the sentence names)."""
    if not legal_act(r):
        return True
    return bool(offences(r.keywords) & _offences_of(c))


def _same_full_name(r: Report, c: Cluster, keys: set[str]) -> bool:
    """One of these persons (role keys) has the same full name in the report and the merged event."""
    persons = {k[2:] for k in keys if k[2:4] == "p:"}

    def names(reports: list[Report]) -> set[str]:
        return {k[len(FULL) :] for o in reports for k in o.participants if k.startswith(FULL)}

    return any("p:" + n.split()[-1] in persons for n in names([r]) & names(c.reports))


def _public(keys) -> set[str]:
    """The persons these keys mark as public figures (PUBLIC + their person key)."""
    return {k[len(PUBLIC) :] for k in keys if k.startswith(PUBLIC)}


def _private(keys) -> set[str]:
    """The private persons among a report's keys, without their role ("S:" keys: named in its
    sentence); a person marked as a public figure is left out."""
    keys = list(keys)
    return {k[2:] for k in keys if k[2:4] == "p:" and not k.startswith(PUBLIC)} - _public(keys)


def _named_places_conflict(r: Report, c: Cluster) -> bool:
    """Places the events name themselves (not an article's own city standing in) conflict."""
    if r.inferred_place:
        return False
    named = [o for o in c.reports if not o.inferred_place]
    if not named:
        return False
    return _place_match(r, Cluster(c.id, c.type, c.mode, c.first, c.last, named))[0] is False


def _offences_conflict(r: Report, c: Cluster) -> bool:
    """A charge, arrest or sentence for one offence is not one for another: both name offences
    (data/offences.tsv, by class) and none in common ("accused of rape" vs "charged with espionage")."""
    if r.type not in LEGAL_TYPES:
        return False
    mine = offences(r.keywords)
    theirs = _offences_of(c)
    return bool(mine and theirs and not mine & theirs)


def _offences_of(c: Cluster) -> set[str]:
    """The offence classes the merged event's reports name."""
    return {x for o in c.reports for x in offences(o.keywords)}


def _persons(keys) -> set[str]:
    return {k[2:] for k in keys if k[2:].startswith("p:")}


def _lead_support(r: Report, c: Cluster) -> bool:
    """Two leads of one story tell one event unless their sentences name different people
    (Reggie Bush injured, Pierre Thomas injured: two injuries of one team)."""
    mine, theirs = _persons(r.participants), _persons(k for o in c.reports for k in o.participants)
    return not (mine and theirs and not mine & theirs)


def _all_bare(r: Report, c: Cluster) -> bool:
    """Neither the report nor any lead of the merged event in its story names a doer, a target or
    a place: two leads then share only a type (\"attacks\" on a browser, twice in a story)."""
    return _bare(r) and all(_bare(o) for o in c.reports if _lead(o) and o.story == r.story)


def _lead(x: Report) -> bool:
    return x.sentence is not None and x.sentence < LEAD_SENTENCES


def _leads(r: Report, c: Cluster) -> bool:
    """The report and a report of the merged event in the same story both open their articles."""
    return _lead(r) and any(_lead(o) and o.story == r.story for o in c.reports)


def _one_lead(r: Report, c: Cluster) -> bool:
    """The report, or a report of the merged event in the same story, opens its article: the event
    the story is about, which a later sentence of another article names again by its people."""
    return _lead(r) or any(_lead(o) and o.story == r.story for o in c.reports)


def _same_article(r: Report, own: list[Report]) -> tuple[float, str] | None:
    """One article tells one event in nearby sentences: the same sentence, or at most NEAR_SENTENCES
    apart (the caller found no conflicting place, date or person)."""
    for other in own:
        if r.sentence is not None and r.sentence == other.sentence:
            return 3.0, f"{r.type}; same sentence of the same article as {other.event_id}"
    # Within NEAR_SENTENCES of the first report of this article: a window, not a chain of steps.
    placed = [(o.sentence, i, o) for i, o in enumerate(own) if o.sentence is not None]
    if not placed or r.sentence is None:
        return None
    first_sentence, _, o = min(placed, key=lambda p: p[:2])  # the earliest; ties: the first listed, as min() keeps
    if abs(r.sentence - first_sentence) > NEAR_SENTENCES:
        return None
    why = _supported(r, own)
    if not why and _bare(r):
        why = "naming no one and no place of its own"
    if why:
        return 2.5, f"{r.type}; same article as {o.event_id}, {abs(r.sentence - first_sentence)} sentence(s) on, {why}"
    return None


def _bare(r: Report) -> bool:
    """A mention that names no doer, target or place of its own ("the attack wounded 40")."""
    return not any(k.startswith(("A:", "R:")) for k in r.participants) and not (
        r.specific_place and not r.inferred_place
    )


def _supported(r: Report, own: list[Report]) -> str:
    """What in the nearby sentence's own arguments says it tells the same event: the same trigger
    word, a participant in the same role, or the same place named by both (not the article's)."""
    if r.trigger and any(o.trigger == r.trigger for o in own):
        return f"same word {r.trigger}"
    shared = {k for k in r.participants if not k.startswith(("S:", *MARKS))} & {k for o in own for k in o.participants}
    if shared:
        return f"same participants {', '.join(sorted(shared))}"
    if r.specific_place and not r.inferred_place:
        for o in own:
            if (
                o.specific_place
                and not o.inferred_place
                and (o.place_name or "").lower() == (r.place_name or "").lower()
            ):
                return f"same place {r.place_name}"
    return ""


def choose(r: Report, clusters: list[Cluster]) -> tuple[Cluster | None, str, list[Cluster]]:
    """The best matching cluster (None: a new event), the reason, and the other clusters the report
    matched on participant or place evidence (candidates to fold into the best one)."""
    scored = [(m, c) for c in clusters if (m := compare(r, c)) is not None]
    if not scored:
        return None, "first report", []
    scored.sort(key=lambda x: (-x[0][0], x[1].id))
    (_, reason), cluster = scored[0]
    also = [c for (_, why), c in scored[1:] if foldable(r, cluster, c, why)]
    return cluster, reason, also


def foldable(r: Report, a: Cluster, b: Cluster, why_b: str) -> bool:
    """Two merged events the report matched are one: b holds only other mentions of this report's
    event in its own article (matched by sentence), or a and b share a named core participant and
    a specific place; and nothing in b conflicts with a."""
    if not compatible(a, b):
        return False
    if ("same sentence" in why_b or "same article" in why_b) and all(o.article_id == r.article_id for o in b.reports):
        return True
    if _person_tie(a, b):
        return True
    named = {k for k in a.core() & b.core() if not k[2:].startswith("f:") and not k.startswith(MARKS)}
    places = Cluster(a.id, a.type, a.mode, a.first, a.last, a.places())
    return bool(named) and any(_place_match(o, places)[0] for o in b.places())


def _person_tie(a: Cluster, b: Cluster) -> bool:
    """Both merged events are the attack by, or the attack on or arrest of, one private person."""
    public = _public([*a.participants(), *b.participants()])
    shared = {k for k in a.core() & b.core() if k[2:] not in public and not k.startswith(MARKS)}
    if a.type != b.type or not _one_person(Report("", "", a.type, a.mode, None, False), shared):
        return False
    return bool(a.stories() & b.stories()) or any(
        _same_full_name(o, a, shared) and _same_charge(o, a) for o in b.reports
    )


def compatible(a: Cluster, b: Cluster) -> bool:
    """May two merged events one report matched be folded into one: every report of b would be
    accepted by a on its own evidence (no conflicting place, date or person)."""
    if a.type != b.type or mode_class(a.mode) != mode_class(b.mode):
        return False
    whole = a  # read only below
    tie = _person_tie(a, b)  # then an article's own city conflicting does not rule out
    for r in b.reports:
        place = _named_places_conflict(r, whole) if tie else _place_match(r, whole)[0] is False
        if place or _offences_conflict(r, whole) or _persons_conflict(r, whole):
            return False
        if not _dates_fit(r, whole, _gap_days(r, whole)):
            return False
    return True
