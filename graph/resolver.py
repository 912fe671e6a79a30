"""From extractions to a graph batch: mentions resolved to nodes with stable ids.

Pure and database-free: what the graph already holds comes in as `KnownNames` (alias keys
mapped to node ids, fetched by the ingest service), so resolution sees earlier runs.

This is the baseline resolver: exact and normalized-name matches, acronyms defined as
"Long Form (ACR)" in any article of the batch or already stored, and surname-only references
that match exactly one known person.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from extract.models import ArticleExtraction, EventMention, OrganizationMention, PersonMention
from graph.event_resolution import EventRecord, blocking_keys, cluster_events
from graph.model import GraphBatch, NodeRecord, RelationshipRecord
from graph.names import event_id, fold, organization_id, person_id, place_id, region_id
from graph.vocabulary import Label, RelType


@dataclass
class KnownNames:
    """Alias keys (folded names) already in the graph, mapped to node ids."""

    organizations: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)


def lookup_keys(extractions: list[ArticleExtraction]) -> tuple[list[str], list[str]]:
    """The folded organization and person names to look up in the graph before resolving."""
    org_keys = {fold(n) for x in extractions for o in x.organizations for n in (o.name, *o.aliases)}
    person_keys = {fold(n) for x in extractions for p in x.persons for n in (p.name, *p.aliases)}
    return sorted(org_keys), sorted(person_keys)


class _Builder:
    """Collects nodes and relationships, merging repeated ones by id."""

    def __init__(self) -> None:
        self.country_name: Callable[[str], str] = lambda iso3: iso3
        self.events: dict[str, tuple[str, str]] = {}  # "<article>#<n>" -> (node id, name)
        self.nodes: dict[str, NodeRecord] = {}
        self.relationships: dict[tuple, RelationshipRecord] = {}

    def node(self, label: Label, node_id: str, **properties: object) -> str:
        existing = self.nodes.get(node_id)
        if existing is None:
            self.nodes[node_id] = NodeRecord(label=label, id=node_id, properties=properties)
            return node_id
        for key, value in properties.items():
            current = existing.properties.get(key)
            if key == "name" and label in (Label.ORGANIZATION, Label.PERSON) and current:
                existing.properties[key] = canonical_name(current, value)
            elif isinstance(value, list):
                merged = list(current or [])
                merged.extend(v for v in value if v not in merged)
                existing.properties[key] = merged
            elif current is None:
                existing.properties[key] = value
        return node_id

    def link(self, rel_type: RelType, start: tuple[Label, str], end: tuple[Label, str],
             **properties: object) -> None:
        key = (rel_type, start[1], end[1], properties.get("article"))
        self.relationships.setdefault(key, RelationshipRecord(
            type=rel_type, start_label=start[0], start=start[1], end_label=end[0], end=end[1],
            properties=properties,
        ))

    def batch(self) -> GraphBatch:
        return GraphBatch(nodes=list(self.nodes.values()),
                          relationships=list(self.relationships.values()))


def canonical_name(a: str, b: str) -> str:
    """The name a merged node shows: the longest (most complete) form, ties broken
    alphabetically, so the choice does not depend on ingest order (mirrors the merge
    queries)."""
    return min((a, b), key=lambda name: (-len(name), name))


class _Index:
    """Which node id a name stands for, from the batch and from the graph."""

    def __init__(self, extractions: list[ArticleExtraction], known: KnownNames) -> None:
        self.organizations = dict(known.organizations)
        self.persons = dict(known.persons)
        # Organizations with aliases (acronyms defined as "Long Form (ACR)") first, so a bare
        # acronym points at the long form's node whatever the order of the articles.
        organizations = sorted(
            (org for extraction in extractions for org in extraction.organizations),
            key=lambda org: not org.aliases,
        )
        for org in organizations:
            org_id = self.organizations.get(fold(org.name), organization_id(org.name))
            for name in (org.name, *org.aliases):
                self.organizations.setdefault(fold(name), org_id)
        for extraction in extractions:
            for person in extraction.persons:
                if " " in person.name:
                    pid = self.persons.get(fold(person.name), person_id(person.name))
                    for name in (person.name, *person.aliases):
                        self.persons.setdefault(fold(name), pid)

    def organization(self, name: str) -> str:
        return self.organizations.get(fold(name), organization_id(name))

    def person(self, name: str) -> str:
        key = fold(name)
        if key in self.persons:
            return self.persons[key]
        if " " not in key:
            matches = {pid for k, pid in self.persons.items() if k.split()[-1:] == [key]}
            if len(matches) == 1:
                return matches.pop()
        return person_id(name)


def event_records(extractions: list[ArticleExtraction]) -> list[EventRecord]:
    """The batch's events as event resolution sees them, keyed "<article id>#<n>"."""
    return [
        EventRecord(key=f"{x.article.id}#{n}", name=event.name, type=event.type.value,
                    date=event.date, articles=frozenset({x.article.id}),
                    place_country=event.place.country if event.place else None)
        for x in extractions for n, event in enumerate(x.events)
    ]


