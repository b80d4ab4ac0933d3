"""Typed, frozen models for every knowledge file, so a wrong entry fails at load and not in use."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
SourceRefs = Annotated[list[Ident], Field(min_length=1)]
Level = Literal["emergency", "urgent", "routine", "self_care"]
Probability = Annotated[float, Field(gt=0.0, lt=1.0)]


class Strict(BaseModel):
    """Base for knowledge entries: immutable, and unknown keys are errors."""

    # defer_build: schemas are built on first validation, so loading from the cache skips them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


# --- meta -----------------------------------------------------------------------------------


class Meta(Strict):
    review_date: dt.date
    notice: Text
    notice_short: Text
    reading_grade_target: float
    reading_grade_limit: float


# --- sources --------------------------------------------------------------------------------


class Source(Strict):
    title: Text
    publisher: Text | None = None
    authors: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    kind: Literal["clinic_page", "guideline", "paper", "fact_sheet", "classification", "public_health"]
    supports: Text
    checked: Literal["read", "abstract", "secondary"]
    note: Text | None = None

    @model_validator(mode="after")
    def _who(self) -> Source:
        if not (self.publisher or self.authors):
            raise ValueError("a source needs a publisher or authors")
        return self


# --- findings -------------------------------------------------------------------------------


class Group(Strict):
    title: Text
    intro: Text | None = None


# A lay phrase the free-text parser looks for: lower-case words; "..." skips up to four words;
# a word ending in "!" must be that exact form (else plural and -ing/-ed forms match too).
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80,
                                          pattern=r"^[a-z0-9'&/+-]+!?( (\.\.\.|[a-z0-9'&/+-]+!?))*$")]


def _no_edge_gaps(phrases: list[str]) -> list[str]:
    for p in phrases:
        if p.startswith("...") or p.endswith("..."):
            raise ValueError(f"phrase '{p}' cannot start or end with '...'")
    if len(set(phrases)) != len(phrases):
        raise ValueError("a phrase is listed twice")
    return phrases


class Phrases(Strict):
    """How people say a finding in their own words, so the parser's vocabulary stays data."""

    says: Annotated[list[Phrase], Field(min_length=1)]  # words that state the finding ("pins and needles")
    denied: list[Phrase] = []  # words that count only when said to be absent ("grip" in "my grip is fine")
    # Words that, anywhere in the description, break a part of the finding its `says` words cannot carry
    # ("slept on my arm" with "still numb hours later" is not pressure that eased within minutes): not known.
    undone_by: list[Phrase] = []
    # The mirror of `undone_by`: words of which at least one must also be said, anywhere in the description,
    # for the `says` words to count, when those carry only part of the finding ("slept on my arm" says the
    # pressure, not that it eased on moving). Without any of them the finding is not known, so it is asked.
    confirmed_by: list[Phrase] = []
    # The `confirmed_by` words count only in the clause of the `says` words ("I'm really tired and I get out of breath
    # on the stairs": the "I'm" is the tiredness's, not a new breathlessness's)
    confirmed_in_clause: bool = False
    # Words that say only a part of the finding ("shaky and sweaty" of a spell that sugar helps): they are read
    # like `says` words (so "sweaty" in them is not a cold sweat), but count only beside one of its `says`
    # words said of the person; alone, the finding is not known, so it is asked.
    partial: list[Phrase] = []
    # Words that complete a `partial` reading: beside one of its `partial` words they say the whole finding (a missed
    # meal beside "shaky and sweaty"); alone they are partial words too, and the question is asked.
    completes: list[Phrase] = []
    # Findings the description must also say are present for the `says` words to count: "my face is
    # swollen" is a warning sign of pregnancy only from a person who says they are pregnant. A phrase
    # that states the needed finding itself ("pregnant and severe headache") is listed under it too.
    needs: list[Ident] = []
    # Words that, just before one of its words, name another thing of the same kind: "B12" in "a B12 supplement"
    # is not a B6 supplement, so that mention is not this finding (said or denied).
    named_other: list[Phrase] = []
    # The mirror, just after (up to three describing words between, a comma only right after the mention, in one
    # sentence, no joining word): "sudden" in "a sudden, really bad pain" is the pain's start, not the numbness's.
    named_other_after: list[Phrase] = []

    @model_validator(mode="after")
    def _gaps(self) -> Phrases:
        _no_edge_gaps(self.says)
        _no_edge_gaps(self.denied)
        _no_edge_gaps(self.undone_by)
        _no_edge_gaps(self.confirmed_by)
        _no_edge_gaps(self.partial)
        _no_edge_gaps(self.completes)
        _no_edge_gaps(self.named_other)
        _no_edge_gaps(self.named_other_after)
        if both := set(self.partial) & set(self.says):
            raise ValueError(f"partial words cannot also be says words: {sorted(both)}")
        if (both := set(self.completes) & {*self.says, *self.partial}) or (self.completes and not self.partial):
            raise ValueError(f"completing words need partial words and cannot be says or partial words: {sorted(both)}")
        if both := set(self.confirmed_by) & (set(self.says) | set(self.undone_by)):
            raise ValueError(f"confirmed_by words cannot also be says or undone_by words: {sorted(both)}")
        return self


class AgeRange(Strict):
    """The ages a question fits (pregnancy from first periods to the menopause); the bounds are medical facts, sourced."""

    at_least: int | None = Field(default=None, ge=0, le=120)
    below: int | None = Field(default=None, ge=1, le=121)
    sources: SourceRefs

    @model_validator(mode="after")
    def _bounds(self) -> AgeRange:
        if self.at_least is None and self.below is None:
            raise ValueError("an age range needs at_least, below or both")
        if self.at_least is not None and self.below is not None and self.at_least >= self.below:
            raise ValueError("an age range's at_least must be below its below")
        return self

    def holds(self, age: int | None) -> bool:
        """Is this age inside the range? An age not given is: a question is never left out on a guess."""
        return age is None or ((self.at_least is None or age >= self.at_least) and (self.below is None or age < self.below))


class Reading(Strict):
    """A thermometer reading said in words ("temperature 37.6 this morning"): the number decides, not the word
    (walkthrough AO, Joan: "my temperature was normal, 36.8" read as a fever). In °C; a number in `fahrenheit` is
    °F. From `at_least` it is the sign; below `normal_below` it is not; between, it is asked, unless a finding
    said in the words sets its own cut-offs (`at_least_with`, `below_with`: chemotherapy, 37.5 °C or more, or below
    36 °C). A number outside `celsius` and `fahrenheit` (the readings a body can give) is no reading."""

    words: list[Phrase]  # the words a reading goes with ("temperature", "temp")
    at_least: float
    normal_below: float
    celsius: tuple[float, float]
    fahrenheit: tuple[float, float]
    at_least_with: dict[Ident, float] = {}
    below_with: dict[Ident, float] = {}
    sources: SourceRefs


class Finding(Strict):
    group: Ident
    question: Text
    help: Text
    why: Text
    said_yes: Text  # "You have diabetes.": the reasons' wording; a checklist item when `checklist` is not set
    said_no: Text | None = None
    # the yes as listed under "Warning signs in your answers", where said_yes alone reads as good news (walkthrough
    # AD, Frank: "! It went away completely within an hour" with no word of why that is a warning)
    said_as_sign: Text | None = None
    # said_yes worded for a yes beside a no to another finding (walkthrough Q, Tariq: "moving your neck ... sends
    # pain down your arm" beside "you have no shooting pain down your arm"): the first whose finding is answered no
    said_yes_beside_no: dict[Ident, Text] = {}
    # said_yes worded for a yes beside a yes to another finding, the first listed that is (walkthrough U, Nadia: she
    # picked "It crept or spread ... over several minutes", which also sets a sudden start, and was told "It started
    # suddenly, within seconds or minutes"): the words for what the person picked
    said_yes_with: dict[Ident, Text] = {}
    # said_yes_with's words when a third finding is answered no: {the yes: {the no: words}}, before said_yes_with
    # (walkthrough Y, Nadia: a start that crept over minutes, not like her usual aura, is said as that aura, never
    # as a spread that is a warning sign of its own)
    said_yes_with_beside_no: dict[Ident, dict[Ident, Text]] = {}
    checklist: Text | None = None  # the finding as an item of a "do you have any of these?" list, said to the person
    # The checklist item worded when another finding is yes (the first listed that is), so a list never asks again
    # what the person already said (walkthrough U, Priya: "sweaty" in her words, then "You have a cold sweat" on the
    # emergency list): beside signs of low blood sugar, what the banner says to call for.
    checklist_with: dict[Ident, Text] = {}
    sources: SourceRefs
    phrases: Phrases | None = None  # lay words for the free-text parser (numbwise parse)
    # What a yes to this finding's question already answers ("If you are pregnant, ..." answered yes: pregnant).
    # The interview fills these in only where still open, never over an answer the person gave.
    implies: dict[Ident, bool] = {}
    # The findings this one is all of ("both hands clumsy and an unsteady walk"): a clear no to any of them is a no to
    # this one too, where it is still open or was answered 'not sure' (walkthrough BG, Tom: not sure of the combined
    # item, then no to "your hands are clumsy", and his result listed both). Never over its own yes or no.
    parts: list[Ident] = []
    for_sex: Literal["female", "male"] | None = None  # only for this sex: never asked of the other (pregnancy)
    # Only for these ages: not asked outside them (pregnancy of a 60-year-old), and left unknown, which never lowers
    # a level. A yes to what it `follows` (the words said "pregnant") asks it at any age.
    ages: AgeRange | None = None
    # A question about a feature of these ("Is this your usual migraine aura?" of "Have you had migraines before?"):
    # never asked after a clear no to any of them; a "not sure", or no answer yet, still asks it.
    follows: list[Ident] = []
    # A question about one of these ("Does tapping your wrist send tingling into your fingers?" of a numb hand): never
    # asked after a clear no to all of them (walkthrough AW, Frank: his hands were fine, his feet tingled).
    follows_one_of: list[Ident] = []
    # The question in these words once that finding is answered yes, so it reads on from it ("You said you have panic
    # attacks or anxiety. When the tingling comes ...", walkthrough R, Hana: two questions read as the same one asked twice)
    question_after_yes: dict[Ident, Text] = {}
    # `help` worded when another finding is yes (the first listed that is), so a question's help never gives a cut-off
    # the result contradicts (walkthrough AC, Joan on chemotherapy: "38 °C" on the fever question beside "37.5 °C ...
    # call your 24-hour cancer helpline" on her result).
    help_with: dict[Ident, Text] = {}
    how_to_check: Text | None = None  # said to a person unsure of it, when it could raise their result (take a temperature)
    # The check worded when another finding is yes (the first listed that is): a cold sweat beside signs of low blood
    # sugar is sugar first, then call if it has not eased (walkthrough S, Priya: "wait 15 minutes" and "call now" in one
    # paragraph). It says itself when to call, so the emergency screen's "call now if any of these" is not added for it.
    how_to_check_with: dict[Ident, Text] = {}
    # The question as "What would tell the causes apart" offers it to a person who answered it 'not sure' (how they can
    # find out: a blood test for diabetes); without it, a question already answered 'not sure' is not offered again.
    if_unsure: Text | None = None
    # The causes `why` speaks of by name ("... a sign of severe or long-standing carpal tunnel syndrome"). Beside a
    # 'not sure' the result says `why` only where it lists every one of them; else `why_for` of the first cause it lists
    # that has one, else `why_general` (the sign in general), else nothing: a note never speaks of a cause the result
    # does not show (walkthrough Y, George: carpal tunnel beside his ulnar nerve; Eleanor: beside diabetic nerve damage).
    why_names: list[Ident] = []
    why_for: dict[Ident, Text] = {}
    why_general: Text | None = None
    # A sentence of `how_to_check` for one situation ("If it comes in attacks, ..."), added only when that finding is
    # yes, the first listed that is: a check never advises for a situation the person has not said (walkthrough Y, Helen).
    how_to_check_if: dict[Ident, Text] = {}
    # `help` as a result says it beside a 'not sure' (what the sign looks like), without the words for one situation;
    # `help_unsure_with`: the words for a person who said yes to that finding (the first listed that is), e.g. an arm
    # injury: "tell the doctor who checks the injury" only to someone who has one (walkthrough Y, Helen).
    help_unsure: Text | None = None
    help_unsure_with: dict[Ident, Text] = {}
    # A "no" that is no argument once one of these is yes: the ranking treats answers as independent, so "You do
    # not take metformin" would count against diabetic nerve damage in someone who said they have diabetes.
    no_is_no_reason_with: list[Ident] = []
    # ... and a "no" that is never an argument against these causes, whatever else was said: "it did not go away
    # within an hour" is no point against a stroke, which does not go away (walkthrough AA, Bob).
    no_is_no_reason_for: list[Ident] = []
    # ... and a "no" that is not said as a point away while one of these, whose yes would make it a yes, was answered
    # not sure: "The numbness stays in your hand" beside "? Numbness in your forearm" (walkthrough AG, Tom).
    no_is_no_reason_unsure: list[Ident] = []
    # A number said with this sign's words decides it (a temperature): see Reading
    reading: Reading | None = None
    # How a 'not sure' to this sign is named when another answer is yes (a weak grip said: "Whether the weakness came on
    # suddenly", not "not sure: your arm or leg suddenly feels weak" beside "! Your grip is weak", walkthrough N, Sam).
    unsure_with: dict[Ident, Text] = {}
    # How a 'not sure' to this finding is named otherwise, when its own words would read as a yes ("How fast it started",
    # not "not sure: it started suddenly" to a person who picked "I don't know how fast it came", walkthrough O, Sam).
    unsure_text: Text | None = None
    # A history answer that is itself the danger when its rule fires (a fall on the arm), not a risk factor (smoking):
    # shown under "Warning signs in your answers" beside the other signs.
    warning_sign: bool = False
    # The mark of a usual pattern (an aura's spread over minutes), no danger of its own: an urgent rule that names it
    # does not add it to an emergency's warning signs beside a reason that calls it the usual aura (walkthrough Y).
    pattern_mark: bool = False
    # Where the numbness is (both hands), a part of a rule's story but no danger on its own: not listed under "Warning
    # signs in your answers" beside the rule's other signs (walkthrough Y, Frank: "! Both of your hands are numb").
    context_only: bool = False

    @model_validator(mode="after")
    def _why_variants(self) -> Finding:
        """A note for one cause, or for the sign in general, stands in for `why` only where `why` names a cause."""
        if (self.why_for or self.why_general) and not self.why_names:
            raise ValueError("why_for and why_general need why_names: the causes `why` speaks of")
        return self


