"""The publisher a page names: a source of the article like the agency of its dateline.

Pages name their own site in a header or a byline ("CCTV.com", "Senior
Correspondentbdnews24.com", "Themuslimchronicle, themuslimchronicle") or in a date bar
("China Daily | Updated: 2018-11-22 07:23"). The site is recognised from the page's URL, so
nothing here lists particular sites: only what the page itself writes counts.
"""

import re
from urllib.parse import urlparse

# Host labels that say which edition or service, not whose site ("english.news.cn").
_EDITION_LABELS = frozenset("www www1 www2 m en eng english big5 mobile amp news".split())
_DATE_BAR = re.compile(
    r"^\s*(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*\|\s*"
    r"(?:Updated|Published|Posted)\b", re.IGNORECASE)
# A site's own label written as a bare word counts only when it cannot be an ordinary
# word: it holds a digit or runs words together ("themuslimchronicle").
_RUN_TOGETHER = 12


def publisher_names(url: str | None, lines: list[str]) -> list[str]:
    """How the page writes its publisher's name, first mention of each form."""
    found = [m["name"] for line in lines if (m := _DATE_BAR.match(line))]
    label = _site_label(url)
    if label is not None:
        for line in lines:
            found += _written_label(label, line)
    return list(dict.fromkeys(found))


def _site_label(url: str | None) -> str | None:
    """ "https://big5.cctv.com/..." -> "cctv"; None without a URL."""
    host = urlparse(url).hostname if url else None
    if not host:
        return None
    labels = [part for part in host.lower().split(".")[:-1] if part not in _EDITION_LABELS]
    return labels[0] if labels and len(labels[0]) >= 3 else None


def _written_label(label: str, line: str) -> list[str]:
    domain = re.search(rf"(?i){re.escape(label)}\.(?:com|net|org|cn|in|pk|bd|co\.[a-z]{{2}})\b",
                       line)
    if domain is not None:  # "CCTV.com", "... Correspondentbdnews24.com"
        return [domain[0]]
    if len(label) >= _RUN_TOGETHER or any(c.isdigit() for c in label):
        bare = re.search(rf"(?i)(?<![\w.]){re.escape(label)}(?![\w.])", line)
        if bare is not None and bare[0][:1].isupper():
            return [bare[0]]
    return []
