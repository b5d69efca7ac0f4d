"""The sales method as a reference a rep can open any time (Help ▸ Sales Method, F1).

Everything comes from the methodology catalog, so the guide says what the board, the gates and the
coaching tab use, in the window's language: per stage its work, milestone, win rate, steps and
coaching questions; then the vocabularies reps meet on the stakeholder map and the indicator grid.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.indicators import IMPORTANT
from desktop.domain.methodology import Catalog, Stage, Vocabulary
from desktop.ui.common.screen_fit import resize_to_fit

# The vocabularies worth a page, with the texts shown under each item's name.
_VOCABULARIES = (
    ("buying_roles", ("hint",)),
    ("relationship_stages", ("hint",)),
    ("personality_types", ("traits", "how_to_deal")),
    ("indicator_classes", ("hint", "action")),
)


class MethodGuide(QDialog):
    """Stages and vocabularies on the left, the chosen one's page on the right."""

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("method_guide")
        self.catalog, self.lang = catalog, lang
        self.setWindowTitle(self.tr("Sales Method"))
        self.contents = QListWidget()
        self.contents.setObjectName("method_contents")
        self.contents.setSpacing(2)
        self.page = QTextBrowser()
        self.page.setObjectName("method_page")
        self.page.setOpenLinks(False)
        self._pages: list[str] = []
        for stage in catalog.stages:
            title = self.tr("{0} · {1}").format(stage.number, stage.process(lang))
            self._add(title, self._stage(stage))
        for name, texts in _VOCABULARIES:
            vocabulary = catalog.vocab(name)
            self._add(self._vocabulary_title(name), self._vocabulary(name, vocabulary, texts))
        self.contents.currentRowChanged.connect(self._show)
        # The list is as wide as its longest entry, the page takes the rest.
        self.contents.setMaximumWidth(self.contents.sizeHintForColumn(0) + 24)

        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.contents.setCurrentRow(0)
        resize_to_fit(self, 860, 620)

    def show_stage(self, number: int) -> None:
        """Open on stage `number` (1–8)."""
        self.contents.setCurrentRow(number - 1)

    def _add(self, title: str, html: str) -> None:
        QListWidgetItem(title, self.contents)
        self._pages.append(html)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.page.setHtml(self._pages[row])

    def _stage(self, stage: Stage) -> str:
        lang = self.lang
        head = self.tr("Stage {0}: {1}").format(stage.number, escape(stage.process(lang)))
        milestone = self.tr("Milestone: {0}").format(escape(stage.milestone(lang)))
        win_rate = self.tr("Win rate: {0}%").format(stage.win_rate)
        parts = [f"<h2>{head}</h2>", f"<p><b>{milestone}</b><br>{win_rate}</p>"]
        if stage.steps:
            steps = self.tr("Steps")
            parts.append(f"<h3>{escape(steps)}</h3>")
            parts.append(_items(step.text(lang) for step in stage.steps))
        if stage.questions:
            points = self.tr("Coaching points")
            parts.append(f"<h3>{escape(points)}</h3>")
            parts.append(_items(question.text(lang) for question in stage.questions))
        return "".join(parts)

    def _indicator_rule(self) -> str:
        """The grid's default rule (domain/indicators.classify), with its threshold."""
        return self.tr(
            "Importance and scores run from 1 to 5. A criterion is winning when our score is "
            "above the best competitor's and its importance is {0} or more; sleeping when our "
            "score is above the best but its importance is {1} or less; fatal when our score is "
            "below the best and its importance is {0} or more; otherwise neutral. On the Buying "
            "criteria tab you can set a criterion's class yourself when you know better than "
            "the numbers."
        ).format(IMPORTANT, IMPORTANT - 1)

    def _vocabulary_title(self, name: str) -> str:
        titles = {
            "buying_roles": self.tr("Buying roles"),
            "relationship_stages": self.tr("Relationship stages"),
            "personality_types": self.tr("Personality types"),
            "indicator_classes": self.tr("Buying criteria"),
        }
        return titles[name]

    def _vocabulary(self, name: str, vocabulary: Vocabulary, texts: tuple[str, ...]) -> str:
        parts = [f"<h2>{escape(self._vocabulary_title(name))}</h2>"]
        if name == "indicator_classes":
            parts.append(f"<p>{escape(self._indicator_rule())}</p>")
        for item in vocabulary:
            parts.append(f"<h3>{escape(item.label(self.lang))}</h3>")
            for text in texts:
                found = item.get_text(text)
                if found is not None and found(self.lang):
                    parts.append(f"<p>{escape(found(self.lang))}</p>")
        return "".join(parts)


def _items(texts: Iterable[str]) -> str:
    rows = "".join(f"<li>{escape(text)}</li>" for text in texts)
    return f"<ol>{rows}</ol>"


def open_method_guide(catalog: Catalog, lang: str, parent: QWidget, stage: int = 1) -> MethodGuide:
    """Show the guide (not modal: a rep reads it beside the pursuit it is about)."""
    guide = MethodGuide(catalog, lang, parent)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.show_stage(stage)
    guide.show()
    return guide
