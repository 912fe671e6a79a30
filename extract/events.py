"""Events: every reported happening in an article, with its type, date, place, countries,
organizers and participants.

Sentence by sentence: a sentence that names an event ("The 2026 X Forum was held ..."),
reports one with a verb ("A met with B", "signed"), or describes one ("a cultural exchange
event was held") starts an event; a later sentence that refers back to it ("The forum was
jointly hosted by ...") adds to it instead of starting another.
"""

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extract.cleaning import PreparedArticle
from extract.countries import CountryIndex
from extract.dates import find_dates
from extract.entities import ArticleEntities, could_be_organization, doc_text
from extract.lexicon import (
    ABSENCE_CUES,
    ANAPHORA_NOUNS,
    EVENT_NOUNS,
    HAPPENING_VERBS,
    HONORIFICS,
    ORGANIZATION_HEADS,
    ORGANIZER_CUES,
    PARTICIPATION_CUES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    VENUE_HEADS,
)
from extract.models import EventMention, Evidence, PlaceMention
from extract.phrases import first_cue, reported_by, whole_words
from extract.place_spans import countries_in, regions_in
from extract.placement import KnownPlaces, place_of_mention
from extract.places import PlaceIndex
from extract.regions import RegionIndex
from extract.roles import ROLES, ROLES_KEY, filler_phrase
from extract.triggers import BUILDING_NOUNS, TRIGGERS_KEY
from graph.names import fold
from graph.vocabulary import EventType, Plover

_EVENT_HEADS = (
    "Forum|Summit|Dialogue|Meeting|Conference|Fair|Exhibition|Festival|Week|Expo|Session|"
    "Congress|Symposium|Ceremony|Talks|Games|Roundtable|Seminar|Days|Night|Gala"
)
_NAME_WORD = r"(?:[A-Z0-9][\w’'.&]*(?:-[A-Za-z0-9][\w.]*)*)"
_SMALL = r"(?:a|an|the|and|with|of|on|in|for|to|at)"
_NAMED_EVENT = re.compile(
    rf"(?P<name>(?:[\"“][^\"”]{{3,80}}[\"”]\s+)?"
    rf"(?:{_NAME_WORD}\s+(?:(?:and|of|for|on|&)\s+(?={_NAME_WORD}))?){{0,9}}(?i:{_EVENT_HEADS})\b"
    rf"(?!\s+(?i:{'|'.join(sorted(BUILDING_NOUNS))})\b)"
    rf"(?:\s+(?:on|of|for)\s+{_NAME_WORD}(?:\s+(?:{_SMALL}\s+)*{_NAME_WORD})*)?)"
)
# A numbered or dated edition ("22nd India-Russia Annual Summit", "2016 ... Summit",
# "Inaugural ... Summit"): an event even when the sentence only refers to it.
_EDITION = re.compile(
    r"^(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th)|[IVXLC]+|First|Second|Third|Fourth|Fifth|Inaugural)\s"
)
# "on the sidelines of the informal NATO foreign ministers meeting": the larger event.
_SIDELINES = re.compile(
    r"\bon the (?:sidelines|margins) of (?:the\s+)?(?P<np>(?:[\w'’-]+\s+){0,7}?"
    r"(?:meeting|summit|forum|conference|session|meet|assembly|talks))\b",
    re.IGNORECASE,
)
# "During his meeting with X", "talks with X": a meeting reported by its noun.
_MEETING_WITH = re.compile(
    r"\b(?:meeting|meetings|talks|conversation|call|discussions?)\s+with\b", re.IGNORECASE
)
# Words that place a sentence in its own time; without them it shares its story's date.
_OWN_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|last|next|ago|earlier|previous|previously|former|since|until|will|"
    r"would|expected|plans?|planned|scheduled|upcoming|later|yesterday|tomorrow|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
)
_BOTH_PARTIES = re.compile(r"\b(?:both countries|the two countries|both nations|the two nations)\b",
                           re.IGNORECASE)
_QUOTED = re.compile(r"[\"“](?P<q>[A-Z0-9][^\"”,]{5,150})[\"”]")
_VENUE = re.compile(r"\bat\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w’'-]+\s?){1,6})")
_VENUE_WORDS = "|".join(sorted(VENUE_HEADS))
_GENERIC_NAMES = frozenset({"meeting", "talks", "forum", "summit", "session", "ceremony"})
# Verbs of an act done to a thing, and the noun that names the act ("Signing of ...").
_ACTS = {"sign": "Signing", "inaugurate": "Inauguration", "open": "Opening",
         "unveil": "Unveiling", "launch": "Launch", "release": "Release"}
