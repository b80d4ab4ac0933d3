"""Walkthrough Z, Tariq: the Learn page for a pinched neck nerve said a soft collar may help, while his care plan said
not to wear one. Both now say what NICE CKS says: no collar."""

from __future__ import annotations

import re

from tests.conftest import run_cli


def _said(*args: str) -> str:
    run = run_cli("--plain", *args)
    assert run.code == 0, run.err
    return " ".join(run.out.split())


def test_the_learn_page_and_the_care_plan_agree_on_a_neck_collar() -> None:
    learn, care = _said("learn", "cervical_radiculopathy"), _said("care", "cervical_radiculopathy")
    for text in (learn, care):
        assert re.search(r"(not advised|Do not wear)[^.]*collar|collar[^.]*not advised", text), text
        assert "collar for a short time may" not in text and "collar may" not in text


def test_no_cause_page_recommends_a_collar() -> None:
    """Near miss: every cause's Learn page, none of which may offer a collar as help."""
    listing = _said("learn")
    for cid in re.findall(r"\b([a-z0-9]+(?:_[a-z0-9]+)+)\b", listing):
        run = run_cli("--plain", "learn", cid)
        if run.code == 0:
            assert not re.search(r"collar[^.]*(may|can|will) (also )?help", run.out), cid
