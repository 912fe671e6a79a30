"""Rules that decide what is an organization of the story, on hand-built inputs."""

import pytest

from extract.countries import CountryIndex
from extract.entities import (
    ArticleEntities,
    _add_organization,
    _fold_cut_names,
    _unrecognised_organizers,
    could_be_organization,
    drop_names_inside_titles,
)
from extract.models import OrganizationMention, PersonMention
from extract.places import PlaceIndex
from tests.unit.parsed import parsed


@pytest.mark.parametrize("name", [
    "India to Mexico said that", "ACC attended the forum and delivered speeches",
    "Xinhua/Zhang Ling", "Photo/Xinhua]", "Chinese multi-platform media powerhouse",
    "News", "Alliance", "MoU", "ШОС", "Dubai and Chairman of the Dubai Media Council",
    "ASEAN Member States", "DCM", "Global Development Initiative", "One-China Policy",
])
def test_a_piece_of_a_sentence_or_a_credit_is_no_organization(name):
    assert not could_be_organization(name)


@pytest.mark.parametrize("name", [
    "Agence Malienne de Presse et de Publicité", "TASS news agency",
    "Embassy of Sri Lanka in Seoul", "Ministry of Culture, Sports and Tourism",
])
def test_names_of_bodies_keep_their_own_lower_case_words(name):
    assert could_be_organization(name)


@pytest.mark.parametrize("name", ["Senegal to China", "Sri Lanka in Hanoi",
                                  "UAE and Ruler of Dubai"])
def test_a_country_and_the_rest_of_a_title_is_no_organization(name):
    entities = ArticleEntities()
    assert _add_organization(entities, name, CountryIndex.default()) is None
    assert entities.organizations == {}


def test_a_trailing_connector_is_not_part_of_the_name():
    entities = ArticleEntities()
    org = _add_organization(entities, "Chinese Government on", CountryIndex.default())
    assert org is not None and org.name == "Chinese Government"


def _entities(*orgs: str, affiliation: str | None = None) -> ArticleEntities:
    entities = ArticleEntities()
    for name in orgs:
        entities.organizations[name.lower()] = OrganizationMention(name=name)
    entities.persons["huang"] = PersonMention(name="Huang Kunming", organization=affiliation)
    return entities


def test_an_organization_named_only_inside_a_title_is_no_node_and_no_affiliation():
    text = ("Huang Kunming, a member of the Political Bureau and head of the Publicity "
            "Department, read a letter at the forum, which Xinhua hosted.")
    entities = _entities("Political Bureau", "Publicity Department", "Xinhua",
                         affiliation="Publicity Department")
    drop_names_inside_titles(entities, text, [])
    assert [o.name for o in entities.organizations.values()] == ["Xinhua"]
    assert entities.persons["huang"].organization is None


def test_an_organization_also_named_outside_titles_stays():
    text = ("Li Wei, director of the Culture Bureau, spoke. The Culture Bureau organized "
            "the festival.")
    entities = _entities("Culture Bureau")
    drop_names_inside_titles(entities, text, [])
    assert list(entities.organizations) == ["culture bureau"]


def test_a_country_that_is_a_member_of_a_body_does_not_make_it_a_title():
    text = "Chile, as a member of the Pacific Alliance, backs the plan."
    entities = _entities("Pacific Alliance")
    drop_names_inside_titles(entities, text, [])
    assert list(entities.organizations) == ["pacific alliance"]


def test_capitalised_common_nouns_and_cities_are_no_persons():
    from extract.entities import _drop_cross_label_duplicates
    from extract.places import PlaceIndex

    entities = ArticleEntities()
    for name in ("Buenos Aires", "Jiang Jianguo"):
        entities.persons[name.lower()] = PersonMention(name=name)
    _drop_cross_label_duplicates(entities, PlaceIndex.default())
    assert [p.name for p in entities.persons.values()] == ["Jiang Jianguo"]


def test_the_agencies_an_article_credits_are_its_organizations():
    from extract.entities import _add_agency
    from extract.places import PlaceIndex

    entities = ArticleEntities()
    for credit in ("Xinhua", "MENAFN- Kuwait News Agency (KUNA)",
                   "UrduPoint / Pakistan Point News - 14th Sep, 2024"):
        _add_agency(entities, credit, CountryIndex.default(), PlaceIndex.default())
    names = {o.name: o.aliases for o in entities.organizations.values()}
    assert names["Xinhua News Agency"] == ["Xinhua"]  # known, though a town is called so
    assert names["Kuwait News Agency"] == ["KUNA"]
    assert {"MENAFN", "UrduPoint", "Pakistan Point News"} <= set(names)


def test_a_demonym_run_on_after_a_body_is_cut_off():
    entities = ArticleEntities()
    org = _add_organization(entities, "Freedonia-Sylvania Centre Chinese", CountryIndex.default())
    assert org is not None and org.name == "Freedonia-Sylvania Centre"


