"""The publisher a page names (extract/publisher.py), on lines of our own."""

from extract.publisher import publisher_names


def test_the_site_of_the_url_as_the_page_writes_it():
    url = "https://en.tiberpost24.com/world/2026/05/04/story"
    assert publisher_names(url, ["Staff Reportertiberpost24.com", "Text."]) == [
        "tiberpost24.com"]
    assert publisher_names("http://big5.orlatv.com/a.shtml", ["OrlaTV.com"]) == ["OrlaTV.com"]


def test_a_run_together_site_name_counts_only_when_it_cannot_be_a_word():
    url = "https://thetiberchronicle.com/culture/1"
    assert publisher_names(url, ["Thetiberchronicle, thetiberchronicle"]) == [
        "Thetiberchronicle"]
    # "people" is a word: a sentence that starts with it names no publisher
    assert publisher_names("http://en.people.cn/n3/1.html", ["People gathered."]) == []


def test_a_date_bar_names_the_publisher():
    assert publisher_names(None, ["Tiber Daily | Updated: 2026-05-04 07:23"]) == ["Tiber Daily"]


def test_no_url_and_no_date_bar_names_nobody():
    assert publisher_names(None, ["The forum opened on Monday."]) == []
