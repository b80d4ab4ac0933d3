"""The knowledge base loads, covers the spec's vocabularies, names sources, and refuses broken files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from numbwise.kb import KnowledgeError, load, load_from
from numbwise.kb.loader import KNOWLEDGE_DIR
from tests.conftest import edit_file as _edit
from tests.conftest import DEV_CASES, need_shared, run_cli

TREATMENTS = {"hand_therapy", "exercise", "splints", "vitamin_b12", "medicines", "cortisone_shots", "surgery"}


def _spec_ids(spec: Path) -> tuple[set[str], set[str]]:
    findings = {fid for group in yaml.safe_load((spec / "findings.yaml").read_text()).values() for fid in group}
    causes = set(yaml.safe_load((spec / "causes.yaml").read_text()))
    return findings, causes


def test_covers_every_id_of_the_shared_spec(shared_spec: Path) -> None:
    findings, causes = _spec_ids(shared_spec)
    kb = load()
    assert findings - set(kb.findings) == set()
    assert causes - set(kb.causes) == set()
    assert findings - set(kb.likelihoods.defaults) == set()
    assert causes - set(kb.likelihoods.causes) == set()


def test_vocabulary_copies_match_the_shared_spec(shared_spec: Path) -> None:
    for name in ("findings.yaml", "causes.yaml"):
        assert (KNOWLEDGE_DIR / "vocabulary" / name).read_text() == (shared_spec / name).read_text(), name


def test_dev_case_copies_match_the_shared_cases() -> None:
    shared = need_shared("cases", "dev")
    ours = {p.name: p.read_text() for p in DEV_CASES.glob("*.json")}
    theirs = {p.name: p.read_text() for p in shared.glob("*.json")}
    assert ours == theirs


def test_covers_the_vocabulary_copy() -> None:
    kb = load()
    assert set(kb.findings) == set(kb.vocabulary.findings)
    assert set(kb.causes) == set(kb.vocabulary.causes)
    assert len(kb.findings) == 125 and len(kb.causes) == 31


def test_the_seven_ways_are_there() -> None:
    assert set(load().treatments) == TREATMENTS


def test_every_entry_names_a_known_source() -> None:
    kb = load()
    entries = [f.sources for f in kb.findings.values()] + [c.sources for c in kb.causes.values()]
    entries += [t.sources for t in kb.treatments.values()] + [r.sources for r in kb.triage.rules]
    entries += [[f.source] for f in kb.foods.foods] + [c.sources for c in kb.likelihoods.causes.values()]
    assert all(entries)
    assert {s for e in entries for s in e} <= set(kb.sources)


def test_codes_match_the_vocabulary() -> None:
    kb = load()
    spec = yaml.safe_load((KNOWLEDGE_DIR / "vocabulary" / "causes.yaml").read_text())
    for cid, cause in kb.causes.items():
        assert cause.codes.icd10 == spec[cid]["icd10"], cid




def test_a_key_given_twice_is_refused_not_silently_replaced(kb_copy: Path) -> None:
    """A second entry with the same ID once hid an earlier source: YAML keeps the last one without a word."""
    text = (kb_copy / "sources.yaml").read_text()
    (kb_copy / "sources.yaml").write_text(text + "\ncc_numb_hands:\n  title: x\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("sources.yaml" in p and "'cc_numb_hands' is given twice" in p for p in exc.value.problems)


def test_a_missing_field_is_refused_naming_file_entry_and_field(kb_copy: Path) -> None:
    data = yaml.safe_load((kb_copy / "causes.yaml").read_text())
    del data["carpal_tunnel"]["confirm"]
    (kb_copy / "causes.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("causes.yaml: entry 'carpal_tunnel'" in p and "confirm" in p for p in exc.value.problems)


def test_cited_titles_and_publishers_hold_no_internal_notes() -> None:
    """What a reader sees in a citation names the work; notes about how we found it stay in `note`."""
    internal = re.compile(r"numbwise|\bseed\b|unnamed|unknown|not found|\bour\b|project", re.I)
    for sid, source in load().sources.items():
        for field in ("title", "publisher", "authors"):
            text = getattr(source, field) or ""
            assert not internal.search(text), f"{sid}.{field}: {text}"
    seed = load().sources["seed_7_ways"]
    assert seed.title == "How Do I Get Rid of Numbness in My Hands? 7 Ways" and seed.note and "seed" in seed.note


def test_an_unknown_source_is_refused(kb_copy: Path) -> None:
    _edit(kb_copy / "triage_rules.yaml", "sources: [aha_heart_attack]", "sources: [no_such_source]")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'ur_breathless': unknown source 'no_such_source'" in exc.value.problems


def test_an_unknown_finding_in_a_rule_is_refused(kb_copy: Path) -> None:
    _edit(kb_copy / "triage_rules.yaml", "when: rash_blisters_band", "when: feverish")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'ur_shingles': unknown finding 'feverish'" in exc.value.problems


def test_a_missing_cause_and_bad_yaml_are_named(kb_copy: Path) -> None:
    data = yaml.safe_load((kb_copy / "causes.yaml").read_text())
    del data["raynaud"]
    (kb_copy / "causes.yaml").write_text(yaml.safe_dump(data))
    (kb_copy / "foods.yaml").write_text("pin: [unclosed\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    text = "\n".join(exc.value.problems)
    assert "foods.yaml: not valid YAML" in text


def test_an_unknown_key_is_refused(kb_copy: Path) -> None:
    _edit(kb_copy / "treatments.yaml", "splints:\n", "splints:\n  colour: blue\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("treatments.yaml: entry 'splints'" in p and "colour" in p for p in exc.value.problems)


def test_kb_check_passes_and_prints_its_figures() -> None:
    run = run_cli("kb", "check")
    assert run.code == 0, run.out + run.err
    assert "Findings covered:        125/125" in run.out
    assert "Causes covered:          31/31" in run.out
    assert "Entries without a source: 0 of" in run.out
    assert "Reading grade" in run.out and "OK:" in run.out


def test_kb_check_fails_on_a_broken_folder(kb_copy: Path) -> None:
    data = yaml.safe_load((kb_copy / "causes.yaml").read_text())
    data["shingles"]["codes"]["icd10"] = "not a code"
    (kb_copy / "causes.yaml").write_text(yaml.safe_dump(data))
    run = run_cli("kb", "check", "--folder", str(kb_copy))
    assert run.code == 1
    assert "causes.yaml: entry 'shingles': field 'codes.icd10'" in run.out


def test_kb_check_fails_when_text_is_too_hard_to_read(kb_copy: Path) -> None:
    hard = ("Idiopathic neurovascular compressive pathophysiology necessitates comprehensive "
            "electrodiagnostic characterisation notwithstanding considerable interindividual heterogeneity.")
    _edit(kb_copy / "triage_rules.yaml", "why: Numbness that is there all the time should be checked by a doctor.", f"why: {hard}")
    run = run_cli("kb", "check", "--folder", str(kb_copy))
    assert run.code == 1
    assert "above the limit 12: triage.rules.ro_constant.why" in run.out


def test_a_rule_that_lets_an_unknown_lower_the_level_is_refused(kb_copy: Path) -> None:
    """Raising rules may not use 'absent'; exceptions and self-care patterns may not use 'unknown'."""
    _edit(kb_copy / "triage_rules.yaml", "        - not_present: aura_like_usual", "        - absent: aura_like_usual")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("ro_unusual_aura" in p and "'absent'" in p for p in exc.value.problems)


def test_a_self_care_pattern_with_an_unknown_part_is_refused(kb_copy: Path) -> None:
    _edit(kb_copy / "triage_rules.yaml", "            - triggered_by_cold_or_stress\n            - skin_white_then_blue\n            - age_below: 30",
          "            - triggered_by_cold_or_stress\n            - unknown: skin_white_then_blue\n            - age_below: 30")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("sc_primary_raynaud" in p and "'unknown'" in p for p in exc.value.problems)


def test_a_watch_line_must_come_from_a_rule_that_raises(kb_copy: Path) -> None:
    _edit(kb_copy / "triage_rules.yaml", "  - rule: ro_constant\n", "  - rule: sc_pressure\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: watch_for: 'sc_pressure' is not an emergency, urgent or routine rule" in exc.value.problems


def test_the_knowledge_cache_is_used_and_refreshed_when_a_file_changes(kb_copy: Path, tmp_path: Path) -> None:
    from numbwise.kb.loader import load_cached

    cache = tmp_path / "cache"
    first = load_cached(kb_copy, cache)
    (pickle,) = cache.glob("knowledge-*.pickle")
    written = pickle.stat().st_mtime_ns
    second = load_cached(kb_copy, cache)
    assert second is not first and second.meta.review_date == first.meta.review_date  # read back from the cache
    assert list(cache.glob("knowledge-*.pickle")) == [pickle] and pickle.stat().st_mtime_ns == written  # not rewritten
    _edit(kb_copy / "meta.yaml", "review_date: 2026-11-24", "review_date: 2027-01-01")
    assert str(load_cached(kb_copy, cache).meta.review_date) == "2027-01-01"
    assert len(list(cache.glob("knowledge-*.pickle"))) == 2


def test_an_unwritable_cache_is_ignored(kb_copy: Path, tmp_path: Path) -> None:
    from numbwise.kb.loader import load_cached

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert load_cached(kb_copy, blocked).meta.review_date is not None


def test_a_level_line_reworded_for_the_answers_must_be_one_of_the_levels_own(kb_copy: Path) -> None:
    """A reworded line may be the level's action or by-when (the self-care "See a doctor if it lasts" for attacks that
    keep coming), or one of its do/do-not lines; any other line would never be said, so it is refused."""
    text = (kb_copy / "triage_rules.yaml").read_text()
    line = "      - line: You can likely care for this at home for now. See a doctor if it lasts or gets worse. The lists below say which changes need help sooner."
    assert line in text
    _edit(kb_copy / "triage_rules.yaml", line, "      - line: You can care for this at home.")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("reworded line is not one of the level's lines" in p for p in exc.value.problems), exc.value.problems


def test_the_went_away_within_an_hour_question_says_how_to_answer_for_attacks() -> None:
    """Walkthrough F (P5): someone whose attacks end when the hands warm up read "Did the numbness go away completely
    within an hour?" as one event and left it blank. Its help says to answer about a usual attack (same ID and meaning)."""
    entry = load().findings["episode_resolved_within_hour"]
    assert entry.question == "Did the numbness go away completely within an hour?"
    help_text = " ".join(entry.help.split())
    assert "comes and goes in attacks" in help_text and "each attack" in help_text, help_text
    assert "fully gone within one hour" in help_text  # what a yes means is unchanged
