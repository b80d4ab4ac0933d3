"""Draw core results (pages, food tables, assessments) in the terminal with rich, or as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numbwise.cli.console import print_wrapped
from numbwise.kb import load
from numbwise.pages import Page, cite

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from numbwise.assess.engine import Assessment
    from numbwise.assess.result import ResultPlan
    from numbwise.care.plan import CarePlan


def notice(console: Console, plain: bool) -> None:
    """The 'not a diagnosis' notice every face shows."""
    text = load().meta.notice
    if plain:
        console.print(f"Note: {text}")
    else:
        console.print(f"[dim]{text}[/dim]")


def show_page(console: Console, page: Page, plain: bool) -> None:
    """A cause or treatment page, ending with its numbered sources (wrapped lines keep their indent, URLs stay whole)."""
    from rich.markup import escape

    if plain:
        _wrap(console, page.title.upper(), "", "")
        _wrap(console, page.lead, "", "")
    else:
        from rich.panel import Panel

        console.print(Panel(f"[bold]{escape(page.title)}[/bold]\n{escape(page.lead)}", expand=False))
    for block in page.blocks:
        console.print()
        console.print(block.heading if plain else f"[bold underline]{escape(block.heading)}[/bold underline]")
        for para in block.paragraphs:
            _wrap(console, para, "", "")
        for item in block.items:
            _wrap(console, item, "  - ", "    ")
    console.print()
    console.print("Sources" if plain else "[bold underline]Sources[/bold underline]")
    for i, source in enumerate(page.sources, 1):
        _wrap(console, cite(source), f"  {i}. ", " " * (len(str(i)) + 4))
    console.print()
    notice(console, plain)


def level_banner(console: Console, plan: ResultPlan, plain: bool) -> None:
    """The result's banner in its level's colour: the plan's own title, action and by-when (a rule may set them).

    The plan gives the order (`heading`, `doubt_heading`, `otherwise_title`, `caution_below`): when a 'not sure' caution
    leads it, the caution comes first, under its heading, with its call buttons, and the title, action and by-when after
    it say they hold only if none of those signs is true; a one path (help today, call now) names its level first, the
    doubt under it; a rule's own act that leads says its action and by-when first, the caution and buttons under them."""
    from rich.markup import escape

    if plain:
        console.print(f"URGENCY: {plan.heading.upper()}", markup=False)
        if plan.doubt_heading:
            console.print(plan.doubt_heading, markup=False)

        def say_doubt() -> None:
            """The caution's line, then the call buttons that go with it."""
            if plan.caution_title:
                if plan.caution:  # (a foot sore's path has no caution: its heading says what was told)
                    console.print(plan.caution, markup=False)
            elif plan.caution:
                console.print(f"NOT SURE: {plan.caution}", markup=False)
            if plan.calls_with_caution:  # the buttons go with the caution they belong to
                _calls(console, plan, plain)

        if not plan.caution_below:  # a caution that leads: before the level's own advice
            say_doubt()
        if plan.otherwise_title:
            console.print(plan.otherwise_title.upper(), markup=False)
        console.print(plan.action, markup=False)
        console.print(f"By when: {plan.by_when}", markup=False)
        if plan.caution_below:  # a rule's own act leads: its action first, then the doubt's line (walkthrough AD)
            say_doubt()
        if plan.foot_check:  # not sure of a foot sore: look today (walkthrough BN, Maya)
            console.print(f"NOT SURE: {plan.foot_check}", markup=False)
        if plan.taken_back:  # an early call screen this result no longer says: why, once (walkthrough X, Priya)
            _wrap(console, plan.taken_back, "", "")
        return
    from rich.panel import Panel

    colour = load().triage.levels[plan.banner_level].colour  # type: ignore[index]
    calls = "".join(f"[bold]>> Call {escape(n)}[/bold] ({escape(w)})\n" for n, w in plan.numbers) if plan.calls_with_caution else ""
    doubt = f"{escape(plan.doubt_heading)}\n" if plan.doubt_heading else ""
    caution = (f"{doubt}[bold]{escape(plan.caution)}[/bold]\n" if plan.caution else doubt) + calls
    otherwise = f"[bold]{escape(plan.otherwise_title.upper())}[/bold]\n" if plan.otherwise_title else ""
    own = f"{escape(plan.action)}\n[bold]By when:[/bold] {escape(plan.by_when)}"
    # a rule's own act that leads: its action and by-when right under its title, the doubt's line and buttons after
    body = (f"[bold]{escape(plan.heading.upper())}[/bold]\n{otherwise}{own}\n{caution.rstrip()}" if plan.caution_below
            else f"[bold]{escape(plan.heading.upper())}[/bold]\n{caution}{otherwise}{own}")
    body += f"\n\n[bold]{escape(plan.foot_check)}[/bold]" if plan.foot_check else ""  # not sure of a foot sore: look today
    body += f"\n\n{escape(plan.taken_back)}" if plan.taken_back else ""  # an early call screen taken back: why
    console.print(Panel(body, style=f"bold white on {colour}" if plan.banner_level in ("emergency", "urgent") else f"black on {colour}", expand=True))


