"""Competitors of a pursuit: pick one from the global list (or create it), and edit its profile —
this pursuit's notes beside the playbook that grows deal by deal.

Both dialogs are opened with open(), never exec(); the profile saves as you type (each field's
edits are one undo step) and reacts to undo and to edits made elsewhere.

A new name close to a competitor of the list (金桥 beside 金桥系统有限公司, or that company written
otherwise: the rule of the new-pursuit dialog's accounts, `duplicates.CloseAccounts`) is most often
the same rival: the picker lists the existing one above "Create", chosen first, and says so; one
already in this pursuit is named as such, so a second record of a rival is made only knowingly.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.duplicates import CloseAccounts
from desktop.services import indicators, stakeholders
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.indicators import PLAYBOOK_TO_PROFILE, CompetitorEntry
from desktop.ui.common.screen_fit import resize_to_fit
from desktop.ui.context import AppContext
from desktop.ui.indicators.commands import ProfileCommand
from desktop.ui.undo import push

NEW = "__new__"


def muted(label: QLabel) -> None:
    """Secondary text: the palette's placeholder colour (it follows light and dark themes)."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)


class CompetitorPickerDialog(QDialog):
    """Choose a competitor for this pursuit, or type a new name to create one."""

    def __init__(self, ctx: AppContext, pursuit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitor_picker")
        self.setWindowTitle(self.tr("Add a competitor"))
        self.ctx = ctx
        self.pursuit_id = pursuit_id
        self.present = set(indicators.competitor_order(ctx.workspace, pursuit_id))
        every = indicators.list_competitors(ctx.workspace)
        self.names = {e.id: e.name for e in every}
        self.entries = [e for e in every if e.id not in self.present]
        self._close: CloseAccounts | None = None  # made when a new name is first typed
        self.near: list[tuple[str, str]] = []  # (id, name) close to the new name typed

        self.filter = QLineEdit()
        self.filter.setObjectName("competitor_filter")
        self.filter.setPlaceholderText(self.tr("Find a competitor, or type a new name"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("competitor_list")
        self.list.setMinimumWidth(240)
        self.preview = QLabel()
        self.preview.setObjectName("playbook_preview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setMinimumWidth(300)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.use_playbook = QCheckBox(self.tr("Start this pursuit's notes from the playbook"))
        self.use_playbook.setObjectName("use_playbook")
        self.use_playbook.setChecked(True)
        self.offers_playbook = False
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add to this pursuit"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.list, 1)
        body.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.use_playbook)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 420)

        self.filter.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fill("")

    # --- what was chosen -----------------------------------------------------------------
    @property
    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return None if value in (None, NEW) else str(value)

    @property
    def new_name(self) -> str:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == NEW:
            return " ".join(self.filter.text().split())
        return ""

    def notes(self) -> dict[str, str]:
        """The per-pursuit notes to start from: the playbook's, when offered and wanted."""
        cid = self.chosen_id
        if cid is None or not self.offers_playbook or not self.use_playbook.isChecked():
            return {}
        return indicators.suggested_profile(self.ctx.workspace, cid)

    # --- filling -------------------------------------------------------------------------
    def _fill(self, text: str) -> None:
        name = " ".join(text.split())
        wanted = name.casefold()
        self.list.clear()
        exact = False
        self.near = self._near(name) if wanted else []
        near_ids = {i for i, _n in self.near}
        for entry in self.entries:
            if wanted and wanted not in entry.name.casefold() and entry.id not in near_ids:
                continue
            exact = exact or entry.name.casefold() == wanted
            item = QListWidgetItem(self._item_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.labels or entry.weaknesses)
            self.list.addItem(item)
        if wanted and not exact:
            taken = indicators.find_competitor(self.ctx.workspace, text)
            if taken is not None:  # that very name, in this pursuit already
                self.near = [(taken, self.names.get(taken, name))]
            else:
                item = QListWidgetItem(self.tr('Create "{0}"').format(" ".join(text.split())))
                item.setData(Qt.ItemDataRole.UserRole, NEW)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                self.list.addItem(item)  # after the matches: picking a known one comes first
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    def _near(self, name: str) -> list[tuple[str, str]]:
        """(id, name) of the competitors close to `name`: the accounts' rule (CloseAccounts)."""
        if self._close is None:
            self._close = CloseAccounts(self.names.items())
        return (self._close.same(name) + self._close.of(name))[: CloseAccounts.LIMIT]

    def _near_text(self) -> str:
        """What the picker says of the competitors close to the new name typed ("" for none)."""
        listed = [n for i, n in self.near if i not in self.present]
        here = [n for i, n in self.near if i in self.present]
        sentences = []
        if listed:
            sentences.append(
                self.tr(
                    "Close to a competitor on the list: {0}. Pick it above unless this is "
                    "another company."
                ).format(self._names_text(listed))
            )
        if here:
            sentences.append(
                self.tr("Already in this pursuit: {0}.").format(self._names_text(here))
            )
        return " ".join(sentences)

    def _names_text(self, names: list[str]) -> str:
        return self.tr(", ").join(self.tr('"{0}"').format(n) for n in names)

    def _item_text(self, entry: CompetitorEntry) -> str:
        if entry.pursuits:
            return self.tr("{0}  ·  in {1} pursuits").format(entry.name, entry.pursuits)
        return entry.name

    def _show_selected(self) -> None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.ok.setEnabled(value is not None)
        self.use_playbook.setVisible(False)
        self.offers_playbook = False
        if value is None:
            if self.filter.text().strip():
                # The name typed is in this pursuit already.
                text = escape(self._near_text(), quote=False)
            elif self.entries:
                text = ""
            elif self.present:
                text = self.tr("Every competitor of the list is already in this pursuit.")
            else:  # none at all yet: not "all are already here"
                text = self.tr(
                    "No competitors yet. Type the name of the first one the customer is "
                    "talking to, to add it."
                )
            self.preview.setText(text)
            return
        if value == NEW:
            new = self.tr(
                "A new competitor. Its playbook starts empty and grows with what you learn "
                "in this and later pursuits."
            )
            near = self._near_text()
            # Said first, and plainly: a second record of a rival splits its playbook in two.
            self.preview.setText(
                f"<p><b>{escape(near, quote=False)}</b></p><p>{escape(new)}</p>"
                if near
                else escape(new)
            )
            return
        book = indicators.playbook(self.ctx.workspace, value)
        returning = indicators.was_in_pursuit(self.ctx.workspace, self.pursuit_id, value)
        parts = [f"<h3>{escape(book['name'])}</h3>"]
        typed = " ".join(self.filter.text().split()).casefold()
        if typed and typed not in book["name"].casefold():  # listed for its close name
            close = self.tr("Close to the name typed: is it the same company?")
            parts.append(f"<p><b>{escape(close)}</b></p>")
        titles = playbook_titles()
        filled = [(titles[f], book[f]) for f in indicators.PLAYBOOK_FIELDS if book[f].strip()]
        if returning:
            parts.append(
                "<p><i>"
                + escape(self.tr("It was in this pursuit before: its notes and scores come back."))
                + "</i></p>"
            )
        elif filled:
            parts.append("<p>" + escape(self.tr("Playbook from earlier pursuits:")) + "</p>")
            self.use_playbook.setVisible(True)
            self.offers_playbook = True
        else:
            parts.append("<p>" + escape(self.tr("No playbook yet.")) + "</p>")
        for title, text in filled:
            body = "<br>".join(escape(line) for line in text.splitlines())
            parts.append(f"<p><b>{escape(title)}</b><br>{body}</p>")
        self.preview.setText("".join(parts))


def playbook_titles() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("CompetitorPlaybook", "Name"),
        "solution": QCoreApplication.translate("CompetitorPlaybook", "Usual solution"),
        "weaknesses": QCoreApplication.translate("CompetitorPlaybook", "Weaknesses"),
        "labels": QCoreApplication.translate("CompetitorPlaybook", "Labels that worked"),
        "case_stories": QCoreApplication.translate("CompetitorPlaybook", "Case stories"),
        "notes": QCoreApplication.translate("CompetitorPlaybook", "Notes"),
    }


class CompetitorProfileDialog(QDialog):
    """A competitor in this pursuit (left) beside its playbook across pursuits (right)."""

    def __init__(
        self, ctx: AppContext, pursuit_id: str, competitor_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("competitor_profile")
        self.ctx = ctx
        self.pursuit_id = pursuit_id
        self.competitor_id = competitor_id
        self.profile = indicators.profile(ctx.workspace, pursuit_id, competitor_id)
        self.notes_edits: dict[str, QPlainTextEdit] = {}
        self.playbook_edits: dict[str, QPlainTextEdit | QLineEdit] = {}
        self._dirty: set[tuple[str, str]] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(700)
        self._timer.timeout.connect(self.save)
        lang = ctx.lang
        catalog = ctx.catalog

        def question(key: str) -> str:
            return catalog.question(key).text(lang)

        # --- this pursuit --------------------------------------------------------------
        notes_box = QGroupBox(self.tr("In this pursuit"))
        notes_outer = QVBoxLayout(notes_box)
        notes_form = QFormLayout()
        notes_outer.addLayout(notes_form)
        notes_outer.addStretch(1)
        notes_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        sections = [
            (
                self.tr("Their solution and its weak spots"),
                question("s5.competitor_solution"),
                [
                    ("solution", self.tr("Their solution"), self.tr("What will they offer?"), 3),
                    ("flaws", self.tr("Flaws"), self.tr("Where does it fall short?"), 3),
                    (
                        "harm",
                        self.tr("Harm to the customer"),
                        self.tr("What will those flaws cost the customer?"),
                        3,
                    ),
                ],
            ),
            (
                self.tr("Label and story"),
                question("s5.competitor_label") + "\n" + question("s5.horror_story"),
                [
                    (
                        "label",
                        self.tr("Our label for it"),
                        self.tr('A short label that sticks, e.g. "an expensive half-product"'),
                        2,
                    ),
                    (
                        "case_story",
                        self.tr("Case story"),
                        self.tr("A real case that shows the harm (a horror story)"),
                        3,
                    ),
                ],
            ),
            (
                self.tr("Our counter"),
                question("s5.fab"),
                [
                    ("features", self.tr("Features"), self.tr("What our solution has"), 2),
                    ("advantages", self.tr("Advantages"), self.tr("Why that beats theirs"), 2),
                    ("benefits", self.tr("Benefits"), self.tr("What the customer gains"), 2),
                ],
            ),
            (
                self.tr("Allies"),
                question("s5.ally"),
                [("allies", self.tr("Allies"), self.tr("Who inside speaks for us?"), 2)],
            ),
        ]
        for title, hint, fields in sections:
            heading = QLabel(f"<b>{escape(title)}</b>")
            heading.setToolTip(hint)
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setObjectName("coaching_hint")
            muted(hint_label)
            notes_form.addRow(heading)
            notes_form.addRow(hint_label)
            for name, label, placeholder, lines in fields:
                edit = self._text_edit(placeholder, lines)
                edit.setObjectName(f"notes_{name}")
                edit.setPlainText(self.profile.notes[name])
                edit.textChanged.connect(lambda n=name: self._changed("notes", n))
                self.notes_edits[name] = edit
                notes_form.addRow(label, edit)
        names = [p.name for p in stakeholders.people_of(ctx.workspace, pursuit_id)]
        if names:
            self.allies_hint = QLabel(
                self.tr("People in this pursuit: {0}").format("、".join(names))
            )
            self.allies_hint.setWordWrap(True)
            self.allies_hint.setObjectName("allies_hint")
            notes_form.addRow("", self.allies_hint)
            self.ally_picker = QLineEdit()
            self.ally_picker.setObjectName("ally_picker")
            self.ally_picker.setPlaceholderText(self.tr("Add an ally by name…"))
            completer = QCompleter(names, self.ally_picker)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.ally_picker.setCompleter(completer)
            self.ally_picker.returnPressed.connect(self._add_ally)
            notes_form.addRow("", self.ally_picker)

        # --- the playbook --------------------------------------------------------------
        others = self.profile.other_pursuits
        book_box = QGroupBox(
            self.tr("Playbook · all pursuits ({0} others)").format(others)
            if others
            else self.tr("Playbook · all pursuits")
        )
        book_outer = QVBoxLayout(book_box)
        book_form = QFormLayout()
        book_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        explain = QLabel(
            self.tr(
                "What we know of them from every deal. It is offered when they show up in a new "
                "pursuit; add what this pursuit taught you."
            )
        )
        explain.setWordWrap(True)
        muted(explain)
        book_outer.addWidget(explain)
        book_outer.addLayout(book_form)
        book_outer.addStretch(1)
        titles = playbook_titles()
        name_edit = QLineEdit(self.profile.name)
        name_edit.setObjectName("playbook_name")
        name_edit.editingFinished.connect(self._rename)
        self.playbook_edits["name"] = name_edit
        book_form.addRow(titles["name"], name_edit)
        self.use_buttons: dict[str, QPushButton] = {}
        for name in indicators.PLAYBOOK_FIELDS:
            edit = self._text_edit("", 3)
            edit.setObjectName(f"playbook_{name}")
            edit.setPlainText(self.profile.playbook[name])
            edit.textChanged.connect(lambda n=name: self._changed("playbook", n))
            self.playbook_edits[name] = edit
            row = QVBoxLayout()
            row.setSpacing(2)
            row.addWidget(edit)
            target = PLAYBOOK_TO_PROFILE.get(name)
            if target is not None:
                button = QPushButton(self.tr("← Use in this pursuit"))
                button.setObjectName(f"use_{name}")
                button.setFlat(True)
                button.setToolTip(self.tr("Add these lines to this pursuit's notes"))
                button.clicked.connect(
                    lambda _=False, s=name, t=target: self.use_from_playbook(s, t)
                )
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
                self.use_buttons[name] = button
            book_form.addRow(titles[name], row)
        self.contribute = QPushButton(self.tr("Add this pursuit's notes to the playbook"))
        self.contribute.setObjectName("contribute")
        self.contribute.setToolTip(
            self.tr(
                "Adds this pursuit's solution, flaws, label and case story to the playbook as "
                "new lines (lines already there are skipped)."
            )
        )
        self.contribute.clicked.connect(self.contribute_to_playbook)
        book_form.addRow(self.contribute)

        columns = QHBoxLayout()
        columns.addWidget(self._scrolled(notes_box), 1)
        columns.addWidget(self._scrolled(book_box), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        saved = QLabel(self.tr("Changes are saved as you type; Ctrl+Z undoes them."))
        muted(saved)
        bottom = QHBoxLayout()
        bottom.addWidget(saved, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self._retitle()
        resize_to_fit(self, 980, 700)
        ctx.changed.connect(self._on_changed)
        self._listening = True

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def _text_edit(self, placeholder: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        height = edit.fontMetrics().lineSpacing() * lines + 14
        edit.setFixedHeight(height)
        return edit

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("{0} — competitor profile").format(self.profile.name))

    # --- saving --------------------------------------------------------------------------
    def _changed(self, scope: str, name: str) -> None:
        if self._loading:
            return
        self._dirty.add((scope, name))
        self._timer.start()

    def save(self) -> None:
        """Write the fields edited since the last save, one undo step per field."""
        self._timer.stop()
        dirty, self._dirty = sorted(self._dirty), set()
        for scope, name in dirty:
            edit = self.notes_edits[name] if scope == "notes" else self.playbook_edits[name]
            assert isinstance(edit, QPlainTextEdit)
            new = edit.toPlainText()
            stored = self.profile.notes if scope == "notes" else self.profile.playbook
            old = stored[name]
            if new == old:
                continue
            self._push(scope, {name: old}, {name: new})

    def _push(self, scope: str, old: dict[str, str], new: dict[str, str]) -> None:
        text = (
            self.tr("Edit {0}'s notes").format(self.profile.name)
            if scope == "notes"
            else self.tr("Edit {0}'s playbook").format(self.profile.name)
        )
        push(
            ProfileCommand(
                self.ctx, self.pursuit_id, self.competitor_id, scope, old, new, text, self
            )
        )

    def _rename(self) -> None:
        edit = self.playbook_edits["name"]
        assert isinstance(edit, QLineEdit)
        name = " ".join(edit.text().split())
        if not name or name == self.profile.name:
            edit.setText(self.profile.name)
            return
        self._push("playbook", {"name": self.profile.name}, {"name": name})

    def use_from_playbook(self, source: str, target: str) -> None:
        """Add the playbook's lines to this pursuit's field (one undo step)."""
        self.save()
        old = self.profile.notes[target]
        new = indicators.merge_lines(old, self.profile.playbook[source])
        if new != old:
            self._push("notes", {target: old}, {target: new})

    def contribute_to_playbook(self) -> None:
        self.save()
        values = indicators.playbook_contribution(self.profile)
        if values:
            old = {k: self.profile.playbook[k] for k in values}
            self._push("playbook", old, values)

    def _add_ally(self) -> None:
        name = self.ally_picker.text().strip()
        if not name:
            return
        self.save()
        old = self.profile.notes["allies"]
        new = indicators.merge_lines(old, name)
        self.ally_picker.clear()
        if new != old:
            self._push("notes", {"allies": old}, {"allies": new})

    # --- reacting to changes (undo, edits elsewhere) ------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        pc_id = indicators.pursuit_competitor_id(self.pursuit_id, self.competitor_id)
        if not (
            changes.everything
            or pc_id in changes.ids(ChangeKind.PURSUIT_COMPETITOR)
            or self.competitor_id in changes.ids(ChangeKind.COMPETITOR)
        ):
            return
        try:
            self.profile = indicators.profile(
                self.ctx.workspace, self.pursuit_id, self.competitor_id
            )
        except NotFound:
            self.close()
            return
        self._loading = True
        try:
            for name, edit in self.notes_edits.items():
                if (
                    ("notes", name) not in self._dirty
                ) and edit.toPlainText() != self.profile.notes[name]:
                    edit.setPlainText(self.profile.notes[name])
            for name, playbook_edit in self.playbook_edits.items():
                if name == "name":
                    assert isinstance(playbook_edit, QLineEdit)
                    if not playbook_edit.hasFocus():
                        playbook_edit.setText(self.profile.name)
                    continue
                assert isinstance(playbook_edit, QPlainTextEdit)
                if (
                    ("playbook", name) not in self._dirty
                ) and playbook_edit.toPlainText() != self.profile.playbook[name]:
                    playbook_edit.setPlainText(self.profile.playbook[name])
        finally:
            self._loading = False
        self._retitle()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save()
        if self._listening:
            self.ctx.changed.disconnect(self._on_changed)
            self._listening = False
        super().done(result)
