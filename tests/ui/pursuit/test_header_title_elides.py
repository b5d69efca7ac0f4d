"""The folded header at 150 % in English (1280×720 at QT_SCALE_FACTOR=1.5: about 790 pixels of
workspace): the title 数据中台建设 was drawn one character per line. It keeps one line; the
account and the summary give way first, then the title itself, with "…" and its whole text in the
tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .conftest import make_pursuit


def folded_at(widget, width: int) -> None:
    widget.set_header_folded(True)
    widget.resize(width, 600)
    QApplication.processEvents()


def test_a_squeezed_title_stays_on_one_line(open_workspace, ws) -> None:
    pid = make_pursuit(
        ws,
        stage=5,
        amount=850_000_00,
        title="数据中台建设",
        account_name="南京远科证券科技有限公司",
    )
    widget = open_workspace(ws, lang="en")
    widget.show_pursuit(pid, "overview")
    folded_at(widget, 790)
    title = widget.title
    assert title.height() < 2 * title.fontMetrics().height()
    assert title.text() == "数据中台建设"
    assert title.shown_text() == "数据中台建设"  # the account and the summary made room
    account = widget.account
    assert account.shown_text().endswith("…") and account.toolTip() == "南京远科证券科技有限公司"
    assert widget.summary.shown_text().endswith("…")
    widget.grab()  # painted without a warning

    # Wide again: everything whole, no tooltips repeating what is shown.
    folded_at(widget, 1300)
    assert account.shown_text() == "南京远科证券科技有限公司" and account.toolTip() == ""
    assert widget.summary.shown_text() == widget.summary.text()


def test_a_long_title_elides_with_its_whole_text_in_the_tooltip(open_workspace, ws) -> None:
    long_title = "集团数据中台与经营分析平台一期建设项目（含三年运维服务）"
    pid = make_pursuit(ws, stage=5, title=long_title, account_name="南京远科证券科技有限公司")
    widget = open_workspace(ws, lang="en")
    widget.show_pursuit(pid, "overview")
    folded_at(widget, 790)
    title = widget.title
    assert title.height() < 2 * title.fontMetrics().height()
    shown = title.shown_text()
    assert shown.endswith("…") and shown.startswith(long_title[:6])
    assert title.toolTip() == long_title
