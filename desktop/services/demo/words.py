"""What the demo writes in words, one table per language (`zh`, `en`): the generator draws from
the table of the language it is asked for and never branches on the language itself.

The tables have the same shape — every list as long as its counterpart, every template given the
same values — because a random draw depends on the length it draws from: the English demo of a
seed is then the Chinese demo of that seed, word for word translated, with the same stages,
amounts, dates and row counts (figures and benchmarks stay comparable). `tests/services/
test_demo_language.py` holds the two shapes equal.

The methodology's own words (stages, steps, coaching questions, buying roles) are not here: the
demo stores their keys and the catalog shows them in the window's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Pain = tuple[str, str, str, str, str]  # current state, goal, obstacle, pain, impact
Risk = tuple[str, str, str, str, int]  # description, on people, political, organisation, severity
Rival = tuple[str, str, str, str]  # name, solution, weaknesses, label
Offer = tuple[str, str, str, str]  # features, advantages, benefits, value intersection
Named = tuple[str, str, str]  # a company or need, a person, a note


@dataclass(frozen=True)
class Words:
    # Accounts: a name from `account_name` filled with one of each part; an address.
    cities: Sequence[str]
    industries: Mapping[str, Sequence[str]]  # sector (stored) -> lines of business
    brand_heads: Sequence[str]
    brand_tails: Sequence[str]
    suffixes: Sequence[str]
    account_name: str  # {city} {head} {tail} {line} {suffix}
    address: str  # {city} {number}
    # People: `person_names[n - 1]` for n given names drawn ({surname} {first} {second}).
    surnames: Sequence[str]
    given_names: Sequence[str]
    person_names: tuple[str, str]
    phone: str  # {number}: nine digits drawn; {area}, {line}: made of them
    email: str  # {number}: three digits
    titles: Sequence[tuple[str, str]]  # job title, department; the first is the top person's
    interests: Sequence[str]
    stakeholder_plan: str
    stakeholder_next_step: str
    # The pursuit.
    projects: Sequence[str]
    second_phase: str  # appended to a project's name
    close_reasons: Mapping[str, str]  # per closed status
    next_steps: Sequence[str]  # "" is a pursuit without a next step
    tags: Sequence[str]
    answers: Sequence[str]  # to the catalog's coaching questions
    pains: Sequence[Pain]
    value_feedback: str
    benefits: Sequence[str]
    risks: Sequence[Risk]
    risk_prevention: str
    risk_remedy: str
    visit: Mapping[str, str]  # a planned visit's text fields
    # Competition.
    competitors: Sequence[Rival]
    competitor_stories: Sequence[str]  # a case story each, in the order of `competitors`
    rival_solution: str
    rival_flaws: str
    rival_harm: str
    rival_labels: Sequence[str]
    criteria: Sequence[tuple[str, str]]  # a buying criterion and what it means
    action_plans: Sequence[str]
    # After the signature.
    after_sale: Mapping[str, tuple[str, str, str]]  # period -> expectations, issues, actions
    referrals: Sequence[Named]
    after_notes: Sequence[str]
    delivery_owners: Sequence[str]
    collection_note: str
    instalment_notes: tuple[str, str, str]  # down payment, on acceptance, retention
    # The rep's day and the offer.
    activity_subjects: Mapping[str, Sequence[str]]  # per activity kind
    outcomes: Sequence[str]
    note_bodies: Sequence[str]
    offers: Sequence[Offer]
    concern_plans: Sequence[str]
    new_needs: Sequence[Named]


def words_for(lang: str) -> Words:
    """The demo's words in `lang`: "zh" (or "zh_CN") Chinese, anything else English."""
    from desktop.services.demo import en, zh

    return zh.WORDS if lang.startswith("zh") else en.WORDS
