"""From extractions to a graph batch: mentions resolved to nodes with stable ids.

Pure and database-free: what the graph already holds comes in as stored records (nodes
found by blocking keys, fetched by the ingest service), so resolution sees earlier runs.
Persons and organizations go through graph/entity_resolution.py, events through
graph/event_resolution.py; a user's curation (must-merge / must-not-merge) applies to both
the batch and what is stored.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from extract.models import ArticleExtraction, EventMention, OrganizationMention, PersonMention
from graph.entity_resolution import (
    Curation,
    EntityRecord,
    blocking_keys,
    cluster_entities,
    representative,
)
from graph.event_resolution import EventRecord, cluster_events
from graph.event_resolution import blocking_keys as event_blocking_keys
from graph.model import GraphBatch, NodeRecord, RelationshipRecord
from graph.names import event_id, fold, organization_id, person_id, place_id, region_id
from graph.vocabulary import Label, RelType


@dataclass
class KnownNames:
    """Alias keys (folded names) already in the graph, mapped to node ids."""

    organizations: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)


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


def entity_records(extractions: list[ArticleExtraction]) -> list[EntityRecord]:
    """The batch's organizations and persons as entity resolution sees them."""
    records = []
    for x in extractions:
        for n, org in enumerate(x.organizations):
            records.append(EntityRecord(
                key=f"{x.article.id}#org#{n}", label=Label.ORGANIZATION, name=org.name,
                aliases=tuple(org.aliases), country=org.country,
                articles=frozenset({x.article.id})))
        for n, person in enumerate(x.persons):
            records.append(EntityRecord(
                key=f"{x.article.id}#person#{n}", label=Label.PERSON, name=person.name,
                aliases=tuple(person.aliases), country=person.country,
                articles=frozenset({x.article.id})))
    return records


def entity_lookup_keys(extractions: list[ArticleExtraction]) -> dict[Label, list[str]]:
    """Blocking keys, per label, to fetch the stored nodes the batch's entities may be."""
    keys: dict[Label, set[str]] = {Label.ORGANIZATION: set(), Label.PERSON: set()}
    for record in entity_records(extractions):
        keys[record.label] |= blocking_keys(record)
    return {label: sorted(values) for label, values in keys.items()}


class _Index:
    """Which node id each organization and person of the batch resolves to."""

    def __init__(self, extractions: list[ArticleExtraction], known: KnownNames,
                 stored: list[EntityRecord], curation: Curation | None) -> None:
        records = entity_records(extractions) + list(stored) + _known_records(known)
        groups = cluster_entities(records, curation=curation)
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}  # node id -> canonical name
        self.rules: dict[str, str] = {}  # record key -> why it joined its node
        for key, group in groups.items():
            rep = representative(group)
            id_of = organization_id if rep.label == Label.ORGANIZATION else person_id
            node = rep.key if rep.stored else id_of(rep.name)
            self.ids[key] = node
            named = [m for m in group if not m.stored] or group
            self.names[node] = representative(named).name
            self.rules[key] = _why(by_key := {m.key: m for m in group}, by_key[key], rep)
        self._by_name: dict[tuple[Label, str, str | None], str] = {}
        self._record_of: dict[tuple[Label, str, str | None], str] = {}
        for record in sorted(records, key=lambda r: r.key):
            article = min(record.articles) if record.articles and not record.stored else None
            for name in record.names:
                self._record_of.setdefault((record.label, fold(name), article), record.key)
                self._by_name.setdefault((record.label, fold(name), article),
                                         self.ids[record.key])
                self._by_name.setdefault((record.label, fold(name), None), self.ids[record.key])

    def organization(self, name: str, article: str | None = None) -> str:
        return self._lookup(Label.ORGANIZATION, name, article) or organization_id(name)

    def person(self, name: str, article: str | None = None) -> str:
        return self._lookup(Label.PERSON, name, article) or person_id(name)

    def rule(self, label: Label, name: str, article: str) -> str:
        key = self._record_of.get((label, fold(name), article))
        return self.rules.get(key, "own node") if key else "own node"

    def _lookup(self, label: Label, name: str, article: str | None) -> str | None:
        return (self._by_name.get((label, fold(name), article))
                or self._by_name.get((label, fold(name), None)))


def _known_records(known: KnownNames) -> list[EntityRecord]:
    """Alias keys the caller already resolved, as stored records."""
    return [EntityRecord(key=node, label=label, name=key, stored=True)
            for label, mapping in ((Label.ORGANIZATION, known.organizations),
                                   (Label.PERSON, known.persons))
            for key, node in mapping.items()]


