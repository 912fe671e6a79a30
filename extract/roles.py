"""Event roles read from the parse, as a spaCy pipeline component.

Who spoke at, attended, organized or sent a message to an event is said by structure, not by
word order: "X said at the forum" (X subject of a speech verb), "speeches by A, B and C",
"the forum was co-hosted by A and B", "a congratulatory letter from X", "X gave a recorded
speech". The patterns are `DependencyMatcher` patterns kept as data
(`extract/data/patterns/event_roles.jsonl`), each with a node named `filler`:

    {"id": "speech_by", "role": "participant", "fillers": ["person", "organization"],
     "pattern": [...]}

`fillers` says which kinds of entity the role takes, preferred first: the event reader keeps
a filler's persons for a participant and its organizations for an organizer, and falls back
to the next kind only when the phrase names none of the first.

The component puts one span per filler in `doc.spans["dkg_roles"]` (label: the role, `id_`:
the pattern id, `._.dkg_fillers`: the kinds of entity it takes). A filler coordinated with
others ("A, B and C") gives one span each; the span is the filler's own phrase (its name and
what hangs from it, without appositions, relative clauses or the coordinated rest). When one
filler takes two roles in a sentence, sending a message wins over taking part: the sender
was not there.
"""

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from extract.triggers import load_patterns

if not Span.has_extension("dkg_fillers"):
    Span.set_extension("dkg_fillers", default=())

ROLES_KEY = "dkg_roles"
PATTERNS_FILE = "event_roles.jsonl"
ROLES = ("participant", "message_sender", "organizer")
# Which role wins when one filler takes several in a sentence.
_PRECEDENCE = {"message_sender": 0, "organizer": 1, "participant": 2}
# What hangs from a filler but is not part of what it names.
_NOT_OWN_PHRASE = frozenset("conj cc appos relcl acl advcl punct prep".split())
_RELATIVE_PRONOUNS = frozenset("who whom which that".split())


def filler_phrase(token: Token) -> Span:
    """The words a filler names: itself, its compounds and modifiers, and "of"-phrases
    ("Ministry of Culture of Egypt"), without appositions or what is coordinated with it."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head  # "the forum, which X addressed" / "X, who spoke"
    words = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            keep = child.dep_ not in _NOT_OWN_PHRASE or (
                child.dep_ == "prep" and child.lower_ == "of")
            if keep:
                words.append(child)
                stack.append(child)
    start = min(w.i for w in words)
    end = max(w.i for w in words) + 1
    doc = token.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _antecedent(token: Token) -> Token:
    """A possessive pronoun stands for its clause's subject: in "In his video address,
    Lavrov said ...", "his" is Lavrov."""
    if token.tag_ != "PRP$" and token.lower_ not in ("his", "her", "their", "its"):
        return token
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head is not clause:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None else token


def _coordinated(token: Token, *, through_appositions: bool) -> list[Token]:
    """The filler and what is listed with it. The small English parser often attaches the
    items of a list of organizations as appositions ("by A, B, and C"), so organizers spread
    through appositions as well, and so does a common noun ("his deputy, Sergei Ryabkov");
    a name's apposition is a title, not another filler."""
    found = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" or (through_appositions and child.dep_ == "appos"):
                found.append(child)
                stack.append(child)
    return found


class EventRoles:
    """Finds role fillers; see the module docstring."""

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self.matcher = DependencyMatcher(nlp.vocab)
        self.roles: dict[str, str] = {}
        self.fillers: dict[str, tuple[str, ...]] = {}
        self.filler_at: dict[str, int] = {}
        for entry in patterns:
            if entry["role"] not in ROLES:
                raise ValueError(f"role pattern {entry['id']}: unknown role {entry['role']!r}")
            names = [node["RIGHT_ID"] for node in entry["pattern"]]
            self.matcher.add(entry["id"], [entry["pattern"]])
            self.roles[entry["id"]] = entry["role"]
            self.fillers[entry["id"]] = tuple(entry["fillers"])
            self.filler_at[entry["id"]] = names.index("filler")

    def __call__(self, doc: Doc) -> Doc:
        best: dict[int, tuple[str, str]] = {}  # filler token -> (role, pattern id)
        for match_id, token_ids in self.matcher(doc):
            pattern_id = doc.vocab.strings[match_id]
            role = self.roles[pattern_id]
            filler = _antecedent(doc[token_ids[self.filler_at[pattern_id]]])
            through = role == "organizer" or filler.pos_ not in ("PROPN", "PRON")
            for token in _coordinated(filler, through_appositions=through):
                held = best.get(token.i)
                if held is None or _PRECEDENCE[role] < _PRECEDENCE[held[0]]:
                    best[token.i] = (role, pattern_id)
        spans = []
        for i, (role, pattern_id) in sorted(best.items()):
            phrase = filler_phrase(doc[i])
            span = Span(doc, phrase.start, phrase.end, label=role, span_id=pattern_id)
            span._.dkg_fillers = self.fillers[pattern_id]
            spans.append(span)
        doc.spans[ROLES_KEY] = spans
        return doc


@Language.factory("dkg_event_roles")
def make_event_roles(nlp: Language, name: str) -> EventRoles:
    return EventRoles(nlp, load_patterns(PATTERNS_FILE))
