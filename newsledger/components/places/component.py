"""newsledger_places: find the places an article names and put them on the map.

Reads: the parse and entities of the Doc, doc._.actors (optional: None is read as []).
Writes: doc._.places, a list of records.Place (one per distinct place, several mentions).

Recognition is in places/recognize.py, disambiguation in places/resolve.py, names in geo/gazetteer.py.
Every toponym becomes a place mention with a role (roles.py): `location`, `actor` (metonymy:
"Moscow launched", "Pyongyang's decision", a recorded actor mention) or `modifier` ("Russian
forces", "a Kyiv-based analyst"); events read only location mentions. Agent mentions still lend
their country to the context of the other names. Rules of this module:
  * Unknown places with a stated container ("Plekhovo, Kursk", "their first village in
    Kursk, Plekhovo", "Plekhovo, a village in the Kursk region") get the container's point
    and country, kind "village", and no geonameid: somewhere in the right region rather
    than nowhere. So does a settlement whose only readings lie outside its stated region.
    A name that holds a settlement is read as an area when it can be ("a village in Kursk"
    -> Kursk region). Import a GeoNames dump (newsledger.gazetteer.import_geonames) to place
    such villages exactly.
  * Names the gazetteer does not know and that have no container are kept with no
    coordinates (kind "facility" for NER facilities) when they stand in a place's slot (a
    locative preposition); an unknown "GPE" elsewhere is mostly a person NER misread
    ("backed by Saakashvili") and is dropped.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...geo.entries import GeoEntry
from ...geo.gazetteer import Gazetteer, get_gazetteer
from ...geo.neighbours import country_neighbours
from ...records import PLACE_ROLES, Place, PlaceMention, Span
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from ..common.doc_cache import doc_text
from .features import SETTLED_KINDS, place_features
from .recognize import Recognizer
from .resolve import NameGroup, inside, resolve
from .rules import Mention, Rules

_OUTPUT_KIND = {"capital": "city"}
_ROLE_RANK = {r: k for k, r in enumerate(PLACE_ROLES)}  # a place's role: the first of its mentions'

_CONTAINER_KINDS = ("country", "region", "district", "city", "town", "capital", "village")
_SETTLEMENT_KINDS = ("city", "town", "capital", "village")
_AREA_KINDS = ("country", "region", "district")


@Language.factory(
    "newsledger_places",
    requires=["doc.ents", "token.dep", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={"roles": list(PLACE_ROLES)},
)
def make_places(nlp: Language, name: str, roles: list[str]):
    return PlacesComponent(roles=roles)


class PlacesComponent:
    """roles: the mention roles to keep (records.PLACE_ROLES; all by default). A place whose
    mentions are all left out is left out."""

    def __init__(self, roles=PLACE_ROLES, gazetteer: Gazetteer | None = None):
        unknown = set(roles) - set(PLACE_ROLES)
        if unknown:
            raise ValueError(f"newsledger_places: unknown roles {sorted(unknown)}; known: {PLACE_ROLES}")
        self.roles = frozenset(roles)
        self.gaz = gazetteer or get_gazetteer()
        self.neighbours = country_neighbours()
        self.recognizer = Recognizer(self.gaz, Rules.load())

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[Place]:
        if not len(doc):
            return []
        actor_spans = [(m.start, m.end) for a in (doc._.actors or []) for m in a.mentions]
        mentions = self.recognizer.find(doc, actor_spans)
        picks = self._resolve(mentions)
        place_features(mentions, picks)
        return self._places(doc, mentions, picks)

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[GeoEntry | None]:
        """Resolve given toponym character spans (e.g. gold annotations) in a parsed Doc:
        the gazetteer entry each one gets, with the others as its context."""
        mentions: list[Mention] = []
        index: list[int | None] = []  # span -> its mention, if it is one
        for start, end in spans:
            sp = doc.char_span(start, end, alignment_mode="expand")
            m = self.recognizer.mention_at(doc, sp.start, sp.end) if sp is not None and len(sp) else None
            index.append(len(mentions) if m else None)
            if m:
                mentions.append(m)
        self.recognizer.link_containers(doc, mentions)
        picks = self._resolve(mentions)
        return [picks.get(mentions[i].key) if i is not None else None for i in index]

    def _resolve(self, mentions: list[Mention]) -> dict[str, GeoEntry | None]:
        groups: dict[str, NameGroup] = {}
        for m in mentions:
            g = groups.get(m.key)
            if g is None:
                g = groups[m.key] = NameGroup(m.key, self._candidates(m), m.designator)
            g.holds_settlement |= m.holds_settlement
            for c in m.containers:
                ck = mentions[c].key
                if ck != m.key and ck not in g.containers:
                    g.containers.append(ck)
        picks = resolve(groups, self.neighbours)
        for key, g in groups.items():
            if key.startswith("feature|"):
                continue  # a road or a lake is placed by features.place_features
            # unknown place with a container -> the container's point; so is a settlement whose
            # every reading lies outside the stated container ("Zorivka, a village in the
            # Kharkiv region" when the only Zorivka the gazetteer has is in another oblast)
            e = picks.get(key)
            conts = [
                area
                for c in g.containers  # areas only: "Dallas, Houston" is a list
                if (area := picks.get(c)) is not None and area.kind in _AREA_KINDS
            ]
            if e is None or (conts and e.kind in _SETTLEMENT_KINDS and not any(inside(e, c) for c in conts)):
                picks[key] = None
                for ck in g.containers:
                    holder = picks.get(ck)
                    if holder is not None and holder.kind in _CONTAINER_KINDS:
                        picks[key] = GeoEntry(
                            None, "", holder.country, holder.lat, holder.lon, "village", holder.admin1, 0.0
                        )
                        break
        return picks

    def _candidates(self, m: Mention):
        if m.source == "demonym":
            e = self.gaz.demonym(m.lookup)
            return [(e, True)] if e else []
        cands = self.gaz.lookup(m.lookup)
        if m.feature:  # "Harrison" of "Lakeview and Harrison streets" is no town called Harrison
            cands = [c for c in cands if c[0].kind not in SETTLED_KINDS]
        # likeliest first, so that resolve() may look at the head of a long list only
        return sorted(cands, key=lambda c: c[0].prior - (0 if c[1] else 15), reverse=True)

    def _places(self, doc: Doc, mentions: list[Mention], picks) -> list[Place]:
        places: dict[object, Place] = {}
        text = doc_text(doc)
        for m in mentions:
            if m.role not in self.roles:
                continue
            start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
            span = PlaceMention(start, end, text[start:end], m.role)
            e = picks.get(m.key)
            if e is None and m.label == "GPE" and not (m.locative or m.containers):
                continue  # a "GPE" no gazetteer knows, in no place-like slot: mostly a name
            if e is None:
                ident: object = ("?", m.key)
            elif e.geonameid is not None:
                ident = e.geonameid
            else:
                ident = (e.name or m.key, e.lat, e.lon, e.kind)
            place = places.get(ident)
            if place is None:
                place = places[ident] = self._place(f"p{len(places) + 1}", e, m, span, doc)
            place.mentions.append(span)
            if _ROLE_RANK[m.role] < _ROLE_RANK[place.role]:
                place.role = m.role
        return list(places.values())

    @staticmethod
    def _place(pid: str, e: GeoEntry | None, m: Mention, span: Span, doc: Doc) -> Place:
        text = doc[m.start : m.end].text
        if e is None:
            return Place(pid, text, kind=m.feature or ("facility" if m.label == "FAC" else None), role=m.role)
        # admin areas and villages keep the article's wording ("Kursk region", not "Kurskaya oblast'")
        name = text if (e.kind in ("region", "district", "village") or not e.name) else e.name
        return Place(
            pid,
            name,
            e.country,
            round(e.lat, 5),
            round(e.lon, 5),
            e.geonameid,
            _OUTPUT_KIND.get(e.kind, e.kind),
            role=m.role,
        )
