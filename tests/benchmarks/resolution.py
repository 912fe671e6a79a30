"""Benchmark: entity resolution on synthetic mentions, ours beside a naive baseline.

    python -m tests.benchmarks.resolution [--mentions 100000] [--naive-mentions 5000]

Synthetic persons and organizations, each written several ways (initials, transliteration
variants, honorifics, acronyms, spelling variants), with look-alikes that must stay apart
(namesakes sharing a family name, a body and its units). Prints, for our resolver and for
the naive baseline (all pairs within a label, `fuzz.WRatio` >= 80, no blocking, connected
components): B-cubed F1, pairwise F1, time and peak memory. The naive baseline is quadratic,
so it runs on a subset (`--naive-mentions`) and its time at the full size is extrapolated.
"""

import argparse
import random
import time
import tracemalloc
from collections import defaultdict

from rapidfuzz import fuzz, process

from api.evaluation.resolution import Mention, score_resolution
from graph.entity_resolution import EntityRecord, cluster_entities
from graph.vocabulary import Label

GIVEN = ["Arman", "Dana", "Ilmar", "Serik", "Aigerim", "Bakhyt", "Nurlan", "Madina", "Timur",
         "Zarina", "Rustam", "Alibek", "Gulnara", "Yerlan", "Saule", "Daniyar", "Kamila",
         "Marat", "Aliya", "Askar", "Olzhas", "Dilnoza", "Farrukh", "Sherzod", "Lola"]
SURNAME_PARTS = (
    ["Tok", "Nur", "Ser", "Dau", "Kas", "Bek", "Zhu", "Ism", "Akh", "Sad", "Mukh", "Ras", "Yus",
     "Kar"],
    ["bergen", "let", "ik", "sym", "mur", "mabay", "ail", "met", "yk", "ham", "hid", "sup", "im"],
    ["", "al", "er", "an", "ur", "ib", "os", "ed", "un", "ar"],
    ["ov", "ova", "ev", "eva", "uly", "bayev"],
)
ORG_WORDS = ["Steppe", "Caspian", "Silk Road", "Eurasian", "Aral", "Altai", "Turan", "Pamir",
             "Tien Shan", "Syr Darya", "Kazakh", "Uzbek", "Central", "National", "Regional"]
ORG_KINDS = ["Media Group", "News Agency", "Trade Organisation", "Cultural Centre",
             "Development Bank", "Research Institute", "Broadcasting Corporation"]
UNITS = ["Center for Asia", "Commission on Culture", "Secretariat"]
HONORIFICS = ["Mr", "Dr", "H.E."]


def _transliterate(surname: str) -> str:
    """Another romanisation of the same name: "kh" as "h", a final "ov" as "off"."""
    if "kh" in surname:
        return surname.replace("kh", "h", 1)
    return surname[:-2] + "off" if surname.endswith("ov") else surname + "h"