class FindingsFile(Strict):
    groups: dict[Ident, Group]
    findings: dict[Ident, Finding]


# --- causes ---------------------------------------------------------------------------------


class Pattern(Strict):
    fingers: Text
    sides: Text
    onset: Text
    timing: Text
    triggers: Text
    companions: Text


class Codes(Strict):
    icd10: Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")]
    snomed: Annotated[str, StringConstraints(pattern=r"^[0-9]{6,18}$")] | None = None
    snomed_term: Text | None = None


class RuledWarning(Strict):
    """A "get help if" line of a cause page or care plan, and the triage rule it comes from.

    The rule's level decides the heading the line shows under (the level's `watch_heading` in
    triage_rules.yaml), so a line can never sit under a heading that disagrees with its rule.
    `findings` are the rule's findings the line is about: a face can leave the line out when the
    person has already reported one of them, and the check refuses findings the rule does not test.
    """

    text: Text
    rule: Ident
    findings: list[Ident] = []
    # The change the line warns of is these findings turning yes (default) or turning no ("an aura that is not
    # like your usual one"): a reported answer the same way means it has already happened, and leaves it out.
    change: Literal["yes", "no"] = "yes"
    # The line said one change at a time, each finding's own words: used when the person was not sure of one of the
    # line's findings and a not-sure group already acts on it, so the line never names it again ("chest pain or
    # pressure, or a cold sweat" beside a 'not sure' chest pain says only the cold sweat). Keys: all of `findings`.
    parts: dict[Ident, Text] = {}

    @model_validator(mode="after")
    def _parts_cover_the_findings(self) -> RuledWarning:
        """A line's parts say each of its findings, and nothing else, so no change is lost when it is split."""
        if self.parts and set(self.parts) != set(self.findings):
            raise ValueError(f"watch line '{self.text}': parts must name exactly its findings {self.findings}")
        return self


class ResultWarning(RuledWarning):
    """A "watch for" line of every result; `only_with`, when set, shows it only to a person who reported one of those findings.

    A tight-cast line is for a person with an arm injury or cast, and would puzzle anyone else.
    """

    only_with: list[Ident] = []
    not_with: list[Ident] = []  # left out for a person who reported one of these (another line says it for them)
    already_when: list[Ident] = []  # findings that, all reported, mean the change has already happened (left out)
    # The line worded for a sign of it the person was not sure of and that may have come and gone (a stroke sign
    # yesterday): kept beside the not-sure checks, as what to watch for coming back. None: left out beside them.
    again: Text | None = None
    # Shown only on a result one of these rules set (the salts rules: a racing heartbeat or a fit is the danger of
    # that story, not of every story).
    with_rules: list[Ident] = []
    # The line's own heading, in place of its level's, when the help it needs is not the level's ("Call your
    # maternity unit or midwife now if": urgent, but now, and not a 999 call). It must say the same "now" or
    # "today" as the line (kb check).
    heading: Text | None = None
    # A line about a foot sore (diabetes): left out for a person who said they have one, as the banner then leads
    # with it (triage_rules.yaml `foot_sore_lead`, walkthrough T, Ben); "warn about what you reported" otherwise.
    foot_sore: bool = False


class CauseSaid(Strict):
    """A note on a cause's result line for a person who gave an answer that changes what the cause means for them
    (MS already known: a worse spell may be a relapse, which an infection can set off)."""

    said: Ident  # the finding answered yes
    text: Text
    sources: SourceRefs


class UnaskedSign(Strict):
    """A cause's main sign that no question can ask (the vocabulary has no finding for it: a wrist that hangs down),
    said on its result line wherever it is listed, so a chance for it never reads as if the sign had been checked.
    `p`: how often people with the cause have the sign; the line also gives the cause's chance if the sign is absent.
    `text` is said as it stands, then `if_not` with {chance} (format_chance), when that chance is lower."""

    text: Text
    if_not: Text  # "If yours does not, ... less likely than shown: {chance}."
    p: Annotated[float, Field(gt=0.0, lt=1.0)]
    sources: SourceRefs

    @model_validator(mode="after")
    def _no_advice_of_its_own(self) -> "UnaskedSign":
        """The line sits under any level, a call-now banner too: what to do is the level's to say (walkthrough R, Jon:
        "see a doctor today if it is new" under "call your emergency number now")."""
        for t in (self.text, self.if_not):
            if re.search(r"\b(see|call|contact|go to|today|now|urgent)\b", t, re.I):
                raise ValueError(f"an unasked sign's words give advice of their own: {t!r}")
        return self


class Cause(Strict):
    name: Text
    short: Text
    description: Text
    pattern: Pattern
    who: Text
    how_common: Text
    confirm: Text
    treatments: list[Ident]
    care_note: Text | None = None
    said_notes: list[CauseSaid] = []  # shown on its result line when the person said yes to `said`
    unasked_sign: UnaskedSign | None = None  # its main sign, which no question asks: said on its result line
    # The name starts with a proper name (Raynaud's, Lyme, Guillain-Barre): it keeps its capital inside a sentence.
    proper_name: bool = False
    watch_for: Annotated[list[RuledWarning], Field(min_length=1)]
    codes: Codes
    sources: SourceRefs


def in_sentence(cause: Cause) -> str:
    """A cause's name inside a sentence ("your care plan for carpal tunnel syndrome"): only the first letter is lowered,
    and not for a proper name ("Raynaud's phenomenon", walkthrough O, Tom) or a short form ("(TIA)" stays as it is)."""
    name = cause.name
    return name if cause.proper_name or name[1:2].isupper() else name[:1].lower() + name[1:]


# --- treatments -----------------------------------------------------------------------------

Strength = Literal["strong", "moderate", "limited", "consensus", "expert_opinion", "no_benefit"]


class Helps(Strict):
    cause: Ident
    strength: Strength
    note: Text
    sources: SourceRefs


class Section(Strict):
    title: Text
    text: Text
    sources: SourceRefs


class Treatment(Strict):
    name: Text
    short: Text
    what_it_is: Text
    helps: Annotated[list[Helps], Field(min_length=1)]
    what_to_expect: Text
    risks: Text
    sections: list[Section] = []
    sources: SourceRefs


# --- exercises ------------------------------------------------------------------------------

Seconds = Annotated[int, Field(ge=1, le=600)]
Picture = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+\.svg$")]


class ExerciseStep(Strict):
    """One position or movement, with its own picture (a file in knowledge/pictures/)."""

    id: Ident
    say: Text  # the short spoken or headline cue, e.g. "Make a fist"
    text: Text  # what to do, in plain words
    picture: Picture
    alt: Text  # what the picture shows, for screen readers
    hold_seconds: Seconds | None = None  # None: use the exercise's hold (0 holds are movements)


class Exercise(Strict):
    """A hand exercise: its steps and dose (hold x reps x sets, times a day) and who it helps."""

    name: Text
    summary: Text
    steps: Annotated[list[ExerciseStep], Field(min_length=1)]
    hold_seconds: Annotated[int, Field(ge=0, le=600)]  # 0: a movement, not a hold
    reps: Annotated[int, Field(ge=1, le=50)]
    sets: Annotated[int, Field(ge=1, le=10)] = 1
    rest_seconds: Annotated[int, Field(ge=0, le=300)] = 5  # between reps and sets
    times_per_day: Annotated[int, Field(ge=1, le=24)]
    per_side: bool  # do it with one hand, then the other
    duration_seconds: Seconds | None = None  # timed activities (shake the hands for 60 s) instead of holds
    every_minutes: Annotated[int, Field(ge=5, le=480)] | None = None  # spread through the day (every hour)
    helps: Annotated[list[Ident], Field(min_length=1)]  # cause IDs
    cautions: Annotated[list[Text], Field(min_length=1)]
    break_friendly: bool = False  # short and needs nothing: fit for an hourly break
    sources: SourceRefs


class Routine(Strict):
    """A named set of exercises done in one session, suggested for some causes."""

    name: Text
    summary: Text
    exercises: Annotated[list[Ident], Field(min_length=1)]
    for_causes: list[Ident] = []
    sources: SourceRefs


class ExercisesFile(Strict):
    exercises: dict[Ident, Exercise]
    routines: dict[Ident, Routine]
    default_routine: Ident  # when no cause is known


# --- care plans -----------------------------------------------------------------------------


class StepNote(Strict):
    """A line of a care step that only some people need (pregnancy): a check's result leaves it out when the answers rule it out."""

    text: Text
    about: Ident  # the finding it is about: left out when that was answered no
    not_for_sex: Literal["female", "male"] | None = None  # left out for this sex (pregnancy: male)
    said_yes: Text | None = None  # said instead when the finding was answered yes: no "if you are" to someone who is
    # the step's own `do` said instead, too, when the finding was answered yes: never "paracetamol or ibuprofen may
    # ease the pain" then "as you are pregnant, do not take ibuprofen" (walkthrough Q, Sara)
    do_if_yes: Text | None = None
    # said_yes and do_if_yes are not used when this finding was answered yes too: holding a phone with a bent elbow
    # ticks "comes on when you grip ... or hold a phone", and is not leaning on the heel of the hand (walkthrough AY, Mo)
    yes_unless: Ident | None = None
    sources: SourceRefs


