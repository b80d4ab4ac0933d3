"""Walkthrough Z on the web (Priya, step by step, W at 375 px): ticking the cold sweat on the first list asks about
diabetes first, under the call line, in place of the 1-or-2 emergency screen; a yes leads the result's to-do list with
the sugar first aid, as in the terminal. Near miss: the cold sweat with chest pain gives the result at once."""

from __future__ import annotations

from tests.test_walk_z_priya import CALL_NOW, HEART, _flat
from tests.web.conftest import Live
from tests.web.test_check_faces_agree import WebCheck, _item


def test_the_web_asks_diabetes_and_a_yes_puts_the_sugar_first(live: Live) -> None:
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="none", **{f"item{_item('cold_sweat_nausea')}": "yes"})
    assert web.heading == _flat(HEART.text)
    assert _flat(HEART.still) in web.text and "See what to do now" not in web.text
    web.post(answer="yes")
    assert web.heading.upper() == CALL_NOW
    todo = web.text.split("What to do", 1)[1]
    assert todo.index("sugary drink") < todo.index("Call your emergency number now")


def test_near_miss_with_chest_pain_the_web_gives_the_result_at_once(live: Live) -> None:
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="none", **{f"item{_item('cold_sweat_nausea')}": "yes", f"item{_item('chest_pain')}": "yes"})
    assert web.heading.upper() == CALL_NOW and _flat(HEART.text) not in web.text
