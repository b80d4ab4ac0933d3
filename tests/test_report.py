"""The doctor's report: summary figures on hand-made data, charts, the PDF's pages, and the command."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

import pytest

from numbwise.kb import load
from numbwise.report.charts import all_charts
from numbwise.report.data import ActivityRow, CheckRow, ReportData, ScoreRow, SymptomRow, TreatmentRow
from numbwise.report.demo import demo_data
from numbwise.report.pdf import Rendered, render_pdf
from numbwise.report.summary import Mic, kb_mic, summarize
from tests.conftest import run_cli

UTC = dt.timezone.utc
START = dt.date(2026, 1, 1)
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed (scripts/bootstrap test installs it)")


def at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(START + dt.timedelta(days=day), dt.time(hour), tzinfo=UTC)


def handmade() -> ReportData:
    """28 days: 6 entries, 3 of them woke the person, all in the right thumb/index/middle."""
    sym = (
        SymptomRow(at(0, 3), 8, "right", ("r1", "r2", "r3"), 20, "sleep", True),
        SymptomRow(at(1, 3), 6, "right", ("r1", "r2"), 10, "sleep", True),
        SymptomRow(at(1, 14), 4, "right", ("r2", "r3"), 5, "typing", False),
        SymptomRow(at(20, 3), 3, "right", ("r1", "r2", "r3"), 5, "sleep", True),
        SymptomRow(at(22, 14), 2, "right", ("r3",), 5, "phone", False),
        SymptomRow(at(27, 14), 2, "both", ("r0",), 5, None, False),
    )
    treat = tuple(TreatmentRow(at(d, 22), "splint_night", "wrist splint") for d in range(3, 28))
    checks = (
        CheckRow(at(-30), "urgent", (("carpal_tunnel", 0.5),), ("hand_weakness",)),  # before the period: still shown
        CheckRow(at(0), "routine", (("carpal_tunnel", 0.8), ("ulnar_neuropathy", 0.1)), ()),
    )
    scores = (ScoreRow(at(0), "bctq", {"sss": 3.2, "fss": 2.0}), ScoreRow(at(27), "bctq", {"sss": 2.0, "fss": 1.9}))
    acts = tuple(ActivityRow(at(d, 9), "session", "glides", "done" if d % 3 else "skipped", 120) for d in range(28))
    return ReportData(START, START + dt.timedelta(days=27), sym, treat, checks, scores, acts, age=50, sex="female")


def test_summary_figures_on_handmade_data() -> None:
    kb = load()
    s = summarize(handmade(), kb, mic=lambda inst, key: Mic(1.0, ("levine_1993",)) if key == "sss" else None)
    assert (s.days, s.episodes, s.days_with_symptoms, s.nights_woken) == (28, 6, 5, 3)
    assert s.typical_severity == 3.5 and s.worst_severity == 8
    # entries in 3 of 4 weeks: the first week with entries against the last one (the empty second week is not a zero)
    assert (s.weeks_total, s.weeks_with_entries) == (4, 3) and s.trend is not None and s.trend.weeks_each == 1
    assert s.severity_first == 6.0 and s.severity_last == 2.0
    assert s.nights_per_week_first == 2.0 and s.nights_per_week_last == 0.0
    assert s.finger_counts["r1"] == 4 and s.finger_counts["r3"] == 5 and s.finger_counts["r5"] == 1 and s.finger_counts["l1"] == 0
    assert s.top_fingers == ("index", "middle", "thumb")  # a tie goes to the thumb side
    assert s.pattern is not None and "carpal tunnel" in s.pattern
    assert s.latest_level == "routine" and s.latest_causes[0][0] == "Carpal tunnel syndrome"
    assert [f.finding for f in s.red_flags] == ["hand_weakness"] and s.red_flags[0].first_seen == dt.date(2025, 12, 2)
    sss, fss = s.scores
    assert (sss.verdict, round(sss.change, 1)) == ("better", -1.2)  # beyond the MIC of 1.0
    assert fss.verdict == "changed" and fss.mic is None  # no MIC known: no verdict is invented
    (splint,) = s.tried
    assert (splint.name, splint.first, splint.days_logged, splint.weeks) == ("night splint", dt.date(2026, 1, 4), 25, 3)
    assert (s.sessions_done, s.sessions_logged) == (18, 28)
    assert {"red_flag_ever", "night_waking", "median_fingers", "better_with_treatment", "always"} <= set(s.triggers_seen)
    assert "worse" not in s.triggers_seen
    assert any("a night splint for 3 weeks" in q or "used a night splint" in q for q in s.questions)
    assert s.questions[-1] == "What changes should make me come back sooner?" or len(s.questions) == kb.report.max_questions


def test_worse_and_no_mic_within_band() -> None:
    kb = load()
    base = handmade()
    flipped = ReportData(base.start, base.end, tuple(reversed([SymptomRow(r.at, 10 - r.severity) for r in base.symptoms])))
    s = summarize(flipped, kb, mic=lambda i, k: Mic(5.0, ("levine_1993",)))
    assert "worse" in s.triggers_seen and s.questions[0].startswith("My numbness is getting worse")
    s2 = summarize(base, kb, mic=lambda i, k: Mic(5.0, ("levine_1993",)))
    assert {t.verdict for t in s2.scores} == {"no clear change"}


def _has_ink(png: bytes) -> bool:
    from PIL import Image

    img = Image.open(BytesIO(png)).convert("L")
    return img.getextrema()[0] < 128  # something darker than light grey


def test_charts_are_valid_svg_and_png_and_deterministic() -> None:
    kb = load()
    data = demo_data(random.Random(7))
    s = summarize(data, kb)
    charts = all_charts(data, s, kb.report.mic_note)
    assert [c.id for c in charts] == ["severity", "nights", "fingers", "scores", "adherence"]
    for c in charts:
        root = ET.fromstring(c.svg)
        assert root.tag.endswith("svg") and len(list(root.iter())) > 20, c.id
        png = c.png()
        assert png.startswith(b"\x89PNG") and _has_ink(png), c.id
        assert c.table.rows and all(len(r) == len(c.table.headers) for r in c.table.rows), c.id
    again = all_charts(data, summarize(data, kb), kb.report.mic_note)
    assert [c.svg for c in again] == [c.svg for c in charts]


def test_finger_table_counts_whole_hand_entries() -> None:
    kb = load()
    data = handmade()
    fingers = next(c for c in all_charts(data, summarize(data, kb), kb.report.mic_note) if c.id == "fingers")
    assert fingers.table.rows == (("left", "0", "0", "0", "0", "0"), ("right", "4", "5", "5", "1", "1"))


@pytest.fixture(scope="module")
def demo_report() -> Rendered:
    return render_pdf(demo_data(random.Random(1993)), load(), made_on=dt.date(2026, 6, 30))


def _text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_demo_pdf_pages_have_content_and_summary_first(demo_report: Rendered, tmp_path: Path) -> None:
    from PIL import Image

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(demo_report.pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == demo_report.pages and 4 <= pages <= 12
    assert re.search(r"Tagged:\s+yes", info)  # PDF/UA-1: a structure tree for screen readers
    first = _text(pdf, 1)
    for words in ("report for the doctor", "How often", "Nights woken", "Questions to ask", "What was tried", "Night splint",
                  "No warning signs", "BCTQ symptom", "not a diagnosis"):
        assert words in first, words
    assert "How bad it was, day by day" not in first  # charts start on their own page
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == pages
    for p in pngs:
        img = Image.open(p).convert("L")
        dark = img.point(lambda v: 255 if v < 160 else 0).histogram()[255]
        assert dark > 80, p.name  # no blank page (a half page of chart, table and sources has about 140 at 30 dpi)
    assert "Diary, day by day" in _text(pdf, 4) or "Diary, day by day" in _text(pdf, 5)


@needs_poppler
def test_no_chart_is_split_across_pages(demo_report: Rendered, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(demo_report.pdf)
    pages = [_text(pdf, n) for n in range(1, demo_report.pages + 1)]
    flat = [re.sub(r"\s+", " ", p) for p in pages]
    for c in demo_report.charts:
        where = [i for i, p in enumerate(flat) if i > 0 and c.title in p]  # page one has a "Questionnaire scores" heading too
        assert len(where) == 1, c.title
        assert c.alt[:40] in flat[where[0]], c.title  # the title, its sentence and the drawing stay on one page


def test_empty_period_renders_a_short_report() -> None:
    r = render_pdf(ReportData(START, START + dt.timedelta(days=89)), load(), made_on=START)
    assert r.pages == 1 and not r.charts and "Nothing was logged" in r.words


def test_cli_demo_writes_pdf_and_charts_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out, charts = tmp_path / "r.pdf", tmp_path / "charts"
    run = run_cli("--plain", "report", "--demo", "--out", str(out), "--charts-dir", str(charts))
    assert run.code == 0, run.err
    assert out.read_bytes().startswith(b"%PDF") and "pages" in run.out
    assert sorted(p.name for p in charts.iterdir()) == sorted(f"{c}.{e}" for c in ("severity", "nights", "fingers", "scores", "adherence") for e in ("svg", "png"))
    before = out.read_bytes()
    again = run_cli("report", "--demo", "--out", str(out))
    assert again.code == 2 and "already exists" in again.err and out.read_bytes() == before
    assert not list(tmp_path.glob(".r.pdf.*"))  # no temp file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "is not a date"),
        (["--to", "yesterday"], "is not a date"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "is after"),
        (["--out", "no/such/folder/r.pdf"], "does not exist"),
    ],
)
def test_cli_bad_input_exits_2_and_writes_nothing(args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli("report", "--demo", *args)
    assert run.code == 2 and message in run.err
    assert list(tmp_path.iterdir()) == []


def test_mic_from_the_instruments_knowledge() -> None:
    kb = load()
    s = summarize(demo_data(random.Random(1993)), kb, mic=kb_mic(kb))
    sss = next(t for t in s.scores if t.key == "sss")
    assert sss.mic is not None and sss.mic.sources and sss.verdict == "better"  # 3.1 -> 1.8 is beyond the MIC on file


def test_report_from_a_real_diary_store(tmp_path: Path) -> None:
    from numbwise.diary.store import open_store
    from numbwise.report.data import fill_store, snapshot

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    demo = demo_data(random.Random(1993))
    with open_store(url) as store:
        fill_store(store, demo)
        back = snapshot(store, demo.start, demo.end)
    assert (len(back.symptoms), len(back.treatments), len(back.scores), len(back.activities)) == (
        len(demo.symptoms), len(demo.treatments), len(demo.scores), len(demo.activities))
    assert back.age == 52 and back.checks[0].causes[0][0] == "carpal_tunnel"
    out = tmp_path / "r.pdf"
    run = run_cli("--db", url, "--plain", "report", "--from", str(demo.start), "--to", str(demo.end), "--out", str(out))
    assert run.code == 0, run.err
    assert out.read_bytes().startswith(b"%PDF")
    empty = run_cli("--db", url, "report", "--from", "2020-01-01", "--to", "2020-03-31", "--out", str(tmp_path / "e.pdf"))
    assert empty.code == 1 and "Nothing was logged" in empty.err and not (tmp_path / "e.pdf").exists()


def test_bctq_trend_compares_each_hand_with_itself() -> None:
    kb = load()
    scores = (ScoreRow(at(0), "bctq", {"sss": 4.0, "fss": 3.0, "hand": "left"}),
              ScoreRow(at(5), "bctq", {"sss": 1.5, "fss": 1.2, "hand": "right"}),
              ScoreRow(at(20), "bctq", {"sss": 3.8, "fss": 2.9, "hand": "left"}))
    data = ReportData(START, START + dt.timedelta(days=27), scores=scores)
    s = summarize(data, kb, mic=kb_mic(kb))
    sss = {t.hand: t for t in s.scores if t.key == "sss"}
    assert set(sss) == {"left", "right"}
    assert (sss["left"].first, sss["left"].last, sss["left"].verdict) == (4.0, 3.8, "no clear change")
    assert sss["right"].verdict == "one result" and sss["right"].name.endswith("right hand")
    assert not any(t.verdict == "better" for t in s.scores)  # left 4.0 -> right 1.5 is never read as a change
    assert all_charts(data, s, kb.report.mic_note)  # the score chart draws each hand's own line


def test_day_by_day_scores_use_scale_and_class_names() -> None:
    from numbwise.report.pdf import diary_days

    kb = load()
    scores = (ScoreRow(at(0), "bctq", {"sss": 2.09, "fss": 1.38, "hand": "left"}),
              ScoreRow(at(1), "katz", {"right": "classic"}),
              ScoreRow(at(2), "bctq", {"sss": 2.5, "fss": None}))
    data = ReportData(START, START + dt.timedelta(days=3), scores=scores)
    other = [line for d in diary_days(data, kb) for line in d["other"]]
    assert other[0] == "BCTQ: left hand: Symptom severity 2.09, Function 1.38"
    assert other[1].endswith("Right hand classic") and "katz" not in other[1].lower().split(":")[0]
    assert other[2] == "BCTQ: Symptom severity 2.5, Function no score"


def test_cli_charts_dir_refuses_existing_chart_files_unless_forced(tmp_path: Path) -> None:
    charts = tmp_path / "charts"
    charts.mkdir()
    (charts / "scores.png").write_bytes(b"mine")
    out = tmp_path / "r.pdf"
    run = run_cli("report", "--demo", "--out", str(out), "--charts-dir", str(charts))
    assert run.code == 2 and "scores.png" in run.err and "--force" in run.err
    assert not out.exists() and [p.name for p in charts.iterdir()] == ["scores.png"]
    assert (charts / "scores.png").read_bytes() == b"mine"
    run = run_cli("--plain", "report", "--demo", "--out", str(out), "--charts-dir", str(charts), "--force")
    assert run.code == 0, run.err
    assert (charts / "scores.png").read_bytes().startswith(b"\x89PNG")


def test_report_wording_plurals_b12_and_what_was_tried() -> None:
    kb = load()
    one = ReportData(START, START + dt.timedelta(days=27), (SymptomRow(at(25, 3), 5, "right", ("r1",), woke=True),),
                     (TreatmentRow(at(2), "b12_dose"),))
    words = render_pdf(one, kb, made_on=START).words
    assert "1 night" in words and "1 nights" not in words and "1 weeks" not in words
    assert "Vitamin B12 tablets" in words and "Vitamin b12" not in words
    assert "(1 wk)" not in words
    splint = handmade()  # a night splint every night from day 3, and numbness that still wakes
    s = summarize(splint, kb, mic=kb_mic(kb))
    assert not any("would a night splint help" in q for q in s.questions)
    assert any("even with a night splint" in q for q in s.questions)
    worded = [q for q in s.questions if "wrist splint" in q or "night splint" in q]
    assert all("used night splint" not in q for q in worded)
    assert any("a night splint" in q for q in worded)
    no_splint = ReportData(one.start, one.end, one.symptoms)
    assert any("would a night splint help" in q for q in summarize(no_splint, kb).questions)


@needs_poppler
def test_sources_block_is_kept_together(demo_report: Rendered, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(demo_report.pdf)
    pages = [re.sub(r"\s+", " ", _text(pdf, n)) for n in range(1, demo_report.pages + 1)]
    heading = [i for i, p in enumerate(pages) if "Where the wording comes from" in p]
    assert len(heading) == 1
    last = demo_report.view["sources"][-1]["text"][:30]
    assert last in pages[heading[0]]


def short_falling_diary() -> ReportData:
    """A 90-day period whose diary holds only its last 20 days, severity falling from 8 to 3, waking less."""
    end = START + dt.timedelta(days=89)
    sym = tuple(SymptomRow(at(70 + i, 3), 8 - i // 4, "right", ("r1", "r2", "r3"), 10, "sleep", i < 12) for i in range(20))
    checks = (CheckRow(at(69), "routine", (("carpal_tunnel", 0.999), ("ulnar_neuropathy", 0.0004)), ("lasting_over_6_weeks",)),)
    return ReportData(START, end, sym, checks=checks, age=50, sex="female")


def test_a_short_falling_diary_says_nothing_misleading() -> None:
    kb = load()
    r = render_pdf(short_falling_diary(), kb, made_on=START + dt.timedelta(days=89))
    s, words = r.summary, r.words
    assert (s.weeks_total, s.weeks_with_entries) == (13, 3)  # the ten empty weeks are not counted as zero
    assert s.trend is not None and s.nights_per_week_first is not None and s.nights_per_week_last is not None
    assert s.nights_per_week_first == 7.0 and s.nights_per_week_last == 0.0 and s.severity_first > s.severity_last  # type: ignore[operator]
    assert "entries in 3 of 13 weeks" in words
    # not "20 of 90 days": the diary began with a check on day 70, the day before the first numbness entry; that
    # check's day is a day with numbness too (the check was about it), so not "20 of 21" either
    assert s.days_kept == 21 and "21 of 21 days" in words and "of 90 days" not in words
    assert round(s.episodes_per_week, 1) == 6.7
    nights = next(c for c in r.charts if c.id == "nights")
    assert [row[1] for row in nights.table.rows].count("no entries") == 10
    assert "100" not in words.replace("/10", "") and not re.search(r"\b0 ?%", words)  # chances never certain or zero
    assert "more than 9 in 10" in words
    assert "fewer than 1 in 20" not in words and "Ulnar" not in words  # the result lists no cause below 5 in 100 after the first
    assert "lasting_over_6_weeks" not in words and "carpal_tunnel" not in words
    # a routine result shows no warning signs (its level's reasons are not warning signs), so the report lists none
    assert "more than six weeks" not in words and "Warning signs" not in words


def test_questions_match_the_latest_level() -> None:
    kb = load()
    base = short_falling_diary()
    urgent = '"See a doctor today"'  # the urgent level's own title, quoted as the check showed it
    for level, wanted, unwanted in (("emergency", "emergency care", urgent), ("urgent", urgent, "emergency care")):
        data = ReportData(base.start, base.end, base.symptoms, checks=(CheckRow(at(85), level, (), ("hand_weakness",)),))
        questions = " ".join(summarize(data, kb).questions)
        assert wanted in questions and unwanted not in questions, level
    routine = " ".join(summarize(base, kb).questions)
    assert "emergency care" not in routine and urgent not in routine


def test_finger_chart_draws_the_left_hand_on_the_left_like_the_picker() -> None:
    kb = load()
    chart = next(c for c in all_charts(handmade(), summarize(handmade(), kb), kb.report.mic_note) if c.id == "fingers")
    root = ET.fromstring(chart.svg)
    xs = {t.text: float(t.get("x", "0")) for t in root.iter() if t.tag.endswith("text")}
    assert xs["left hand"] < xs["right hand"]
    assert chart.table.rows[0][0] == "left"


def test_cli_clips_a_period_that_ends_in_the_future_and_refuses_one_that_starts_there(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    from numbwise.diary.store import open_store
    from numbwise.report.data import fill_store

    today = dt.date.today()
    recent = ReportData(today - dt.timedelta(days=3), today, (SymptomRow(dt.datetime.now(UTC) - dt.timedelta(days=1), 4),))
    with open_store(url) as store:
        fill_store(store, recent)
    later = (today + dt.timedelta(days=30)).isoformat()
    out = tmp_path / "r.pdf"
    run = run_cli("--db", url, "--plain", "report", "--to", later, "--out", str(out))
    assert run.code == 0, run.err
    assert "after today, so the report runs to today" in run.err and out.exists()
    run = run_cli("--db", url, "report", "--from", later, "--to", later, "--out", str(tmp_path / "f.pdf"))
    assert run.code == 2 and "after today" in run.err and not (tmp_path / "f.pdf").exists()


def test_the_report_lists_as_warning_signs_only_what_a_rule_names_not_the_generic_patterns() -> None:
    """Walkthrough 5: a routine carpal tunnel check's report read 'Warning signs ever raised: more than six weeks;
    comes and goes; both hands'."""
    import datetime as dt

    from numbwise.assess import assess
    from numbwise.report.data import CheckRow

    plain = {"findings": {"lasting_over_6_weeks": True, "comes_and_goes": True, "both_hands": True}, "age": 38}
    result = assess(plain)
    row = CheckRow(dt.datetime(2026, 12, 1, 9, 0), result.triage, (), tuple(result.red_flags), plain)
    assert result.red_flags and row.signs() == ()
    # exactly the result's own warning signs: a routine result with weakness shows none (weakness is a reason for
    # its level, not a warning sign), an urgent one shows the sign its rule names
    from numbwise.assess.result import result_plan

    for extra, shown in (("hand_weakness", ()), ("spreading_to_other_limbs", ("spreading_to_other_limbs",))):
        case = {"findings": {**plain["findings"], extra: True}, "age": 38}  # type: ignore[dict-item]
        result = assess(case)
        row = CheckRow(dt.datetime(2026, 12, 1, 9, 0), result.triage, (), tuple(result.red_flags), case)
        assert row.signs() == shown == tuple(r.finding for r in result_plan(result).signs)