class CareStep(Strict):
    """One first step: what to do, how long to try it, and which of the seven ways it belongs to."""

    treatment: Ident | None = None  # a treatments.yaml ID; None for plain self-care (keep warm)
    do: Text
    # A step only some people need (stopping smoking): a check's result leaves it out when this finding was
    # answered no; `do` is worded to fit anyone else ("If you smoke, ..."), so it stands where not asked.
    about: Ident | None = None
    # The other way round (eat meat and fish, for anyone but a vegan): left out when this finding was answered yes.
    unless: Ident | None = None
    # `do` said instead when `about` was answered yes: no "If your feet are numb too" or "Does bending your elbow bring
    # it on?" to a person who told us so (walkthrough AY, Ruth and Mo). Not used where `on_care_page` or
    # `with_foot_sore` is said.
    do_if_yes: Text | None = None
    # A step for one place a nerve is pressed (the elbow), left out when every one of these answers was given as here
    # (elbow bending no and gripping yes: the answers point to the palm, walkthrough R, Diego); kept when any is unknown.
    left_out_when: dict[Ident, bool] = {}
    notes: list[StepNote] = []  # shown after `do` where they can apply
    # `do` as the care plan page itself words it, where the food table follows: a check's result has no table, so
    # there `do` names the plan that has it, which would read oddly on that plan's own page.
    on_care_page: Text | None = None
    # `do` for a person whose result leads with the foot sore they reported (triage_rules.yaml `foot_sore_lead`):
    # never "if you find a sore" under "get your foot checked today" (walkthrough U, Ben). It may say "today": it is
    # shown only under that banner.
    with_foot_sore: Text | None = None
    how_long: Text | None = None
    # `how_long` as said to a person whose result that rule decides (the first listed that does), the self-care
    # pattern's own words: "there is no rush" for the harmless kind of Raynaud's only, never beside a routine result
    # that asks for a visit within two weeks (walkthrough AC, Rosa).
    how_long_with_rule: dict[Ident, Text] = {}
    # Safe to start while a doctor's visit the plan's escalation asks for is due (taking the pressure off the nerve):
    # a result shows it beside that escalation's `then_waiting` (walkthrough Y, George).
    while_waiting: bool = False
    sources: SourceRefs


class DoctorOffer(Strict):
    """A treatment only a doctor can give (a prescription medicine): shown apart from the home steps, never as one."""

    text: Text
    # An offer for only some people (medicines for nerve pain): a check's result leaves it out when this finding was
    # answered no; `text` is worded to fit anyone else ("If you have nerve pain, ..."), so it stands where not asked.
    about: Ident | None = None
    sources: SourceRefs


class Escalation(Strict):
    """When home care is not enough (the trigger in plain words) and what comes next."""

    when: Text
    then: Text
    # Answers that mean this is already the case for a person (a weak grip): a result then gives `then`, not home steps.
    said: list[Ident] = []
    # The triage rule whose sign this restates (a weak grip: ro_weakness). Its speed is then never written here: the
    # care plan starts `then` with the title of the level the sign is filed at ("Book a doctor's visit.", or "See a
    # doctor today." for a person whose own rules make it more urgent), the same filing as the result's watch lines
    # (walkthrough Y, Tariq: "see a GP soon" here beside "see a doctor today if" on his result).
    rule: Ident | None = None
    # The answers that file its speed when they are not ones that make it already true (`said`): a line about getting
    # worse (walkthrough AR, Amir: "go back to your doctor" beside "see a doctor today if your symptoms get worse")
    files_with: list[Ident] = []
    # `then` as a result says it when this is already true (`said`): beside the plan's `while_waiting` steps
    # (`then_waiting`: "while you wait for the visit"), or with no home steps at all (`then_alone`, default `then`):
    # never "do not wait for home care to work" with none given (walkthrough Y, George).
    then_waiting: Text | None = None
    then_alone: Text | None = None
    # Only for these ages: a plan opened with a person's answers leaves it out for an age given outside them (walkthrough
    # AF, Zoe, 34: "if the numb hand belongs to a child ... under 16"); with no age, or for anyone, it stands.
    ages: AgeRange | None = None
    sources: SourceRefs

    @model_validator(mode="after")
    def _said_words(self) -> Escalation:
        if (self.then_waiting or self.then_alone) and not self.said:
            raise ValueError("then_waiting and then_alone are for an escalation a person's answers can make true (`said`)")
        return self


class CarePlanEntry(Strict):
    """The care plan for one cause: ordered first steps, escalation, warning signs and routine."""

    summary: Text
    home_summary: Text | None = None  # a check's result shows this beside the home steps: no doctor-only treatments (default: summary)
    summary_sources: SourceRefs  # for summary and home_summary
    steps: list[CareStep] = []
    ask_doctor: list[DoctorOffer] = []  # "What a doctor can offer", shown under its own heading after the home steps
    escalate: list[Escalation] = []
    warnings: Annotated[list[RuledWarning], Field(min_length=1)]  # grouped under their rules' level headings
    warning_sources: SourceRefs
    b12_foods: bool = False
    routine: Ident | None = None
    doctor_first: bool = False  # a doctor before any home care: no steps, no routine

    @model_validator(mode="after")
    def _shape(self) -> CarePlanEntry:
        if self.doctor_first and (self.steps or self.routine or self.ask_doctor):
            raise ValueError("a doctor-first plan has no home steps, no routine and no doctor's offers")
        if not self.doctor_first and not self.steps:
            raise ValueError("a home plan needs at least one step")
        if self.doctor_first and self.home_summary:
            raise ValueError("a doctor-first plan has no home summary")
        if any(e.then_waiting for e in self.escalate) and not any(s.while_waiting for s in self.steps):
            raise ValueError("then_waiting needs a step marked while_waiting: it speaks of the steps below it")
        return self


class SafetyStep(Strict):
    """A safety step tied to the person's own answers, not to a cause (diabetes with numb feet: check your feet every
    day): it holds whatever the cause, so a result shows it even when it cannot tell the causes apart."""

    when: Annotated[list[Ident], Field(min_length=1)]  # every one of these findings answered yes
    unless: list[Ident] = []  # not shown when one of these is yes (another step says it in its own words)
    do: Text
    # The plans that already say it among their own home steps: beside one of them it is not said twice.
    not_with: list[Ident] = []
    with_foot_sore: Text | None = None  # `do` under the foot-sore banner, as CareStep's (walkthrough U, Ben)
    sources: SourceRefs


class CareResultTop(Strict):
    """What a care plan says when a result's command or link opened it (walkthroughs AB and AC, Tariq): that result's
    own top first, then the visit before the home steps and where the full list of call-now signs is."""

    heading: Text  # "Your result said: {title}"
    visit_first: Text  # above the home steps when the result asks for a doctor: "{title}, as your result says. ..."
    call_first: Text  # the same when the result says to call the emergency number now
    filed: Text  # above the warning signs: how soon for each is what the result said
    calls: Text  # below the plan's call-now lines when the result lists more: "{n}" signs, "{name}" the cause
    # above the home steps of a plan opened with no answers (from a Learn page): "{name}" the cause
    anyone_first: Text | None = None
    # the first part of `visit_first` alone, beside a plan's own line for this person ("see a doctor before you try
    # these steps" for a child): "{title}, as your result says."
    as_said: Text | None = None


class CareFile(Strict):
    plans: dict[Ident, CarePlanEntry]
    generic: CarePlanEntry  # causes without their own plan
    # causes that need a doctor before anything else, each with its own summary and warning signs
    doctor_first: Annotated[dict[Ident, CarePlanEntry], Field(min_length=1)]
    safety_heading: Text | None = None  # the heading the safety steps are shown under on a result
    safety: list[SafetyStep] = []
    result_top: CareResultTop | None = None


# --- foods ----------------------------------------------------------------------------------


class Pin(Strict):
    source: Ident
    table: Text
    version: Text
    daily_value_mcg: float = Field(gt=0)


class Food(Strict):
    name: Text
    serving: Text
    mcg: float = Field(ge=0)
    mcg_max: float | None = Field(default=None, gt=0)
    note: Text | None = None
    diet: Literal["meat_or_fish", "vegetarian", "vegan"]  # who can eat it: a vegan or vegetarian sees only theirs
    source: Ident


class Need(Strict):
    life_stage: Text
    mcg: float = Field(gt=0)
    source: Ident


class AtRisk(Strict):
    group: Text
    why: Text
    sources: SourceRefs


class FoodsFile(Strict):
    pin: Pin
    intro: Text
    intro_sources: SourceRefs  # the intro's own claims beyond the pinned table (tempeh is not a B12 food)
    plant_intro: Text  # said after the intro when meat and fish are left out for a vegan or vegetarian
    foods: Annotated[list[Food], Field(min_length=1)]
    needs: Annotated[list[Need], Field(min_length=1)]
    needs_note: Text
    at_risk: Annotated[list[AtRisk], Field(min_length=1)]


# --- triage rules ---------------------------------------------------------------------------


class Cond(Strict):
    """One test in a rule: exactly one key. A bare finding ID in YAML means 'present'."""

    all: list[Cond] | None = None
    any: list[Cond] | None = None
    present: Ident | None = None
    absent: Ident | None = None
    not_present: Ident | None = None
    unknown: Ident | None = None
    age_at_least: int | None = Field(default=None, ge=0, le=120)
    age_below: int | None = Field(default=None, ge=0, le=121)
    age_known: bool | None = None  # true: the age was given; false: it was not (only in rules that raise)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"present": data}
        return data

    def leaves(self) -> Iterator[Cond]:
        """Every leaf test of this condition (not an 'all' or 'any'), depth first, in order."""
        if self.all is None and self.any is None:
            yield self
        for child in (self.all or []) + (self.any or []):
            yield from child.leaves()

    def finding_ids(self) -> set[str]:
        """Every finding this condition mentions, at any depth."""
        return {f for c in self.leaves() for f in (c.present, c.absent, c.not_present, c.unknown) if f is not None}

    @model_validator(mode="after")
    def _one_key(self) -> Cond:
        keys = [k for k, v in self.__dict__.items() if v is not None]
        if len(keys) != 1:
            raise ValueError(f"a condition takes exactly one key, got {keys or 'none'}")
        if self.all is not None and not self.all or self.any is not None and not self.any:
            raise ValueError("'all' and 'any' need at least one condition")
        return self


class EmergencyNumber(Strict):
    """One emergency phone number and where it works (shown as a call link)."""

    number: Annotated[str, Field(pattern=r"^[0-9]{3}$")]
    where: Text


class LevelLine(Strict):
    """A line of a level's advice worded for what the person said ("even if it comes and goes" is for spells)."""

    line: Text  # the level's own line (its action, by-when, or a line of its do or do_not)
    when: Cond  # the answers under which `instead` is said
    instead: Text
    # and only when one of these rules set the level, or would on a yes to a sign not sure of (the call-now path);
    # none: any ("it has gone, but a spell that goes away can be a mini-stroke" is a stroke's: walkthrough Z, Grace)
    rules: list[Ident] = []


class LevelRuleLine(Strict):
    """A line of a level's advice that fits only some of its rules' stories ("nothing to swallow" is a stroke's)."""

    line: Text  # a line of the level's do or do_not
    rules: Annotated[list[Ident], Field(min_length=1)]  # said only when one of these rules set the level
    # and only when these answers hold, read as lowering (an aspirin for a heart attack: its own signs, not a child)
    when: Cond | None = None
    # and never beside one of these rules, fired or firing if a 'not sure' sign were yes (aspirin beside a possible
    # stroke, where a bleed makes it wrong: walkthrough Y, Raj)
    not_beside: list[Ident] = []


class LevelAloneLine(Strict):
    """A line of a level's advice said in other words when every rule of the level that fired is one of `rules`
    ("note when you went to sleep" is a stroke's; a heart attack's is when the pain started: walkthrough Y, Raj)."""

    line: Text  # a line of the level's do or do_not
    rules: Annotated[list[Ident], Field(min_length=1)]
    instead: Text
    # Another story's rule that counts as one of `rules` when only these of its signs set it off: new confusion sets
    # the stroke rule, but beside low blood sugar's signs with no other stroke sign it is the sugar's story
    # (walkthrough Z, Walt). One of `rules` must still have fired.
    counts: dict[Ident, list[Ident]] = {}


