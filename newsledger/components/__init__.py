"""The components: one subpackage per spaCy component over a Doc (see docs/architecture.md).

Components read the Doc (tokens, entities, parse) and the results of the components
before them, and write their records to a Doc extension:

    doc._.published   datetime.date | None   set by the caller before the pipeline runs
    doc._.actors      list[Actor]            newsledger_actors
    doc._.places      list[Place]            newsledger_places
    doc._.times       list[TimeRef]          newsledger_times
    doc._.figures     list[Figure]           newsledger_figures
    doc._.statements  list[Statement]        newsledger_statements
    doc._.events      list[Event]            newsledger_events
"""

from spacy.tokens import Doc

EXTENSIONS = ("actors", "places", "times", "figures", "statements", "events")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
