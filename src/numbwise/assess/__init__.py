"""The symptom check. `numbwise.assess(case)` is callable as well as being this package."""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from typing import Any

from numbwise.assess.case import Case, CaseError, parse_case, read_case
from numbwise.assess.engine import Assessment, assess, assess_case, assess_words, home_care_confirmed

__all__ = ["Assessment", "Case", "CaseError", "assess", "assess_case", "assess_words", "home_care_confirmed", "parse_case",
           "read_case"]


class _CallableModule(types.ModuleType):
    """Lets `numbwise.assess(case)` work although `numbwise.assess` is also this package."""

    def __call__(self, case: Mapping[str, Any] | Case) -> Assessment:
        return assess(case)


sys.modules[__name__].__class__ = _CallableModule