class LevelText(Strict):
    title: Text
    action: Text
    by_when: Text
    colour: Literal["red", "dark_orange", "yellow", "green"]
    do: list[Text] = []
    do_not: list[Text] = []
    numbers: list[EmergencyNumber] = []  # emergency numbers a face shows as large call links
    watch_heading: Text | None = None  # the heading of "watch for" lines whose rule has this level
    reworded: list[LevelLine] = []  # lines said differently when the answers do not fit them
    only_for: list[LevelRuleLine] = []  # lines said only beside the rules whose story they fit
    alone_for: list[LevelAloneLine] = []  # lines said in a story's own words when only its rules set the level
    sources: SourceRefs

    @model_validator(mode="after")
    def _reworded_lines_are_the_levels(self) -> "LevelText":
        """A reworded or rule-bound line must be one of the level's own, or it would never be said."""
        for r in self.reworded:
            if r.line not in (self.action, self.by_when, *self.do, *self.do_not):
                raise ValueError(f"reworded line is not one of the level's lines: {r.line!r}")
        for o in self.only_for:
            if o.line not in (*self.do, *self.do_not):
                raise ValueError(f"only_for line is not one of the level's do or do_not lines: {o.line!r}")
        for a in self.alone_for:
            if a.line not in (*self.do, *self.do_not):
                raise ValueError(f"alone_for line is not one of the level's do or do_not lines: {a.line!r}")
        return self


class ActLineWhen(Strict):
    """A line of a rule's act said only to the people it fits ("if a child is hurt, ask someone else to drive" is for
    a child, or an age not given)."""

    line: Text  # a line of the act's do or do_not
    when: Cond  # read as lowering (an unknown age does not meet `age_below`): say `age_known: false` to keep it then


class RuleAct(Strict):
    """What to do for one rule's story where its level's generic advice would be wrong (a cast, pregnancy, chemotherapy).

    A result uses it when every rule that set the level has one; next to a rule without one, the level's
    advice stays and only `also` (default: `action`) and `do_not` are added (assess.result.result_plan).
    """

    title: Text | None = None  # the banner's heading, in place of the level's
    # The heading when it leads from a 'not sure' (`lead_if_unsure`): both steps, as the action says them (walkthrough S,
    # Priya, not sure whether she is confused: "Treat low blood sugar now" over "call if you might be confused").
    title_if_unsure: Text | None = None
    action: Text
    by_when: Text | None = None
    also: Text | None = None  # the line added to the level's own advice when another rule of the level has no act
    do: list[Text] = []
    do_not: list[Text] = []
    # The level's own lines this story makes wrong, left out when the level's advice stays beside this act
    # ("unlock the door" for someone who must keep a hurt neck still); each must be a line of the level.
    drops: list[Text] = []
    # Atop a result when the only signs the person was not sure of would set this rule (a fever during
    # chemotherapy): this story's own words and number, in place of the level's unsure caution.
    if_unsure: Text | None = None
    # The doubt itself means acting now (feeling unwell during chemotherapy is enough): a 'not sure' to the sign
    # leads the result with this act's banner (title, action, by-when, what to do), under `if_unsure`.
    lead_if_unsure: bool = False
    # When it leads from a 'not sure': the rule's reason worded for a doubt (its `why` presumes a yes), and the
    # act's own lines that presume a yes ("do not wait to see if the fever goes away"), left out.
    why_if_unsure: Text | None = None
    # Its own signs not sure of too, not only the doubt that leads (walkthrough V, Priya on insulin, not sure whether
    # sugar helps her spells, as she has not had any): it leads from the doubts together with the yes answers only
    # when these answers hold (diabetes or insulin: a possible hypo), said in these words, which never state the signs.
    unsure_signs_when: Cond | None = None
    if_unsure_signs: Text | None = None
    why_if_unsure_signs: Text | None = None
    unsure_drops: list[Text] = []
    # Said under the not-sure sign in this story, in place of the sign's own how-to-check (findings.yaml), when that
    # check is another story's words: a start not known after a fall is not told "a sign of a stroke" (walkthrough N).
    unsure_check: Text | None = None
    only_when: list[ActLineWhen] = []  # lines of do or do_not said only under their condition
    # It leads from its doubt even beside other not-sure signs of its level, which stay under the call-now line: its
    # own banner says when to call (low blood sugar, not sure of confusion: treat it now, call if you might be confused).
    lead_beside_doubts: bool = False
    # The emergency numbers go with its not-sure words: its banner says when to call them (a helpline's does not).
    unsure_numbers: bool = False
    # How its banner's emergency call buttons are introduced, when its own call is someone else (a cancer helpline):
    # said right above the buttons, which then stand second (walkthrough U, Kim tapped 999 under "call your cancer
    # helpline now"), with `call_where`, where that call's own number is, leading them. The buttons stay.
    call_intro: Text | None = None
    call_where: Text | None = None
    # `also` first in the level's to-do list, before "call now": first aid that cannot wait (sugar for low blood sugar).
    also_first: bool = False
    # `also` (and `do_not`) first in the to-do list of any call-now result whose answers have one of these yes, though
    # this rule did not fire and another's banner stands (walkthrough S, Priya: low blood sugar and a sudden start gave
    # stroke advice only, never "have something sugary now").
    first_with: list[Ident] = []
    # Said under "Why this level" when `first_with` puts the first aid first (walkthrough U, Priya: the sugar line led
    # what to do, but the reason named only the spinal cord or brain).
    first_with_why: Text | None = None
    # the call-now result's own lines said for one who was told "call if not better 10 to 15 minutes after the sugar"
    # (walkthrough X, Priya: "do not wait to see if it goes away" read against it): line -> its words here
    first_with_says: dict[Text, Text] = {}
    # Rules whose reasons are not said under this act's banner: they would read as another path (walkthrough S:
    # "we can't suggest home care alone" under "have something sugary now").
    hides_reasons: list[Ident] = []
    # The act's lines said differently when the answers fit (no "if you have diabetes" to someone who said so).
    reworded: list[LevelLine] = []
    sources: SourceRefs

    @model_validator(mode="after")
    def _only_when_lines_are_the_acts(self) -> "RuleAct":
        """A condition on a line that is not one of the act's would never apply."""
        for o in self.only_when:
            if o.line not in (*self.do, *self.do_not):
                raise ValueError(f"only_when line is not one of the act's do or do_not lines: {o.line!r}")
        return self

    @model_validator(mode="after")
    def _reworded_lines_are_the_acts(self) -> "RuleAct":
        """A reworded line must be one of the act's own, or it would never be said."""
        for r in self.reworded:
            if r.line not in (self.action, self.also, *self.do, *self.do_not):
                raise ValueError(f"reworded line is not one of the act's lines: {r.line!r}")
        return self

    @model_validator(mode="after")
    def _unsure_signs_have_words(self) -> "RuleAct":
        """Leading with its signs not sure of needs the words that do not state them, and a rule that leads at all."""
        if self.unsure_signs_when is not None and not (self.if_unsure_signs and self.why_if_unsure_signs
                                                       and self.lead_if_unsure and self.lead_beside_doubts):
            raise ValueError("unsure_signs_when needs if_unsure_signs, why_if_unsure_signs, lead_if_unsure and "
                             "lead_beside_doubts")
        return self

    @model_validator(mode="after")
    def _call_intro_names_where(self) -> "RuleAct":
        """Buttons introduced as second ("if you cannot reach your helpline") need the line that says where the first
        call's number is, and that line needs the intro: one without the other would leave the person without either."""
        if (self.call_intro is None) != (self.call_where is None):
            raise ValueError("call_intro and call_where go together")
        return self


class RuleBut(Strict):
    """Why a rule still fired for a person whose answer sounds like its exception ("I slept on my arm")."""

    said: Ident  # the answer, said yes, that sounds like the exception
    text: Text
    # Said only to someone whose age is known and below this, in place of the same answer's note without it (listed
    # first): a child is told that age alone decides, never "your answers do not show all of that" about parts never
    # asked (walkthrough BH, Sophie, 15, cold attacks).
    below_age: int | None = Field(default=None, ge=1, le=120)
    # Notes only: said when this other finding was answered no too; the first note that holds for an answer is the
    # one said (walkthrough Y, Nadia: a spread not like her usual aura is said as that aura, not as a spread)
    beside_no: Ident | None = None


class RuleExplains(Strict):
    """What a self-care pattern says when its story is why a more urgent rule's start did not count (a sudden start
    after pressure on the elbow that eased within minutes): one plain line under "Why this level"."""

    rule: Ident  # the more urgent rule whose `when` held, and whose exception this pattern's story is
    text: Text


class Rule(Strict):
    id: Ident
    level: Level
    title: Text
    why: Text
    # The reason worded when one of these findings is yes (the first listed that is), so it never contradicts an answer
    # ("See a doctor today, even if it is not getting worse" to a person who said it is, walkthrough Y, Sam).
    why_with: dict[Ident, Text] = {}
    # ... and when one of these findings is not yes (no, or not known), failing `why_with`: a reason that names "one
    # side" is said only when one hand is known (walkthrough AA, Carla: both hands and the mouth, the hands not asked).
    why_unless: dict[Ident, Text] = {}
    when: Cond
    unless: Cond | None = None
    cause: Ident | None = None  # a self-care pattern's own cause: the pattern stands only when it leads
    # The causes its reason names ("can go with low vitamin B12"): a result that gives this reason lists them
    # whatever their chance, so no reason is about a cause the result does not show.
    names: list[Ident] = []
    # Signs that tell a named cause from the one leading (a sore red tongue for low B12 beside diabetic nerve damage):
    # each still open is asked before the interview stops whenever this rule holds and that cause does not lead, however
    # rare the sign (walkthrough Y, Eleanor: metformin, numb hands and feet, never asked about her sore tongue).
    tells_apart: list[Ident] = []
    # Its reason is said under an urgent result too, where a lower rule's reason is not (a blood test worth asking
    # for: walkthrough Y, Eleanor's own words, newly short of breath, lost "a blood test can check" for low B12).
    said_above: bool = False
    generic: bool = False
    # What about the numbness a doctor should check ("it is in both hands"): several such rules are said in one
    # sentence (triage `checked_together`), so a result does not say "should be checked by a doctor" once per rule.
    checked: Text | None = None
    replaces: list[Ident] = []
    # Rules of its own level it stands in for when both fire: their level holds, this one's reason and advice
    # are shown (sudden numbness with an arm injury: a broken arm's advice, not a stroke's).
    supersedes: list[Ident] = []
    # Its reason first under "Why this level", and its act's `also` right after the call in what to do, when it fires
    # beside other rules of its level: the story the crew must hear (low calcium after thyroid surgery) never sits
    # behind a stroke's lines (walkthrough AA, Carla).
    leads: bool = False
    act: RuleAct | None = None  # its own advice (emergency and urgent rules only)
    # First aid that cannot wait, said first in what to do on any result this rule fires on where no call-now first
    # aid leads (walkthrough BD, Fatima, on gliclazide and shaky now: a routine result with no "have something sugary")
    do_first: Text | None = None
    but: list[RuleBut] = []  # said under its reason when the person gave that answer (its exception did not hold)
    # Said under its reason when the person gave that answer, which is no exception but may seem to explain the
    # story (known panic attacks beside a tight chest): why the rule still stands. Its words rest on `sources`.
    notes: list[RuleBut] = []
    # A self-care pattern's line for each more urgent rule it answered ("it came on suddenly, but ..."), shown when
    # that rule's condition held for the person, so a sudden start is never silently dropped.
    explains: list[RuleExplains] = []
    # Its reason (and its notes) said only when these answers hold, or when no other rule of its level gives a reason,
    # since the level then rests on it alone: "can be a heart attack" for feeling sick beside a sudden, very bad
    # headache named a story with none of its core signs (walkthrough Y, Peter). Read as lowering. The level never
    # changes; only the words do.
    why_needs: Cond | None = None
    # Its reason is about home care ("we can't suggest home care alone"): not said on an emergency or under a call-now
    # banner, where home care is not in question (walkthrough Z, Helen).
    about_home_care: bool = False
    # Its condition in words when it raises a sign it holds for because an answer is not known ("If you are not sure
    # whether the numbness started suddenly"): a care or Learn page that knows nothing of the person says it beside the
    # sign's own level, so it is never gentler than a result (walkthrough Z, Tariq; assess.warnings.if_not_known).
    if_not_known: Text | None = None
    sources: SourceRefs


