"""An article's footprint: the relationships it supports and the unresolved nodes it names.

    footprint = article_footprint(extraction, placement)

`placement` says which node each of the article's entity units and event reports resolved
to (graph/resolver.py decides). Everything else follows from the extraction alone: the same
article with the same placement always has the same footprint, so writing it again changes
nothing and retracting it takes away exactly what it added.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from extract.countries import CountryIndex
from extract.models import ArticleExtraction, EventMention, Evidence
from extract.regions import RegionIndex
from graph.mentions import ArticleMentions
from graph.names import place_id, region_id
from graph.vocabulary import Label, RelType

Node = tuple[Label, str]


class Placement(Protocol):
    """Where an article's mentions and reports resolved to."""

    def entity(self, label: Label, unit: str) -> tuple[str, str]:
        """(node id, why the mention joined that node) of one of the article's units."""
        ...

    def event(self, index: int) -> str:
        """Node id of the article's `index`-th event report."""
        ...


@dataclass
class Contribution:
    """One article's support for one relationship."""

    type: RelType
    start: Node
    end: Node
    article: str | None  # None: a fact no article needs to support (region membership)
    evidence: dict[str, str] = field(default_factory=dict)  # span -> sentence
    props: dict[str, Any] = field(default_factory=dict)  # MENTIONS and REPORTS: per article
    title: str | None = None  # AFFILIATED_WITH: the title the article gives


@dataclass
class Footprint:
    article: dict[str, Any]
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)  # iso3 -> name, aliases
    places: dict[str, set[str]] = field(default_factory=dict)  # id -> spellings written
    regions: dict[str, str] = field(default_factory=dict)  # id -> name
    contributions: dict[tuple[RelType, str, str], Contribution] = field(default_factory=dict)

    def link(self, rel_type: RelType, start: Node, end: Node, *, article: str | None,
             evidence: Evidence | None = None, **props: Any) -> None:
        key = (rel_type, start[1], end[1])
        contribution = self.contributions.get(key)
        if contribution is None:
            contribution = self.contributions[key] = Contribution(
                type=rel_type, start=start, end=end, article=article)
        if evidence is not None:
            span = f"{evidence.article_id}:{evidence.start}-{evidence.end}"
            contribution.evidence.setdefault(span, evidence.sentence)
        title = props.pop("title", None)
        if title and (contribution.title is None or _canonical(title, contribution.title)
                      == title):
            contribution.title = title
        contribution.props.update(props)

    def nodes(self) -> Iterator[Node]:
        """Every node the footprint's relationships touch."""
        for contribution in self.contributions.values():
            yield contribution.start
            yield contribution.end


def _canonical(a: str, b: str) -> str:
    """The longest of two names (ties: the alphabetically first), whatever the order."""
    return min((a, b), key=lambda name: (-len(name), name))


def article_footprint(
    extraction: ArticleExtraction, placement: Placement, *,
    country_name: Callable[[str], str | None] | None = None,
    region_members: Callable[[str], list[str]] | None = None,
) -> Footprint:
    """Everything `extraction` adds to the graph, with its mentions placed by `placement`."""
    country_name = country_name or CountryIndex.default().name_of
    region_members = region_members or _region_members
    article = extraction.article
    footprint = Footprint(article={
        "id": article.id, "title": article.title, "url": article.url, "source": article.source,
        "path": article.path,
        "published": article.published.isoformat() if article.published else None,
        "extraction": extraction.model_dump_json(),
    })
    builder = _Builder(footprint, extraction, placement, country_name, region_members)
    builder.add_all()
    return footprint


def _region_members(name: str) -> list[str]:
    region = RegionIndex.default().lookup(name)
    return list(region.members) if region else []