def test_a_name_cut_before_its_generic_head_is_the_longer_name():
    entities = ArticleEntities()
    for name in ("Tiber News", "Tiber News Agency", "Sylvan Union", "Sylvan Union Commission"):
        entities.organizations[name.lower()] = OrganizationMention(name=name)
    _fold_cut_names(entities)
    names = {o.name: o.aliases for o in entities.organizations.values()}
    assert names == {"Tiber News Agency": ["Tiber News"], "Sylvan Union": [],
                     "Sylvan Union Commission": []}


def _organized_by(rows):
    """ "The forum was organized by <rows>.", parsed by hand, its roles found."""
    import spacy

    nlp = spacy.blank("en")
    roles = nlp.add_pipe("dkg_event_roles")
    head = [("The", "the", "DET", "det", 1), ("forum", "forum", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("organized", "organize", "VERB", "ROOT", 3),
            ("by", "by", "ADP", "agent", 3)]
    doc = roles(parsed(nlp.vocab, head + rows + [(".", ".", "PUNCT", "punct", 3)]))
    for token in doc:
        token.tag_ = "NNP" if token.pos_ == "PROPN" else token.tag_
    return doc


def _word(text: str, dep: str, head: int, pos: str = "PROPN"):
    return (text, text.lower() if pos != "PROPN" else text, pos, dep, head)


def test_a_proper_name_the_parse_gives_as_organizer_is_a_body():
    doc = _organized_by([_word("the", "det", 6, "DET"), _word("Platform", "pobj", 4),
                         _word("of", "prep", 6, "ADP"), _word("the", "det", 10, "DET"),
                         _word("Potala", "compound", 10), _word("Magazine", "pobj", 7)])
    found = _unrecognised_organizers(doc, ArticleEntities(), PlaceIndex.default())
    assert found == ["Platform of the Potala Magazine"]


def test_an_organizer_by_title_or_already_known_is_no_new_body():
    doc = _organized_by([_word("the", "det", 6, "DET"), _word("Ambassador", "pobj", 4),
                         _word("of", "prep", 6, "ADP"), _word("Freedonia", "pobj", 7)])
    assert _unrecognised_organizers(doc, ArticleEntities(), PlaceIndex.default()) == []
    doc = _organized_by([_word("Tiber", "compound", 6), _word("Press", "pobj", 4)])
    known = _entities("Tiber Press")
    assert _unrecognised_organizers(doc, known, PlaceIndex.default()) == []


def test_a_name_listed_only_with_persons_is_a_person():
    import spacy
    from spacy.tokens import Span

    from extract.entities import _listed_with_a_person

    rows = [_word("Ana", "compound", 1), _word("Lima", "nsubj", 5), _word("and", "cc", 1, "CCONJ"),
            _word("Tomas", "compound", 4), _word("Berg", "conj", 1),
            _word("explained", "ROOT", 5, "VERB")]
    doc = parsed(spacy.blank("en").vocab, rows)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG")]
    assert _listed_with_a_person(doc.ents[1])
    doc.ents = [Span(doc, 0, 2, label="GPE"), Span(doc, 3, 5, label="ORG")]
    assert not _listed_with_a_person(doc.ents[1])  # listed with a place: not a person


def _doc_with_org(rows, start, end):
    import spacy
    from spacy.tokens import Span

    doc = parsed(spacy.blank("en").vocab, rows)
    doc.ents = [Span(doc, start, end, label="ORG")]
    return doc, doc.ents[0]


def test_a_name_only_ever_used_as_where_something_happened_is_a_venue():
    from extract.entities import _drop_venues

    rows = [_word("held", "ROOT", 0, "VERB"), _word("at", "prep", 0, "ADP"),
            _word("the", "det", 5, "DET"), _word("Orla", "compound", 5),
            _word("concert", "compound", 5, "NOUN"), _word("hall", "pobj", 1, "NOUN")]
    doc, _ = _doc_with_org(rows, 3, 4)
    entities = _entities("Orla")
    _drop_venues(entities, doc)
    assert "orla" not in entities.organizations
    rows[3] = _word("Orla", "nsubj", 0)  # "Orla held ...": a body that acts
    rows[:3] = [_word("Orla", "nsubj", 1), _word("hosted", "ROOT", 1, "VERB"),
                _word("it", "dobj", 1, "PRON")]
    doc, _ = _doc_with_org(rows[:3], 0, 1)
    entities = _entities("Orla")
    _drop_venues(entities, doc)
    assert "orla" in entities.organizations


def test_an_agency_described_before_its_acronym_is_the_acronym_body():
    from extract.entities import _add_organization_span

    rows = [_word("the", "det", 3, "DET"), _word("Tiber", "compound", 3),
            _word("News", "compound", 3), _word("Agency", "compound", 4), _word("TNA", "ROOT", 4)]
    import spacy
    from spacy.tokens import Span

    doc = parsed(spacy.blank("en").vocab, rows)
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 4, 5, label="ORG")]
    entities = ArticleEntities()
    _add_organization_span(entities, doc.ents[0], CountryIndex.default())
    assert [(o.name, o.aliases) for o in entities.organizations.values()] == [
        ("TNA", ["Tiber News Agency TNA"])]