class CoherenceCause(Strict):
    settle: Annotated[list[Ident], Field(min_length=1)]  # the questions that would settle this cause
    signs: Text  # its emergency signs in plain words, for {signs} in `cause_note` ("trouble breathing or swallowing")
    # Why the answers given are not this cause's emergency, said first in its note when they hold (walkthrough AW,
    # Omar: "Heart attack, about 1 in 10" beside "see a doctor today", with no word that an ache which eases within
    # minutes of rest is angina's pattern, not a heart attack's).
    not_now: list["NextFor"] = []


class Coherence(Strict):
    """An emergency-type cause ranked first or this likely means at least this level."""

    level: Literal["urgent", "emergency"]
    min_probability: Probability
    why: Text
    self_care_why: Text  # why a self-care pattern whose own cause does not lead gives routine instead
    # the note under such a cause on a page below emergency: never "it would need emergency care" beside "today"
    cause_note: Text  # {signs}: the cause's own emergency signs
    cause_note_unsure: Text  # {parts}: "You were not sure about: ...", the signs pointing to it that were not known
    # when the only such sign is how fast it started: said in the past tense, or, for numbness a week or more old, of
    # new numbness (walkthrough X, Marcus: "how it first began is not an emergency now" above "if that might be true,
    # call now")
    cause_note_onset: Text | None = None
    cause_note_onset_long: Text | None = None
    causes: dict[Ident, CoherenceCause]
    sources: SourceRefs


class StartStory(Strict):
    """A story that gives a usual reason for numbness whose start was not seen (pressure on the arm; fingers changing
    colour in the cold), in the words of the help-today path for it (unsure_lead `start_*`)."""

    when: Cond  # the answers that tell this story
    said: Text  # {said} in start_action: the story the person told, and why it is a usual reason
    likely: Text  # {likely} in start_action: "even when {likely} is the likely cause"
    because: Text  # {because} in start_why: "we do not call a sudden start harmless just because {because}"


class PastReason(Strict):
    """Why the help-today path (unsure_lead `past_*`) is today for one sign not sure of, in that sign's own words: a
    possible mini-stroke for a stroke sign, the spinal cord for an injury (walkthrough V, Tariq: "it may have been a
    mini-stroke" was given for a head, neck or back injury he was not sure of)."""

    maybe: Text | None = None  # {maybe} in past_action: what may have happened (each distinct line once)
    why: Text  # {reasons} in past_why (each distinct line once)
    # When the person's words put the numbness at `old_after_days` or more (a start three weeks ago is no mini-stroke
    # to check the same day): old_why in place of why, and old_maybe (None: no line) in place of maybe.
    old_why: Text | None = None
    old_maybe: Text | None = None


class NextFor(Strict):
    """A text said when its answers hold (`when`): an onset_long {next} for attacks of one known kind, or why an
    emergency-type cause is not a call now."""

    when: Cond
    text: Text


class OnsetLong(Strict):
    """The `onset_*` lines for numbness that has gone on for more than about six weeks: how it first began is not an
    emergency now (policy clar. 12), so every line speaks of an attack, or new numbness, that starts suddenly now or
    next time, never "even if it has gone" about the first start (walkthrough V, Liam: 2 years of white fingers).
    {next} is `attack` when the spells come and go (`attack_when`), else `new`; {reason} as in the `onset_*`."""

    after_days: Annotated[int, Field(ge=1)]  # the person's own words put it at this many days or more (6 weeks)
    length: Text  # {length} when it is over six weeks ("more than six weeks"); else how long the words put it
    attack_when: Cond  # the answers that say it comes in attacks (comes and goes, brought on by the cold)
    attack: Text  # {next} when the spells come and go: "an attack"
    # {next} for attacks with a known trigger, the first that fits: new numbness unlike them, never the usual attack
    # itself, which starts within minutes each time (walkthrough W: Liam's cold attacks, Marcus's on the stairs)
    attack_for: list["NextFor"] = []
    new: Text  # {next} otherwise: "new numbness"
    caution: Text
    act: Text
    title: Text
    action: Text
    by_when: Text
    do_heading: Text
    why: Text
    urgent_action: Text
    urgent_why: Text
    # On an urgent result these do not lead (walkthrough AA, Marcus: "NOT SURE HOW FAST IT STARTED" and its call
    # buttons over possible angina); the level's headline does, and when the leading cause is one of these, its name
    # and why today follow it ({chance}: " (about 7 in 10)", or "" for a child)
    lead_causes: dict[Ident, Text] = {}
    sources: list[Ident] = Field(min_length=1)

    @model_validator(mode="after")
    def _keeps_the_levels_words(self) -> "OnsetLong":
        """Each template keeps its slot, or the level's own words would be lost."""
        for name in ("title", "action", "by_when"):
            if "{" + name + "}" not in getattr(self, name):
                raise ValueError(f"unsure_lead onset_long.{name} must contain {{{name}}}")
        if "{action}" not in self.urgent_action:
            raise ValueError("unsure_lead onset_long.urgent_action must contain {action}")
        return self


class UnsureLead(Strict):
    """How a result reads when a 'not sure' sign more urgent than it leads the banner: the caution's heading first,
    then the level's own words as what to do only if none of those signs is true ({title}, {action}, {by_when}
    stand for the level's, or its rules', words with a small first letter)."""

    heading: Text  # the banner's first line, above the caution ("Not sure about some emergency signs")
    title: Text  # "If none of these: {title}"
    action: Text
    by_when: Text
    do_heading: Text  # above the level's what-to-do lines
    why: Text  # "Why this level" opens with it: the level shown holds only if none of those signs is true
    home_steps: bool = True  # False: no home plan beside the caution (a possible stroke is not a time for home care)
    # On a result that is urgent itself (see a doctor today), its advice holds whatever the not-sure signs are, unless
    # one means calling the emergency number: said so, never "only if none of them" (walkthrough H, Priya). None: the
    # templates above. A rule's own act (contact your maternity team now) leads as it is (walkthrough AC, Aisha).
    urgent_title: Text | None = None
    urgent_action: Text | None = None
    urgent_by_when: Text | None = None
    urgent_do_heading: Text | None = None
    urgent_why: Text | None = None
    # On a routine or self-care result when a sign not sure of could have come and gone (a stroke sign yesterday):
    # one path, medical help today, with the level's own action only as what follows that check (walkthrough J,
    # Walter). None: the templates above. All of title, action and by-when, or none; the action keeps {action}.
    past_title: Text | None = None
    past_action: Text | None = None
    past_by_when: Text | None = None
    past_why: Text | None = None
    past_causes_note: Text | None = None  # beside the causes: their chances are about the numbness, not the sign
    # Each emergency sign's own {maybe} and {reasons} lines on that path, in this order (walkthrough V): a doubt
    # missing here adds no line. Empty: past_action and past_why take no such slots.
    past_reasons: dict[Ident, PastReason] = {}
    # The past_action's {watch}: when to call now, said "comes back" only for a stroke sign the person was not sure
    # of (`past_watch_again`), else "happens" (`past_watch_new`): never "comes back" for a sign they said no to.
    past_watch_again: Text | None = None
    past_watch_new: Text | None = None
    # The help-today path's own words when the only emergency sign not sure of is how fast it started and the story
    # told meets `start_when` and one of `start_stories` (walkthrough N, Lily, 12: after sleeping on her arm, a start
    # she could not see; walkthrough O, Ella, 8: fingers white in the snow): no "it may have been a mini-stroke"
    # beside "Most likely: my arm fell asleep". Title and by-when stay past_*'s; the first story that fits fills the
    # slots {said} and {likely} of start_action and {because} of start_why.
    start_when: Cond | None = None
    start_stories: list[StartStory] = []
    start_heading: Text | None = None
    start_caution: Text | None = None  # after the named doubt, in place of the generic caution
    start_action: Text | None = None  # may hold {watch}
    start_why: Text | None = None
    start_causes_note: Text | None = None
    start_sources: list[Ident] = []
    # On a routine or self-care result when the numbness itself may be a stroke now (one hand, not known to be old or
    # slow, a not-sure stroke sign or sudden start): one path, call the emergency number now, with no slower path
    # after it (walkthrough K, Sam). None: the past_* or if-none templates. All of title, action and by-when, or none.
    now_title: Text | None = None
    now_action: Text | None = None
    now_by_when: Text | None = None
    now_why: Text | None = None
    # now_action in other words when one of these findings is yes (the first listed): numbness that has gone is told
    # it still needs the call, never "even if you feel fine otherwise" (walkthrough Z, Zoe and Grace)
    now_action_with: dict[Ident, Text] = {}
    # Under the call-now banner, the group of answers not sure of that would only mean a doctor today: its heading and
    # the line under it, never "see a doctor today" beneath "call now" (walkthrough Z, Helen). None: the usual words.
    now_below_heading: Text | None = None
    now_below_act: Text | None = None
    now_do_heading: Text | None = None  # above the emergency level's own to-do list under it (walkthrough U, Jon)
    # {said} in now_action and now_why: a stroke sign not sure of, or only the start not known; {where}: said only
    # when one hand is known (walkthrough W, Jon and Priya)
    now_said_sign: Text | None = None
    now_said_start: Text | None = None
    now_where: str = ""
    # {new} in now_action(_with) and now_why, with its own {where}: `now_new` when how long is known (under a week),
    # `now_maybe_new` when it is not, so the words never say "new" for her (walkthrough AD, Uma: did not know how long)
    now_new: Text = "New numbness{where}"
    now_maybe_new: Text | None = None
    now_sources: list[Ident] = []  # what the call-now path rests on
    # Under the call-now banner the causes never read as reassurance (walkthrough AC, Frank: "Most likely: my arm fell
    # asleep, about 8 in 10" under "call now", stroke "about 1 in 10"): the cause the call is for (`now_cause`) is
    # listed first as what must be ruled out, headed by `now_causes_lead` ({if}: `now_causes_if_sign` or
    # `now_causes_if_start`; `now_causes_lead_with`: other words when a finding is yes, a spell that has gone), the
    # other causes follow under `now_others_heading`, and no cause has a chance.
    now_cause: Ident | None = None
    now_causes_lead: Text | None = None
    now_causes_lead_with: dict[Ident, Text] = {}
    now_causes_if_sign: Text | None = None
    now_causes_if_start: Text | None = None
    now_others_heading: Text | None = None
    # The rules whose reason tells the same possible stroke at a slower time ("so a doctor should see you today"):
    # not said under the call-now banner, which says it now (walkthrough AC, Frank). Any other reason there that names
    # a slower time is said without that sentence, followed by `now_also` ({title}: its rule's title, when nothing of
    # it is left).
    now_hides_reasons: list[Ident] = []
    now_also: Text | None = None
    now_also_title: Text | None = None
    # When the only emergency sign not sure of is how fast it started, in one hand, and the person's own words said it
    # has been there for at least `old_after_days` (walkthrough Q, Tariq: "for 3 weeks"): not a stroke happening now,
    # so never the call-now path; but if it did start suddenly, a doctor should see them within days. One path with
    # the level's own advice after it (home steps too). {length} is how long, in words ("about 3 weeks"); old_action
    # may hold {watch}. All or none, with old_sources.
    old_after_days: Annotated[int, Field(ge=1)] | None = None
    old_heading: Text | None = None
    old_caution: Text | None = None  # after the named doubt, in place of the generic caution
    old_title: Text | None = None
    old_action: Text | None = None
    old_by_when: Text | None = None
    old_why: Text | None = None
    old_causes_note: Text | None = None
    old_do_heading: Text | None = None  # above the level's what-to-do lines, which follow the one path
    # the level's to-do lines the one path already says ("Book an appointment with your doctor" under "book a GP
    # appointment for the next few days": walkthrough W, Tariq read three speeds)
    old_drops: list[Text] = []
    old_sources: list[Ident] = []
    # When the only emergency sign not sure of is how fast it started and no one path (help today, call now, a GP
    # within days) leads: a past fact, so each line that asks the person to act says it in the past tense ("If it
    # started suddenly, call ... even if it has gone"), never "might be true now" (walkthrough U, Marcus). onset_caution
    # replaces the named doubt and the generic caution; onset_act ends the box's check of it; onset_again is added to
    # both when `onset_again_when` holds (attacks that come and go: what to do next time). onset_title, onset_action
    # and onset_by_when keep the level's slot as title, action and by_when do; onset_urgent_action as urgent_action.
    # All or none, with onset_sources.
    onset_heading: Text | None = None
    # {reason} in onset_caution, onset_why and onset_urgent_why: why a sudden start matters, in one hand or in both
    onset_reason: Text | None = None
    onset_reason_both: Text | None = None
    onset_caution: Text | None = None
    onset_again_when: Cond | None = None
    onset_again: Text | None = None
    onset_act: Text | None = None
    onset_title: Text | None = None
    onset_action: Text | None = None
    onset_by_when: Text | None = None
    onset_do_heading: Text | None = None
    onset_why: Text | None = None
    onset_urgent_action: Text | None = None
    onset_urgent_why: Text | None = None
    onset_sources: list[Ident] = []
    onset_long: OnsetLong | None = None  # the onset_* lines for numbness over six weeks old (walkthrough V, Liam)

    @model_validator(mode="after")
    def _says_the_levels_words(self) -> "UnsureLead":
        """Each template keeps its slot, or the level's own words would be lost."""
        for name in ("title", "action", "by_when"):
            if "{" + name + "}" not in getattr(self, name):
                raise ValueError(f"unsure_lead {name} must contain {{{name}}}")
            urgent = getattr(self, f"urgent_{name}")
            if urgent is not None and "{" + name + "}" not in urgent:
                raise ValueError(f"unsure_lead urgent_{name} must contain {{{name}}}")
        past = [self.past_title, self.past_action, self.past_by_when]
        if any(p is not None for p in past) and not all(p is not None for p in past):
            raise ValueError("unsure_lead past_title, past_action and past_by_when go together")
        if self.past_reasons and not ("{maybe}" in (self.past_action or "") and "{reasons}" in (self.past_why or "")):
            raise ValueError("unsure_lead past_reasons needs the slots {maybe} in past_action and {reasons} in past_why")
        now = [self.now_title, self.now_action, self.now_by_when]
        if any(n is not None for n in now) and not all(n is not None for n in now):
            raise ValueError("unsure_lead now_title, now_action and now_by_when go together")
        start = [self.start_when, self.start_heading, self.start_caution, self.start_action, self.start_why]
        if any(x is not None for x in start) and not (all(x is not None for x in start) and self.past_title
                                                       and self.start_sources):
            raise ValueError("unsure_lead start_when, start_heading, start_caution, start_action and start_why go "
                             "together, with past_* and start_sources")
        if self.start_action is not None and not (self.start_stories and self.start_why
                                                  and all(f"{{{k}}}" in self.start_action for k in ("said", "likely"))
                                                  and "{because}" in self.start_why):
            raise ValueError("unsure_lead start_action needs start_stories and the slots {said} and {likely}, "
                             "start_why the slot {because}")
        old = [self.old_after_days, self.old_heading, self.old_caution, self.old_title, self.old_action,
               self.old_by_when, self.old_why]
        if any(o is not None for o in old) and not (all(o is not None for o in old) and self.old_sources):
            raise ValueError("unsure_lead old_after_days, old_heading, old_caution, old_title, old_action, old_by_when "
                             "and old_why go together, with old_sources")
        if any("{" in o for o in (self.old_title, self.old_by_when) if o is not None):
            raise ValueError("unsure_lead old_title and old_by_when take no slots")
        onset = [self.onset_heading, self.onset_reason, self.onset_reason_both, self.onset_caution, self.onset_act, self.onset_title, self.onset_action,
                 self.onset_by_when, self.onset_do_heading, self.onset_why, self.onset_urgent_action,
                 self.onset_urgent_why]
        if any(o is not None for o in onset) and not (all(o is not None for o in onset) and self.onset_sources):
            raise ValueError("unsure_lead onset_* go together, with onset_sources")
        if (self.onset_again is None) != (self.onset_again_when is None):
            raise ValueError("unsure_lead onset_again and onset_again_when go together")
        for name in ("title", "action", "by_when"):
            text = getattr(self, f"onset_{name}")
            if text is not None and "{" + name + "}" not in text:
                raise ValueError(f"unsure_lead onset_{name} must contain {{{name}}}")
        if self.onset_urgent_action is not None and "{action}" not in self.onset_urgent_action:
            raise ValueError("unsure_lead onset_urgent_action must contain {action}")
        if self.now_cause is not None and not (self.now_causes_lead and self.now_causes_if_sign
                                                and self.now_causes_if_start and self.now_others_heading):
            raise ValueError("unsure_lead now_cause needs now_causes_lead, now_causes_if_* and now_others_heading")
        if any("{if}" not in t for t in (self.now_causes_lead, *self.now_causes_lead_with.values()) if t):
            raise ValueError("unsure_lead now_causes_lead must contain {if}")
        if (self.now_also_title and "{title}" not in self.now_also_title) or (
                bool(self.now_also) != bool(self.now_also_title)):
            raise ValueError("unsure_lead now_also and now_also_title go together; now_also_title holds {title}")
        if any(n is not None for n in now) and not self.now_sources:
            raise ValueError("unsure_lead now_* needs now_sources")
        if any(f"{{{k}}}" in n for n in now if n is not None for k in ("title", "action", "by_when")):
            # no slower path: the level's own words have no place in it ({said} and {where} are its own)
            raise ValueError("unsure_lead now_* may not hold the level's words ({title}, {action}, {by_when})")
        return self


