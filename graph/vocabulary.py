"""The graph's fixed vocabulary: labels, relationship types and event types.

Every label and relationship type that reaches a Cypher query comes from these enums,
never from request text.
"""

from enum import StrEnum


class Label(StrEnum):
    ARTICLE = "Article"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    EVENT = "Event"
    PLACE = "Place"
    REGION = "Region"


class RelType(StrEnum):
    REPORTS = "REPORTS"
    MENTIONS = "MENTIONS"
    INVOLVES = "INVOLVES"
    HELD_IN = "HELD_IN"
    LOCATED_IN = "LOCATED_IN"
    ORGANIZED = "ORGANIZED"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    REPRESENTS = "REPRESENTS"
    BASED_IN = "BASED_IN"
    PART_OF = "PART_OF"
    IN_REGION = "IN_REGION"
    SENT_MESSAGE_TO = "SENT_MESSAGE_TO"


class EventType(StrEnum):
    FORUM = "forum"
    MEETING = "meeting"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    AGREEMENT_SIGNING = "agreement_signing"
    CONFERENCE = "conference"
    EXHIBITION = "exhibition"
    CULTURAL_EXCHANGE = "cultural_exchange"
    DIALOGUE = "dialogue"
    CEREMONY = "ceremony"
    STATEMENT = "statement"
    OTHER = "other"


class Plover(StrEnum):
    """The PLOVER event categories (Political Language Ontology for Verifiable Event
    Records), so the graph lines up with political-event datasets coded in it."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    DEMAND = "DEMAND"
    DISAPPROVE = "DISAPPROVE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    MOBILIZE = "MOBILIZE"
    SANCTION = "SANCTION"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


# The category an event of each type takes when its trigger says nothing more specific
# (a trigger pattern may name its own: "award" is SUPPORT, "donate" is AID).
PLOVER_BY_TYPE: dict[EventType, Plover] = {
    EventType.FORUM: Plover.CONSULT,
    EventType.MEETING: Plover.CONSULT,
    EventType.PHONE_CALL: Plover.CONSULT,
    EventType.VISIT: Plover.CONSULT,
    EventType.AGREEMENT_SIGNING: Plover.AGREE,
    EventType.CONFERENCE: Plover.CONSULT,
    EventType.EXHIBITION: Plover.COOPERATE,
    EventType.CULTURAL_EXCHANGE: Plover.COOPERATE,
    EventType.DIALOGUE: Plover.CONSULT,
    EventType.CEREMONY: Plover.COOPERATE,
    EventType.STATEMENT: Plover.SUPPORT,
    EventType.OTHER: Plover.COOPERATE,
}


# The (type, start label, end label) patterns the graph contract allows. All are written
# by one template, `cypher/templates/merge_relationships.cypher`, and copied by another,
# `cypher/templates/copy_relationships.cypher`, their slots filled from here.
RELATIONSHIP_PATTERNS: tuple[tuple[RelType, Label, Label], ...] = (
    (RelType.REPORTS, Label.ARTICLE, Label.EVENT),
    (RelType.MENTIONS, Label.ARTICLE, Label.COUNTRY),
    (RelType.MENTIONS, Label.ARTICLE, Label.ORGANIZATION),
    (RelType.MENTIONS, Label.ARTICLE, Label.PERSON),
    (RelType.INVOLVES, Label.EVENT, Label.COUNTRY),
    (RelType.HELD_IN, Label.EVENT, Label.PLACE),
    (RelType.LOCATED_IN, Label.PLACE, Label.COUNTRY),
    (RelType.ORGANIZED, Label.ORGANIZATION, Label.EVENT),
    (RelType.PARTICIPATED_IN, Label.PERSON, Label.EVENT),
    (RelType.PARTICIPATED_IN, Label.ORGANIZATION, Label.EVENT),
    (RelType.AFFILIATED_WITH, Label.PERSON, Label.ORGANIZATION),
    (RelType.REPRESENTS, Label.PERSON, Label.COUNTRY),
    (RelType.BASED_IN, Label.ORGANIZATION, Label.COUNTRY),
    (RelType.PART_OF, Label.ORGANIZATION, Label.ORGANIZATION),
    (RelType.PART_OF, Label.EVENT, Label.EVENT),
    (RelType.MENTIONS, Label.ARTICLE, Label.REGION),
    (RelType.INVOLVES, Label.EVENT, Label.REGION),
    (RelType.IN_REGION, Label.COUNTRY, Label.REGION),
    (RelType.SENT_MESSAGE_TO, Label.PERSON, Label.EVENT),
    (RelType.SENT_MESSAGE_TO, Label.ORGANIZATION, Label.EVENT),
)


def node_merge_query(label: Label) -> str:
    """Name of the query file that merges a batch of nodes with this label."""
    return f"merge_{label.value.lower()}_nodes"


def node_copy_query(label: Label) -> str:
    """Name of the query file that copies a batch of nodes with this label (graph/copy.py)."""
    return f"copy_{label.value.lower()}_nodes"


def pattern_slots(rel_type: RelType, start: Label, end: Label) -> tuple[tuple[str, str], ...]:
    """The slots a relationship template of `cypher/templates/` takes for one pattern."""
    return (("type", rel_type.value), ("start", start.value), ("end", end.value))