def show_assessment(console: Console, result: Assessment, plain: bool, detail: bool = True,
                    unsure: tuple[str, ...] | frozenset[str] = (), marks: tuple[str, ...] = (),
                    taken_back: str = "", listed_none: frozenset[str] = frozenset()) -> None:
    """An assessment for people: the core's result plan, rendered (the web page shows the same plan); `taken_back`:
    the step-by-step check's line for an early call screen the result no longer says; `listed_none`: the items a list
    was answered "none of these" to (interview.listed_none), not asked again."""
    from numbwise.assess.result import result_plan

    if result.case.id:
        console.print(f"Case {result.case.id}", markup=False)
    show_result(console, result_plan(result, unsure, marks, taken_back, listed_none), plain, detail)


_wrap = print_wrapped  # one item wrapped to the console, later lines under the first's text; URLs never split


def _calls(console: Console, plan: ResultPlan, plain: bool) -> None:
    """The result's emergency numbers as the terminal's call buttons (`print_calls`), set apart from the banner."""
    if plan.numbers:
        print_calls(console, plan.numbers, plan.call_where, plan.call_intro, plain, gap=True)


def print_calls(console: Console, numbers: Sequence[tuple[str, str]], where: str, intro: str, plain: bool,
                gap: bool = False) -> None:
    """The emergency numbers as the terminal's call buttons, on the result and the early screens alike; when the
    banner's own call is someone else (a helpline, A&E), where it goes comes first and the line that says when to use
    the emergency numbers stands right above them (walkthrough U, Kim). `gap`: a blank line before where it goes."""
    if where:
        if gap:
            console.print()
        _wrap(console, where, "", "", None if plain else "bold")
    if intro:
        _wrap(console, intro, "", "")
    for number, place in numbers:
        _wrap(console, f"Call {number} ({place})", "  >> ", "     ", None if plain else "bold")