class _Builder:
    def __init__(self, footprint: Footprint, extraction: ArticleExtraction,
                 placement: Placement, country_name: Callable[[str], str | None],
                 region_members: Callable[[str], list[str]]) -> None:
        self.footprint, self.extraction, self.placement = footprint, extraction, placement
        self.country_name, self.region_members = country_name, region_members
        self.article_id = extraction.article.id
        self.article: Node = (Label.ARTICLE, self.article_id)
        self.mentions = ArticleMentions(extraction)
        self.names = {c.iso3: c.name for c in extraction.countries}

    def add_all(self) -> None:
        for country in self.extraction.countries:
            node = self.country(country.iso3)
            if country.surface != country.name:
                aliases = self.footprint.countries[country.iso3]["aliases"]
                aliases[:] = sorted({*aliases, country.surface})
            self.link(RelType.MENTIONS, self.article, node, surfaces=[country.surface])
        for region in self.extraction.regions:
            self.link(RelType.MENTIONS, self.article, self.region(region.name, region.members))
        for mention in self.mentions.mentions:
            self.add_entity(mention)
        for n, event in enumerate(self.extraction.events):
            self.add_event(n, event)

    # -- links and nodes ----------------------------------------------------------------

    def link(self, rel_type: RelType, start: Node, end: Node, *,
             evidence: Evidence | None = None, **props: Any) -> None:
        self.footprint.link(rel_type, start, end, article=self.article_id, evidence=evidence,
                            **props)

    def country(self, iso3: str) -> Node:
        if iso3 not in self.footprint.countries:
            name = self.names.get(iso3) or self.country_name(iso3) or iso3
            self.footprint.countries[iso3] = {"name": name, "aliases": []}
        return Label.COUNTRY, iso3

    def region(self, name: str, members: list[str] | None = None) -> Node:
        rid = region_id(name)
        if rid not in self.footprint.regions:
            self.footprint.regions[rid] = name
            for iso3 in self.region_members(name) or members or []:
                self.footprint.link(RelType.IN_REGION, self.country(iso3), (Label.REGION, rid),
                                    article=None)
        return Label.REGION, rid

    def entity(self, label: Label, name: str) -> Node:
        node, _ = self.placement.entity(label, self.mentions.unit_of(label, name))
        return label, node

    # -- what an article says -------------------------------------------------------------

    def add_entity(self, mention) -> None:
        node, reason = self.placement.entity(mention.label, mention.unit)
        entity = (mention.label, node)
        props: dict[str, Any] = {"surfaces": mention.surfaces, "resolution": reason,
                                 "unit": mention.unit, "country": mention.country}
        if mention.label == Label.PERSON:
            props["titles"] = list(mention.titles)
            props["organization_title"] = mention.organization_title
        self.link(RelType.MENTIONS, self.article, entity, **props)
        if mention.country:
            rel_type = RelType.REPRESENTS if mention.label == Label.PERSON else RelType.BASED_IN
            self.link(rel_type, entity, self.country(mention.country))
        if mention.label == Label.PERSON:
            listed = next((p for p in self.extraction.persons
                           if self.mentions.unit_of(Label.PERSON, p.name) == mention.unit
                           and p.organization), None)
            if listed is not None:
                self.link(RelType.AFFILIATED_WITH, entity,
                          self.entity(Label.ORGANIZATION, listed.organization),
                          title=listed.organization_title)
        else:
            listed_org = next((o for o in self.extraction.organizations
                               if self.mentions.unit_of(Label.ORGANIZATION, o.name)
                               == mention.unit and o.part_of), None)
            if listed_org is not None:
                parent = self.entity(Label.ORGANIZATION, listed_org.part_of)
                if parent != entity:
                    self.link(RelType.PART_OF, entity, parent)

    def add_event(self, n: int, event: EventMention) -> None:
        node: Node = (Label.EVENT, self.placement.event(n))
        reported = event.evidence
        place = event.place
        self.link(RelType.REPORTS, self.article, node, evidence=reported,
                  evidence_start=reported.start, evidence_end=reported.end, report=n,
                  reported_name=event.name, reported_type=event.type.value,
                  reported_plover=event.plover.value if event.plover else None,
                  reported_date=event.date.isoformat() if event.date else None,
                  reported_end_date=event.end_date.isoformat() if event.end_date else None,
                  reported_place=place.name if place else None,
                  place_id=place_id(place) if place else None,
                  place_country=place.country if place else None)

        def evidence(role: str, value: str) -> Evidence:
            return event.fact_evidence.get(f"{role}:{value}", event.evidence)

        for name in event.regions:
            self.link(RelType.INVOLVES, node, self.region(name),
                      evidence=evidence("region", name))
        if event.part_of is not None:
            parent_n = next((i for i, e in enumerate(self.extraction.events)
                             if e.name == event.part_of), None)
            if parent_n is not None:
                parent = (Label.EVENT, self.placement.event(parent_n))
                if parent != node:
                    self.link(RelType.PART_OF, node, parent, evidence=reported)
        for iso3 in event.countries:
            self.link(RelType.INVOLVES, node, self.country(iso3),
                      evidence=evidence("country", iso3))
        if event.place is not None:
            pid = place_id(event.place)
            self.footprint.places.setdefault(pid, set()).add(event.place.name)
            self.link(RelType.HELD_IN, node, (Label.PLACE, pid), evidence=reported)
            if event.place.country:
                self.link(RelType.LOCATED_IN, (Label.PLACE, pid),
                          self.country(event.place.country))
        for name in event.organizers:
            self.link(RelType.ORGANIZED, self.entity(Label.ORGANIZATION, name), node,
                      evidence=evidence("organizer", name))
        for name in event.participant_organizations:
            self.link(RelType.PARTICIPATED_IN, self.entity(Label.ORGANIZATION, name), node,
                      evidence=evidence("participant_organization", name))
        for name in event.participants:
            self.link(RelType.PARTICIPATED_IN, self.entity(Label.PERSON, name), node,
                      evidence=evidence("participant", name))
        for name in event.message_senders:
            self.link(RelType.SENT_MESSAGE_TO,
                      self.entity(self.mentions.sender_label(name), name), node,
                      evidence=evidence("message_sender", name))
