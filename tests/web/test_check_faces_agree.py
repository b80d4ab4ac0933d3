"""The web check and `numbwise check` say the same things at the same moments (second walkthrough of both faces).

Each test walks the web check through the running app (form posts, as a browser without JavaScript sends them)
and, where the terminal is part of the story, `numbwise check` with the same answers.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from numbwise.kb import load
from tests.conftest import run_cli
from tests.web.conftest import Live, fetch

SCREEN = load().interview.steps[0]  # the emergency screen: "With the numbness, do you have any of these now, or ...?"
ADVICE = SCREEN.if_unsure
assert ADVICE is not None
CHECK_NOW = ADVICE.title  # "Not sure about a warning sign? Check now"
FACE_CHECK = ADVICE.check[0]  # "Face: smile in a mirror ..."


def _item(fid: str) -> int:
    """The index of a sign on the emergency screen (the web's itemN, the terminal's N - 1)."""
    return list(SCREEN.items).index(fid)


def _flat(body: str) -> str:
    main = re.search(r"<main.*?</main>", body, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main.group(0) if main else body)).split())


class WebCheck:
    """One person's check in the web app: each post sends the page's own state and the CSRF token back."""

    def __init__(self, live: Live) -> None:
        self.live = live
        reply = fetch(live.url + "/check")
        self.cookie = reply.headers["set-cookie"].split(";")[0]
        self.body = reply.body.decode()

    def post(self, form: str = "check", **fields: str) -> str:
        """Post the page's form (`check`, or `back` for the in-page Back) with these fields."""
        found = re.search(rf'<form[^>]*class="{form}"[^>]*>(.*?)</form>', self.body, re.S)
        assert found, f"no {form} form on {self.text[:200]!r}"
        hidden = dict(re.findall(r'name="(csrf|state)" value="([^"]+)"', found.group(1)))
        reply = fetch(self.live.url + "/check", urlencode({**hidden, **fields}).encode(), {"Cookie": self.cookie})
        assert reply.status in (200, 422), reply.status
        self.body = reply.body.decode()
        return self.text

    @property
    def text(self) -> str:
        return _flat(self.body)

    @property
    def heading(self) -> str:
        found = re.search(r"<h1[^>]*>(.*?)</h1>", self.body, re.S)
        return _flat(found.group(1)) if found else ""

    def buttons(self) -> list[str]:
        return [_flat(b) for b in re.findall(r"<button[^>]*>(.*?)</button>", self.body, re.S)]


def _terminal(typed: str) -> str:
    return " ".join(run_cli("--plain", "check", "--no-diary", input=typed).out.split())


def test_a_yes_beside_a_not_sure_stroke_sign_shows_the_checks_on_both_faces(live: Live) -> None:
    """Walkthrough: face numb (Yes) and face droop (Not sure): the terminal showed how to check, the web went on."""
    term = _terminal(f"{_item('numb_face_same_side') + 1} ?{_item('face_drooping') + 1}\n\nq\n")
    assert CHECK_NOW in term and FACE_CHECK in term
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="done", **{f"item{_item('numb_face_same_side')}": "yes", f"item{_item('face_drooping')}": "unsure"})
    assert web.heading == CHECK_NOW
    assert FACE_CHECK in web.text and ADVICE.act in web.text
    first = load().interview.emergency_first
    assert first is not None and term.index(CHECK_NOW) < term.index(first.title)  # the yes is an emergency: call first
    web.post(answer="go_on")
    assert web.heading == first.title
    web.post(answer="emergency_go_on")
    assert web.heading == load().interview.steps[1].text  # then Question 2 (how it started), as in the terminal
    assert "Question 2" in web.text


