"""Assembly: the triggers, actors, places, dates and figures of each sentence become ACLED events.

A package of named stages (``pipeline`` shows their order) whose decisions are registered rules
(``rules``): each has a name, a stage, a docstring quoting the phrase that motivates it, and a test.
``assemble`` runs them over one document; ``finish`` makes the events; ``trace`` says which rules
shaped each event.
"""

from __future__ import annotations

from .finish import finish
from .pipeline import STAGES, Assembly, assemble, plan
from .rules import Rule, registered

__all__ = ["STAGES", "Assembly", "Rule", "assemble", "finish", "plan", "registered"]