def event_lookup_keys(extractions: list[ArticleExtraction]) -> list[str]:
    """Blocking keys to fetch the stored events the batch's events may be."""
    return sorted({k for r in event_records(extractions) for k in blocking_keys(r.name)})


def _event_identities(extractions: list[ArticleExtraction], stored: list[EventRecord]
                      ) -> dict[str, tuple[str, str]]:
    """Each batch event's node id and name: a stored event it is, or the group it forms
    with reports of the same event in other articles of the batch."""
    records = event_records(extractions)
    by_key = {r.key: r for r in [*records, *stored]}
    representative = cluster_events([*records, *stored])
    identities = {}
    for record in records:
        rep = by_key[representative[record.key]]
        if rep.stored:
            identities[record.key] = (rep.key, rep.name)
        else:
            date = rep.date.isoformat() if rep.date else None
            identities[record.key] = (event_id(rep.name, date=date,
                                               article_id=min(rep.articles)), rep.name)
    return identities


def resolve(
    extractions: list[ArticleExtraction],
    *,
    known: KnownNames,
    country_name: Callable[[str], str | None] = lambda iso3: None,
    stored_events: list[EventRecord] = (),
) -> GraphBatch:
    """One graph batch for the extractions; writing it is idempotent.

    `country_name` names a country the extractions only refer to by code (a person's
    country, a city's country); `stored_events` are graph events the batch's events may be
    further reports of (see `event_lookup_keys`)."""
    index = _Index(extractions, known)
    builder = _Builder()
    builder.events = _event_identities(extractions, list(stored_events))
    names = {c.iso3: c.name for x in extractions for c in x.countries}
    builder.country_name = lambda iso3: names.get(iso3) or country_name(iso3) or iso3
    for extraction in extractions:
        _add_extraction(builder, index, extraction)
    return builder.batch()


def _add_extraction(builder: _Builder, index: _Index, extraction: ArticleExtraction) -> None:
    article = extraction.article
    article_node = (Label.ARTICLE, builder.node(
        Label.ARTICLE, article.id, title=article.title, url=article.url, source=article.source,
        path=article.path, published=article.published.isoformat() if article.published else None,
    ))
    for country in extraction.countries:
        builder.node(Label.COUNTRY, country.iso3, name=country.name,
                     aliases=sorted({country.surface} - {country.name}))
        builder.link(RelType.MENTIONS, article_node, (Label.COUNTRY, country.iso3),
                     article=article.id)
    for region in extraction.regions:
        _ensure_region(builder, region.name, region.members)
        builder.link(RelType.MENTIONS, article_node, (Label.REGION, region_id(region.name)),
                     article=article.id)
    for org in extraction.organizations:
        _add_organization(builder, index, org, article_node)
    for person in extraction.persons:
        _add_person(builder, index, person, article_node)
    for n, event in enumerate(extraction.events):
        date = event.date.isoformat() if event.date else None
        eid, name = builder.events[f"{article.id}#{n}"]
        event_node = (Label.EVENT, builder.node(
            Label.EVENT, eid, name=name, type=event.type.value, date=date,
            end_date=event.end_date.isoformat() if event.end_date else None,
            block_keys=blocking_keys(event.name),
        ))
        reported = {"article": article.id, "evidence": event.evidence.sentence,
                    "span": f"{article.id}:{event.evidence.start}-{event.evidence.end}"}
        builder.link(RelType.REPORTS, article_node, event_node, **reported,
                     evidence_start=event.evidence.start, evidence_end=event.evidence.end)

        def evidence(role: str, value: str, event: EventMention = event) -> dict[str, object]:
            found = event.fact_evidence.get(f"{role}:{value}", event.evidence)
            return {"article": article.id, "evidence": found.sentence,
                    "span": f"{article.id}:{found.start}-{found.end}"}

        for name in event.regions:
            region = _ensure_region(builder, name, [])
            builder.link(RelType.INVOLVES, event_node, region, **evidence("region", name))
        if event.part_of is not None:
            parent_n = next((i for i, e in enumerate(extraction.events)
                             if e.name == event.part_of), None)
            if parent_n is not None:
                parent, _ = builder.events[f"{article.id}#{parent_n}"]
                if parent != eid:
                    builder.link(RelType.PART_OF, event_node, (Label.EVENT, parent), **reported)
        for iso3 in event.countries:
            _ensure_country(builder, iso3)
            builder.link(RelType.INVOLVES, event_node, (Label.COUNTRY, iso3),
                         **evidence("country", iso3))
        if event.place is not None:
            pid = place_id(event.place.name, event.place.country)
            builder.node(Label.PLACE, pid, name=event.place.name)
            builder.link(RelType.HELD_IN, event_node, (Label.PLACE, pid), **reported)
            if event.place.country:
                _ensure_country(builder, event.place.country)
                builder.link(RelType.LOCATED_IN, (Label.PLACE, pid),
                             (Label.COUNTRY, event.place.country))
        for name in event.organizers:
            org = _ensure_organization(builder, index, name)
            builder.link(RelType.ORGANIZED, org, event_node, **evidence("organizer", name))
        for name in event.participant_organizations:
            org = _ensure_organization(builder, index, name)
            builder.link(RelType.PARTICIPATED_IN, org, event_node,
                         **evidence("participant_organization", name))
        for name in event.participants:
            person = (Label.PERSON, index.person(name))
            if person[1] not in builder.nodes:
                builder.node(Label.PERSON, person[1], name=name, aliases=[name], titles=[],
                             alias_keys=[fold(name)])
            builder.link(RelType.PARTICIPATED_IN, person, event_node,
                         **evidence("participant", name))


