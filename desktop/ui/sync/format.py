"""Names and values as the sync screens show them: kinds, fields, who, when, and values.

Money is written by `desktop.ui.common.format`, as on every other screen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.domain.methodology import Catalog
from desktop.ui.common import counts
from desktop.ui.common import format as fmt
from desktop.ui.common.format import money

KINDS = {
    "account": QT_TRANSLATE_NOOP("SyncKinds", "Account"),
    "competitor": QT_TRANSLATE_NOOP("SyncKinds", "Competitor"),
    "pursuit": QT_TRANSLATE_NOOP("SyncKinds", "Pursuit"),
    "pursuit_tag": QT_TRANSLATE_NOOP("SyncKinds", "Tag"),
    "stage_change": QT_TRANSLATE_NOOP("SyncKinds", "Stage change"),
    "coaching_answer": QT_TRANSLATE_NOOP("SyncKinds", "Coaching point"),
    "step_progress": QT_TRANSLATE_NOOP("SyncKinds", "Step"),
    "person": QT_TRANSLATE_NOOP("SyncKinds", "Person"),
    "stakeholder": QT_TRANSLATE_NOOP("SyncKinds", "Stakeholder"),
    "stakeholder_role": QT_TRANSLATE_NOOP("SyncKinds", "Buying role"),
    "stakeholder_help": QT_TRANSLATE_NOOP("SyncKinds", "Help wanted"),
    "stakeholder_link": QT_TRANSLATE_NOOP("SyncKinds", "Relationship line"),
    "pain_point": QT_TRANSLATE_NOOP("SyncKinds", "Pain point"),
    "value_case": QT_TRANSLATE_NOOP("SyncKinds", "Value case"),
    "value_benefit": QT_TRANSLATE_NOOP("SyncKinds", "Benefit"),
    "pursuit_competitor": QT_TRANSLATE_NOOP("SyncKinds", "Competitor in pursuit"),
    "indicator": QT_TRANSLATE_NOOP("SyncKinds", "Buying criterion"),
    "indicator_score": QT_TRANSLATE_NOOP("SyncKinds", "Competitor score"),
    "risk": QT_TRANSLATE_NOOP("SyncKinds", "Risk"),
    "after_sale": QT_TRANSLATE_NOOP("SyncKinds", "After sale"),
    "referral": QT_TRANSLATE_NOOP("SyncKinds", "Referral"),
    "collection": QT_TRANSLATE_NOOP("SyncKinds", "Collection"),
    "instalment": QT_TRANSLATE_NOOP("SyncKinds", "Instalment"),
    "document": QT_TRANSLATE_NOOP("SyncKinds", "Document"),
    "visit": QT_TRANSLATE_NOOP("SyncKinds", "Visit"),
    "visit_attendee": QT_TRANSLATE_NOOP("SyncKinds", "Visit attendee"),
    "note": QT_TRANSLATE_NOOP("SyncKinds", "Note"),
    "activity": QT_TRANSLATE_NOOP("SyncKinds", "Activity"),
    "activity_attendee": QT_TRANSLATE_NOOP("SyncKinds", "Activity attendee"),
    "offer": QT_TRANSLATE_NOOP("SyncKinds", "Our offer"),
    "new_need": QT_TRANSLATE_NOOP("SyncKinds", "New need"),
}

FIELDS = {
    "acceptance_due": QT_TRANSLATE_NOOP("SyncFields", "Acceptance due"),
    "acceptance_signed": QT_TRANSLATE_NOOP("SyncFields", "Acceptance signed"),
    "accepted": QT_TRANSLATE_NOOP("SyncFields", "Accepted"),
    "account_id": QT_TRANSLATE_NOOP("SyncFields", "Account"),
    "action_plan": QT_TRANSLATE_NOOP("SyncFields", "Action plan"),
    "actions": QT_TRANSLATE_NOOP("SyncFields", "Actions"),
    "activity_kind": QT_TRANSLATE_NOOP("SyncFields", "Kind of activity"),
    "address": QT_TRANSLATE_NOOP("SyncFields", "Address"),
    "advantages": QT_TRANSLATE_NOOP("SyncFields", "Advantages"),
    "alive": QT_TRANSLATE_NOOP("SyncFields", "Deleted or kept"),
    "allies": QT_TRANSLATE_NOOP("SyncFields", "Allies"),
    "amount": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "answer": QT_TRANSLATE_NOOP("SyncFields", "Answer"),
    "benefits": QT_TRANSLATE_NOOP("SyncFields", "Benefits"),
    "board_rank": QT_TRANSLATE_NOOP("SyncFields", "Order on the board"),
    "body": QT_TRANSLATE_NOOP("SyncFields", "Text"),
    "case_stories": QT_TRANSLATE_NOOP("SyncFields", "Case stories"),
    "case_story": QT_TRANSLATE_NOOP("SyncFields", "Case story"),
    "changed_at": QT_TRANSLATE_NOOP("SyncFields", "Changed on"),
    "class_override": QT_TRANSLATE_NOOP("SyncFields", "Class (set by hand)"),
    "close_reason": QT_TRANSLATE_NOOP("SyncFields", "Close reason"),
    "closed_on": QT_TRANSLATE_NOOP("SyncFields", "Closed on"),
    "company": QT_TRANSLATE_NOOP("SyncFields", "Company"),
    "competitor_id": QT_TRANSLATE_NOOP("SyncFields", "Competitor"),
    "contact": QT_TRANSLATE_NOOP("SyncFields", "Contact"),
    "contract_reviewed": QT_TRANSLATE_NOOP("SyncFields", "Contract reviewed"),
    "contract_theirs": QT_TRANSLATE_NOOP("SyncFields", "Customer's contract"),
    "converted_pursuit_id": QT_TRANSLATE_NOOP("SyncFields", "Became pursuit"),
    "credit_checked": QT_TRANSLATE_NOOP("SyncFields", "Credit checked"),
    "currency": QT_TRANSLATE_NOOP("SyncFields", "Currency"),
    "current_state": QT_TRANSLATE_NOOP("SyncFields", "Current state"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncFields", "Deleted on"),
    "delivery_ok": QT_TRANSLATE_NOOP("SyncFields", "Delivery OK"),
    "delivery_owner": QT_TRANSLATE_NOOP("SyncFields", "Delivery owner"),
    "department": QT_TRANSLATE_NOOP("SyncFields", "Department"),
    "description": QT_TRANSLATE_NOOP("SyncFields", "Description"),
    "done": QT_TRANSLATE_NOOP("SyncFields", "Done"),
    "done_at": QT_TRANSLATE_NOOP("SyncFields", "Done at"),
    "due_at": QT_TRANSLATE_NOOP("SyncFields", "Due time"),
    "due_on": QT_TRANSLATE_NOOP("SyncFields", "Due"),
    "dunning_sent": QT_TRANSLATE_NOOP("SyncFields", "Dunning letter sent"),
    "duration_minutes": QT_TRANSLATE_NOOP("SyncFields", "Duration (minutes)"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "Email"),
    "expectations": QT_TRANSLATE_NOOP("SyncFields", "Expectations"),
    "expected_close": QT_TRANSLATE_NOOP("SyncFields", "Expected close"),
    "features": QT_TRANSLATE_NOOP("SyncFields", "Features"),
    "feedback": QT_TRANSLATE_NOOP("SyncFields", "Feedback"),
    "flaws": QT_TRANSLATE_NOOP("SyncFields", "Flaws"),
    "from_id": QT_TRANSLATE_NOOP("SyncFields", "From"),
    "from_stage": QT_TRANSLATE_NOOP("SyncFields", "From stage"),
    "goal": QT_TRANSLATE_NOOP("SyncFields", "Goal"),
    "harm": QT_TRANSLATE_NOOP("SyncFields", "Harm to the customer"),
    "help": QT_TRANSLATE_NOOP("SyncFields", "Help wanted"),
    "help_wanted": QT_TRANSLATE_NOOP("SyncFields", "Help to ask for"),
    "horizon_years": QT_TRANSLATE_NOOP("SyncFields", "Horizon (years)"),
    "impact": QT_TRANSLATE_NOOP("SyncFields", "Impact"),
    "impact_organisation": QT_TRANSLATE_NOOP("SyncFields", "Impact on the organisation"),
    "impact_person": QT_TRANSLATE_NOOP("SyncFields", "Impact on the person"),
    "impact_political": QT_TRANSLATE_NOOP("SyncFields", "Political impact"),
    "importance": QT_TRANSLATE_NOOP("SyncFields", "Importance"),
    "indicator_id": QT_TRANSLATE_NOOP("SyncFields", "Buying criterion"),
    "industry": QT_TRANSLATE_NOOP("SyncFields", "Industry"),
    "interests": QT_TRANSLATE_NOOP("SyncFields", "Interests"),
    "investment": QT_TRANSLATE_NOOP("SyncFields", "Investment"),
    "issues": QT_TRANSLATE_NOOP("SyncFields", "Issues"),
    "label": QT_TRANSLATE_NOOP("SyncFields", "Label"),
    "labels": QT_TRANSLATE_NOOP("SyncFields", "Labels"),
    "learned": QT_TRANSLATE_NOOP("SyncFields", "Learned"),
    "licence_checked": QT_TRANSLATE_NOOP("SyncFields", "Licence checked"),
    "link_kind": QT_TRANSLATE_NOOP("SyncFields", "Kind of line"),
    "location": QT_TRANSLATE_NOOP("SyncFields", "Location"),
    "lost_to_id": QT_TRANSLATE_NOOP("SyncFields", "Lost to"),
    "materials": QT_TRANSLATE_NOOP("SyncFields", "Materials"),
    "meaning": QT_TRANSLATE_NOOP("SyncFields", "Meaning"),
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "next_step": QT_TRANSLATE_NOOP("SyncFields", "Next step"),
    "next_step_due": QT_TRANSLATE_NOOP("SyncFields", "Next step due"),
    "next_steps": QT_TRANSLATE_NOOP("SyncFields", "Next steps"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "noted_at": QT_TRANSLATE_NOOP("SyncFields", "Noted on"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "Notes"),
    "objective": QT_TRANSLATE_NOOP("SyncFields", "Objective"),
    "obstacle": QT_TRANSLATE_NOOP("SyncFields", "Obstacle"),
    "our_people": QT_TRANSLATE_NOOP("SyncFields", "Our people"),
    "our_score": QT_TRANSLATE_NOOP("SyncFields", "Our score"),
    "outcome": QT_TRANSLATE_NOOP("SyncFields", "Outcome"),
    "override_reason": QT_TRANSLATE_NOOP("SyncFields", "Reason for the override"),
    "overrides": QT_TRANSLATE_NOOP("SyncFields", "Gate items passed over"),
    "owner": QT_TRANSLATE_NOOP("SyncFields", "Owner"),
    "pain": QT_TRANSLATE_NOOP("SyncFields", "Pain"),
    "payment_received": QT_TRANSLATE_NOOP("SyncFields", "Payment received"),
    "period": QT_TRANSLATE_NOOP("SyncFields", "Period"),
    "personality": QT_TRANSLATE_NOOP("SyncFields", "Personality"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "plan": QT_TRANSLATE_NOOP("SyncFields", "Relationship plan"),
    "position": QT_TRANSLATE_NOOP("SyncFields", "Order"),
    "prevention": QT_TRANSLATE_NOOP("SyncFields", "Prevention"),
    "pursuit_id": QT_TRANSLATE_NOOP("SyncFields", "Pursuit"),
    "question_key": QT_TRANSLATE_NOOP("SyncFields", "Coaching point"),
    "questions": QT_TRANSLATE_NOOP("SyncFields", "Questions"),
    "received_on": QT_TRANSLATE_NOOP("SyncFields", "Received on"),
    "referred_by_id": QT_TRANSLATE_NOOP("SyncFields", "Referred by"),
    "relationship": QT_TRANSLATE_NOOP("SyncFields", "Relationship"),
    "remedy": QT_TRANSLATE_NOOP("SyncFields", "Remedy"),
    "reports_to_id": QT_TRANSLATE_NOOP("SyncFields", "Reports to"),
    "role": QT_TRANSLATE_NOOP("SyncFields", "Buying role"),
    "score": QT_TRANSLATE_NOOP("SyncFields", "Score"),
    "severity": QT_TRANSLATE_NOOP("SyncFields", "Severity"),
    "solution": QT_TRANSLATE_NOOP("SyncFields", "Solution"),
    "stage": QT_TRANSLATE_NOOP("SyncFields", "Stage"),
    "stage_entered_at": QT_TRANSLATE_NOOP("SyncFields", "In stage since"),
    "stakeholder_id": QT_TRANSLATE_NOOP("SyncFields", "Stakeholder"),
    "starts_at": QT_TRANSLATE_NOOP("SyncFields", "Starts at"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "step_key": QT_TRANSLATE_NOOP("SyncFields", "Step"),
    "subject": QT_TRANSLATE_NOOP("SyncFields", "Subject"),
    "tag": QT_TRANSLATE_NOOP("SyncFields", "Tag"),
    "title": QT_TRANSLATE_NOOP("SyncFields", "Title"),
    "to_id": QT_TRANSLATE_NOOP("SyncFields", "To"),
    "to_stage": QT_TRANSLATE_NOOP("SyncFields", "To stage"),
    "value_case_id": QT_TRANSLATE_NOOP("SyncFields", "Value case"),
    "visit_id": QT_TRANSLATE_NOOP("SyncFields", "Visit"),
    "weaknesses": QT_TRANSLATE_NOOP("SyncFields", "Weaknesses"),
    "win_rate_override": QT_TRANSLATE_NOOP("SyncFields", "Win rate (set by hand)"),
    "x": QT_TRANSLATE_NOOP("SyncFields", "Position on the map"),
    "y": QT_TRANSLATE_NOOP("SyncFields", "Position on the map"),
    "value_intersection": QT_TRANSLATE_NOOP("SyncFields", "Value intersection"),
    "concern_plan": QT_TRANSLATE_NOOP("SyncFields", "Plan to dispel concerns"),
    "need": QT_TRANSLATE_NOOP("SyncFields", "New need"),
    "raised_by": QT_TRANSLATE_NOOP("SyncFields", "Raised by"),
}

# Fields whose values are keys of a catalog vocabulary (per kind where it differs).
VOCABULARIES = {
    ("pursuit", "status"): "pursuit_statuses",
    ("risk", "status"): "risk_statuses",
    ("stakeholder", "relationship"): "relationship_stages",
    ("stakeholder", "personality"): "personality_types",
    ("person", "relationship"): "relationship_stages",
    ("person", "personality"): "personality_types",
    ("stakeholder_role", "role"): "buying_roles",
    ("stakeholder_help", "help"): "help_wanted",
    ("stakeholder_link", "link_kind"): "link_kinds",
    ("indicator", "class_override"): "indicator_classes",
    ("after_sale", "period"): "after_sale_periods",
}
MONEY = {"amount", "investment"}
FLAGS = {
    "done",
    "acceptance_signed",
    "contract_reviewed",
    "contract_theirs",
    "credit_checked",
    "delivery_ok",
    "dunning_sent",
    "licence_checked",
    "payment_received",
}


def kind_label(kind: str) -> str:
    # str(): PySide's stub types QT_TRANSLATE_NOOP's result as object; it is the text itself.
    return QCoreApplication.translate("SyncKinds", str(KINDS.get(kind, kind)))


# Where one column name means different things in different kinds.
FIELDS_BY_KIND = {
    ("stakeholder", "title"): QT_TRANSLATE_NOOP("SyncFields", "Job title"),
    ("stakeholder", "name"): QT_TRANSLATE_NOOP("SyncFields", "Name of the person"),
    # A document's columns (services.documents): its file's name, size, hash, date added and
    # the collection checklist item it belongs to.
    ("document", "name"): QT_TRANSLATE_NOOP("SyncFields", "File name"),
    ("document", "size"): QT_TRANSLATE_NOOP("SyncFields", "File size"),
    ("document", "sha256"): QT_TRANSLATE_NOOP("SyncFields", "File fingerprint (SHA-256)"),
    ("document", "added_at"): QT_TRANSLATE_NOOP("SyncFields", "Added on"),
    ("document", "check_key"): QT_TRANSLATE_NOOP("SyncFields", "Checklist item"),
}


def field_label(field: str, kind: str | None = None) -> str:
    source = FIELDS_BY_KIND.get((kind or "", field)) or FIELDS.get(field, field)
    return QCoreApplication.translate("SyncFields", str(source))


def local_time(moment: datetime) -> str:
    """A UTC time as the user's local date and time, in the UI language's words."""
    return fmt.moment(moment, fmt.default_lang())


def utc_text_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return local_time(moment)


def value_text(kind: str, field: str, value: Any, catalog: Catalog, lang: str) -> str:
    """A stored value in words: vocabulary labels, stage names, money, yes/no, local dates."""
    if field == "alive":
        return (
            QCoreApplication.translate("SyncValues", "Kept")
            if value
            else QCoreApplication.translate("SyncValues", "Deleted")
        )
    if value is None or value == "":
        return QCoreApplication.translate("SyncValues", "(empty)")
    vocab = VOCABULARIES.get((kind, field))
    if vocab is not None and isinstance(value, str):
        return catalog.vocab(vocab).label(value, lang)
    if field in ("stage", "from_stage", "to_stage") and isinstance(value, int):
        try:
            stage = catalog.stage(value)
        except (KeyError, IndexError, ValueError):
            return str(value)
        return f"{value} · {stage.label(lang)}"
    if field == "question_key":
        try:
            return catalog.question(value).text(lang)
        except (KeyError, AttributeError):
            return str(value)
    if field in MONEY and isinstance(value, int):
        return money(value)
    if field in FLAGS:
        return (
            QCoreApplication.translate("SyncValues", "Yes")
            if value
            else QCoreApplication.translate("SyncValues", "No")
        )
    if field in ("accepted",):
        return {
            "yes": QCoreApplication.translate("SyncValues", "Yes"),
            "no": QCoreApplication.translate("SyncValues", "No"),
        }.get(value, QCoreApplication.translate("SyncValues", "Not yet known"))
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] == " ":
        return utc_text_time(value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:
            return fmt.long_date(date.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def is_long(kind: str, field: str) -> bool:
    """Free text that deserves a side-by-side text view rather than one line."""
    return (
        field not in MONEY
        and field not in FLAGS
        and (kind, field) not in VOCABULARIES
        and (
            field
            in {
                "notes",
                "answer",
                "body",
                "plan",
                "interests",
                "action_plan",
                "solution",
                "weaknesses",
                "case_stories",
                "case_story",
                "flaws",
                "harm",
                "features",
                "advantages",
                "benefits",
                "allies",
                "objective",
                "questions",
                "materials",
                "outcome",
                "learned",
                "next_steps",
                "feedback",
                "current_state",
                "goal",
                "obstacle",
                "pain",
                "impact",
                "prevention",
                "remedy",
                "expectations",
                "issues",
                "actions",
                "description",
                "value_intersection",
                "concern_plan",
                "need",
            }
        )
    )


# What a rep counts: the pursuits, the accounts and the people; every other record (a step, a
# score, a line on the map) belongs to one of them and is summed as "details".
BUSINESS_KINDS = ("pursuit", "account", "stakeholder")


def business_summary(new: dict[str, int], updated: dict[str, int]) -> str:
    """ "3 new pursuits, 1 pursuit updated; 2 new accounts; 5 new people" from per-kind counts
    (one of a kind in the singular: "1 new pursuit", "1 new person")."""
    nouns = {
        "pursuit": (
            QCoreApplication.translate("SyncSummary", "1 new pursuit"),
            QCoreApplication.translate("SyncSummary", "{0} new pursuits"),
        ),
        "account": (
            QCoreApplication.translate("SyncSummary", "1 new account"),
            QCoreApplication.translate("SyncSummary", "{0} new accounts"),
        ),
        "stakeholder": (
            QCoreApplication.translate("SyncSummary", "1 new person"),
            QCoreApplication.translate("SyncSummary", "{0} new people"),
        ),
    }
    changed = {
        "pursuit": (
            QCoreApplication.translate("SyncSummary", "1 pursuit updated"),
            QCoreApplication.translate("SyncSummary", "{0} pursuits updated"),
        ),
        "account": (
            QCoreApplication.translate("SyncSummary", "1 account updated"),
            QCoreApplication.translate("SyncSummary", "{0} accounts updated"),
        ),
        "stakeholder": (
            QCoreApplication.translate("SyncSummary", "1 person updated"),
            QCoreApplication.translate("SyncSummary", "{0} people updated"),
        ),
    }
    parts: list[str] = []
    for kind in BUSINESS_KINDS:
        if new.get(kind):
            parts.append(counts.counted(new[kind], *nouns[kind]))
        if updated.get(kind):
            parts.append(counts.counted(updated[kind], *changed[kind]))
    details = sum(
        n for source in (new, updated) for kind, n in source.items() if kind not in BUSINESS_KINDS
    )
    if details:
        parts.append(
            QCoreApplication.translate("SyncSummary", "{0} other details").format(f"{details:,}")
        )
    if not parts:
        return QCoreApplication.translate("SyncSummary", "no changes")
    return QCoreApplication.translate("SyncSummary", ", ").join(parts)


def carried_summary(held: dict[str, int]) -> str:
    """ "12 pursuits, 30 accounts, 80 people": what an export file carries, in the rep's nouns."""
    nouns = {"pursuit": counts.pursuits, "account": counts.accounts, "stakeholder": counts.people}
    # One template, not a join: a Chinese list of kinds runs on with 、 where clauses take ，.
    return QCoreApplication.translate("SyncSummary", "{0}, {1}, {2}").format(
        *(nouns[kind](held.get(kind, 0)) for kind in BUSINESS_KINDS)
    )