def test_not_sure_only_about_the_bladder_shows_its_own_check_on_both_faces_and_an_honest_choice(live: Live) -> None:
    bladder = load().findings["bowel_bladder_loss"].how_to_check
    assert bladder
    term = _terminal(f"?{_item('bowel_bladder_loss') + 1}\n\nq\n")
    assert CHECK_NOW in term and bladder in term and FACE_CHECK not in term
    web = WebCheck(live)
    web.post(answer="unsure")
    web.post(answer="done", **{f"item{_item('bowel_bladder_loss')}": "unsure"})
    assert web.heading == CHECK_NOW and bladder in web.text and FACE_CHECK not in web.text
    assert "I checked" not in web.text  # nothing was recorded by pressing it: never say so
    assert {"Change my answer", "Carry on, still not sure"} <= set(web.buttons())
    web.post(form="back", back="1")  # "Change my answer": the same signs again, to change the Not sure
    assert web.heading == SCREEN.text and 'name="item0"' in web.body
    web.post(answer="done", **{f"item{_item('bowel_bladder_loss')}": "unsure"})
    assert web.heading == CHECK_NOW
    assert web.post(answer="go_on") and web.heading == "About you"


def test_yes_one_or_more_then_only_not_sure_is_accepted_as_the_terminal_accepts_a_question_mark(live: Live) -> None:
    vision = _item("vision_loss_sudden")
    # a stroke sign not sure of: how long (it decides the call-now path), how it started and the hands (both hands
    # would take it away: walkthrough X, Priya), then the call-now screen on both faces (walkthrough S)
    now, how_long = load().triage.unsure_lead["emergency"].now_title, load().interview.how_long
    onset, fingers = load().interview.steps[1].text, load().interview.steps[2].text
    assert now is not None and how_long is not None
    term = _terminal(f"?{vision + 1}\n\n1\n?\nR1\n2\nq\n")
    assert CHECK_NOW in term
    assert term.index(CHECK_NOW) < term.index(how_long.text) < term.index(onset) < term.index(fingers) < term.index(now)
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="done", **{f"item{vision}": "unsure"})
    assert "You said you have one or more" not in web.text
    assert web.heading == CHECK_NOW
    web.post(answer="go_on")
    assert web.heading == how_long.text
    web.post(answer="1")
    assert web.heading == onset
    web.post(answer="unsure")
    assert web.heading == fingers
    web.post(answer="done", pick="R1")
    assert web.heading == now


def test_yes_one_or_more_with_nothing_marked_is_still_refused(live: Live) -> None:
    web = WebCheck(live)
    web.post(answer="yes")
    web.post(answer="done")
    assert web.heading == SCREEN.text and 'role="alert"' in web.body


def test_a_sudden_weak_arm_reads_the_same_read_more_later_on_both_faces(live: Live) -> None:
    """Walkthrough: the terminal offered 'Read more later' (stroke), the web result for the same answer did not."""
    name = load().causes["stroke_tia"].name
    term = _terminal(f"{_item('arm_or_leg_weakness_sudden') + 1}\n\n")
    assert "Read more later" in term and name in term
    for button in ("done", "none"):  # Continue, or "No to all I left blank": a settled emergency either way
        web = WebCheck(live)
        web.post(answer="yes")
        web.post(answer=button, **{f"item{_item('arm_or_leg_weakness_sudden')}": "yes"})
        assert 'class="banner level-emergency' in web.body
        assert "Read more later" in web.text and f"Learn about {name}" in web.text, button


def test_your_answers_name_age_sex_the_hand_side_and_what_the_words_said_no_to(live: Live) -> None:
    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import answer, describe, fingers_answer, next_question, start, to_data

    iv = describe(start(45, "female"), {"worse_at_night": True, "lasting_over_6_weeks": False})
    while (q := next_question(iv)) is not None:  # the right thumb and index finger picked; no, or not sure, to the rest
        iv = answer(iv, q, fingers_answer(set(), {1, 2}) if q.kind == "fingers" else
                    {f: False for f in q.findings} if q.kind in ("screen", "sweep") else {})
    assert "fingers" in [step[0].kind for step in iv.history]
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {"pick:R1": True, "pick:R2": True}, "mode": None, "pending": None})
    shown = _flat(fetch(live.url + "/check?at=" + state).body.decode())
    answers = shown.rsplit("Your answers", 1)[1]
    assert "Age: 45" in answers and "Sex: female" in answers
    assert "Right thumb" in answers and "right index finger" in answers
    assert "The thumb is numb" not in answers
    assert "It has lasted less than six weeks" in answers
