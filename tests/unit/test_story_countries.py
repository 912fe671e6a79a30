"""Which countries a story is about: named ones, not pieces of an organization's name."""

import spacy

from extract.countries import CountryIndex
from extract.entities import ArticleEntities
from extract.models import OrganizationMention, PersonMention
from extract.pipeline import _countries_of_story


def _doc(text: str):
    """The text through a blank pipeline with the country gazetteer (no trained model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("dkg_countries")
    return nlp(text)


def _entities() -> ArticleEntities:
    entities = ArticleEntities()
    agency = OrganizationMention(name="Zambia Press Agency", country="ZMB")
    entities.organizations["zambia press agency"] = agency
    entities.persons["mutale banda"] = PersonMention(name="Mutale Banda", country="ZMB",
                                                     organization="Zambia Press Agency")
    return entities


def test_a_country_named_only_inside_an_organizations_name_is_not_of_the_story():
    text = "The Zambia Press Agency, led by Mutale Banda, signed a deal with a Kenyan daily."
    found = _countries_of_story(_doc(text), _entities(), CountryIndex.default())
    assert set(found) == {"KEN"}


def test_a_country_also_named_outside_the_name_is_of_the_story():
    text = "The Zambia Press Agency is the state news agency of Zambia."
    found = _countries_of_story(_doc(text), _entities(), CountryIndex.default())
    assert set(found) == {"ZMB"}
