"""Our offer and the plan to dispel concerns, printed in the visit plan (read back from the PDF),
in Chinese and in English; a demo plan with an offer still prints on two pages at most."""

from __future__ import annotations

import subprocess

import pytest

from desktop.services import offer, pursuit_edits
from desktop.services.reports import visit_plan
from desktop.ui.visits.plan_document import PlanDocument

TEXTS = {
    "value_intersection": "客户要按期投产，我们的快速切换正好对上",
    "features": "模块化部署",
    "advantages": "两周完成切换",
    "benefits": "每年少停线四十小时",
    "concern_plan": "先请样板客户现身说法再试点",
}


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def offered(ctx, planned):
    for name, text in TEXTS.items():
        pursuit_edits.save(ctx.workspace, offer.offer_target(planned.pursuit_id), {name: text})
    return planned


def test_the_printed_plan_shows_our_offer(ctx, offered, tmp_path, pdf_text) -> None:
    plan = visit_plan.build_plan(ctx.workspace, visit_id=offered.id, lang="zh")
    path = tmp_path / "plan.pdf"
    pages = PlanDocument(plan).write_pdf(path)
    assert pages <= 2
    _count, texts = pdf_text(path)
    text = "".join(texts)
    for heading in ("我方方案", "价值交集", "特点", "优势", "益处", "打消顾虑的计划"):
        assert heading in text
    for written in TEXTS.values():
        assert squeeze(written) in text
    # The offer comes after the pains and before the competition; the plan in the concerns.
    assert text.index("我方方案") < text.index(squeeze(TEXTS["benefits"]))
    assert text.index("顾虑与风险") < text.index(squeeze(TEXTS["concern_plan"]))
    # pdftotext reads the same words back (the text can be searched and copied).
    extracted = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert squeeze(TEXTS["value_intersection"]) in squeeze(extracted)


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_the_english_plan_names_the_offer(ctx, offered, tmp_path, pdf_text) -> None:
    plan = visit_plan.build_plan(ctx.workspace, pursuit_id=offered.pursuit_id, lang="en")
    path = tmp_path / "plan.pdf"
    PlanDocument(plan).write_pdf(path)
    text = "".join(pdf_text(path)[1])
    # ("Our offer" and "Benefits" come back with "ff" / "fi" ligatures; their neighbours and the
    # texts under them say the section is there.)
    for heading in ("Valueintersection", "Features", "Advantages"):
        assert heading in text
    for written in TEXTS.values():
        assert squeeze(written) in text
    assert "Plantodispelconcerns" in text
    assert squeeze(TEXTS["concern_plan"]) in text


def test_a_plan_without_an_offer_has_no_offer_section(ctx, planned, tmp_path, pdf_text) -> None:
    pursuit_edits.save(ctx.workspace, offer.offer_target(planned.pursuit_id), {"features": ""})
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang="zh")
    assert plan.offer is None
    path = tmp_path / "plan.pdf"
    PlanDocument(plan).write_pdf(path)
    assert "我方方案" not in "".join(pdf_text(path)[1])
