"""/explore over HTTP: the page and its files are served from the package, load nothing
from elsewhere, and stay out of the API's contract."""

import re

import pytest

from api.browser_kit import read_grass, style_sheet
from api.explore import ASSETS
from graph.vocabulary import Label

ASSET_FILES = sorted(p.name for p in ASSETS.iterdir() if p.name != "index.html")
# The SVG namespace is an identifier, not an address anything is fetched from.
ADDRESS = re.compile(r"\b(?:https?:)?//(?!www\.w3\.org/2000/svg)[\w.-]+\.[a-z]{2,}", re.I)


def test_the_page_is_served_with_a_same_origin_policy(client):
    answer = client.get("/explore")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    policy = answer.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert client.head("/explore").status_code == 200


def test_every_file_the_page_names_is_served(client):
    page = client.get("/explore").text
    named = re.findall(r'(?:src|href)="(/explore/assets/[^"]+)"', page)
    assert named
    for path in named:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["content-type"].split(";")[0] in {
            "text/javascript", "application/javascript", "text/css"}, path


@pytest.mark.parametrize("name", ASSET_FILES)
def test_no_file_refers_to_another_host(client, name):
    text = client.get(f"/explore/assets/{name}").text
    assert ADDRESS.findall(text) == []


def test_imports_between_scripts_resolve(client):
    for name in ASSET_FILES:
        text = client.get(f"/explore/assets/{name}").text
        for imported in re.findall(r'from "\./([^"]+)"', text):
            assert imported in ASSET_FILES, f"{name} imports {imported}"


def test_the_page_is_not_part_of_the_api_contract(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(path.startswith("/explore") for path in paths)


def test_unknown_asset_is_404(client):
    assert client.get("/explore/assets/nothing.js").status_code == 404


def test_the_explorer_draws_each_label_in_the_browser_kit_colour(client):
    script = client.get("/explore/assets/graph-view.js").text
    colours = dict(re.findall(r'(\w+): \{ color: "(#[0-9A-Fa-f]{6})"', script))
    style = read_grass(style_sheet())
    kit = {label.value: style[f"node.{label.value}"]["color"] for label in Label}
    assert {k: v.upper() for k, v in colours.items()} == {k: v.upper() for k, v in kit.items()}