def synthetic_mentions(n: int, *, seed: int = 7) -> tuple[list[EntityRecord], dict[str, str]]:
    """`n` mentions with their true entity. Entities are drawn so that namesakes and units
    of a body exist (the hard negatives)."""
    rng = random.Random(seed)
    records: list[EntityRecord] = []
    truth: dict[str, str] = {}
    entity = 0
    while len(records) < n:
        entity += 1
        articles = [f"a{rng.randrange(n)}" for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.5:
            given = rng.choice(GIVEN)
            surname = "".join(rng.choice(part) for part in SURNAME_PARTS)
            country = rng.choice(["KAZ", "UZB", "KGZ"])
            tag = f"{given} {surname} {entity}"  # a person; namesakes share given + surname
            forms = [f"{given} {surname}", f"{given[0]}. {surname}",
                     f"{rng.choice(HONORIFICS)} {given} {surname}",
                     f"{given} {_transliterate(surname)}"]
            label = Label.PERSON
        else:
            words = rng.sample(ORG_WORDS, 2)
            kind = rng.choice(ORG_KINDS)
            base = f"{words[0]} {words[1]} {kind} {entity}"
            acronym = "".join(w[0] for w in f"{words[0]} {words[1]} {kind}".split()) + str(entity)
            if rng.random() < 0.2:  # a unit of a body: must stay apart from the body
                base = f"{base} {rng.choice(UNITS)}"
            forms = [base, base.replace("Organisation", "Organization").replace("Centre",
                                                                                  "Center"),
                     f"the {base}"]
            if "Center for" not in base and "Commission" not in base and "Secretariat" not in base:
                forms.append(acronym)
            tag, label, country = base, Label.ORGANIZATION, None
        for article in articles:
            if len(records) >= n:
                break
            key = f"{article}#{len(records)}"
            records.append(EntityRecord(key=key, label=label, name=rng.choice(forms),
                                        country=country, articles=frozenset({article})))
            truth[key] = f"{label}:{tag}"
    return records, truth


def _score(records: list[EntityRecord], truth: dict[str, str], node_of: dict[str, str]):
    mentions = [Mention(article=min(r.articles), gold=truth[r.key], node=node_of[r.key])
                for r in records]
    return score_resolution(mentions, look_alikes=False)


def ours(records: list[EntityRecord]) -> dict[str, str]:
    groups = cluster_entities(records)
    return {key: min(m.key for m in group) for key, group in groups.items()}


def naive(records: list[EntityRecord]) -> dict[str, str]:
    """All pairs within a label, WRatio >= 80, connected components."""
    parent = {r.key: r.key for r in records}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_label: dict[Label, list[EntityRecord]] = defaultdict(list)
    for r in records:
        by_label[r.label].append(r)
    for group in by_label.values():
        names = [r.name for r in group]
        matrix = process.cdist(names, names, scorer=fuzz.WRatio, score_cutoff=80, workers=-1)
        for i, j in zip(*matrix.nonzero(), strict=True):
            if i < j:
                parent[find(group[i].key)] = find(group[j].key)
    return {r.key: find(r.key) for r in records}


def run(method, records, truth) -> dict:
    """Time untraced, then peak Python memory in a second, traced pass (tracing slows
    Python code several times over, so it never touches the timing)."""
    started = time.perf_counter()
    node_of = method(records)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    method(records)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    score = _score(records, truth, node_of)
    return {"mentions": len(records), "seconds": seconds, "peak_mb": peak / 2**20,
            "b3_f1": score.b3_f1, "pairwise_f1": score.pairwise_f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--naive-mentions", type=int, default=5_000)
    args = parser.parse_args()
    records, truth = synthetic_mentions(args.mentions)
    subset = records[: args.naive_mentions]
    rows = [("ours", run(ours, records, truth)),
            ("ours (subset)", run(ours, subset, truth)),
            ("naive (subset)", run(naive, subset, truth))]
    print(f"{'method':<16} {'mentions':>9} {'seconds':>9} {'peak MB':>8} {'B3 F1':>7} "
          f"{'pair F1':>8}")
    for name, r in rows:
        print(f"{name:<16} {r['mentions']:>9} {r['seconds']:>9.2f} {r['peak_mb']:>8.1f} "
              f"{r['b3_f1']:>7.3f} {r['pairwise_f1']:>8.3f}")
    naive_subset = rows[2][1]
    factor = (args.mentions / args.naive_mentions) ** 2
    print(f"naive at {args.mentions} mentions, extrapolated (quadratic): "
          f"~{naive_subset['seconds'] * factor / 3600:.1f} h")
    ours_full, ours_subset = rows[0][1], rows[1][1]
    print(f"ours: {args.mentions / args.naive_mentions:.0f}x the mentions took "
          f"{ours_full['seconds'] / max(ours_subset['seconds'], 1e-9):.1f}x the time")


if __name__ == "__main__":
    main()