def show_result(console: Console, plan: ResultPlan, plain: bool, detail: bool = True) -> None:
    """The result plan in the terminal, in the web page's order: level, signs, what to do, unsure, causes, help, warnings, next."""
    from numbwise.assess.result import ASK_DOCTOR_HEADING, POINTS_AWAY, POINTS_TO

    def head(text: str) -> None:
        console.print()
        _wrap(console, text, "", "", None if plain else "bold underline")

    level_banner(console, plan, plain)
    if plan.calls_in_banner:
        _calls(console, plan, plain)
    if plan.signs:
        head("Warning signs in your answers")
        for s in plan.signs:
            _wrap(console, s.text, "  ! ", "    ")
    if plan.do or plan.do_not:
        head(plan.do_heading)
        for item in plan.do:
            _wrap(console, item, "  - ", "    ")
        for item in plan.do_not:
            _wrap(console, item, "  x ", "    ")
    if plan.advice is not None:
        a = plan.advice
        head(plan.advice_heading)
        _wrap(console, a.summary, "  ", "  ")
        for i, step in enumerate(a.steps, 1):
            _wrap(console, step.do, f"  {i}. ", "     ")
            if step.how_long:
                _wrap(console, f"How long: {step.how_long}", "     ", "     ")
        if a.ask_doctor:
            head(ASK_DOCTOR_HEADING)
            for line in a.ask_doctor:
                _wrap(console, line, "  - ", "    ")
    if plan.safety:
        head(plan.safety_heading)
        for line in plan.safety:
            _wrap(console, line, "  - ", "    ")
    for doubt in plan.unsure:
        head(doubt.heading)
        for u in doubt.items:
            _wrap(console, u.text, "  ? ", "    ")
            if u.means:  # what a yes would point to (a noted answer)
                _wrap(console, u.means, "    ", "    ")
        for line in doubt.advice:
            _wrap(console, line, "  ", "  ", None if plain else "bold")
    head("Why this level")
    for line in plan.why:
        _wrap(console, line, "  ", "  ")
    if plan.causes and detail:
        head("What may be causing it (not a diagnosis)")
        _wrap(console, plan.headline, "  ", "  ", None if plain else "bold")
        if plan.causes_note:
            _wrap(console, plan.causes_note, "  ", "  ")
        marks = [f"{m} {words}" for m, words, used in (("+", POINTS_TO, any(c.towards for c in plan.causes)),
                                                        ("-", POINTS_AWAY, any(c.away for c in plan.causes))) if used]
        if marks:  # one line says what the marks mean, in the words the web page labels them with
            _wrap(console, "(" + ", ".join(marks) + ")", "  ", "  ")
        for i, c in enumerate(plan.causes):
            if i == 1 and plan.others_heading:  # under "call now": the cause to rule out first, then the others
                _wrap(console, plan.others_heading, "  ", "  ", None if plain else "bold")
            _wrap(console, f"{c.name} ({c.short})" if c.short else c.name, "  * ", "    ")  # a child: no number
            for r in c.towards:
                _wrap(console, r.text, "      + ", "        ")
            for r in c.away:
                _wrap(console, r.text, "      - ", "        ")
            if c.note:
                _wrap(console, c.note, "      ", "      ")
            if c.has_page:
                _wrap(console, f"Learn more: numbwise learn {c.id}", "      ", "      ")
    if (plan.questions or plan.questions_intro) and detail:
        head("What would tell the causes apart")
        _wrap(console, plan.questions_intro, "  ", "  ")
        for q in plan.questions:
            _wrap(console, q, "  ? ", "    ")
    if plan.read_later and detail:
        head("Read more later")
        for cid, name in plan.read_later:
            _wrap(console, f"{name}: numbwise learn {cid}", "  - ", "    ")
    if plan.hand_diagram is not None:
        hd = plan.hand_diagram
        head(hd.heading)
        _wrap(console, hd.intro, "  ", "  ")
        for k in hd.hands:
            _wrap(console, f"{k.hand}: {k.label}. {k.meaning}", "  * ", "    ")
        _wrap(console, f"{hd.more.label}: {hd.more.command}", "  ", "  ", whole=hd.more.command)
    for i, group in enumerate(plan.watch_for):
        head(group.heading)
        for w in group.items:
            _wrap(console, w.text, "  - ", "    ")
        last = i + 1 == len(plan.watch_for) or plan.watch_for[i + 1].level != "emergency"
        if plan.calls_with_watch and group.level == "emergency" and last:  # the buttons under when to use them
            print_calls(console, plan.numbers, "", "", plain)
    if plan.next_steps:
        head("What next")
        for n in plan.next_steps:
            _wrap(console, f"{n.label}: {n.command}", "  - ", "    ", whole=n.command)
    console.print()
    notice(console, plain)