class FootSoreLead(Strict):
    """The one path that leads the banner for a foot sore with diabetes (walkthrough T, Ben: "book within two weeks"
    above "see a doctor today if you have a sore on your foot", which he had): a foot check today, in the urgent
    colour; the level's own advice for the hands follows it under `do_heading`."""

    title: Text  # the banner's heading ("Get your foot checked today")
    heading: Text  # under it: what the person told us
    action: Text
    by_when: Text
    why: Text
    do_heading: Text  # over the level's own advice for the numbness in the hands: "{title}" is the level's title
    # With a fever said (NICE NG19: a diabetic foot ulcer with fever is referred to hospital at once): the banner's
    # title, action and by-when say now (walkthrough AQ, Kofi: "today" beside "! You have a fever")
    fever_title: Text | None = None
    fever_action: Text | None = None
    fever_by_when: Text | None = None
    # Under a fever not sure of, beside the sore: the not-sure group's last line (never "see a doctor today" for it)
    unsure_fever: Text | None = None
    unsure_fever_group: Text | None = None  # the same in the not-sure group, after the fever's own check (default: it)
    # With a fever said: why now (walkthrough AR, Kofi: "A foot team should see it within a day" under "A&E now"); the
    # reasons of the rules it says for this person (`fever_covers`: the fever rule's "a doctor soon") give way to it
    fever_why: Text | None = None
    fever_covers: tuple[str, ...] = ()
    # The foot-sore question answered 'not sure' (the case's foot_unsure; walkthrough BN, Maya: the result neither said
    # it back nor told her to look): the line atop the result, and its not-sure group's heading, item and advice
    unsure_caution: Text | None = None
    unsure_heading: Text | None = None
    unsure_item: Text | None = None
    unsure_advice: Text | None = None
    sources: SourceRefs


class TriageFile(Strict):
    levels: dict[Level, LevelText]
    default_reason: Text
    checked_together: Text | None = None  # "{reasons}": the `checked` parts of the rules that fired
    # Said after the reason of a rule of this level that names causes (`names`) none of which leads: "{cause}", the
    # leading cause, can give the same signs, and a doctor can tell which (walkthrough Y, Derek: the reason spoke only
    # of the spinal cord and B12, each "fewer than 1 in 20", beside alcohol-related nerve damage at 9 in 10).
    leader_too: dict[Literal["urgent"], Text] = {}
    unconfirmed_home_care: Text  # why words alone never give self-care
    unsure_home_care: Text  # why a 'not sure' about an urgent or emergency sign never gives self-care
    unsure_caution: dict[Literal["emergency", "urgent"], Text] = {}  # atop a result when such a sign was 'not sure'
    # the same caution beside a rule's banner that leads from a doubt and says what to do now (low blood sugar): no
    # "we can't tell yet how urgent this is" beside "treat it now" (walkthrough Q, Priya)
    unsure_caution_beside_lead: dict[Literal["emergency", "urgent"], Text] = {}
    # Under the banner of a rule that fired on yes answers with its own act (contact your maternity team now): the
    # doubts' own line, after their names, never "we can't tell yet how urgent this is" (walkthrough AC, Aisha)
    unsure_caution_beside_act: dict[Literal["emergency", "urgent"], Text] = {}
    unsure_caution_went_away: Text = ""  # the emergency caution's help-today line for a sign that came and went (below urgent)
    # added to the emergency caution when some other signs not sure of need a doctor today (never "book a visit if none")
    unsure_caution_also_urgent: Text = ""
    # the caution opens by naming the signs ("You were not sure about: {signs}."), so the banner says which ones; past
    # two, "{n} more" are left to the list below it
    unsure_caution_names: Text = ""
    unsure_caution_more: Text = ""
    unsure_caution_sources: list[Ident] = []  # what the cautions' advice rests on (a sign that came and went: a TIA)
    unsure_lead: dict[Literal["emergency", "urgent"], UnsureLead] = {}  # the banner when such a caution leads it
    watch_for: Annotated[list[ResultWarning], Field(min_length=1)]  # lines shown on results, not tied to a cause
    watch_for_sources: SourceRefs
    foot_sore_lead: FootSoreLead | None = None  # the banner for a foot sore with diabetes (the case's foot_sore)
    coherence: Coherence
    rules: Annotated[list[Rule], Field(min_length=1)]

    def warning_signs(self) -> frozenset[str]:
        """Findings whose yes can make a rule urgent or an emergency (words never clear one; a case's silence is a no)."""
        return frozenset(c.present for r in self.rules if r.level in ("emergency", "urgent")
                         for c in r.when.leaves() if c.present)


# --- ranking model --------------------------------------------------------------------------


class AgeBand(Strict):
    below: int = Field(ge=1, le=121)
    factor: float = Field(gt=0)


class Prior(Strict):
    base: float = Field(gt=0)
    age: list[AgeBand] = []
    female: float = Field(default=1.0, gt=0)
    male: float = Field(default=1.0, gt=0)


class Likelihood(Strict):
    p: Probability
    basis: Literal["literature", "estimate"]
    source: Ident | None = None
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, (int, float)):
            return {"p": data, "basis": "estimate"}
        return data

    @model_validator(mode="after")
    def _literature_has_source(self) -> Likelihood:
        if self.basis == "literature" and self.source is None:
            raise ValueError("a likelihood taken from the literature names its source")
        return self


class CauseModel(Strict):
    prior: Prior
    findings: dict[Ident, Likelihood]
    sources: SourceRefs


class HandsFine(Strict):
    """Neither hand numb (a no to both `hands`): the hand questions' own chances assume a numb hand, so they give way to
    P(no numb hand | cause), and the spots on the hand (`spots`, all a no then) are not read (walkthrough AW, Frank:
    feet alone, and carpal tunnel ranked first)."""

    hands: Annotated[list[Ident], Field(min_length=2)]
    spots: list[Ident]
    default: Probability
    causes: dict[Ident, Likelihood]
    sources: SourceRefs


class LikelihoodsFile(Strict):
    tempering: float = Field(gt=0, le=1)
    untempered: list[Ident] = []
    defaults: dict[Ident, Probability]
    causes: dict[Ident, CauseModel]
    hands_fine: HandsFine | None = None
    sources: SourceRefs


# --- interview ------------------------------------------------------------------------------


