"""Reading-grade figures for the text a person reads, so plain English is measured, not hoped for."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Keys whose values are not prose a person reads (IDs, codes, links, references).
NOT_PROSE = {"id", "url", "source", "sources", "icd10", "snomed", "group", "level", "colour", "cause",
             "strength", "kind", "checked", "basis", "treatments", "replaces", "when", "unless",
             "authors", "publisher", "year", "supports", "watch_for_sources", "unsure_caution_sources", "snomed_term",
             "picture", "treatment", "routine", "summary_sources", "warning_sources", "rule", "findings", "settle"}
_WORDS = re.compile(r"[A-Za-z]+")


def grade(text: str) -> float:
    """Flesch-Kincaid grade of one text (textstat, pinned for offline use)."""
    import textstat  # heavy import: only when measuring

    return float(textstat.flesch_kincaid_grade(text))


def prose(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every prose string under a loaded YAML node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if str(key) not in NOT_PROSE:
                yield from prose(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from prose(value, f"{path}[{i}]")
    elif isinstance(node, str) and len(_WORDS.findall(node)) >= 4:
        yield path, node


def report(items: list[tuple[str, str]]) -> tuple[float, float, str]:
    """Mean grade, worst grade and where the worst text is."""
    graded = [(grade(text), where) for where, text in items]
    if not graded:
        return 0.0, 0.0, ""
    worst, where = max(graded)
    return sum(g for g, _ in graded) / len(graded), worst, where


def main(argv: list[str]) -> int:
    """Print the grade of every prose string in the YAML files given."""
    import yaml

    for name in argv:
        data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        items = list(prose(data))
        for where, text in items:
            g = grade(text)
            flag = "  <-- above 12" if g > 12 else ("  (above 8)" if g > 8 else "")
            print(f"{g:5.1f}  {where}{flag}")
        mean, worst, where = report(items)
        print(f"{name}: {len(items)} texts, mean grade {mean:.1f}, worst {worst:.1f} at {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