def show_care_plan(console: Console, plan: CarePlan, plain: bool) -> None:
    """A care plan: first steps with how long, what a doctor can offer, when to get more help, warning signs, routine, sources."""
    from rich.markup import escape

    from numbwise.assess.result import ASK_DOCTOR_HEADING

    h = (lambda s: s.upper()) if plain else (lambda s: f"[bold underline]{escape(s)}[/bold underline]")

    def n(refs: tuple[int, ...]) -> str:
        return " " + "".join(f"[{r}]" for r in sorted(refs))

    title = f"Care plan: {plan.cause_name}"
    if plain:
        console.print(title.upper(), markup=False)
    else:
        from rich.panel import Panel

        console.print(Panel(f"[bold]{escape(title)}[/bold]", expand=False))
    top = plan.result
    if top is not None:  # opened from a result: what it said comes first (walkthroughs AB and AC, Tariq)
        console.print(h(plan.result_heading))
        for line in (top.unsure_heading, top.unsure_line, top.action, f"By when: {top.by_when}"):
            if line:
                _wrap(console, line, "", "")
        console.print()
    _wrap(console, plan.summary + n(plan.summary_refs), "", "")
    if plan.visit_first and not plan.steps:
        _wrap(console, plan.visit_first, "", "")
    if plan.steps:
        console.print()
        console.print(h("What to try first, in this order"))
        if plan.visit_first:
            _wrap(console, plan.visit_first, "  ", "  ")
        for i, step in enumerate(plan.steps, 1):
            way = f" ({step.treatment_name}: numbwise learn {step.treatment})" if step.treatment else ""
            _wrap(console, f"{step.do}{way}{n(step.refs)}", f"  {i}. ", "     ")
            if step.how_long:
                _wrap(console, f"How long: {step.how_long}", "     ", "     ")
    if plan.ask_doctor:
        console.print()
        console.print(h(ASK_DOCTOR_HEADING))
        for offer in plan.ask_doctor:
            _wrap(console, f"{offer.text}{n(offer.refs)}", "  - ", "    ")
    if plan.escalation:
        console.print()
        console.print(h("When to get more help"))
        for esc in plan.escalation:
            _wrap(console, f"If {esc.when[0].lower() + esc.when[1:]}", "  - ", "    ")
            _wrap(console, f"{esc.then}{n(esc.refs)}", "    ", "    ")
    if plan.routine:
        r = plan.routine
        console.print()
        console.print(h(f"Exercise routine: {r.name}"))
        _wrap(console, f"{r.summary}{n(r.refs)}", "  ", "  ")
        for x in r.exercises:
            _wrap(console, f"{x.name}: {x.dose} (numbwise learn {x.id})", "  - ", "    ")
        _wrap(console, "Stop any exercise that makes the numbness or tingling worse.", "  ", "  ")
    if plan.foods:
        console.print()
        console.print(h("Foods with vitamin B12"))
        if plan.foods.plant_note:
            _wrap(console, plan.foods.plant_note, "  ", "  ")
        for row in plan.foods.rows:
            _wrap(console, f"{row.name} ({row.serving}): {row.amount} mcg, {row.percent_dv} of the daily value", "  - ", "    ")
        _wrap(console, f"Full table: numbwise foods{n(plan.foods_refs)}", "  ", "  ")
    if plan.filed_note:
        console.print()
        _wrap(console, plan.filed_note, "", "")
    for group in plan.warnings:
        console.print()
        console.print(h(group.heading))
        for w in group.lines:
            _wrap(console, w, "  ! ", "    ")
        if group.level == "emergency" and plan.calls_note:
            _wrap(console, plan.calls_note, "  ", "  ")
    if plan.warnings:  # none left under a top that already says their level (care.plan.said_by_result)
        _wrap(console, f"Sources:{n(plan.warning_refs)}", "  ", "  ")
    console.print()
    console.print(h("Sources"))
    for i, source in enumerate(plan.sources, 1):
        _wrap(console, cite(source), f"  {i}. ", " " * (len(str(i)) + 4))
    console.print()
    notice(console, plain)