def _why(members: dict[str, EntityRecord], record: EntityRecord, rep: EntityRecord) -> str:
    """The rule that put a mention on its node, recorded for users to see."""
    if record.key == rep.key or len(members) == 1:
        return "own node"
    if {fold(n) for n in record.names} & {fold(n) for n in rep.names}:
        return "same name" if not rep.stored else "same name as a stored node"
    return "matched by name variants" + (" to a stored node" if rep.stored else "")


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
    return sorted({k for r in event_records(extractions) for k in event_blocking_keys(r.name)})


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
    stored_entities: list[EntityRecord] = (),
    curation: Curation | None = None,
) -> GraphBatch:
    """One graph batch for the extractions; writing it is idempotent.

    `country_name` names a country the extractions only refer to by code (a person's
    country, a city's country); `stored_events` are graph events the batch's events may be
    further reports of (see `event_lookup_keys`)."""
    index = _Index(extractions, known, list(stored_entities), curation)
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
        extraction=extraction.model_dump_json(),
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
            block_keys=event_blocking_keys(event.name),
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
                             (Label.COUNTRY, event.place.country), article=article.id)
        for name in event.organizers:
            org = _ensure_organization(builder, index, name, article.id)
            builder.link(RelType.ORGANIZED, org, event_node, **evidence("organizer", name))
        for name in event.participant_organizations:
            org = _ensure_organization(builder, index, name, article.id)
            builder.link(RelType.PARTICIPATED_IN, org, event_node,
                         **evidence("participant_organization", name))
        for name in event.participants:
            person = (Label.PERSON, index.person(name, article.id))
            if person[1] not in builder.nodes:
                builder.node(Label.PERSON, person[1], name=name, aliases=[name], titles=[],
                             alias_keys=[fold(name)], block_keys=[])
            builder.link(RelType.PARTICIPATED_IN, person, event_node,
                         **evidence("participant", name))


def _ensure_organization(builder: _Builder, index: _Index, name: str,
                         article: str | None = None) -> tuple[Label, str]:
    """The node of an organization an event names, created if the article listed it only
    there."""
    oid = index.organization(name, article)
    if oid not in builder.nodes:
        builder.node(Label.ORGANIZATION, oid, name=index.names.get(oid, name), aliases=[name],
                     alias_keys=[fold(name)], block_keys=[])
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
    article = article_node[1]
    oid = index.organization(org.name, article)
    names = [org.name, *org.aliases]
    record = EntityRecord(key="", label=Label.ORGANIZATION, name=org.name,
                          aliases=tuple(org.aliases))
    builder.node(Label.ORGANIZATION, oid, name=index.names.get(oid, org.name), aliases=names,
                 alias_keys=sorted({fold(n) for n in names}),
                 block_keys=sorted(blocking_keys(record)))
    builder.link(RelType.MENTIONS, article_node, (Label.ORGANIZATION, oid), article=article,
                 surfaces=names, resolution=index.rule(Label.ORGANIZATION, org.name, article))
    if org.country:
        builder.link(RelType.BASED_IN, (Label.ORGANIZATION, oid),
                     _ensure_country(builder, org.country), article=article)
    if org.part_of:
        parent = _ensure_organization(builder, index, org.part_of, article)
        builder.link(RelType.PART_OF, (Label.ORGANIZATION, oid), parent, article=article)


def _add_person(
    builder: _Builder, index: _Index, person: PersonMention, article_node: tuple[Label, str]
) -> None:
    article = article_node[1]
    pid = index.person(person.name, article)
    names = [person.name, *person.aliases]
    record = EntityRecord(key="", label=Label.PERSON, name=person.name,
                          aliases=tuple(person.aliases))
    builder.node(Label.PERSON, pid, name=index.names.get(pid, person.name), aliases=names,
                 titles=person.titles, alias_keys=sorted({fold(n) for n in names}),
                 block_keys=sorted(blocking_keys(record)))
    builder.link(RelType.MENTIONS, article_node, (Label.PERSON, pid), article=article,
                 surfaces=names, titles=person.titles,
                 resolution=index.rule(Label.PERSON, person.name, article))
    if person.country:
        builder.link(RelType.REPRESENTS, (Label.PERSON, pid),
                     _ensure_country(builder, person.country), article=article)
    if person.organization:
        org = _ensure_organization(builder, index, person.organization, article)
        builder.link(RelType.AFFILIATED_WITH, (Label.PERSON, pid), org, article=article,
                     title=person.organization_title)
