"""The answers of a finished check in words, for the result's "Your answers" (the result itself is assess.result)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from numbwise.kb import load


def count_line(count: int, described: bool) -> str:
    """The result's line about how it was reached: never "You answered 0 questions" (a description is not a question)."""
    if count:
        return f"You answered {count} question{'' if count == 1 else 's'}."
    return "This result comes from what you wrote." if described else ""


def answers_heading(count: int, described: bool) -> str:
    """The heading over "Your answers", counted as count_line counts (Interview.count): a description is listed
    there but is not a question, so the two never disagree (walkthrough F: "Your answers (5 questions)" beside
    "You answered 4 questions")."""
    questions = f"{count} question{'' if count == 1 else 's'}"
    if described:
        return f"Your answers (your own words and {questions})" if count else "Your answers (your own words)"
    return f"Your answers ({questions})"


ABOUT = "About you"


# Items left unmarked on the list whose yes settled an emergency: they stay not known whatever the button said
# (assess.lists.rest_settled), so they are not "Left blank" after "No to all I left blank" (walkthrough AL, Paul), nor
# "not asked" of a list the person saw (walkthrough AQ, Ella)
NOT_NEEDED = "Not counted, as your answers already need help now"
# A list shown without the items the words already said: its "None of these" is of the rest (walkthrough AL, Ken:
# "None of these" for the emergency signs while his speech, in his words, was not sure)
NONE_OF_THE_REST = "None of these (signs already in your own words were not asked again)"


def answered(history: tuple[tuple[Any, ...], ...], age: int | None = None, sex: str | None = None,
             picked: Sequence[str] = (), settled: bool = False) -> tuple[tuple[str, str], ...]:
    """Each question asked (its text) and the answer given, in words, for the printed result. Checklist items left
    blank are named as such, apart from an explicit "Not sure" (on the list that asks blanks back, a blank counts
    as not sure, and says so). Age and sex come first when given; `picked` names the spots marked on the hand
    pictures ("Right thumb"), which say the side the finger findings alone do not; a description's words say
    what they said, the no's too ("It has lasted less than six weeks"). `settled`: the check ended in an emergency
    its last list settled, so that list's unmarked items were never asked."""
    from numbwise.assess.interview import HANDS_FINE_WORDS
    from numbwise.assess.ranking import hands_fine

    kb = load()
    again = kb.interview.left_blank.id if kb.interview.left_blank is not None else None
    out = []
    about = ([f"Age: {age}."] if age is not None else []) + ([f"Sex: {sex}."] if sex else [])
    if about:
        out.append((ABOUT, " ".join(about)))
    full = {step.id: set(step.items) for step in kb.interview.steps if step.items}
    worded = {f for step in history if getattr(step[0], "kind") == "text" for f in getattr(step[0], "findings")}
    for at, step in enumerate(history):
        q, updates = step[0], step[1]
        blank = set(step[2]) if len(step) > 2 else set()
        given = dict(updates)
        kind, text = getattr(q, "kind"), getattr(q, "text")
        findings, labels = getattr(q, "findings"), getattr(q, "labels") or ()
        if kind == "finding":
            fid = findings[0]
            out.append((text, "Not sure" if fid not in given else ("Yes" if given[fid] else "No")))
            continue
        if kind == "choice":  # the option whose answers these are (Suddenly sets less than "it crept over minutes")
            picks = getattr(q, "picks", ())
            chosen = [labels[i] for i, pick in enumerate(picks) if pick and dict(pick) == given]
            chosen += [labels[i] for i, f in enumerate(findings) if given.get(f) is True]
            # nothing set: a plain not sure and the option that sets nothing are saved alike, so both are said ("Not
            # sure, or: I first noticed it on waking, ...": walkthrough AL, Dev, who picked it and read "Not sure")
            open_option = next((labels[i] for i, pick in enumerate(picks) if not pick and i < len(labels)), None)
            out.append((text, chosen[0] if chosen else f"Not sure, or: {open_option}" if open_option else "Not sure"))
            continue
        names = dict(zip(findings, labels)) or {f: kb.vocabulary.findings.get(f, f) for f in findings}
        yes = [names.get(f, f) for f in findings if given.get(f) is True]
        unsure = [names.get(f, f) for f in findings if f not in given and f not in blank]
        if kind == "text":  # what the words said, in the words the chips showed: "It has lasted less than six weeks."
            from numbwise.assess.explain import statement  # the chips' and the reasons' wording, one definition

            words = [statement(f, v, given) for f, v in given.items() if f in kb.findings]
            # and what they left in doubt, as the top of the result does (walkthrough AF, Ken: "maybe" his speech was
            # odd, listed as not sure above, was missing here beside "None of these" for the emergency signs)
            words += [f"Not sure: {'; '.join(unsure)}."] if unsure else []
            out.append((text, " ".join(words) if words else "Nothing we could use"))
            continue
        if kind == "fingers":  # "Right thumb; right index finger.", else "The thumb is numb or tingling; the index ..."
            parts = [y.rstrip(".") for y in (picked if picked and given else yes)]
            said = "; ".join([parts[0]] + [p[:1].lower() + p[1:] for p in parts[1:]]) if parts else ""
            # neither hand: never "Not sure" (walkthrough AY, Frank pressed "My hands are fine")
            fine = not yes and hands_fine(given)
            out.append((text, HANDS_FINE_WORDS if fine else said + "." if said else "Not sure"))
            continue
        no = [f for f in findings if given.get(f) is False]
        left = [names.get(f, f) for f in findings if f in blank and f not in given]
        left_words = "Left blank (counted as not sure)" if getattr(q, "id") == again else (
            NOT_NEEDED if settled and at == len(history) - 1 and yes else "Left blank (not known)")
        parts = ([f"Yes: {'; '.join(yes)}"] if yes else []) + ([f"Not sure: {'; '.join(unsure)}"] if unsure else [])
        if not parts and not left:
            trimmed = bool((full.get(getattr(q, "id"), set()) - set(findings)) & worded)
            parts = ([NONE_OF_THE_REST if trimmed else "None of these"] if len(no) == len(findings) else
                     ["No to the ones answered"] if no else ["Left blank"])
        elif left:
            parts += ([] if yes or unsure or not no else ["No to the ones answered"]) + [f"{left_words}: {'; '.join(left)}"]
        out.append((text, ". ".join(parts)))
    return tuple(out)