# Passive reports of a happening ("The list ... was officially released") and the noun that
# names the act.
_NOMINALISATIONS = {
    "released": "Release", "launched": "Launch", "signed": "Signing", "opened": "Opening",
    "inaugurated": "Inauguration", "unveiled": "Unveiling", "issued": "Issuing",
}
_PASSIVE = re.compile(
    r"^(?:the\s+)?(?P<subject>.{3,120}?)\s+(?:was|were|has been|have been)\s+(?:\w+ly\s+)?"
    rf"(?P<verb>{'|'.join(_NOMINALISATIONS)})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Trigger:
    """A trigger the `dkg_event_triggers` component found in a sentence."""

    text: str  # lower case, as written: "met", "phone call"
    lemma: str
    type: EventType
    plover: Plover
    object: str | None = None  # what a verb phrase trigger names: "joint communiqué"
    has_party: bool = False  # a noun told with who or where: "Lula's visit to China"
    name: str | None = None  # the name the parse gives it, when it gives one
    destination: str | None = None  # "a visit to Lisbon"
    acted_on: str | None = None  # what a verb of signing or opening took: "memorandum"
    during: bool = False  # told as the time of something else: "During the audience, ..."

    @property
    def act(self) -> str | None:
        """The noun of the act: "Signing", "Inauguration"."""
        return _ACTS.get(self.lemma)


def _first_trigger(sent: Span, kind: str, *, outside: list[tuple[int, int]] = ()
                   ) -> _Trigger | None:
    """The sentence's first reported trigger of a kind ("verb" or "noun"), skipping any inside
    the character ranges `outside` ("the Pacific Islands Forum said" reports no forum)."""
    for span in sent.doc.spans[TRIGGERS_KEY]:
        if not sent.start <= span.start < sent.end or span._.dkg_kind != kind:
            continue
        if any(start <= span.start_char < end for start, end in outside):
            continue
        if kind == "noun" and _ceremony_of_a_gathering(span):
            continue  # "the opening ceremony of the festival" is the festival
        return _Trigger(text=span.text.lower(), lemma=span.root.lemma_.lower(),
                        type=EventType(span.label_), plover=span._.dkg_plover,
                        object=" ".join(t.lower_ for t in span[1:]
                                        if t.pos_ not in ("DET", "PRON", "ADP")) or None,
                        has_party=_has_party(span), name=_visit_name(span),
                        destination=_destination(span), acted_on=_acted_on(span),
                        during=span.label_ != EventType.VISIT.value
                        and span.root.dep_ == "pobj" and span.root.head.lower_ in (
                            "during", "after", "following"))
    return None


def _ceremony_of_a_gathering(trigger: Span) -> bool:
    """ "the opening ceremony of the cultural festival": the ceremony is part of the festival,
    week or forum its "of" names, not an event of its own."""
    root = trigger.root
    if trigger.label_ != EventType.CEREMONY.value:
        return False
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
    return thing is not None and EVENT_NOUNS.get(thing.lemma_.lower()) in _GATHERING_TYPES - {
        EventType.CEREMONY, EventType.EXHIBITION}


def _acted_on(trigger: Span) -> str | None:
    """What a verb of signing or opening took, read off the parse: its object ("signed a
    memorandum of understanding aimed at ...", "inaugurated the Cultural Center") or, in the
    passive, its subject ("the memorandums were signed"), without determiners or clauses."""
    root = trigger.root
    if root.lemma_.lower() not in _ACTS or root.pos_ != "VERB":
        return None
    thing = next((c for c in root.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None or thing.pos_ == "PRON":
        return None
    phrase = [t for t in filler_phrase(thing) if t.pos_ != "DET"]
    while phrase and (phrase[-1].is_punct or phrase[-1].pos_ in ("ADP", "CCONJ")):
        phrase.pop()
    return " ".join(t.text for t in phrase) or None


def _destination(trigger: Span) -> str | None:
    """Where a visit went: the object of its "to" ("the state visit to Bangladesh")."""
    to = next((c for c in trigger.root.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    place = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
    return " ".join(t.text for t in place.subtree if t.pos_ != "DET") if place else None


def _visit_name(trigger: Span) -> str | None:
    """ "Xi Jinping's state visit to Bangladesh" -> "Xi Jinping state visit to Bangladesh":
    a visit named by its visitor, its kind and its destination, read off the parse."""
    root = trigger.root
    if not _has_party(trigger):
        return None
    visitor = next((c for c in root.children if c.dep_ == "poss"), None)
    if visitor is not None and visitor.pos_ == "PRON":
        return None  # "his visit": named after the visitor the story is about, later
    kinds = [c.text for c in root.children
             if c.dep_ in ("amod", "compound") and c.i < root.i and c.is_lower]
    destination = _destination(trigger)
    words = []
    if visitor is not None:
        words.append(" ".join(t.text for t in visitor.subtree
                              if t.dep_ != "case" and t.pos_ != "DET"))
    words += [*kinds, root.text]
    if destination is not None:
        words += ["to", destination]
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def _has_party(trigger: Span) -> bool:
    """A visit or tour told with its visitor ("Lula's visit", "a visit by the minister") or
    its destination ("the state visit to Bangladesh") is a happening of its own, even in a
    sentence about something else."""
    root = trigger.root
    if trigger.label_ != EventType.VISIT.value or root.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(child.dep_ == "poss" and child.pos_ == "PROPN"
               or child.dep_ == "prep" and child.lower_ in ("by", "to")
               and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
               for child in root.children)


def _organization_spans(sent: Span, entities: ArticleEntities) -> list[tuple[int, int]]:
    """Where the sentence names organizations of several words, as document offsets."""
    return [(sent.start_char + start, sent.start_char + end)
            for start, end in entities.organization_spans(sent.text)]


@dataclass
class _Draft:
    name: str
    type: EventType
    noun: str
    evidence: Evidence
    named: bool
    proper: bool = True
    plover: Plover | None = None
    destination: str | None = None  # where a visit went, as the text names it
    acted_on: str | None = None  # what was signed or opened: "memorandum of understanding"
    act: str | None = None  # the noun of that act: "Signing", "Inauguration"
    timeless: bool = False
    parent: "_Draft | None" = None
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: PlaceMention | None = None
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    participant_organizations: list[str] = field(default_factory=list)
    message_senders: list[str] = field(default_factory=list)
    fact_evidence: dict[str, Evidence] = field(default_factory=dict)

    def add(self, values: list[str], items: list[str], *, role: str | None = None,
            evidence: Evidence | None = None) -> None:
        for item in items:
            if item not in values:
                values.append(item)
                if role and evidence:
                    self.fact_evidence.setdefault(f"{role}:{item}", evidence)


def find_events(
    prepared: PreparedArticle,
    doc: Doc,
    entities: ArticleEntities,
    *,
    countries: CountryIndex,
    places: PlaceIndex,
) -> list[EventMention]:
    """The events an article reports, in the order it first reports them."""
    drafts: list[_Draft] = []
    recent: list[_Draft] = []  # the same drafts, the one mentioned last at the end
    for sent in doc.sents:
        routed = _events_of_sentence(prepared, sent, entities, recent)
        for draft, fresh in routed:
            if fresh and (earlier := _same_as_earlier(draft, drafts, entities, sent.text)):
                draft, fresh = earlier, False
            if fresh:
                draft.timeless = _OWN_TIME.search(sent.text) is None
                _add_protagonist(draft, drafts, sent.text)
            _fill(draft, prepared, sent, entities, countries, places, fresh=fresh)
            if fresh:
                drafts.append(draft)
        # The event a sentence names first (its subject, mostly) is the one a later "the
        # summit" means: "The X Summit opened ..., a prelude to next month's Y Summit."
        for draft in sorted({id(d): d for d, _ in routed}.values(),
                            key=lambda d: -_position_in(sent.text, d)):
            if draft in recent:
                recent.remove(draft)
            recent.append(draft)
        if not routed and (story := _story_gathering(recent)) is not None and (
                _OWN_TIME.search(_up_to_the_speaker(sent)) is None):
            # "Huang called on the media to ...": a speech at the gathering the story is about
            _add_roles(story, sent, entities, _evidence(prepared, sent), speeches_only=True)
    drafts = _merge_told_again(_merge_unnamed_gatherings(drafts), doc)
    for draft in drafts:
        _name_visitor_by_title(draft, entities)
        _hosts_after_visitors(draft, entities, places, countries)
        if draft.type == EventType.MEETING and not draft.named and _called_a_dialogue(draft, doc):
            draft.type = EventType.DIALOGUE
    _share_story_context(drafts, prepared, places)
    _place_venues(drafts, entities)
    _place_with_the_lead(drafts, filed=prepared.reference_date)
    title = prepared.article.title
    if drafts and title:  # "CICG holds dialogue on ...": the headline names the organizer
        for name in organizers_by_subject(title, entities, headline=True):
            drafts[0].add(drafts[0].organizers, [name])
    for draft in drafts:
        _inherit_from_parent(draft)
        _own_meeting_organizer(draft, entities)
        if draft.parent is not None:  # who met (or signed) on the sidelines of X attended X
            draft.parent.add(draft.parent.participants, draft.participants)
            if not _SIDELINES.search(draft.evidence.sentence):
                # bodies that signed at the forum itself took part in it as bodies
                draft.parent.add(draft.parent.participant_organizations,
                                 [o for o in draft.participant_organizations
                                  if o not in draft.parent.organizers])
    names = {id(d): _final_name(d, title if i == 0 else None) for i, d in enumerate(drafts)}
    return [_finish(d, entities, name=names[id(d)],
                    parent_name=names.get(id(d.parent)) if d.parent is not None else None)
            for d in drafts]


def _up_to_the_speaker(sent: Span) -> str:
    """The sentence up to the end of its first role filler: where its own time would be
    told ("Last year, X said ..."), not what the speaker said ("... which would bring")."""
    ends = [span.end_char for span in sent.doc.spans[ROLES_KEY]
            if sent.start <= span.start < sent.end]
    return doc_text(sent.doc)[sent.start_char:min(ends)] if ends else sent.text


# Plural words that take up the people of the sentence before: "the dignitaries".
_THEM = frozenset("they dignitary dignitaries leader leaders side sides delegation delegations "
                  "minister ministers party parties".split())


def _merge_told_again(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """ "X met Y this morning. ... the dignitaries are holding the 8th Annual Meeting": an
    unnamed meeting whose people the next named one takes up ("the dignitaries", "the two
    leaders") is that named one."""
    kept: list[_Draft] = []
    for draft in drafts:
        before = kept[-1] if kept else None
        if (before is not None and draft.named and not before.named
                and before.type == EventType.MEETING and before.participants
                and draft.type in (EventType.MEETING, EventType.CONFERENCE, EventType.DIALOGUE)
                and (before.date == draft.date or None in (before.date, draft.date))
                and _takes_them_up(draft, doc)):
            _absorb(draft, before)
            kept[-1] = draft
            continue
        kept.append(draft)
    return kept


def _takes_them_up(draft: _Draft, doc: Doc) -> bool:
    """Whether the sentence that tells the event has a filler "the dignitaries", "they"."""
    start, end = draft.evidence.start, draft.evidence.end
    return any(start <= span.start_char < end and span.root.lemma_.lower() in _THEM
               and span.root.tag_ in ("NNS", "PRP", "NNPS") for span in doc.spans[ROLES_KEY])


def _called_a_dialogue(draft: _Draft, doc: Doc) -> bool:
    """ "a meeting with ..., known as the 2+2 Mechanism, a strategic dialogue framework": the
    sentence that tells the meeting calls it a dialogue."""
    start, end = draft.evidence.start, draft.evidence.end
    return any(span.label_ == EventType.DIALOGUE.value and start <= span.start_char < end
               for span in doc.spans[TRIGGERS_KEY])


def _hosts_after_visitors(draft: _Draft, entities: ArticleEntities, places: PlaceIndex,
                          countries: CountryIndex) -> None:
    """The people of a visit in the order that names it: those who came first, the hosts of
    the country visited after ("Lula visit to Lisbon", not "Rebelo de Sousa visit")."""
    if draft.type != EventType.VISIT or draft.destination is None:
        return
    visited = places.country_of_city(draft.destination) or (
        (match := countries.lookup(draft.destination)) and match.iso3)
    if not visited:
        return
    def order(name: str) -> int:  # visitors from elsewhere, the unknown, the hosts
        person = entities.person_named(name)
        country = person.country if person is not None else None
        return 1 if country is None else 2 if country == visited else 0
    draft.participants.sort(key=order)


def _name_visitor_by_title(draft: _Draft, entities: ArticleEntities) -> None:
    """ "the Chief Adviser's visit to China": the visitor is the one person of the article
    who holds that title ("Muhammad Yunus visit to China")."""
    at = draft.name.lower().find(" visit")
    if draft.type != EventType.VISIT or at <= 0:
        return
    title = draft.name[:at]
    words = [w.lower() for w in title.split()]
    if not all(w in TITLE_HEADS | TITLE_MODIFIERS for w in words):
        return
    holders = _holders_of(words, entities)
    if len(holders) == 1:
        draft.name = holders[0] + draft.name[at:]
        if holders[0] not in draft.participants:
            draft.participants.insert(0, holders[0])


def _organizes_here(sent: Span, name: str) -> bool:
    """Whether the sentence gives the name as an organizer: a body, not a happening."""
    return any(span.label_ == "organizer" and name in span.text
               for span in sent.doc.spans[ROLES_KEY] if sent.start <= span.start < sent.end)


def _merge_unnamed_gatherings(drafts: list[_Draft]) -> list[_Draft]:
    """A forum (conference, exhibition, ...) the article tells without its name, beside the
    one it names of that kind, is the named one: "X speaks at the media forum" under a photo
    before the story names the forum. Only when the days do not differ."""
    kept = []
    for draft in drafts:
        named = [d for d in drafts if d.named and d.proper and d.type == draft.type]
        if (draft.named or draft.type not in _GATHERING_TYPES - {EventType.CEREMONY}
                or len(named) != 1 or None not in (draft.date, named[0].date)
                and draft.date != named[0].date):
            kept.append(draft)
            continue
        _absorb(named[0], draft)
        for other in drafts:
            if other.parent is draft:
                other.parent = named[0]
    return kept


def _absorb(target: _Draft, source: _Draft) -> None:
    """Give `target` what `source` knows, as the same event."""
    target.date, target.end_date = target.date or source.date, target.end_date or source.end_date
    target.place = target.place or source.place
    for role in ("countries", "regions", "organizers", "participants",
                 "participant_organizations", "message_senders"):
        target.add(getattr(target, role), getattr(source, role))
    for key, evidence in source.fact_evidence.items():
        target.fact_evidence.setdefault(key, evidence)


def _events_of_sentence(
    prepared: PreparedArticle, sent: Span, entities: ArticleEntities, drafts: list[_Draft]
) -> list[tuple[_Draft, bool]]:
    """(draft, is_new) pairs for every event this sentence starts or adds to."""
    text = sent.text
    lower = text.lower()
    evidence = Evidence(article_id=prepared.article.id, sentence=text.strip(),
                        start=sent.start_char, end=sent.end_char)
    found: list[tuple[_Draft, bool]] = []
    happening = _has_any(lower, HAPPENING_VERBS)
    verb = _first_trigger(sent, "verb")

    launched = _launched_items(text, lower)
    sidelines = _SIDELINES.search(text)
    if sidelines is not None and _enclosing_draft(lower, drafts) is None and len(
            sidelines["np"].split()) > 1 and not any(
            fold(sidelines["np"]) in fold(name) or fold(name) in fold(sidelines["np"])
            for name, _ in _named_events(text)):
        np = sidelines["np"].strip()
        if _find_draft(drafts, np) is None:
            head = np.split()[-1].lower()
            event_type = (EventType.CONFERENCE if head in ("summit", "conference", "meet",
                                                            "assembly") or re.search(
                r"\b(?:ministers|leaders|heads)\b", np, re.IGNORECASE) else EventType.MEETING)
            found.append((_Draft(np[:1].upper() + np[1:], event_type, head, evidence, True),
                          True))
    for name, noun in _named_events(text):
        if any(fold(name) in fold(item) for item in launched):
            continue
        existing = _find_draft(drafts, name)
        body = entities.organization_named(name)
        if existing is None and body and (body.aliases or not happening
                                          or _organizes_here(sent, name)) and not _EDITION.match(
                name):
            continue  # "the Pacific Islands Forum (PIF) said", "organized by the X Forum"
        if existing is not None:
            found.append((existing, False))
        elif (happening or verb is not None or not any(d.named and d.proper for d in drafts)
              or _EDITION.match(name)):
            found.append((_Draft(name, _named_type(name, noun), noun, evidence, True), True))
    for item in launched:
        if _find_draft(drafts, item) is None:
            found.append((_Draft(item, EventType.CEREMONY, "ceremony", evidence, True), True))
    parent = _enclosing_draft(lower, drafts) or _enclosing_draft(lower, [d for d, _ in found])
    if (found and verb is not None and (parent is not None or verb.type in _ACTS_OF_THEIR_OWN)
            and _mentions_actor(text, entities) and verb.type not in {d.type for d, _ in found}):
        # "X signed a memorandum with Y on the sidelines of the Kazan Forum", "... signed an
        # MoU after the 25th Session": two events.
        name = verb.type.value.replace("_", " ").capitalize()
        found.append((_Draft(name, verb.type, verb.text, evidence, False, plover=verb.plover,
                             acted_on=verb.acted_on, act=verb.act), True))
    for draft, fresh in found:
        if fresh and parent is not None and draft is not parent:
            draft.parent = parent
    if found:
        return found

    anaphor = _anaphoric_draft(lower, drafts)
    noun = _first_trigger(sent, "noun", outside=_organization_spans(sent, entities))
    if verb is not None and verb.object is not None:
        # "issued a joint communiqué on the occasion of the visit": named by its own object
        noun = _Trigger(text=verb.object, lemma=verb.object, type=verb.type,
                        plover=verb.plover)
    signed_object = verb is not None and verb.lemma == "sign" and re.search(
        r"\b(?:agreements?|memorand\w*|mou|documents?|deals?|accords?|treaty|protocols?|"
        r"contracts?)\b", lower)
    acted = verb is not None and (_mentions_actor(text, entities) or bool(signed_object))
    if parent is not None and acted and verb.type != parent.type:
        # "On the sidelines of the dialogue, the co-hosts signed a memorandum": its own event.
        name = _describe(noun.text, text) if noun else verb.type.value.capitalize()
        draft = _Draft(name, verb.type, (noun or verb).text, evidence, False, parent=parent,
                       plover=verb.plover, acted_on=verb.acted_on, act=verb.act)
        return [(draft, True)]
    if anaphor is not None and verb is not None and verb.type == EventType.STATEMENT and (
            anaphor.type in _GATHERING_TYPES):
        # "The forum lasted eight hours, after which a joint statement was issued."
        kind = "Joint statement" if "joint" in verb.text else "Statement"
        statement = _Draft(f"{kind} of the {anaphor.name}", EventType.STATEMENT, verb.text,
                           evidence, True, parent=anaphor, plover=verb.plover)
        return [(anaphor, False), (statement, True)]
    if anaphor is not None:
        return [(anaphor, False)]
    if drafts and re.match(r"^\s*(?:it|they)\s+(?:was|were)\s+", lower) and (
        _has_any(lower, ORGANIZER_CUES) or _has_any(lower, PARTICIPATION_CUES)
    ):
        return [(drafts[-1], False)]
    passive = _PASSIVE.search(text)
    if passive is not None and verb is not None and verb.text == passive["verb"].lower():
        subject = verb.acted_on or " ".join(passive["subject"].split()[:14])
        name = f"{_NOMINALISATIONS[verb.text]} of {_in_running_text(subject)}"
        return [(_Draft(name, verb.type, verb.text, evidence, True, proper=False,
                        plover=verb.plover), True)]
    if _MEETING_WITH.search(text) and _mentions_actor(text, entities, persons_only=True):
        return [(_Draft("Meeting", EventType.MEETING, "meeting", evidence, False), True)]
    if acted:
        chosen = verb
        if noun is not None and noun.type != EventType.AGREEMENT_SIGNING and verb.lemma in (
            "receive", "open", "inaugurate", "release"
        ):
            chosen = noun  # "received the delegation at the exhibition", "opened an exhibition"
        name = (_describe(noun.text, text) if noun
                else chosen.type.value.replace("_", " ").capitalize())
        return [(_Draft(name, chosen.type, (noun or verb).text, evidence, False,
                        plover=chosen.plover, acted_on=verb.acted_on, act=verb.act), True)]
    if noun is not None and (happening or noun.has_party or noun.during):
        return [(_Draft(noun.name or _describe(noun.text, text), noun.type, noun.text,
                        evidence, noun.name is not None, proper=False, plover=noun.plover,
                        destination=noun.destination), True)]
    return []


def _same_as_earlier(draft: _Draft, drafts: list[_Draft], entities: ArticleEntities,
                     text: str) -> _Draft | None:
    """An unnamed event of a type the article already reported, with no other people
    involved, is that earlier event told again ("... signed an agreement." / "The signing
    ...")."""
    if draft.named and draft.proper:
        return None
    people = {p.name for p in entities.persons.values() if _named_in(text, [p.name, *p.aliases])}
    for earlier in reversed(drafts):
        if earlier.type != draft.type:
            continue
        if (not people or people <= set(earlier.participants)
                or (not earlier.participants and not (earlier.named and earlier.proper))
                or (draft.type == EventType.AGREEMENT_SIGNING and _THE_SIGNED.search(text))):
            return earlier  # "the memorandums were signed with: A, B, C" names its parties
        return None  # someone new: another meeting of the same kind (a roundup)
    return None


# A signed text referred back to: "the memorandum", "the two agreements".
_THE_SIGNED = re.compile(r"\b(?:the|these|both)\s+(?:\w+\s+)?(?:memorand\w*|agreements?|mou|"
                         r"documents?|accords?|deals?|treaty|protocols?)\b", re.IGNORECASE)


_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:he|she|his|her|the\s+(?:[\w’'-]+\s+){0,3}(?:"
    + "|".join(sorted(TITLE_HEADS | {"leader", "official"}, key=len, reverse=True))
    + r"))\b", re.IGNORECASE
)


def _add_protagonist(draft: _Draft, drafts: list[_Draft], text: str) -> None:
    """ "He also met X", "The Foreign Minister also met his counterpart X": the subject is
    the story's protagonist, the first participant of its lead event."""
    if draft.type not in (EventType.MEETING, EventType.VISIT) or not _PRONOUN_SUBJECT.match(text):
        return
    lead = next((d for d in drafts if d.participants), None)
    if lead is None:
        return
    # "His visit to Lisbon": who the lead event brought together, visitor and host (the
    # visitor is told apart once the country visited is known, `_hosts_after_visitors`)
    people = lead.participants if draft.type == EventType.VISIT else lead.participants[:1]
    for at, name in enumerate(p for p in people if p not in draft.participants):
        draft.participants.insert(at, name)


_GATHERINGS = frozenset({EventType.CONFERENCE, EventType.FORUM})
_SIDE_EVENTS = frozenset({EventType.MEETING, EventType.AGREEMENT_SIGNING, EventType.CEREMONY})
# What people do that is an event of its own even beside a named one ("signed an MoU after
# the 25th Session"); opening or hosting the named event is that event.
_ACTS_OF_THEIR_OWN = frozenset({EventType.MEETING, EventType.AGREEMENT_SIGNING,
                                EventType.PHONE_CALL})


def _share_story_context(drafts: list[_Draft], prepared: PreparedArticle,
                         places: PlaceIndex) -> None:
    """An event told without any time of its own ("Dr X also met Y.") happened when and where
    the story's lead event did (or the event it took place during). The lead event, when the
    text names no place for it, is placed in the dateline's city."""
    if not drafts:
        return
    lead = drafts[0]
    dateline = prepared.dateline
    filed_from = places.mention(dateline.city) if dateline is not None else None
    dateline_country = filed_from.country if filed_from is not None else None
    if lead.place is None and filed_from is not None:
        lead.place = filed_from
    for draft in drafts:
        if draft.place is None and (city := _city_in_name(draft.name, places)) is not None:
            draft.place = city  # "Pakistan Cultural Week in Minsk": the name says where
        if (draft.place is not None and dateline_country == draft.place.country
                and CountryIndex.default().lookup(draft.place.name) is not None):
            # "held in Bangladesh" under a DHAKA dateline: the city the story is filed from
            draft.place = filed_from
    if lead.date is None and prepared.reference_date is not None and not any(
            d.date for d in drafts):
        # a story that dates nothing reports what happened when it was filed
        lead.date = prepared.reference_date
    dated = next((d for d in drafts if d.date is not None), None)
    for draft in drafts[1:]:
        if (draft.parent is None and draft.timeless and lead.type in _GATHERINGS
                and draft.type in _SIDE_EVENTS):
            draft.parent = lead  # bilateral meetings told after a summit: on its sidelines
        source = draft.parent if draft.parent is not None else lead
        if not draft.timeless or source is draft:
            continue
        if draft.date is None:
            date_source = source if source.date is not None else dated
            if date_source is not None and date_source is not draft:
                draft.date, draft.end_date = date_source.date, None
        if draft.place is None:
            draft.place = source.place


def _enclosing_draft(lower: str, drafts: list[_Draft]) -> "_Draft | None":
    """The event a sentence's events happen within ("During the forum, ...")."""
    match = re.search(r"\b(?:during|on the sidelines of|at|on the margins of)\s+the\s+"
                      r"((?:[\w'-]+\s+){0,6}[\w'-]+)", lower)
    if match is None:
        return None
    words = [w for w in match.group(1).split() if len(w) > 3 or w == match.group(1).split()[0]]
    for draft in reversed(drafts):
        name_words = set(fold(draft.name).split())
        if draft.noun in words or name_words & set(words[:3]):
            return draft
    if words and words[0] in _GATHERING_NOUNS:  # "at the forum" of a story about a dialogue
        return _story_gathering(drafts)
    return None


def _has_any(lower: str, cues: tuple[str, ...]) -> bool:
    return first_cue(lower, cues) is not None


def named_event_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of proper event names in a text."""
    return [m.span("name") for m in _NAMED_EVENT.finditer(text)
            if any(w.lower() in EVENT_NOUNS for w in m["name"].split())]


def _named_events(text: str) -> list[tuple[str, str]]:
    """Proper event names in a sentence ("2025 China-Central Asia Media Cooperation Forum")
    with the trigger noun heading each."""
    names = []
    for match in _NAMED_EVENT.finditer(text):
        name = re.sub(r"[\"“”]", "", match["name"]).strip()
        words = name.split()
        while words and words[0].lower() in ("the", "a", "an", "during", "at", "in", "on"):
            words.pop(0)
        name = " ".join(words)
        head = _head_noun(words)
        capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
        if (head is None or len(capitalised) < 2 or fold(name) in _GENERIC_NAMES
                or not (words[0][:1].isupper() or words[0][:1].isdigit())):
            continue  # a name starts with a capital: "7th BRICS Media summit", not "meeting of"
        names.append((name, head))
    return names


def _head_noun(words: list[str]) -> str | None:
    """The event noun a name ends in, one word or two ("Forum", "Cultural Week",
    "Culture Days"), the last one found."""
    lowered = [w.lower() for w in words]
    for at in range(len(lowered) - 1, -1, -1):
        pair = " ".join(lowered[at - 1:at + 1]) if at else None
        if pair in EVENT_NOUNS:
            return pair
        for part in lowered[at - 1].split("-")[:-1] if at else ():
            if f"{part} {lowered[at]}" in EVENT_NOUNS:  # "Culture-Tourism Days"
                return f"{part} {lowered[at]}"
        if lowered[at] in EVENT_NOUNS:
            return lowered[at]
    return None


_CIVIL_GATHERING = re.compile(r"\b(?:media|press|journalis\w*|youth|business|think[- ]tanks?|"
                              r"civil society|editors?)\b", re.IGNORECASE)


def _named_type(name: str, noun: str) -> EventType:
    """The type a named event's head gives, with summits and sessions between two parties
    ("22nd India-Russia Annual Summit") as meetings and ministers' or leaders' meetings of
    many as conferences."""
    if noun == "summit" and _CIVIL_GATHERING.search(name):
        return EventType.FORUM  # a summit of media, youth or business is a forum of theirs
    if noun in ("summit", "session") and re.search(r"\b[A-Z][\w]+-[A-Z][\w]+\b(?!-)", name):
        parts = re.search(r"\b([A-Z][\w]+)-([A-Z][\w]+)\b", name)
        from extract.countries import CountryIndex

        index = CountryIndex.default()
        if parts and all(index.lookup(p) is not None for p in parts.groups()):
            return EventType.MEETING
    if noun == "session":
        return EventType.MEETING
    if noun == "meeting" and re.search(r"\b(?:Leaders|Heads)\b", name):
        return EventType.CONFERENCE
    return EVENT_NOUNS[noun]


def _launched_items(text: str, lower: str) -> list[str]:
    """Quoted titles launched or unveiled at a ceremony: each is an event of its own."""
    if not re.search(r"\b(launch\w*|unveil\w*|ceremony)\b", lower):
        return []
    items = []
    for match in _QUOTED.finditer(text):
        words = match["q"].split()
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        if len(words) <= 16 and capitalised * 2 >= len(words):  # a title, not a quotation
            items.append(f"Launch of {match['q'].strip()}")
    return items


def _find_draft(drafts: list[_Draft], name: str) -> _Draft | None:
    key = _name_key(name)
    return next((d for d in drafts if _name_key(d.name) == key), None)


def _name_key(name: str) -> str:
    """What two names of one event share: "7th BRICS Media Summit", "the BRICS Media
    Summit" and "BRICS Media Summit in Moscow" are one summit."""
    if _EDITION.match(name):
        name = name.split(None, 1)[1] if " " in name else name
    countries = CountryIndex.default()
    for hit in reversed(countries.find_all(name)):  # "Sri Lankan Festival": "Sri Lanka"
        name = name[:hit.start] + countries.name_of(hit.match.iso3) + name[hit.end:]
    words = fold(name).split()
    for at, word in enumerate(words):
        if word in ("in", "at") and at >= 2:
            words = words[:at]
            break
    return " ".join(words)


def _anaphoric_draft(lower: str, drafts: list[_Draft]) -> _Draft | None:
    """The earlier event that "the forum", "the meeting", "the event" refers to."""
    if not drafts:
        return None
    for match in re.finditer(r"\b(?:the|this|that)\s+((?:[\w-]+\s+){0,2}[\w-]+)", lower):
        # "the forum", "the international forum", "the two-day event"
        noun = next((w for w in match.group(1).split() if w in ANAPHORA_NOUNS), None)
        if noun is None:
            continue
        for draft in reversed(drafts):
            if (noun in ("event", "events") or noun in fold(draft.name) or noun == draft.noun
                    or EVENT_NOUNS.get(noun) == draft.type):
                return draft
        back_reference = noun in _GATHERING_NOUNS or (
            noun in ("meeting", "session") and _MEETING_WITH.search(lower) is None)
        if back_reference and (gathering := _story_gathering(drafts)) is not None:
            # "the (opening) ceremony", "the international forum" of the summit the story
            # is about: reporters name one gathering by several nouns
            return gathering
    return None


def _mentions_actor(text: str, entities: ArticleEntities, *, persons_only: bool = False
                    ) -> bool:
    names = [p.name for p in entities.persons.values()]
    names += [a for p in entities.persons.values() for a in p.aliases]
    if not persons_only:
        names += [o.name for o in entities.organizations.values()]
    return any(name in text for name in names)


def _describe(noun: str, text: str) -> str:
    """A descriptive name from the trigger, its modifiers and what follows it ("Official
    welcoming ceremony for the Mongolian leader", "State visit to Kazakhstan")."""
    match = re.search(
        rf"(?P<mods>(?:\b(?!(?:a|an|the|and|or|of|in|on|at|to|was|were|is|held|its|his|her|"
        rf"their)\b)[\w-]+\s+){{0,3}})\b{re.escape(noun)}\b"
        r"(?P<tail>(?:\s+(?:on|about|of|between|for|to|with)\s+[^,;]+?)?)"
        r"(?=\s+(?:was|were|is|are|has|have|will|held|took|opened|in|at|from|on)\b|[,;.]|$)",
        text,
        flags=re.IGNORECASE,
    )
    if match is None:
        phrase = noun
    else:
        mods = [w for w in match["mods"].split() if not w[:1].isupper() or w[:1].isupper()
                and not re.search(r"\d", w)]
        phrase = " ".join([*mods[-3:], noun]) + match["tail"]
    phrase = " ".join(phrase.split()[:14])
    return phrase[:1].upper() + phrase[1:]


def _fill(
    draft: _Draft,
    prepared: PreparedArticle,
    sent: Span,
    entities: ArticleEntities,
    countries: CountryIndex,
    places: PlaceIndex,
    *,
    fresh: bool,
) -> None:
    text = sent.text
    lower = text.lower()
    if draft.date is None:
        spans = find_dates(text, reference=prepared.reference_date,
                           default_year=prepared.default_year)
        if spans:  # a written date beats a weekday next to it ("Saturday (10 August)")
            best = next((s for s in spans if not s.relative), spans[0])
            draft.date, draft.end_date = best.start, best.end
    if draft.place is None and draft.destination is not None:
        draft.place = _place_named(draft.destination, places, countries)
    if draft.place is None:
        draft.place = _place_told(draft, sent, prepared, entities, countries, places)
    evidence = _evidence(prepared, sent)
    named_here = [hit.match.iso3 for hit in countries_in(sent, countries)]
    if _BOTH_PARTIES.search(text):
        # "the two countries", "both sides": the two countries the article is about
        story = list(dict.fromkeys(h.match.iso3 for h in countries_in(sent.doc, countries)))
        if len(story) == 2:
            named_here += story
    draft.add(draft.countries, named_here, role="country", evidence=evidence)
    draft.add(draft.regions, [hit.region.name for hit in regions_in(sent, RegionIndex.default())],
              role="region", evidence=evidence)
    draft.add(draft.organizers, _organizers_in(text, lower, entities), role="organizer",
              evidence=evidence)
    senders = _add_roles(draft, sent, entities, evidence)
    if _has_any(lower, PARTICIPATION_CUES):
        absent = _has_any(lower, ABSENCE_CUES)
        references = _person_references(entities)
        persons = sorted(
            (p for p in entities.persons.values()
             if not absent and p.name not in senders and _named_in(text, references[p.name])),
            key=lambda p: min(i for n in references[p.name] if (i := text.find(n)) >= 0),
        )
        draft.add(draft.participants, [p.name for p in persons], role="participant",
                  evidence=evidence)
        orgs = [o.name for o in entities.organizations.values()
                if _named_in(text, [o.name, *o.aliases]) and o.name not in draft.organizers
                and not _reports_only(text, o.name)]
        draft.add(draft.participant_organizations, orgs, role="participant_organization",
                  evidence=evidence)


def _place_told(draft: _Draft, sent: Span, prepared: PreparedArticle,
                entities: ArticleEntities, countries: CountryIndex, places: PlaceIndex
                ) -> PlaceMention | None:
    """Where the sentence says the event happened: by the phrase the parse attaches to the
    words that name it, else the first place the sentence puts after "in" or "at", "here"
    (the dateline's city), or a country."""
    text = sent.text
    mention = _mention_in(text, draft)
    known = KnownPlaces.of(entities, places=places, countries=countries)
    attached = place_of_mention(sent, *mention, known) if mention is not None else None
    return (attached or _place_in(text, entities, places) or _here(text, prepared, places)
            or _country_place_in(sent, countries))


def _position_in(text: str, draft: _Draft) -> int:
    """Where the sentence names the event (by its name, else its noun); 0 when it does not."""
    mention = _mention_in(text, draft)
    return mention[0] if mention else 0


def _mention_in(text: str, draft: _Draft) -> tuple[int, int] | None:
    """The characters where the sentence names the event: its name, else its noun."""
    lowered = text.lower()
    for needle in (draft.name.lower(), draft.noun.lower()):
        if (at := lowered.find(needle)) >= 0:
            return at, at + len(needle)
    return None


def _evidence(prepared: PreparedArticle, sent: Span) -> Evidence:
    return Evidence(article_id=prepared.article.id, sentence=sent.text.strip(),
                    start=sent.start_char, end=sent.end_char)


_GATHERING_NOUNS = frozenset("ceremony forum summit conference congress symposium".split())
_GATHERING_TYPES = frozenset({EventType.FORUM, EventType.CONFERENCE, EventType.DIALOGUE,
                              EventType.CEREMONY, EventType.EXHIBITION,
                              EventType.CULTURAL_EXCHANGE})
# Role patterns that say someone spoke at or attended a gathering (rather than met someone):
# with no event in their sentence, they speak of the gathering the story is about.
_SPEECH_PATTERNS = frozenset({"speaker_subject", "speech_by", "speech_possessor",
                              "present_subject", "in_attendance", "attended_by"})


def _story_gathering(recent: list[_Draft]) -> _Draft | None:
    """The gathering mentioned last, which a sentence with no event of its own is about."""
    return next((d for d in reversed(recent) if d.type in _GATHERING_TYPES), None)


def _add_roles(draft: _Draft, sent: Span, entities: ArticleEntities, evidence: Evidence, *,
               speeches_only: bool = False) -> list[str]:
    """Add who the parse says took part in, organized or sent a message to the event; the
    message senders, who are not participants."""
    fillers = _role_fillers(sent, entities, speeches_only=speeches_only)
    senders = fillers["message_sender"][0] + fillers["message_sender"][1]
    draft.add(draft.message_senders, senders, role="message_sender", evidence=evidence)
    persons, organizations = fillers["participant"]
    draft.add(draft.participants, [p for p in persons if p not in draft.message_senders],
              role="participant", evidence=evidence)
    draft.add(draft.participant_organizations,
              [o for o in organizations if o not in draft.organizers
               and o not in draft.message_senders and not _reports_only(sent.text, o)],
              role="participant_organization", evidence=evidence)
    draft.add(draft.organizers, fillers["organizer"][1] + fillers["organizer"][0],
              role="organizer", evidence=evidence)
    return senders


def _role_fillers(sent: Span, entities: ArticleEntities, *, speeches_only: bool
                  ) -> dict[str, tuple[list[str], list[str]]]:
    """(persons, organizations) of each role the `dkg_event_roles` component found in the
    sentence. A filler phrase gives the kind of entity its pattern prefers, and the next
    kind only when it names none of the first."""
    references = _person_references(entities)
    found: dict[str, tuple[list[str], list[str]]] = {role: ([], []) for role in ROLES}
    for span in sent.doc.spans[ROLES_KEY]:
        if not sent.start <= span.start < sent.end:
            continue
        if speeches_only and span.id_ not in _SPEECH_PATTERNS and (
                span.label_ != "message_sender"):
            continue
        head = span.root.idx - span.start_char
        by_kind = {
            "person": [p.name for p in entities.persons.values()
                       if _names_at(span.text, references[p.name], head)]
            or _title_holder(span, entities) or _named_after_title(span, entities, references),
            "organization": [o.name for o in entities.organizations.values()
                             if _names_at(span.text, [o.name, *o.aliases], head)]
            + [name for phrase, names in entities.shared_mentions.items()
               if _names_at(span.text, [phrase], head) for name in names],
        }
        kind = next((k for k in span._.dkg_fillers if by_kind[k]), None)
        if kind is None:
            continue
        persons, organizations = found[span.label_]
        target = persons if kind == "person" else organizations
        target.extend(name for name in by_kind[kind] if name not in target)
    return found


def _named_after_title(span: Span, entities: ArticleEntities,
                       references: dict[str, list[str]]) -> list[str]:
    """ "the Ambassador of Bangladesh to Portugal H.E Rezina Ahmed": a filler that is a
    title, with the person's name right after the rest of the title, is that person."""
    if span.root.lower_ not in TITLE_HEADS:
        return []
    doc, countries = span.doc, CountryIndex.default()
    at = span.end
    while at < len(doc) and at < span.end + 8 and (
            doc[at].lower_ in _TITLE_WORDS or doc[at].is_punct or doc[at].text.endswith(".")
            or countries.lookup(doc[at].text) is not None):
        at += 1  # "to Portugal", "H.E", ","
    if at >= len(doc):
        return []
    after = doc_text(doc)[doc[at].idx:doc[at].idx + 60]
    return [p.name for p in entities.persons.values()
            if any(n and after.startswith(n) for n in references[p.name])][:1]


_TITLE_WORDS = HONORIFICS | TITLE_HEADS | TITLE_MODIFIERS | {"of", "to", "the"}


def _title_holder(span: Span, entities: ArticleEntities) -> list[str]:
    """ "the President", "the Ambassador": the one person of the article whose title has
    that head (and those words), as a list of zero or one name."""
    words = [t.lower_ for t in span if t.pos_ != "DET" and not t.is_punct]
    if not words or words[-1] not in TITLE_HEADS or not all(
            w in TITLE_HEADS or w in TITLE_MODIFIERS for w in words):
        return []
    holders = _holders_of(words, entities)
    return holders if len(holders) == 1 else []


def _holders_of(title_words: list[str], entities: ArticleEntities) -> list[str]:
    """The persons of the article whose titles hold all these words ("chief adviser")."""
    return [p.name for p in entities.persons.values()
            if any(set(title_words) <= set(t.lower().split()) for t in p.titles)]


def _place_named(name: str, places: PlaceIndex, countries: CountryIndex) -> PlaceMention | None:
    """A city or a country by its name ("Lisbon", "Portugal"), None for anything else."""
    if (city := places.mention(name)) is not None:
        return city
    if (match := countries.lookup(name)) is not None and not match.is_demonym:
        return PlaceMention(name=match.name, country=match.iso3)
    return None


def _person_references(entities: ArticleEntities) -> dict[str, list[str]]:
    """How the article may refer to each person: full name, aliases, and any later word of
    the name no other person shares ("Lula" for "Luiz Inácio Lula da Silva")."""
    persons = list(entities.persons.values())
    counts: dict[str, int] = {}
    for person in persons:
        for word in set(person.name.split()[1:]):
            counts[word] = counts.get(word, 0) + 1
    references = {}
    for person in persons:
        words = [w for w in person.name.split()[1:]
                 if len(w) >= 4 and counts.get(w) == 1 and w[:1].isupper()
                 and w.lower() not in HONORIFICS]
        references[person.name] = [person.name, *person.aliases, *words]
    return references


def _names_at(text: str, names: list[str], at: int) -> bool:
    """Whether one of the names is written over character `at` of the text: the head word
    of a phrase, so "the head of the X Department" names no organization as its filler."""
    return any(m.start() <= at < m.end() for n in names if n
               for m in whole_words(n).finditer(text))


def _named_in(text: str, names: list[str]) -> bool:
    return any(whole_words(n).search(text) for n in names if n)


def _reports_only(text: str, name: str) -> bool:
    """ "..., the Ministry of Foreign Affairs reports": a source, not a participant."""
    return bool(reported_by(name).search(text))


# "The Indonesian Embassy in Windhoek conducted the Indonesian Film Week": the subject
# organizes the event its verb takes.
_ORGANIZING_SUBJECT = re.compile(
    r"^(?P<subject>.{3,120}?)\s+(?:\w+ly\s+){0,2}(?:hosted|hosts|organized|organised|"
    r"organizes|organises|conducted|conducts|held|holds|staged|stages|convened|convenes|"
    r"co-hosted|co-organized|co-organised|launched|launches)\s+(?:the|a|an|its)\b"
)


# Headlines drop articles: "CICG holds dialogue on ...".
_ORGANIZING_SUBJECT_IN_TITLE = re.compile(
    r"^(?P<subject>.{2,80}?)\s+(?:hosts|holds|organizes|organises|stages|convenes|co-hosts|"
    r"launches|hosted|held|organized|organised)\b"
)


def organizers_by_subject(text: str, entities: ArticleEntities, *, headline: bool = False
                          ) -> list[str]:
    """Organizations that are the subject of an organizing verb in `text`."""
    pattern = _ORGANIZING_SUBJECT_IN_TITLE if headline else _ORGANIZING_SUBJECT
    match = pattern.match(text.strip())
    if match is None:
        return []
    return _organizations_in(match["subject"], entities)


def _organizers_in(text: str, lower: str, entities: ArticleEntities) -> list[str]:
    """Organizations named after "hosted by", "co-organized by", "under the auspices of",
    or the subject of "X hosted the ...", "X held a ..."."""
    found: list[str] = list(organizers_by_subject(text, entities))
    for cue in ORGANIZER_CUES:
        for match in re.finditer(rf"\b{re.escape(cue)}\s+", lower):
            segment = re.split(r"[;.]|,\s+(?![A-Z]|and\b|the\b)|\s+(?:to|with)\s+(?:[a-z])|"
                               r"\s+at\s+(?:the\s+)?[A-Z]|\s+(?:during|from|on|since)\s+",
                               text[match.end():])[0]
            found.extend(o for o in _organizations_in(segment, entities) if o not in found)
    return found


def _organizations_in(segment: str, entities: ArticleEntities) -> list[str]:
    """Organizations listed in a phrase ("A, B and the C"), known ones first; unknown chunks
    that carry an organization word become organizations of the article."""
    found: list[str] = []
    remainder = segment
    known = sorted(entities.organizations.values(), key=lambda o: -len(o.name))
    for org in known:
        for name in (org.name, *org.aliases):
            if name and whole_words(name).search(remainder):
                remainder = whole_words(name).sub(" | ", remainder)
                if org.name not in found:
                    found.append(org.name)
    for chunk in re.split(r",|\band\b|\||\bin (?:collaboration|cooperation|partnership|"
                          r"association) with\b|\btogether with\b", remainder):
        chunk = re.sub(r"^\s*(?:the|its|their)\s+", "", chunk.strip()).strip()
        words = chunk.split()
        if (words and any(w.lower() in ORGANIZATION_HEADS for w in words)
                and words[0][0].isupper() and could_be_organization(chunk)):
            found.append(chunk)
        elif re.fullmatch(r"[A-Z]{2,8}", chunk):  # a bare acronym: resolved across articles
            found.append(chunk)
    return found


def _place_in(text: str, entities: ArticleEntities, places: PlaceIndex) -> PlaceMention | None:
    """Where the sentence says the event happened: a venue ("at Olympia London") or a city
    after "in"/"at"."""
    venue = _VENUE.search(text)
    if venue and venue["venue"].split()[-1].lower() not in EVENT_NOUNS:  # not "at the X Summit"
        words = venue["venue"].split()
        cities = [city for w in words if len(words) > 1 and w.lower() not in VENUE_HEADS
                  and (city := places.find(w)) is not None and city.population >= 100_000]
        if cities:
            city = max(cities, key=lambda c: c.population)
            return PlaceMention(name=" ".join(words), country=city.iso3)
        if words[-1].lower() in VENUE_HEADS or len(words) > 1:
            # "at the Jeronimos Monastery in Lisbon", "at Wisma Indonesia House yard, Bogota"
            after = text[venue.end():venue.end() + 60]
            for place in entities.places.values():
                if re.match(rf"^(?:\s+\w+)?\s*(?:,|in|of)\s+(?:\([^)]*\)\s+)?(?:of\s+)?"
                            rf"{re.escape(place.name)}\b", after):
                    return PlaceMention(name=f"{' '.join(words)}, {place.name}",
                                        country=place.country)
        if words[-1].lower() in VENUE_HEADS:
            return PlaceMention(name=" ".join(words), country=None)
    candidates = []
    for key, place in entities.places.items():
        for surface in {place.name, *entities.place_surfaces.get(key, ())}:
            if surface not in text:
                continue
            match = next((m for pattern in _placed_in(surface) if (m := pattern.search(text))),
                         None)
            if match:
                candidates.append((match.start(), place))
                break
    if candidates:
        return min(candidates, key=lambda c: c[0])[1]
    return None


@functools.lru_cache(maxsize=4096)
def _placed_in(surface: str) -> tuple[re.Pattern, ...]:
    """How a sentence puts something in a place: "in (the X of) Lisbon", "in the Y, Lisbon",
    "the capital Lisbon"; never the first word of a venue's name ("of Belém Palace")."""
    name = rf"{re.escape(surface)}\b(?!\s+(?i:{_VENUE_WORDS})\b)"
    return (re.compile(rf"\b(?:in|at)\s+(?:the\s+(?:[\w-]+\s+){{1,4}}?(?:of\s+)?)?{name}"),
            re.compile(rf"\bin\s+(?:[A-Z][\w'’-]*\s+(?:of\s+)?){{1,4}},\s+{name}"),
            re.compile(rf"\b(?:capital|city of)\s+{name}"))


def _here(text: str, prepared: PreparedArticle, places: PlaceIndex) -> PlaceMention | None:
    """ "said at the summit here": "here" is the dateline's city."""
    dateline = prepared.dateline
    if dateline is None or not re.search(r"\b(?:held|took place|opened|met|meeting|summit|"
                                          r"conference|forum|said|told)\b[^.]*\bhere\b", text):
        return None
    return places.mention(dateline.city)


def _country_place_in(sent: Span, countries: CountryIndex) -> PlaceMention | None:
    """ "held in Brunei", "a visit to the Republic of Korea": a country is the place when the
    sentence names no city."""
    text = sent.text
    for hit in countries_in(sent, countries):
        if hit.match.is_demonym:
            continue
        before = text[max(0, hit.start - 30) : hit.start].lower()
        if re.search(r"\b(?:held in|took place in|in|visit to|visits to|trip to|arrived in|"
                     r"visited|visiting|arrived in)\s+"
                     r"(?:the\s+)?$", before):
            return PlaceMention(name=hit.match.name, country=hit.match.iso3)
    return None


# How far apart two days of one gathering may be: a week of sessions, forums and visits.
_DAYS_OF_ONE_GATHERING = 7


def _place_with_the_lead(drafts: list[_Draft], *, filed: dt.date | None = None) -> None:
    """An event placed nowhere that happened within days of the story's lead event (or on
    no stated day) happened where the lead did: the story is filed from one place, and the
    forum that ended yesterday was at the summit that goes on today. A lead told without a
    day is taken to be of the days the story was `filed`."""
    lead = next((d for d in drafts if d.place is not None), None)
    if lead is None:
        return
    for draft in drafts:
        if draft.place is None and _within_days(draft.date, lead.date or filed):
            draft.place = lead.place


def _within_days(day: dt.date | None, lead_day: dt.date | None) -> bool:
    """No stated day, or one within a gathering's days of the lead's."""
    if day is None or day == lead_day:
        return True
    return lead_day is not None and abs((day - lead_day).days) <= _DAYS_OF_ONE_GATHERING


def _place_venues(drafts: list[_Draft], entities: ArticleEntities) -> None:
    """A venue named without its city ("at the Belém Palace") lies in the city the article
    names first (its dateline or lead): "Belém Palace, Lisbon"; an event placed only in a
    country ("held in Colombia") is in the city of that country the article names."""
    cities = [p for p in entities.places.values() if p.country is not None]
    if not cities:
        return
    for draft in drafts:
        place = draft.place
        if place is not None and CountryIndex.default().lookup(place.name) is not None:
            in_country = [c for c in cities if c.country == place.country]
            if len({c.name for c in in_country}) == 1:
                draft.place = in_country[0]
            continue
        if (place is not None and "," not in place.name and place.name.split()
                and place.name.split()[-1].lower() in VENUE_HEADS):
            city = next((c for c in cities if place.country in (None, c.country)), None)
            if city is not None:
                draft.place = PlaceMention(name=f"{place.name}, {city.name}",
                                           country=city.country)


def _city_in_name(name: str, places: PlaceIndex) -> PlaceMention | None:
    match = re.search(r"\b(?:in|at)\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$", name)
    return places.mention(match["city"]) if match is not None else None


def _own_meeting_organizer(draft: _Draft, entities: ArticleEntities) -> None:
    """ "the NATO foreign ministers meeting", "the Pacific Islands Forum Leaders Meeting": a
    meeting of one body's leaders or ministers is that body's own, organized by it."""
    if not re.search(r"\b(?:leaders|ministers|heads|members)\b", draft.name, re.IGNORECASE):
        return
    bodies = [org for org in entities.organizations.values()
              if any(n and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", draft.name)
                     for n in (org.name, *org.aliases))]
    if len(bodies) == 1:
        draft.add(draft.organizers, [bodies[0].name])
        draft.add(draft.participant_organizations, [bodies[0].name])


def _inherit_from_parent(draft: _Draft) -> None:
    """Held during a larger event: same day, place and parties unless the text says
    otherwise."""
    if draft.parent is None:
        return
    draft.date = draft.date or draft.parent.date
    draft.place = draft.place or draft.parent.place
    draft.add(draft.countries, draft.parent.countries)
    draft.add(draft.regions, draft.parent.regions)


def _final_name(draft: _Draft, title: str | None) -> str:
    if draft.named:
        return draft.name
    return _name_from_title(draft, title) or _descriptive_name(draft)


def _finish(draft: _Draft, entities: ArticleEntities, *, name: str,
            parent_name: str | None) -> EventMention:
    countries = list(draft.countries)
    if draft.place and draft.place.country and draft.place.country not in countries:
        countries.append(draft.place.country)
    organizations = list(draft.participant_organizations)
    for person_name in draft.participants:
        person = entities.person_named(person_name)
        if person and person.country and person.country not in countries:
            countries.append(person.country)
        if (person and person.organization and person.organization not in organizations
                and person.organization not in draft.message_senders
                and person.organization not in draft.organizers):
            organizations.append(person.organization)  # who the speaker came for
    return EventMention(
        name=name,
        type=draft.type,
        plover=draft.plover,
        date=draft.date,
        end_date=draft.end_date,
        place=draft.place,
        countries=countries,
        regions=draft.regions,
        part_of=parent_name,
        organizers=draft.organizers,
        participants=[p for p in draft.participants if p not in draft.message_senders],
        participant_organizations=organizations,
        message_senders=draft.message_senders,
        evidence=draft.evidence,
        fact_evidence=draft.fact_evidence,
    )


def _name_from_title(draft: _Draft, title: str | None) -> str | None:
    """The headline's words for the article's lead event ("China-Kazakhstan youth cultural
    exchange held in Beijing" -> "China-Kazakhstan youth cultural exchange")."""
    if not title:
        return None
    match = re.match(
        rf"^(?P<name>.{{0,80}}?\b{re.escape(draft.noun)}\b)\s+(?:held|opens|opened|kicks off|"
        r"takes place|took place|concludes|closes|launched|in|at)\b",
        title, re.IGNORECASE,
    )
    if match is None or len(match["name"].split()) < 2:
        return None
    return match["name"]


def _in_running_text(phrase: str) -> str:
    """A phrase as it reads after "Signing of": "Memorandum" -> "memorandum", "MoU" and
    "Kazan Declaration" as written."""
    first = phrase.split()[0]
    if any(c.isupper() for c in first[1:]) or (first[:1].isupper() and len(phrase.split()) > 1
                                and all(w[:1].isupper() for w in phrase.split()[1:2])):
        return phrase
    return phrase[:1].lower() + phrase[1:]


# Events named after who took part: a meeting of two people, a call between them.
_BETWEEN_PEOPLE = frozenset({EventType.MEETING, EventType.PHONE_CALL, EventType.DIALOGUE,
                             EventType.STATEMENT, EventType.OTHER})


def _descriptive_name(draft: _Draft) -> str:
    """A name built from what the event is and who took part ("Meeting of A and B"), and
    where, by the city's standard name whatever the spelling ("in Hanoi" for "Ha Noi")."""
    place = (draft.place.canonical or draft.place.name) if draft.place else None
    type_word = draft.type.value.replace("_", " ").capitalize()
    if draft.noun in EVENT_NOUNS and " " in draft.noun:  # "phone call", "courtesy call"
        type_word = draft.noun.capitalize()
    if draft.type == EventType.AGREEMENT_SIGNING:
        type_word = "Agreement signing"
        signed = draft.acted_on or (None if draft.name.lower().startswith(("sign", "agreement s"))
                                    else draft.name)
        if signed:  # what was signed names it; where is the event's place
            return f"Signing of {_in_running_text(signed)}"
        name = "Signing of an agreement"
        return f"{name} in {place}" if place else name
    if draft.type == EventType.VISIT and draft.participants:
        return f"{draft.participants[0]} {_in_running_text(draft.name)}"  # "X visit to Y"
    where = f" in {place}" if place else ""
    if draft.type == EventType.CEREMONY and draft.act and draft.acted_on:
        return f"{draft.act} of {_in_running_text(draft.acted_on)}{where}"
    between_people = draft.type in _BETWEEN_PEOPLE  # a forum is never "Forum of <a person>"
    if between_people and len(draft.participants) >= 2:
        return f"{type_word} of {draft.participants[0]} and {draft.participants[1]}{where}"
    if between_people and draft.participants and draft.participant_organizations:
        return f"{type_word} of {draft.participants[0]} with {draft.participant_organizations[0]}"
    name = draft.name
    if between_people and len(name.split()) < 3 and draft.participants:
        name = f"{type_word} of {draft.participants[0]}"
    if place and place not in name:
        name = f"{name} in {place}"
    return name