class ChoiceOption(Strict):
    """One answer of a one-answer choice: it answers its finding yes and the choice's other findings no.

    `also`: findings it answers yes besides (a spread over minutes with a sudden start). `unsure`: it records what
    "Not sure" records (the choice's findings stay unknown, listed as not sure), for a person none of the others
    fits ("I woke up with it"); its `finding` then names the finding it leaves open, and it sets nothing.
    """

    label: Text
    finding: Ident
    also: list[Ident] = []
    unsure: bool = False

    @model_validator(mode="after")
    def _shape(self) -> ChoiceOption:
        if self.unsure and self.also:
            raise ValueError("an answer that records 'not sure' sets no finding")
        if self.finding in self.also:
            raise ValueError("'also' repeats the option's own finding")
        return self


class UnsureAdvice(Strict):
    """What to do when a person is not sure about a sign on this screen: how to check, and when to act."""

    title: Text
    check: Annotated[list[Text], Field(min_length=1)]
    act: Text
    for_findings: list[Ident] = []  # the signs its checks are for (empty: all of the screen's)
    # shown after the checks on a result: they test only what is happening now, never a sign that came and went
    now_only: Text | None = None
    sources: SourceRefs


class Step(Strict):
    id: Ident
    kind: Literal["screen", "fingers", "choice"]
    text: Text
    help: Text  # face-neutral: how to type or click an answer is each face's own text
    why: Text
    items: list[Ident] = []  # findings; their words come from findings.yaml (checklist, else said_yes)
    options: list[ChoiceOption] = []
    any_first: bool = False  # a face may ask "any of these?" before asking which (no sign pre-answered)
    if_unsure: UnsureAdvice | None = None
    # Items of a screen of which one is always true (there all the time, or comes and goes): a no to each of them is no
    # answer, so they are left blank (not known) and asked back, never recorded as two noes (walkthrough N, Anne).
    no_to_all_is_blank: list[list[Ident]] = []
    # Items of the same screen that say the numbness has gone (went away completely within an hour): beside a yes to
    # one of them in the same answer, a no to every item of such a group is the answer "it happened only once and has
    # gone" that the group's help asks for, kept as given and never asked back (walkthrough Y, Zoe: "No to all the
    # others").
    no_to_all_once_with: list[Ident] = []
    # Said before a single question about an item of such a group while the group is still not known, so it does not
    # read as the list asked again ("You did not pick 'there all the time' or 'comes and goes'", walkthrough O, Priya).
    no_to_all_lead: Text | None = None
    # Said after `help` only while every item of that group is on the list (a list drops what was answered already):
    # the one place a help may quote items by their words (walkthrough R, Sam; `numbwise kb check` checks it).
    group_help: Text | None = None
    # The finger picker's words on a result for every finger and the whole hand left not sure by one answer ("Right
    # hand, not sure which fingers"), said once instead of each spot apart (walkthrough AF, Uma); `unsure_text_palm`
    # when the palm at the base of the thumb was not sure too. Only a fingers step has them.
    unsure_text: Text | None = None
    unsure_text_palm: Text | None = None
    sources: SourceRefs

    @model_validator(mode="after")
    def _shape(self) -> Step:
        if self.kind != "fingers" and (self.unsure_text is not None or self.unsure_text_palm is not None):
            raise ValueError("unsure_text and unsure_text_palm belong to the fingers step")
        if self.kind == "screen" and not self.items:
            raise ValueError("a screen needs items")
        if any(len(g) < 2 or not set(g) <= set(self.items) for g in self.no_to_all_is_blank):
            raise ValueError("no_to_all_is_blank: each group needs two or more of the screen's own items")
        if self.group_help is not None and len(self.no_to_all_is_blank) != 1:
            raise ValueError("group_help: it speaks of one group, so the screen needs exactly one no_to_all_is_blank group")
        if self.no_to_all_once_with and (not self.no_to_all_is_blank or not set(self.no_to_all_once_with) <= set(
                self.items) or set(self.no_to_all_once_with) & {f for g in self.no_to_all_is_blank for f in g}):
            raise ValueError("no_to_all_once_with: the screen's own items outside its no_to_all_is_blank groups")
        if self.no_to_all_lead is not None and len(self.no_to_all_is_blank) != 1:
            raise ValueError("no_to_all_lead: it names one group, so the screen needs exactly one no_to_all_is_blank group")
        if self.kind == "choice" and len([o for o in self.options if not o.unsure]) < 2:
            raise ValueError("a choice needs at least two options that set a finding")
        group = {o.finding for o in self.options if not o.unsure}
        if any(o.unsure and o.finding not in group for o in self.options):
            raise ValueError("a 'not sure' option must name a finding of its choice")
        if any(set(o.also) & group for o in self.options):
            raise ValueError("'also' may not set another option's finding (each answers the others no)")
        return self


class Sweep(Strict):
    id: Ident
    text: Text
    help: Text
    why: Text
    # what Enter with no number typed means on this list, said in the terminal in place of "Press Enter if none
    # apply" (walkthrough W, Hana: Enter kept her readings on the first list and dropped them all on this one)
    enter_none: Text | None = None
    sources: SourceRefs


class StillWhy(Strict):
    """Why the questions go on during an emergency, named for one usual pattern they check (a known migraine aura)."""

    findings: Annotated[list[str], Field(min_length=1)]  # a yes to one of these, with the pattern still being checked
    text: Text


class StillCause(Strict):
    """A usual cause the questions during an emergency can find, named while it could still explain every sign."""

    findings: Annotated[list[str], Field(min_length=1)]  # the findings of its harmless story in the rules' `unless`
    name: Text  # "pressure on the arm": fits "a usual cause, like {causes}"


class EmergencyFirst(Strict):
    """Shown at once when a warning sign makes an emergency that a few questions could still explain: call first."""

    title: Text
    act: Text  # what to do now, above the emergency numbers
    go_on: Text  # the choice to answer the few questions that could change it
    still: Text  # said above each of those questions while the answers are still an emergency
    # the same when the result's banner has its own call (go to A&E, the cancer helpline): {title} is that title
    still_own: Text = "{title}."
    # said before `still` on each of those questions: why they go on (a usual pattern they can find), in general ...
    still_why: Text = ""
    # ... or named for the pattern the answers point to (the first whose finding was answered yes and is still checked)
    still_why_for: list[StillWhy] = []
    # the usual causes `still_why` names ({causes}), each only while it could still explain every emergency rule that
    # stands (walkthrough Z, Omar: no "pressure on the arm" beside a numb face and slurred speech) ...
    still_why_causes: list[StillCause] = []
    # ... said in its place when none could: some sign the emergency rests on is still open (`still_why_none`), or
    # nothing left can undo it (`still_why_settled`)
    still_why_none: Text = ""
    still_why_settled: Text = ""
    still_settled: Text = ""  # the call beside `still_why_settled` (the level's own call, not a helpline's)
    sources: SourceRefs


class TakenBackTopic(Strict):
    """What an early call screen did not know yet, named for the answers that later took its call-now away."""

    findings: Annotated[list[str], Field(min_length=1)]
    text: Text  # "which hands": fits "We did not yet know {what} then."
    # why a yes to one of these findings makes the advice calmer, said after the answers, where the answer alone
    # could read as a reason for more worry (walkthrough AC, Uma: "It comes and goes" beside "a sign that comes and
    # goes can be a mini-stroke")
    why_yes: Text | None = None


class TakenBack(Strict):
    """Said once near the top of a result that no longer calls now after an early call screen did (walkthrough X,
    Priya: "The advice got less urgent with no reason given"): what that screen was based on, the answers that
    changed it, and that calling anyway is fine."""

    earlier: Text  # "Earlier we said to call your emergency number now."
    earlier_own: Text  # the same for a screen with its own call (go to A&E): {title}
    before: Text  # "We did not yet know {what} then."
    topics: list[TakenBackTopic] = []
    other_topic: Text  # {what} when no topic names a deciding answer
    said: Text  # "Then you told us:" before the deciding answers (their said_yes / said_no)
    # before the deciding answers the person's own words gave from the start and a question confirmed only later
    # (walkthrough AC, Nadia wrote "spread slowly over 20 minutes" and read "Then you told us: The tingling spreads ...")
    said_words: Text | None = None
    before_words: Text | None = None  # "We had not yet asked you {what} then.": when every deciding answer is such
    age: Text  # the age given in About you, when it decided: {age}
    age_topic: Text  # {what} for that age
    after: Text  # "So the advice below fits you better. If you are still worried, call anyway."
    sources: SourceRefs


class SugarFirst(Strict):
    """Signs of low blood sugar with confusion not ruled out: the rule's own first aid at once (walkthrough Q, Priya)."""

    rule: Ident  # the rule whose act (title, action, first `do` line, `unsure_check`) the step shows: said once
    go_on: Text  # the choice to answer the questions after the first aid
    still: Text  # said above each later question while the signs of low blood sugar stand
    # said after an emergency's own still line while signs of low blood sugar stand (walkthrough U, Priya: after
    # "Suddenly" the sugar line every question had shown was gone, above 5 more questions)
    still_beside: Text | None = None
    # The step's call line (in place of the rule's action) while how it started is not known, and `still` then: a
    # sudden start calls now too (walkthrough Z, Priya: "not better 10 to 15 minutes after", then "Suddenly" and
    # "do not wait to see if the sugar helps")
    action_onset_unknown: Text | None = None
    still_onset_unknown: Text | None = None
    # The step's title and call line beside another emergency (a sudden start): call now, sugar while waiting
    title_beside: Text | None = None
    action_beside: Text | None = None
    sources: SourceRefs


class ActFirst(Strict):
    """A sign whose advice says "now" but is no emergency: the rule's own act at once, right after the answer that made
    it, with the choice to see the result or go on (walkthrough U, Mei: a warning sign in pregnancy read 3 screens later)."""

    rule: Ident  # the rule whose act (title, action, first `do` line) the step shows, when the answers fire it
    go_on: Text  # the choice to answer the questions after it
    still: Text  # said above each later question while the rule stands
    sources: SourceRefs


class LengthOption(Strict):
    """One answer to how long the numbness has been there: the days it stands for (its least, so never older)."""

    label: Text
    days: float = Field(ge=0, le=36500)


class HowLong(Strict):
    """Asked once before a result that would say call now for a start or stroke sign not sure of, when nothing says
    how long the numbness has been there (walkthrough R, Tariq): its answer is the case's `days_so_far`, not a finding."""

    id: Ident
    text: Text
    help: Text
    why: Text
    options: Annotated[list[LengthOption], Field(min_length=2)]
    sources: SourceRefs

    @model_validator(mode="after")
    def _shape(self) -> HowLong:
        days = [o.days for o in self.options]
        if days != sorted(set(days)):
            raise ValueError("how_long: options go from the shortest to the longest, each its own number of days")
        return self


class AskAlone(Strict):
    """An emergency sign answered no only inside a list ("none of these"), asked once on its own when later answers
    tell its story (walkthrough S, Olivia: legs weak and tingling spreading from her feet, "none" to the rising
    weakness in the first list)."""

    finding: Ident
    when: Cond  # the answers that tell its story
    sources: SourceRefs


class BeforeCallNow(Strict):
    """One question asked before a call-now result resting on one of these rules, while it is still open: its yes
    changes what to do now (walkthrough U, Priya: a sudden start in both hands during a hypo, no sugar first aid)."""

    rules: Annotated[list[Ident], Field(min_length=1)]  # emergency rules whose call-now result it comes before
    ask: Ident  # the one finding asked: one question, so a stroke patient never waits long
    skip_if_no: list[Ident] = []  # not asked once any of these is answered no (diabetes)
    # not asked once any of these is answered yes or 'not sure': the call then rests on them, and never waits
    # (walkthrough Z, Priya: a cold sweat alone can be a hypo; with chest pain it is a heart attack's call at once)
    only_without: list[Ident] = []
    # asked only while no emergency rule outside `rules` fires (walkthrough Y, Peter: sick with a sudden, very bad
    # headache is a stroke's call, never a question about diabetes first)
    alone: bool = False
    text: Text  # the question in this path's words (the finding's own may not fit a sign happening now)
    help: Text
    why: Text
    still: Text  # above the question: the emergency stands, call now; why this one question
    sources: SourceRefs