def _report_text(url: str, out: Path) -> str:
    run = run_cli("--db", url, "report", "--out", str(out))
    assert run.code == 0, run.err
    return " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_lists_the_emergency_signs_a_terminal_check_was_not_sure_about(tmp_path: Path) -> None:
    """The walkthrough: 'not sure' about new loss of bladder or bowel control was on the result, not in the report."""
    from numbwise.diary.store import open_store

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    run = run_cli("--db", url, "--plain", "check", input="?16\n\n45\nf\n?\n?\n?\n?\n2\n" + "?\n" * 30)  # kept in the diary
    # (a start not sure of gives the call-now screen once the hands are asked, walkthrough Y, Priya: 2 answers a few
    # questions)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    heading = "You were not sure about these emergency signs"
    assert f"{heading} ? New loss of control of your bladder or bowels" in said
    with open_store(url) as store:
        (check,) = store.checks()
    assert "bowel_bladder_loss" in check.case["unsure"]  # the 'not sure' answers are kept with the check
    text = _report_text(url, tmp_path / "r.pdf")
    assert re.search(heading + r" \(check on [^)]*\): [^.]*New loss of control of your bladder or bowels", text), text[:3000]
    # the result's groups (its urgent one holds answers about the story, such as how fast it started: "answers"),
    # under the call-now banner told to the doctor or crew, never "a doctor today" (walkthrough Z, Helen)
    from numbwise.kb import load

    below = load().triage.unsure_lead["emergency"].now_below_heading
    assert f"{below} (check on" in text and "which could mean a doctor today" not in text
    assert "No warning signs were ever raised" not in text  # beside an unsure sign: "no warning sign was answered yes"


