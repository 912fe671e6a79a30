"""Whole-word phrase search with compiled patterns kept (extract/phrases.py)."""

from extract.phrases import first_cue, unhyphenated, whole_words


def test_a_phrase_is_found_only_as_whole_words():
    assert whole_words("Tiber").search("the Tiber's banks")
    assert not whole_words("Tiber").search("Tiberian art")
    assert unhyphenated("AU").search("the AU said") and not unhyphenated("AU").search("AU-UN")


def test_the_first_written_cue_wins_and_the_listed_order_breaks_ties():
    assert first_cue("she met him and attended", ("attended", "met")) == "met"
    assert first_cue("held talks with", ("held talks", "held")) == "held talks"
    assert first_cue("held talks with", ("held", "held talks")) == "held"
    assert first_cue("nothing here", ("met",)) is None
    assert first_cue("metropolis", ("met",)) is None
