"""Event resolution over a closure: which stored reports a change reaches, and which event
every report of it goes to (graph/closure.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.closure import Change, Closure, Decision, Row
from graph.event_resolution import DATE_SLACK, EventRecord, cluster_events
from graph.event_resolution import blocking_keys as event_blocking_keys
from graph.event_resolution import linked as events_linked
from graph.event_resolution import representative as event_representative
from graph.mentions import EventReport, event_reports
from graph.names import digest
from graph.store import Reader
from graph.vocabulary import Label


def event_node_id(report_key: str) -> str:
    """The id of the event a group of reports becomes, from the report it takes its name
    from."""
    return f"event:{digest('event', report_key)}"


class EventClosure(Closure):
    def __init__(self, reader: Reader, change: Change) -> None:
        super().__init__()
        self.reader, self.change = reader, change
        self.old: dict[str, EventReport] = {}
        self.added = {r.key: r for x in change.added for r in event_reports(x)}
        self.fetched: set[str] = set()
        self.asked_words: set[str] = set()

    def resolve(self) -> Decision:
        seeds = set(self.added)
        for article in self.change.removed:
            seeds |= {f"{article.id}#{index}" for index in article.reports}
        node_ids = {node for a in self.change.removed for node in a.reports.values()}
        return self._decide(self.grow(seeds, node_ids))

    def lookups(self, record: EventRecord, *, after: bool) -> set[str]:
        """A blocking word on the days a dated report may pair with (and undated reports),
        or on any day for an undated one: the store is asked for the word, the candidates
        are looked for only where their date lets them link."""
        words = event_blocking_keys(record.name)
        if record.date is None:
            return {f"{w}|*" for w in words}
        days = [(record.date + dt.timedelta(days=n)).isoformat()
                for n in range(-DATE_SLACK.days, DATE_SLACK.days + 1)]
        return {f"{w}|{day}" for w in words for day in [*days, "-"]}

    def index_lookups(self, record: EventRecord) -> set[str]:
        day = record.date.isoformat() if record.date else "-"
        return {f"{w}|{tag}" for w in event_blocking_keys(record.name) for tag in (day, "*")}

    def fetch(self, lookups: set[str], node_ids: set[str]) -> None:
        words = {lookup.split("|", 1)[0] for lookup in lookups} - self.asked_words
        self.asked_words |= words
        if not (words or node_ids):
            return
        for row in self.reader.query("list_event_reports", ids=sorted(node_ids),
                                     keys=sorted(words), known=sorted(self.fetched)):
            self.fetched.add(row["node"])
            report = EventReport(
                article=row["article"], index=row["index"], name=row["name"], type=row["type"],
                plover=row["plover"], date=_date(row["date"]), end_date=_date(row["end_date"]),
                place=row["place"], place_country=row["place_country"])
            self.old[report.key] = report
            self.stored(report.key, row["node"], "")

    def report(self, key: str, *, after: bool) -> EventReport | None:
        if after:
            if key in self.added:
                return self.added[key]
            if key.rsplit("#", 1)[0] in self.change.removed_ids:
                return None
        return self.old.get(key)

    def before(self, key: str) -> EventRecord | None:
        report = self.report(key, after=False)
        return _event_record(report) if report else None

    def after(self, key: str) -> EventRecord | None:
        report = self.report(key, after=True)
        return _event_record(report) if report else None

    def linked(self, a: EventRecord, b: EventRecord, *, after: bool) -> bool:
        return events_linked(a, b)

    def _decide(self, closure: set[str]) -> Decision:
        decision = Decision()
        reports = {k: r for k in closure if (r := self.report(k, after=True)) is not None}
        groups = cluster_events([_event_record(r) for r in reports.values()])
        decision.old_nodes = {self.node_of[k][0] for k in closure if k in self.node_of}
        rows = []
        for group in {id(g): g for g in groups.values()}.values():
            rep = reports[event_representative(group).key]
            node = event_node_id(rep.key)
            members = [reports[m.key] for m in group]
            for member in members:
                decision.placements[member.key] = (node, "")
            rows.append(_event_row(node, rep, members))
        decision.node_rows = {Label.EVENT: rows} if rows else {}
        for key, report in reports.items():
            if self.node_of.get(key) != decision.placements[key]:
                decision.moved_articles.add(report.article)
        return decision


def _event_record(report: EventReport) -> EventRecord:
    return EventRecord(key=report.key, name=report.name, type=report.type, date=report.date,
                       articles=frozenset({report.article}), place_country=report.place_country)


def _event_row(node: str, rep: EventReport, members: list[EventReport]) -> Row:
    dates = sorted(m.date for m in members if m.date)
    ends = sorted(m.end_date for m in members if m.end_date)
    date = rep.date or (dates[0] if dates else None)
    end = rep.end_date or (ends[-1] if ends else None)
    return {"id": node, "name": rep.name, "type": rep.type, "plover": rep.plover,
            "date": date.isoformat() if date else None,
            "end_date": end.isoformat() if end else None,
            "block_keys": sorted({k for m in members for k in event_blocking_keys(m.name)})}


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