def test_a_quoted_theme_a_verb_or_a_portfolio_is_no_organization():
    from extract.entities import _organization_shaped

    countries = CountryIndex.default()
    theme = [_word("theme", "nsubj", 1, "NOUN"), _word("was", "ROOT", 1, "AUX"),
             _word("“", "punct", 3, "PUNCT"), _word("Build", "ROOT", 3),
             _word("Media", "compound", 5), _word("Bridges", "dobj", 3),
             _word("for", "prep", 3, "ADP"), _word("all", "pobj", 6, "DET")]
    _, ent = _doc_with_org(theme, 3, 6)
    assert not _organization_shaped(ent, countries)
    portfolio = [_word("Minister", "compound", 4), _word("for", "prep", 0, "ADP"),
                 _word("Culture", "pobj", 1), _word("and", "cc", 2, "CCONJ"),
                 _word("Tourism", "conj", 2)]
    _, ent = _doc_with_org(portfolio, 2, 5)
    assert not _organization_shaped(ent, countries)


def test_a_syndication_prefix_is_not_part_of_the_name():
    entities = ArticleEntities()
    org = _add_organization(entities, "MENAFN- Tiber News Agency", CountryIndex.default())
    assert org is not None and org.name == "Tiber News Agency"


def _tagged(rows, tags):
    import spacy

    doc = parsed(spacy.blank("en").vocab, rows)
    for token in doc:
        token.tag_ = tags.get(token.text, token.tag_)
    return doc


def test_one_phrase_for_the_bodies_of_two_countries_gives_one_body_each():
    from extract.entities import _bodies_of_several_countries

    rows = [_word("the", "det", 5, "DET"), _word("Egyptian", "amod", 5, "ADJ"),
            _word("and", "cc", 1, "CCONJ"), _word("Qatari", "conj", 1),
            _word("Culture", "compound", 5), _word("Ministries", "ROOT", 5)]
    doc = _tagged(rows, {"Ministries": "NNPS"})
    assert _bodies_of_several_countries(doc, CountryIndex.default()) == [
        ("Egyptian and Qatari Culture Ministries",
         ["Ministry of Culture of Egypt", "Ministry of Culture of Qatar"])]


def test_the_ministries_of_a_portfolio_of_two_countries():
    from extract.entities import _bodies_of_several_countries

    rows = [_word("Ministries", "ROOT", 0), _word("of", "prep", 0, "ADP"),
            _word("Culture", "pobj", 1), _word("of", "prep", 2, "ADP"),
            _word("Egypt", "pobj", 3), _word("and", "cc", 4, "CCONJ"), _word("Qatar", "conj", 4)]
    doc = _tagged(rows, {"Ministries": "NNPS"})
    assert _bodies_of_several_countries(doc, CountryIndex.default())[0][1] == [
        "Ministry of Culture of Egypt", "Ministry of Culture of Qatar"]


def test_common_nouns_of_two_countries_name_no_body():
    from extract.entities import _bodies_of_several_countries

    rows = [_word("Nepali", "amod", 3, "ADJ"), _word("and", "cc", 0, "CCONJ"),
            _word("Chinese", "conj", 0, "ADJ"), _word("organizations", "ROOT", 3, "NOUN")]
    doc = _tagged(rows, {"organizations": "NNS"})
    assert _bodies_of_several_countries(doc, CountryIndex.default()) == []


def test_the_acronym_of_an_initiative_names_no_body():
    entities = ArticleEntities(acronyms={"TGI": "Tiber Growth Initiative"})
    assert _add_organization(entities, "TGI", CountryIndex.default()) is None


def test_a_body_name_cut_before_its_for_phrase_gets_it_back():
    import spacy
    from spacy.tokens import Span

    from extract.entities import _for_whom

    rows = [_word("Economic", "compound", 1), _word("Commission", "ROOT", 1),
            _word("for", "prep", 1, "ADP"), _word("Africa", "pobj", 2)]
    doc = parsed(spacy.blank("en").vocab, rows)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 4, label="LOC")]
    assert _for_whom(doc.ents[0]) == " for Africa"
    doc.ents = [Span(doc, 0, 2, label="ORG")]  # "for" a cause, not a place: no part of it
    assert _for_whom(doc.ents[0]) == ""
