"""Event triggers: the words that report a happening, as a spaCy pipeline component.

The triggers are data (`extract/data/patterns/event_triggers.jsonl`, one per line):

    {"id": "meet", "type": "meeting", "kind": "verb", "pattern": [{"LEMMA": "meet", "POS": "VERB"}]}
    {"id": "phone_call", "type": "phone_call", "kind": "noun", "phrase": "phone call"}

A verb trigger is a `Matcher` token pattern (lemma and part of speech, so "met", "meets" and
"meeting with" need no list of forms); a noun trigger is a phrase matched case-insensitively
as written (a plural speaks of happenings in general). An entry may name its PLOVER category;
otherwise the event type's default applies. `"takes": "someone"` marks a verb that reports
the event only when its object is a person ("received the minister", not "received a
salute").

The component puts every trigger in `doc.spans["dkg_triggers"]` (label: the event type,
`id_`: the entry id, `._.dkg_kind` and `._.dkg_plover`), and a trigger the sentence only
plans, proposes or negates ("will visit", "plans to sign", "did not meet") in
`doc.spans["dkg_unreported_triggers"]`.
"""

import json
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graph.vocabulary import PLOVER_BY_TYPE, EventType, Plover

for _attribute in ("dkg_kind", "dkg_plover"):
    if not Span.has_extension(_attribute):
        Span.set_extension(_attribute, default=None)

TRIGGERS_KEY = "dkg_triggers"
UNREPORTED_KEY = "dkg_unreported_triggers"
PATTERNS_FILE = "event_triggers.jsonl"

# Auxiliaries and governing verbs that make a trigger a plan, not a report.
_MODAL_AUXILIARIES = frozenset("will shall would could may might should must".split())
_PLANNING_HEADS = frozenset(
    """plan propose expect hope aim intend seek want wish prepare schedule agree decide
    invite look consider discuss keen eager ready willing determined""".split()
)


@dataclass(frozen=True)
class TriggerEntry:
    """One line of the triggers file."""

    id: str
    type: EventType
    kind: str  # "verb" or "noun"
    plover: Plover
    pattern: list[dict]
    takes_someone: bool = False  # a verb that reports the event only when it takes a person

    @property
    def phrase(self) -> str | None:
        """The words of a noun trigger ("phone call"), None for a verb pattern."""
        if self.kind != "noun":
            return None
        return " ".join(token["LOWER"]["IN"][0] for token in self.pattern)


def load_patterns(filename: str) -> list[dict]:
    """The entries of a JSON-lines patterns file of extract/data/patterns/."""
    text = (resources.files("extract") / "data" / "patterns" / filename).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _phrase_pattern(phrase: str) -> list[dict]:
    """Words matched case-insensitively as written: a plural ("educational exchanges",
    "regular meetings") speaks of happenings in general, not of one event."""
    return [{"LOWER": {"IN": [w]}} for w in phrase.lower().split()]


def trigger_entries(raw: list[dict]) -> dict[str, TriggerEntry]:
    """Entries by id, each with its Matcher pattern and its PLOVER category."""
    entries = {}
    for item in raw:
        event_type = EventType(item["type"])
        pattern = item.get("pattern") or _phrase_pattern(item["phrase"])
        entries[item["id"]] = TriggerEntry(
            id=item["id"], type=event_type, kind=item["kind"], pattern=pattern,
            plover=Plover(item["plover"]) if "plover" in item else PLOVER_BY_TYPE[event_type],
            takes_someone=item.get("takes") == "someone")
    return entries


def default_entries() -> dict[str, TriggerEntry]:
    return trigger_entries(load_patterns(PATTERNS_FILE))


def is_reported(trigger: Span) -> bool:
    """False when the sentence only plans, proposes or negates the happening ("will meet",
    "plans to visit", "agreed to hold talks", "did not sign", "the proposed summit") or
    describes a thing by it ("the agreement, signed in 1992, ...")."""
    root = trigger.root
    verb = root if root.pos_ in ("VERB", "AUX") else _governing_verb(root)
    coordinated = [verb] if verb is not None else []
    while coordinated and coordinated[-1].dep_ == "conj":  # "will discuss ... and adopt"
        coordinated.append(coordinated[-1].head)
    for token in (root, *coordinated):
        if token is None:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in _MODAL_AUXILIARIES for c in token.children):
            return False
    if root.pos_ == "VERB" and root.dep_ in ("xcomp", "ccomp") and (
            root.head.lemma_ in _PLANNING_HEADS):
        return False
    if root.pos_ == "VERB" and root.dep_ == "acl" and root.tag_ == "VBN":
        return False  # "an agreement signed in 1992": a description of the thing, not news
    return not any(c.dep_ == "amod" and c.lower_ in ("proposed", "planned", "upcoming",
                                                     "future", "forthcoming", "possible")
                   for c in root.children)


# Common nouns that stand for people received or welcomed ("received the delegation").
_SOMEONE = frozenset(
    """delegation delegations delegate delegates guest guests visitor visitors minister
    ministers ambassador ambassadors envoy envoys counterpart counterparts president leader
    leaders official officials head heads team chairman chairperson secretary-general
    secretary governor mayor representative representatives members member group students
    journalists editors participants""".split()
)


# Nouns for the buildings and rooms events happen in ("exhibition centre", "concert hall").
BUILDING_NOUNS = frozenset(
    "center centre hall building palace complex secretariat office room venue hotel stadium "
    "auditorium grounds".split()
)


def names_a_building(trigger: Span) -> bool:
    """Whether a noun trigger only describes a building: "the concert hall"."""
    root = trigger.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in BUILDING_NOUNS


def takes_someone(trigger: Span) -> bool:
    """Whether a receiving verb's object, if it has one, is someone: a name, a pronoun, or
    a noun for people ("received the delegation"), not a thing ("received a salute")."""
    root = trigger.root
    thing = next((c for c in root.children if c.dep_ == "dobj"), None)
    if thing is None:
        return True  # "was received by the President": the person is elsewhere
    return thing.pos_ in ("PROPN", "PRON") or thing.lemma_.lower() in _SOMEONE or (
        thing.lower_ in _SOMEONE)


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun trigger hangs from ("the summit will be held" -> held)."""
    while token.dep_ not in ("ROOT",) and token.pos_ not in ("VERB", "AUX"):
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


class EventTriggers:
    """Finds event triggers; see the module docstring."""

    def __init__(self, nlp: Language, entries: dict[str, TriggerEntry]) -> None:
        self.entries = entries
        self.matcher = Matcher(nlp.vocab)
        for entry in entries.values():
            self.matcher.add(entry.id, [entry.pattern])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
            span = Span(doc, start, end, label=entry.type.value, span_id=entry.id)
            if entry.takes_someone and not takes_someone(span):
                continue  # "received a military salute", "welcomed the decision"
            if entry.kind == "noun" and names_a_building(span):
                continue  # "the Megaron concert hall": a place, not a concert
            span._.dkg_kind, span._.dkg_plover = entry.kind, entry.plover
            spans.append(span)
        spans = sorted(filter_spans(spans), key=lambda s: s.start)
        doc.spans[TRIGGERS_KEY] = [s for s in spans if is_reported(s)]
        doc.spans[UNREPORTED_KEY] = [s for s in spans if not is_reported(s)]
        return doc


@Language.factory("dkg_event_triggers")
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    return EventTriggers(nlp, default_entries())
