"""The Paste page's flows: extract a report, save it with the kept events, upload files, add a place.

Plain functions over ``extraction`` and ``store`` that return what happened (an :class:`Outcome` or a
row) instead of drawing it, so they are tested without Streamlit and the page only shows the result.
Every failure becomes one line for the analyst; the pasted text is never lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import extraction
from extraction.errors import MAX_CHARS, InputError
from extraction.errors import too_long as too_long_message
from store import reports as store_reports
from store.errors import ValidationError
from ui.files import UnreadableFile, file_to_text
from ui.highlight import event_spans, highlight_html, mention_spans


@dataclass(frozen=True)
class Outcome:
    """One message for the analyst: ``kind`` is a Streamlit call name (success, info, warning, error)."""

    kind: str
    text: str


@dataclass
class SaveResult:
    """What Save did: the message, and the report to open in Review when it was stored."""

    outcome: Outcome
    report_id: int | None = None
    event_ids: list[int] = field(default_factory=list)

    @property
    def open_review(self) -> bool:
        return self.outcome.kind == "success" and self.report_id is not None


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (its class name when it has none)."""
    text = str(exc)
    return text.splitlines()[0] if text.strip() else type(exc).__name__


def too_long(text: str) -> str | None:
    """Refuse oversized text before the extractor sees it (1 MB per report)."""
    if len(text) > MAX_CHARS:
        message = too_long_message(len(text), MAX_CHARS)
        return f"{message[:1].upper()}{message[1:]}."
    return None


def extract(text: str, published: date, source: str | None, extra_places: list[dict] | None = None) -> Any:
    """The extractor's analysis of ``text``, or an :class:`Outcome` saying why there is none."""
    if not text.strip():
        return Outcome("warning", "Paste the text of a report first (the box is empty).")
    if problem := too_long(text):
        return Outcome("error", problem)
    try:
        return extraction.analyse(text, published.isoformat(), source=source, extra_places=extra_places)
    except InputError as exc:
        return Outcome("error", str(exc))
    except Exception as exc:  # noqa: BLE001 - any extractor failure must leave the analyst's text intact
        return Outcome("error", f"Extraction failed ({type(exc).__name__}: {one_line(exc)}).")


def report_html(analysis: Any) -> str:
    """The report with its events' evidence marked and its mentions underlined: made once per extraction
    and kept, since the page reruns on every widget change."""
    return highlight_html(analysis.text, event_spans(analysis.events) + mention_spans(analysis.mentions))


def save(
    text: str,
    published: date,
    *,
    source: str | None,
    url: str | None,
    events: list[Any],
    analyst: str,
) -> SaveResult:
    """Store the report and the kept events under the analyst's name; a repeat adds nothing."""
    if not analyst:
        return SaveResult(
            Outcome(
                "warning",
                "Type your name in the sidebar first: it is recorded with the report and its events.",
            )
        )
    try:
        added = store_reports.add_report(
            text,
            published,
            source=source or None,
            url=(url or "").strip() or None,
            events=events,
            analyst=analyst,
            corroborate=True,
        )
    except Exception as exc:  # noqa: BLE001 - one line, and the text stays in the box
        return SaveResult(Outcome("error", f"Could not save the report: {one_line(exc)}"))
    if added.duplicate:
        return SaveResult(
            Outcome(
                "warning", f"This report is already stored (report #{added.report_id}); nothing was added."
            ),
            added.report_id,
        )
    near = _near(added)
    return SaveResult(
        Outcome(
            "success", save_message(added.report_id, list(added.event_ids), list(added.corroborated), near)
        ),
        added.report_id,
        list(added.event_ids) + list(added.corroborated),
    )


def save_message(
    report_id: int, new: list[int], corroborated: list[int], near: Mapping[str, Any] | None
) -> str:
    """What Save and upload say: new events, and the stored events the report is a further source of."""
    text = f"Saved report #{report_id}: {len(new)} new event(s)"
    if corroborated:
        ids = ", ".join(f"#{i}" for i in corroborated)
        text += f"; {len(corroborated)} told of event(s) already stored ({ids}): added as a further source"
    text += "."
    if near:
        text += (
            f" It nearly repeats report #{near['id']} from the same outlet ({near['score']:.0f}% alike):"
            " check it is not the same report edited."
        )
    return text


def _near(added: Any) -> dict[str, Any] | None:
    if getattr(added, "near_duplicate_of", None) is None:
        return None
    return {"id": added.near_duplicate_of, "score": added.near_duplicate_score or 0}


def near_duplicate(text: str, source: str | None, published: date) -> tuple[int, float] | None:
    """A stored report from the same outlet that ``text`` nearly repeats (lightly edited), if any."""
    try:
        return store_reports.find_near_duplicate(text, source, published)
    except Exception:  # noqa: BLE001 - a warning is a convenience; saving still works
        return None


def upload_one(
    name: str,
    data: bytes,
    published: date,
    *,
    source: str | None,
    analyst: str,
    extra_places: list[dict] | None = None,
) -> dict[str, Any]:
    """Read, extract and store one uploaded file; the row says what happened (a bad file never raises)."""
    row: dict[str, Any] = {"file": name, "report": None, "events": 0, "corroborated": 0, "result": ""}
    try:
        body = file_to_text(name, data)
        if problem := too_long(body):
            raise UnreadableFile(f"{name}: {problem}")
        result = extraction.analyse(
            body, published.isoformat(), source=source or None, extra_places=extra_places
        )
        added = store_reports.add_report(
            body, published, source=source or None, events=result.events, analyst=analyst, corroborate=True
        )
        row.update(report=added.report_id, events=len(added.event_ids), corroborated=len(added.corroborated))
        if added.duplicate:
            row["result"] = "already stored"
        else:
            near = _near(added)
            row["result"] = f"saved; nearly repeats report #{near['id']}" if near else "saved"
    except (UnreadableFile, InputError, ValidationError) as exc:
        row["result"] = one_line(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        row["result"] = f"failed: {type(exc).__name__}"
    return row


def unknown_names(mentions: Iterable[Any]) -> list[str]:
    """Each place name the gazetteer missed, once, in the order of the report."""
    return list(dict.fromkeys(getattr(m, "text", "") for m in mentions))


def place_near(name: str, kind: str, parent: Mapping[str, Any], analyst: str) -> dict[str, Any]:
    """Fields for a new gazetteer place located at a known one (store.places.add_place takes them)."""
    return {
        "name_ar": name,
        "kind": kind,
        "located_by": parent["id"],
        "parent_id": parent["id"],
        "admin1": parent.get("admin1"),
        "admin2": parent.get("admin2"),
        "admin3": parent.get("admin3"),
        "source": f"added by {analyst} from a pasted report",
    }


def parent_label(place: Mapping[str, Any]) -> str:
    """How a known place reads in the "Located at / near" picker."""
    return f"{place.get('name_en')} · {place.get('name_ar')} ({place.get('admin1')})"
