"""What the per-stage rule tests share: ``@guards`` and an ``extract`` that can run with a rule switched off.

A test marked ``@guards("rule_a", ...)`` says it holds because of those rules; ``test_rules.py`` runs it
again with each of them switched off (``without``) and expects it to fail, so "every rule has a test
that fails without it" is checked, not promised. The tests call ``extract``/``explain`` from here: they
pass the switched-off rule to the pipeline as its ``disabled`` argument.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import extraction
from extraction import explain as explaining

_OFF: ContextVar[frozenset[str]] = ContextVar("rules_off", default=frozenset())
GUARDED: dict[str, list[Callable[[], None]]] = {}
"""rule name -> the tests that hold because of it."""


def guards(*rules: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Mark a test (taking no arguments) as holding because of ``rules``."""

    def mark(fn: Callable[[], None]) -> Callable[[], None]:
        fn.guards = rules  # type: ignore[attr-defined]
        for r in rules:
            GUARDED.setdefault(r, []).append(fn)
        return fn

    return mark


@contextmanager
def without(rule: str) -> Iterator[None]:
    """Run the block with ``rule`` switched off in every ``extract``/``explain`` of this module."""
    token = _OFF.set(frozenset([rule]))
    try:
        yield
    finally:
        _OFF.reset(token)


def extract(text: str, published: str, source: str | None = None) -> list[extraction.Event]:
    return extraction.extract(text, published, source, disabled=_OFF.get())


def explain(text: str, published: str, source: str | None = None) -> explaining.Explanation:
    return explaining.explain(text, published, source, disabled=_OFF.get())


def messages(text: str, published: str) -> list[str]:
    return extraction.analyse(text, published, mentions=False, disabled=_OFF.get()).messages


def found(text: str, published: str, source: str | None = None) -> list[tuple[str, str]]:
    """(sub-event type, location) of each event."""
    return [(e.sub_event_type, e.location) for e in extract(text, published, source)]


def types(text: str, published: str = "2024-05-15") -> list[tuple[str, str]]:
    """(event type, sub-event type) of each event that is not background."""
    return [(e.event_type, e.sub_event_type) for e in extract(text, published) if not e.background]


def sides(text: str, published: str = "2020-06-11") -> list[tuple[str, str, str | None]]:
    """(sub-event type, actor 1, actor 2) of each event of ``text`` told as a body under a title."""
    return [(e.sub_event_type, e.actor1, e.actor2) for e in extract("تقرير\n" + text, published)]


def one_line(text: str, published: str = "2024-03-12") -> list[extraction.Event]:
    """Events of ``text`` told as a body under a title with no event of its own."""
    return extract("تقرير\n" + text, published)