def _ensure_organization(builder: _Builder, index: _Index, name: str) -> tuple[Label, str]:
    """The node of an organization an event names, created if the article listed it only
    there."""
    oid = index.organization(name)
    if oid not in builder.nodes:
        builder.node(Label.ORGANIZATION, oid, name=name, aliases=[name], alias_keys=[fold(name)])
    return Label.ORGANIZATION, oid


def _ensure_region(builder: _Builder, name: str, members: list[str]) -> tuple[Label, str]:
    """A Region node, linked to its member countries when membership is well defined."""
    rid = region_id(name)
    if rid not in builder.nodes:
        builder.node(Label.REGION, rid, name=name, aliases=[])
    for iso3 in members:
        builder.link(RelType.IN_REGION, _ensure_country(builder, iso3), (Label.REGION, rid))
    return Label.REGION, rid


def _ensure_country(builder: _Builder, iso3: str) -> tuple[Label, str]:
    if iso3 not in builder.nodes:
        builder.node(Label.COUNTRY, iso3, name=builder.country_name(iso3), aliases=[])
    return Label.COUNTRY, iso3


def _add_organization(
    builder: _Builder, index: _Index, org: OrganizationMention, article_node: tuple[Label, str]
) -> None:
    oid = index.organization(org.name)
    names = [org.name, *org.aliases]
    builder.node(Label.ORGANIZATION, oid, name=org.name, aliases=names,
                 alias_keys=sorted({fold(n) for n in names}))
    builder.link(RelType.MENTIONS, article_node, (Label.ORGANIZATION, oid),
                 article=article_node[1])
    if org.country:
        builder.link(RelType.BASED_IN, (Label.ORGANIZATION, oid),
                     _ensure_country(builder, org.country))
    if org.part_of:
        parent = _ensure_organization(builder, index, org.part_of)
        builder.link(RelType.PART_OF, (Label.ORGANIZATION, oid), parent)


def _add_person(
    builder: _Builder, index: _Index, person: PersonMention, article_node: tuple[Label, str]
) -> None:
    pid = index.person(person.name)
    names = [person.name, *person.aliases]
    builder.node(Label.PERSON, pid, name=person.name, aliases=names, titles=person.titles,
                 alias_keys=sorted({fold(n) for n in names}))
    builder.link(RelType.MENTIONS, article_node, (Label.PERSON, pid), article=article_node[1])
    if person.country:
        builder.link(RelType.REPRESENTS, (Label.PERSON, pid),
                     _ensure_country(builder, person.country))
    if person.organization:
        org = _ensure_organization(builder, index, person.organization)
        builder.link(RelType.AFFILIATED_WITH, (Label.PERSON, pid), org,
                     title=person.organization_title)
