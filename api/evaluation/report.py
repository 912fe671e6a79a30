"""`dkg eval` output for people: tables of the micro-averaged scores and the worst misses."""

from rich.console import Console
from rich.table import Table

from api.evaluation.run import EvalReport

WORST_ARTICLES = 8
MISSES_PER_ARTICLE = 12


def print_report(report: EvalReport, console: Console) -> None:
    if report.pipeline:
        p = report.pipeline
        console.print(f"spaCy pipeline {p.name} {p.version}: {', '.join(p.components)}",
                      markup=False, highlight=False)
    table = Table(title=f"Extraction, micro-averaged over {report.articles} articles")
    for column in ("kind", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    rows = [*report.micro.kinds.items(),
            *((f"event {role}", prf) for role, prf in report.micro.roles.items())]
    for kind, prf in rows:
        table.add_row(kind, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                      str(prf.tp), str(prf.fp), str(prf.fn))
    console.print(table)
    attributes = Table(title="Event attributes on matched events (where gold has a value)")
    for column in ("attribute", "accuracy", "right", "total"):
        attributes.add_column(column, justify="left" if column == "attribute" else "right")
    for name, acc in report.micro.attributes.items():
        attributes.add_row(name, f"{acc.accuracy:.3f}", str(acc.right), str(acc.total))
    console.print(attributes)
    resolution = Table(title="Resolution over matched mentions (events: cross-article groups)")
    for column in ("kind", "mentions", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1",
                   "look-alikes kept apart"):
        resolution.add_column(column, justify="left" if column == "kind" else "right")
    for kind, r in report.resolution.items():
        resolution.add_row(kind, str(r.mentions), f"{r.b3_precision:.3f}", f"{r.b3_recall:.3f}",
                           f"{r.b3_f1:.3f}", f"{r.pairwise_precision:.3f}",
                           f"{r.pairwise_recall:.3f}", f"{r.pairwise_f1:.3f}",
                           f"{r.hard_negatives_kept_apart}/{r.hard_negatives}")
    console.print(resolution)
    for kind, r in report.resolution.items():
        for a, b in r.merged_look_alikes:
            console.print(f"  merged look-alike {kind}: {a!r} ~ {b!r}")
    console.print(f"nodes with more than one label: {report.cross_label_nodes}")
    console.print(f"nodes from page navigation: {report.navigation_nodes}; "
                  f"bylines taken for persons: {report.byline_persons}")
    if report.speed:
        s = report.speed
        console.print(f"speed: {s.articles} articles, {s.words} words: extraction "
                      f"{s.extraction_seconds:.2f} s ({s.articles_per_second} articles/s, "
                      f"{s.words_per_second} words/s); raw nlp.pipe {s.raw_pipeline_seconds:.2f}"
                      f" s ({s.raw_words_per_second} words/s); ratio {s.ratio:.2f}")
    worst = sorted(report.per_article, key=lambda a: _article_f1(a))[:WORST_ARTICLES]
    console.print("\nworst articles and what they miss:")
    for article in worst:
        console.print(f"[bold]{article.article}[/bold] (mean F1 {_article_f1(article):.2f})")
        for miss in article.misses[:MISSES_PER_ARTICLE]:
            console.print(f"  - {miss}")
        if len(article.misses) > MISSES_PER_ARTICLE:
            console.print(f"  … and {len(article.misses) - MISSES_PER_ARTICLE} more")


def _article_f1(article) -> float:
    kinds = article.scores.kinds
    return sum(prf.f1 for prf in kinds.values()) / len(kinds)
