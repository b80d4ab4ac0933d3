"""Draw core results (pages, food tables, assessments) in the terminal with rich, or as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numbwise.kb import load
from numbwise.pages import Page, cite

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.assess.engine import Assessment
    from numbwise.care.plan import CarePlan


def notice(console: Console, plain: bool) -> None:
    """The 'not a diagnosis' notice every face shows."""
    text = load().meta.notice
    if plain:
        console.print(f"Note: {text}")
    else:
        console.print(f"[dim]{text}[/dim]")


def show_page(console: Console, page: Page, plain: bool) -> None:
    """A cause or treatment page, ending with its numbered sources."""
    from rich.markup import escape

    e = (lambda s: s) if plain else escape
    if plain:
        console.print(page.title.upper())
        console.print(page.lead)
    else:
        from rich.panel import Panel

        console.print(Panel(f"[bold]{e(page.title)}[/bold]\n{e(page.lead)}", expand=False))
    for block in page.blocks:
        console.print()
        console.print(block.heading if plain else f"[bold underline]{e(block.heading)}[/bold underline]")
        for para in block.paragraphs:
            console.print(e(para))
        for item in block.items:
            console.print(f"  - {e(item)}")
    console.print()
    console.print("Sources" if plain else "[bold underline]Sources[/bold underline]")
    for i, source in enumerate(page.sources, 1):
        console.print(f"  {i}. {e(cite(source))}")
    console.print()
    notice(console, plain)


def level_banner(console: Console, level: str, plain: bool) -> None:
    """The triage level in a coloured banner: what to do and by when."""
    from rich.markup import escape

    text = load().triage.levels[level]  # type: ignore[index]
    if plain:
        console.print(f"URGENCY: {text.title.upper()}")
        console.print(text.action)
        console.print(f"By when: {text.by_when}")
        return
    from rich.panel import Panel

    body = f"[bold]{escape(text.title.upper())}[/bold]\n{escape(text.action)}\n[bold]By when:[/bold] {escape(text.by_when)}"
    console.print(Panel(body, style=f"bold white on {text.colour}" if level in ("emergency", "urgent") else f"black on {text.colour}", expand=True))


def show_assessment(console: Console, result: Assessment, plain: bool, detail: bool = True) -> None:
    """An assessment for people: banner, red flags, likely causes with reasons, what helps, safety net."""
    from rich.markup import escape

    from numbwise.assess.explain import cause_reasons, percent, statement

    kb = load()
    e = (lambda s: s) if plain else escape
    h = (lambda s: s) if plain else (lambda s: f"[bold underline]{s}[/bold underline]")
    if result.case.id:
        console.print(f"Case {e(result.case.id)}")
    level_banner(console, result.triage, plain)
    lt = kb.triage.levels[result.triage]  # type: ignore[index]
    if result.red_flags:
        console.print(h("Warning signs in your answers"))
        for fid in result.red_flags:
            console.print(f"  ! {e(statement(fid, True))}")
    console.print(h("Why this level"))
    from numbwise.assess.explain import triage_reasons
    from numbwise.assess.triage import Triage

    for line in triage_reasons(Triage(result.triage, result.red_flags, result.rules)):
        console.print(f"  {e(line)}")
    if lt.do:
        console.print(h("What to do"))
        for item in lt.do:
            console.print(f"  - {e(item)}")
    if lt.do_not:
        for item in lt.do_not:
            console.print(f"  x {e(item)}")
    if not detail:
        return
    console.print()
    console.print(h("Likely causes (not a diagnosis)"))
    for cid, p in result.causes:
        r = cause_reasons(result.case.findings, cid, p)
        bar = "#" * max(1, round(20 * p))
        console.print(f"  {percent(p):>4}  {e(kb.causes[cid].name)}  {bar}")
        for fid, v in r.towards:
            console.print(f"         + {e(statement(fid, v))}")
        for fid, v in r.away:
            console.print(f"         - {e(statement(fid, v))}")
        console.print(f"         Learn more: numbwise learn {cid}")
    top = result.causes[0][0]
    ways = kb.causes[top].treatments
    if ways and result.triage in ("routine", "self_care"):
        console.print()
        console.print(h(f"What may help with {kb.causes[top].name.lower()}"))
        for tid in ways:
            console.print(f"  - {e(kb.treatments[tid].name)}: {e(kb.treatments[tid].short)} (numbwise learn {tid})")
    from numbwise.assess.warnings import grouped, watch_for

    for heading, lines in grouped(watch_for(result.case.findings, result.case.age, result.triage)):
        console.print()
        console.print(h(heading))
        for item in lines:
            console.print(f"  - {e(item)}")
    console.print()
    notice(console, plain)


def show_care_plan(console: Console, plan: CarePlan, plain: bool) -> None:
    """A care plan: first steps with how long, when to get more help, warning signs, routine, sources."""
    from rich.markup import escape

    e = (lambda s: s) if plain else escape
    h = (lambda s: s.upper()) if plain else (lambda s: f"[bold underline]{escape(s)}[/bold underline]")

    def n(refs: tuple[int, ...]) -> str:
        marks = "".join(f"[{r}]" for r in sorted(refs))
        return " " + (marks if plain else escape(marks))

    title = f"Care plan: {plan.cause_name}"
    if plain:
        console.print(title.upper())
    else:
        from rich.panel import Panel

        console.print(Panel(f"[bold]{e(title)}[/bold]", expand=False))
    console.print(e(plan.summary) + n(plan.summary_refs))
    if plan.steps:
        console.print()
        console.print(h("What to try first, in this order"))
        for i, step in enumerate(plan.steps, 1):
            way = f" ({step.treatment_name}: numbwise learn {step.treatment})" if step.treatment else ""
            console.print(f"  {i}. {e(step.do)}{e(way)}{n(step.refs)}")
            if step.how_long:
                console.print(f"     How long: {e(step.how_long)}")
    if plan.escalation:
        console.print()
        console.print(h("When to get more help"))
        for esc in plan.escalation:
            console.print(f"  - If {e(esc.when[0].lower() + esc.when[1:])}")
            console.print(f"    {e(esc.then)}{n(esc.refs)}")
    if plan.routine:
        r = plan.routine
        console.print()
        console.print(h(f"Exercise routine: {r.name}"))
        console.print(f"  {e(r.summary)}{n(r.refs)}")
        for x in r.exercises:
            console.print(f"  - {e(x.name)}: {e(x.dose)} (numbwise learn {x.id})")
        console.print("  Stop any exercise that makes the numbness or tingling worse.")
    if plan.foods:
        console.print()
        console.print(h("Foods with vitamin B12"))
        for row in plan.foods.rows:
            console.print(f"  - {e(row.name)} ({e(row.serving)}): {row.amount} mcg, {row.percent_dv} of the daily value")
        console.print(f"  Full table: numbwise foods{n(plan.foods_refs)}")
    for group in plan.warnings:
        console.print()
        console.print(h(group.heading))
        for w in group.lines:
            console.print(f"  ! {e(w)}")
    console.print(f"  Sources:{n(plan.warning_refs)}")
    console.print()
    console.print(h("Sources"))
    for i, source in enumerate(plan.sources, 1):
        console.print(f"  {i}. {e(cite(source))}")
    console.print()
    notice(console, plain)