def _earlier_today() -> dt.datetime:
    """A moment before now on today's local date: 'an hour ago' lands on yesterday just after midnight, and the
    report then counts two days."""
    now = dt.datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return (now - min(dt.timedelta(hours=1), (now - midnight) / 2)).astimezone(UTC)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_check_saved_before_its_unsure_answers_were_kept_still_makes_a_report(tmp_path: Path) -> None:
    from numbwise.diary.store import open_store

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    with open_store(url) as store:  # as older versions kept a check: no "unsure"
        store.add_check(_earlier_today(), {"age": 45, "sex": "female", "findings": {}},
                        {"triage": "routine", "causes": [], "red_flags": []})
        (check,) = store.checks()
    row = CheckRow(check.at, "routine", (), (), check.case)
    assert row.unsure() == ()
    text = _report_text(url, tmp_path / "r.pdf")
    assert "not sure" not in text and "No warning signs were ever raised." in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_day_with_a_check_about_constant_numbness_is_a_day_with_numbness(tmp_path: Path) -> None:
    """The walkthrough: one check whose answers say the numbness is there all the time; the report said
    'How often 0 of 1 days: days with numbness'."""
    from numbwise.assess.interview import outcome, simulate
    from numbwise.diary.store import open_store

    iv = simulate({"constant": True, "numb_thumb": True, "numb_index": True, "one_hand": True}, 45, "female")
    assert iv.answers.get("constant") is True
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    with open_store(url) as store:
        store.add_check(_earlier_today(),
                        {"age": 45, "sex": "female", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)},
                        outcome(iv).to_dict())
    text = _report_text(url, tmp_path / "r.pdf")
    often = re.search(r"How often .*?(\d+) of (\d+) days", text)
    assert often and often.groups() == ("1", "1"), text[:1500]
    assert "days with numbness (an entry or a symptom check)" in text  # the line says what it counts


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_agrees_with_the_check_it_summarises(tmp_path: Path) -> None:
    """The walkthrough: a routine check (more than six weeks, wakes from sleep, right thumb to middle finger, there
    all the time, feet numb too) kept in the diary; its report read 'How long 1 day since the first entry',
    'Nights woken 0 nights', 'Fingers most logged: none given.' and listed 'It is there all the time; the feet or
    toes are numb' as warning signs ever raised, where the result showed no warning signs at all."""
    from numbwise.assess.interview import outcome, simulate
    from numbwise.assess.result import result_plan
    from numbwise.diary.store import open_store

    said = {"lasting_over_6_weeks": True, "wakes_from_sleep": True, "numb_thumb": True, "numb_index": True,
            "numb_middle": True, "one_hand": True, "constant": True, "numb_feet": True, "diabetes": True}
    iv = simulate(said, 55, "female")
    result = outcome(iv)
    assert result.triage == "routine" and result_plan(result, iv.unsure).signs == ()  # the result showed none
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    with open_store(url) as store:
        store.add_check(_earlier_today(),
                        {"age": 55, "sex": "female", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)},
                        result.to_dict())
    text = _report_text(url, tmp_path / "r.pdf")
    page_one = text[:text.index("Questions to ask")] if "Questions to ask" in text else text[:3000]
    # pdftotext reads the four figures row by row: the big figures first, then their small print
    assert "How long How often How bad (0 to 10) Nights woken More than 6 weeks" in page_one, page_one
    assert re.search(r"from your symptom check on [^;]+; diary kept for 1 day, since the first entry", page_one)
    assert "1 day since the first entry" not in page_one
    assert re.search(r"-/- Wakes you .*said it wakes you from sleep; no night woken logged in diary entries", page_one)
    assert "0 nights" not in page_one
    assert "Fingers most logged in diary entries: none given." in page_one
    assert re.search(r"said are numb: thumb, index, middle\.", page_one)
    assert "Warning signs ever raised" not in text  # the routine result showed none
    assert "Numbness wakes me at night" in text  # the question follows the person's own answer too


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_repeats_a_check_led_by_its_not_sure_caution_as_the_result_showed_it(tmp_path: Path) -> None:
    """Walkthrough F: the result now leads with 'not sure about some emergency signs'; the report must not say the
    check said only 'Book a doctor's visit'."""
    from numbwise.assess import assess
    from numbwise.assess.result import result_plan, saved_act
    from numbwise.diary.store import open_store

    case = {"age": 70, "sex": "male", "unsure": ["speech_difficulty"], "findings": {
        "one_hand": True, "numb_thumb": True, "numb_index": True, "worse_at_night": True, "face_drooping": False,
        "arm_or_leg_weakness_sudden": False, "onset_gradual": True, "onset_sudden": False}}
    result = assess({k: case[k] for k in ("age", "sex", "findings")})
    plan = result_plan(result, case["unsure"])
    assert plan.caution_today and plan.heading == plan.title  # one path, help today: its level first (walkthrough Q)
    assert saved_act(result.triage, case) == (f"{plan.heading}. {plan.doubt_heading}", plan.action)
    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    with open_store(url) as store:
        store.add_check(_earlier_today(), case, result.to_dict())
    text = _report_text(url, tmp_path / "r.pdf")
    # a speech sign that may have come and gone: one path, help today (walkthrough J)
    assert re.search(r"Latest check \([^)]*\): Get medical help today\. Not sure about some emergency signs\.", text), \
        text[:3000]
    assert not re.search(r"Latest check \([^)]*\): Book a doctor's visit", text)
