"""Word lists the rules read: person titles, organization heads, event triggers.

Kept apart from the rules so a newcomer can extend the vocabulary without touching logic.
"""

from extract.triggers import default_entries
from graph.vocabulary import EventType

# Words that head a person's title ("Foreign Minister", "Ambassador to China").
TITLE_HEADS = frozenset(
    """president minister ambassador secretary chairperson chairman chairwoman chair director
    consul commissioner premier king queen prince princess emir sultan governor mayor
    spokesperson spokesman spokeswoman envoy representative chief head chancellor counselor
    counsellor attaché attache leader speaker senator deputy vice ceo editor founder
    secretary-general director-general president-elect dean rector professor general admiral
    undersecretary under-secretary chargé charge minister-counsellor dcm ruler adviser
    advisor counterpart""".split()
)
# Words that may stand inside a title next to its head ("First Deputy Prime Minister").
TITLE_MODIFIERS = frozenset(
    """foreign prime deputy vice first executive general high affairs external defence defense
    state trade economy economic finance culture cultural information interior home senior
    former acting permanent crown managing assistant associate honorary consul-general
    communication communications media international national security development regional
    education health energy justice agriculture tourism transport industry digital
    extraordinary plenipotentiary special""".split()
)
# Honorifics and styles that precede a name but are not part of it ("H.H. Sheikh Abdullah",
# "Datuk Seri Anwar Ibrahim", "HRH Prince Mohammed").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. h.e. h.e h.h. h.h hrh h.r.h. his her excellency sir madam
    prof prof. sheikh sheikha shaikh prince princess king queen sultan emir amir datuk dato
    dato' dato’ seri tun tan sri majesty highness royal custodian fm eam pm dpm cm""".split()
)
# Words that make a span an organization rather than a person.
ORGANIZATION_HEADS = frozenset(
    """agency group ministry daily center centre council union press tv television radio news
    corporation association university committee commission organization organisation bank
    institute office administration embassy party company media chamber network times post
    gazette journal broadcasting federation foundation academy society department bureau
    authority service services forces army navy parliament assembly secretariat fund program
    programme alliance league club institution consulate school college trust partnership
    cooperation holding holdings inc ltd llc plc co""".split()
)
# Event nouns (one word or a phrase) and the type each signals, from the triggers file
# (extract/data/patterns/event_triggers.jsonl) the `dkg_event_triggers` component matches.
EVENT_NOUNS: dict[str, EventType] = {
    entry.phrase: entry.type for entry in default_entries().values() if entry.phrase
}
# Verbs that say a named or described event took place.
HAPPENING_VERBS = (
    "held", "hold", "holds", "took place", "takes place", "was opened", "opened", "kicked off",
    "kicks off", "hosted", "hosts", "organized", "organised", "co-organized", "co-organised",
    "co-hosted", "attended", "attends", "attend", "convened", "launched", "began", "begins",
    "concluded",
    "wrapped up", "staged", "will be held", "is being held", "opens", "closed", "paid",
    "paying", "pays", "made", "conducted", "undertook", "took part", "welcomed", "welcomes",
    "arrived", "arrives", "is on", "was on",
)
# Words that end a venue's name ("Akorda Presidential Palace", "Olympia London" has a city).
VENUE_HEADS = frozenset(
    """palace center centre hall hotel stadium museum monastery house building square park
    theatre theater gallery library arena auditorium pavilion headquarters residence
    complex venue""".split()
)
# Words that refer back to an event already reported ("the forum", "the event").
ANAPHORA_NOUNS = frozenset(
    "event events forum meeting talks visit conference summit dialogue exhibition ceremony "
    "fair exchange session signing festival".split()
)
# Phrases after which organizations are organizers of the event.
ORGANIZER_CUES = (
    "jointly hosted by", "co-hosted by", "hosted by", "co-organized by", "co-organised by",
    "organized by", "organised by", "jointly organized by", "sponsored by", "convened by",
    "under the auspices of", "initiated by", "held by", "conducted by", "staged by",
)
# Verbs after which people and organizations are participants.
PARTICIPATION_CUES = (
    "met", "meets", "meet", "received", "receives", "held talks", "attended", "attends",
    "addressed", "signed", "signs", "visited", "visits", "called on", "calls on", "paying",
    "pays", "paid", "held a", "had a", "spoke with", "talked with", "exchanged",
    "among the leaders", "leaders at the", "attended by", "delegates", "participants included",
    "attendees", "took part",
    "held a meeting", "held meetings", "co-chaired", "hosted", "welcomed", "spoke", "took part",
)
# Phrases showing a person only sent something and was not there.
ABSENCE_CUES = ("sent a", "in a letter", "in the letter", "congratulatory", "message to")