class NowWaitFirst(Strict):
    """While the call-now screen waits for an answer that could take it away, the list holding this finding is asked
    first for a person under `below_age` (walkthrough AA, Mia, 12: a fall on her wrist, yet the stroke screen came
    before the question about an arm injury, which would have said A&E now)."""

    finding: Ident
    below_age: int = Field(ge=1, le=120)
    sources: SourceRefs


class FootSoreQuestion(Strict):
    """Asked once, before the result, to a person with diabetes (or diabetic neuropathy likely) and numb feet when
    nothing said it yet: is there a sore on the foot (walkthrough T, Ben)? Its answer is the case's `foot_sore`,
    plain data beside the findings (the vocabulary has no finding for it), never a finding."""

    id: Ident
    text: Text
    help: Text
    why: Text
    yes_label: Text  # the two options' labels ("yes" and "no" as YAML keys would read as booleans)
    no_label: Text
    # the line on the list read back from a description ("What we understood") when the words said one (walkthrough U,
    # Ben: the sore was answered for him without his seeing it), and when they denied one ("no sores on my feet")
    said_yes: Text
    said_no: Text
    sources: SourceRefs


class InterviewFile(Strict):
    steps: Annotated[list[Step], Field(min_length=1)]
    safety_sweep: Sweep
    after_description: Sweep | None = None  # the one follow-up checklist after a person's own description
    confirm_home_care: Sweep | None = None  # home-care parts only the description gave, asked back
    confirm_emergency: Sweep | None = None  # readings of the words that would undo an emergency, asked back in one list
    left_blank: Sweep | None = None  # checklist items left blank that still matter, asked back in one list
    emergency_first: EmergencyFirst | None = None  # the call advice before the questions that could change it
    taken_back: TakenBack | None = None  # the result's words when later answers took that call advice away
    sugar_first: SugarFirst | None = None  # the low-sugar first aid before the other questions
    act_first: list[ActFirst] = []  # other signs whose advice says "now": the rule's own act before the other questions
    how_long: HowLong | None = None  # how long the numbness has been there, before a call-now result that hinges on it
    ask_alone: list[AskAlone] = []  # a list's "no" asked again on its own when later answers tell that sign's story
    foot_sore: FootSoreQuestion | None = None  # a sore on the foot, with diabetes and numb feet, before the result
    before_call_now: list[BeforeCallNow] = []  # one question before a call-now result, when its yes changes what to do
    now_wait_first: list[NowWaitFirst] = []  # the list asked first while the call-now screen waits, by age


# --- validated scores (instruments) ---------------------------------------------------------


class AnswerChoice(Strict):
    """One published answer to an item, with the value the scoring uses."""

    value: int = Field(ge=0, le=10)
    label: Text


class InstrumentItem(Strict):
    """One question or finding, worded as the instrument publishes it."""

    id: Ident
    text: Text
    help: Text | None = None  # our plain-words note (examiner items)
    options: Annotated[list[AnswerChoice], Field(min_length=2)]

    @model_validator(mode="after")
    def _distinct(self) -> InstrumentItem:
        values = [o.value for o in self.options]
        if len(set(values)) != len(values):
            raise ValueError(f"item '{self.id}': answer values repeat")
        return self


class SectionNote(Strict):
    """A plain-words lead-in shown before an item (for example where a second part starts)."""

    before: Ident
    text: Text


class MinimalChange(Strict):
    """The smallest change that people felt as real, from one source."""

    value: float = Field(gt=0)
    text: Text
    sources: SourceRefs


class ScoreBand(Strict):
    """A cut-off and what reaching it means, in plain words."""

    id: Ident
    label: Text
    at_least: float
    meaning: Text
    sources: SourceRefs


class InstrumentScale(Strict):
    """How one score is made from the items, including what happens when items are missing."""

    id: Ident
    name: Text
    items: Annotated[list[Ident], Field(min_length=1)]
    method: Literal["mean", "count", "weighted_sum"]
    points_for: dict[Ident, list[int]] = {}  # count: the answer values that score a point
    weights: dict[Ident, float] = {}  # weighted_sum: points for a 'yes' (1)
    lowest: float
    highest: float
    decimals: int = Field(ge=0, le=3)
    min_answered: int = Field(ge=1)
    missing_rule: Text
    missing_basis: Literal["source", "house_rule"]
    reading: Text
    bands: list[ScoreBand] = []
    minimal_change: list[MinimalChange] = []
    sources: SourceRefs

    @model_validator(mode="after")
    def _shape(self) -> InstrumentScale:
        if self.min_answered > len(self.items):
            raise ValueError(f"scale '{self.id}': min_answered is more than its {len(self.items)} items")
        if self.lowest >= self.highest:
            raise ValueError(f"scale '{self.id}': lowest must be below highest")
        if self.method == "count" and not self.points_for:
            raise ValueError(f"scale '{self.id}': a count scale needs points_for")
        if self.method == "weighted_sum" and set(self.weights) != set(self.items):
            raise ValueError(f"scale '{self.id}': a weighted_sum scale needs a weight for each item")
        if self.method != "count" and self.points_for or self.method != "weighted_sum" and self.weights:
            raise ValueError(f"scale '{self.id}': points_for is for count scales, weights for weighted_sum scales")
        for key in list(self.points_for) + list(self.weights):
            if key not in self.items:
                raise ValueError(f"scale '{self.id}': '{key}' is not one of its items")
        cuts = [b.at_least for b in self.bands]
        if cuts != sorted(cuts) or len(set(cuts)) != len(cuts):
            raise ValueError(f"scale '{self.id}': bands must go up, each from a new cut-off")
        return self


class DiagramArea(Strict):
    """A hand area besides the fingers that the diagram can mark (palm, back of hand...)."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
    name: Text


class Diagram(Strict):
    """The numbers the hand-diagram rating uses: which fingers count and how many make 'classic'."""

    median_fingers: Annotated[list[Annotated[int, Field(ge=1, le=5)]], Field(min_length=1)]
    classic_min_fingers: int = Field(ge=1, le=5)
    areas: Annotated[list[DiagramArea], Field(min_length=1)]


class DiagramClass(Strict):
    """One rating class of the hand diagram, its rule and what it means."""

    id: Ident
    label: Text
    rank: int = Field(ge=1, le=10)
    rule: Text
    meaning: Text
    # Said as a point against the cause the diagram rates when no marked hand rates higher, so "More than 9 in 10"
    # never stands beside "the pattern is not typical" with nothing against it (walkthrough AA, Ines).
    against: Text | None = None
    sources: SourceRefs


class Instrument(Strict):
    """A validated score: who fills it in, its published items, and how it is scored."""

    name: Text
    short: Text
    filled_by: Literal["self", "examiner"]
    measures: Text
    instructions: Text
    licence: Text
    per_hand: bool = False  # filled in once for each hand: results of different hands are never compared
    items: list[InstrumentItem] = []
    sections: list[SectionNote] = []
    scales: list[InstrumentScale] = []
    diagram: Diagram | None = None
    classes: list[DiagramClass] = []
    sources: SourceRefs

    @model_validator(mode="after")
    def _shape(self) -> Instrument:
        if self.diagram is None and not (self.items and self.scales):
            raise ValueError("a questionnaire needs items and scales")
        if self.diagram is not None and {c.id for c in self.classes} != {"classic", "probable", "possible", "unlikely"}:
            raise ValueError("a hand diagram needs the classes classic, probable, possible and unlikely")
        ids = [i.id for i in self.items]
        if len(set(ids)) != len(ids):
            raise ValueError("item IDs repeat")
        for scale in self.scales:
            for iid in scale.items:
                if iid not in ids:
                    raise ValueError(f"scale '{scale.id}': unknown item '{iid}'")
            values = {iid: {o.value for o in self.items[ids.index(iid)].options} for iid in scale.items}
            for iid, scored in scale.points_for.items():
                if not set(scored) <= values[iid]:
                    raise ValueError(f"scale '{scale.id}': item '{iid}' scores an answer it does not offer")
            if scale.method == "weighted_sum" and any(v != {0, 1} for v in values.values()):
                raise ValueError(f"scale '{scale.id}': weighted items must be yes (1) or no (0)")
        for note in self.sections:
            if note.before not in ids:
                raise ValueError(f"section note before unknown item '{note.before}'")
        return self


# --- report for the doctor ------------------------------------------------------------------

# What the report's summary can notice; the code computes each, the YAML says what to ask.
ReportTrigger = Literal[
    "always",
    "emergency_level",
    "night_waking",
    "worse",
    "not_better_after_treatment",
    "better_with_treatment",
    "median_fingers",
    "ulnar_fingers",
    "all_fingers",
    "red_flag_ever",
    "urgent_level",
]


class ReportQuestion(Strict):
    """A question a person may take to the doctor, asked when its trigger is seen in the diary."""

    when: ReportTrigger
    text: Text  # may hold {treatment} and {weeks} for the trigger's details
    unless_tried: list[Ident] = []  # treatment kinds: not asked when the diary shows any of them used
    if_tried: list[Ident] = []  # treatment kinds: asked only when the diary shows one of them used
    sources: SourceRefs


class ReportPattern(Strict):
    """What the report says about where numbness was logged."""

    fingers: Annotated[list[Literal["thumb", "index", "middle", "ring", "little"]], Field(min_length=1)]
    text: Text
    sources: SourceRefs


class ReportScale(Strict):
    """How to label one score scale (instrument.key) on the report; lower_is_better sets the trend words."""

    name: Text
    range_text: Text
    lower_is_better: bool
    sources: SourceRefs


class ReportFile(Strict):
    title: Text
    intro: Text
    questions: Annotated[list[ReportQuestion], Field(min_length=1)]
    patterns: dict[Ident, ReportPattern]
    scales: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")], ReportScale]
    mic_note: Text
    treatment_names: dict[Ident, Text]  # diary treatment kinds as a person says them
    treatment_in_sentence: dict[Ident, Text] = {}  # the same inside a sentence, with "a" where it needs one
    max_questions: int = Field(default=5, ge=1, le=10)


# --- language (the free-text parser's context words) -----------------------------------------


class LanguageFile(Strict):
    """Words that change what a mention means (ConText: negated, hypothetical, past, someone else's)."""

    negation_before: Annotated[list[Phrase], Field(min_length=1)]  # "no" chest pain
    negation_after: Annotated[list[Phrase], Field(min_length=1)]  # my grip "is fine"
    negation_back_sentence: list[Phrase] = []  # "but nothing like that": denies what the sentence listed
    pseudo_negation: list[Phrase] = []  # "not only", "not sure": look like negation, are not
    hypothetical: Annotated[list[Phrase], Field(min_length=1)]  # "in case" it spreads, "worried about" a stroke
    pseudo_hypothetical: list[Phrase] = []  # "I'd been lying on it": "I had", a past, not a "would"
    conditional: list[Phrase] = []  # "if": hypothetical only in a sentence that also has a future word
    future_words: list[Phrase] = []  # "will", "would", "I'll": "if it spreads I will call" (not "if I type it goes numb")
    historical: Annotated[list[Phrase], Field(min_length=1)]  # "years ago", "used to"
    uncertain: list[Phrase] = []  # "kind of", "a bit": words of degree, kept with less confidence ("maybe" is a doubt)
    doubt: list[Phrase] = []  # "not sure if" his face drooped, "maybe", "I think": the words that follow closely neither raise nor clear
    terminators: Annotated[list[Phrase], Field(min_length=1)]  # "but", "however": end a trigger's reach
    relatives: dict[Literal["female", "male", "either"], list[Phrase]]  # "mum", "dad", "partner"
    family_verbs: Annotated[list[Phrase], Field(min_length=1)]  # "my mum *had* a stroke"
    sex_words: dict[Literal["female", "male"], list[Phrase]]  # "woman", "bloke"
    scope_words: Annotated[int, Field(ge=1, le=12)]  # how many words a trigger reaches
    sources: Annotated[list[Text], Field(min_length=1)]  # where the trigger lists come from
