"""The side panel: edit every field of the selected person, or the selected link.

Each field saves by itself when the user leaves it (a line edit on Enter or focus out, a text box
on focus out, a combo or check box at once), as one undo step through an EditPersonCommand. The
panel shows the document's state and refreshes when the document changes; what the user is
typing is never overwritten. Under the fields, dated notes on the person (newest first) and a
box to write one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import timeline
from desktop.services.stakeholder_map import LINK_KINDS, MapLink, MapPerson
from desktop.ui.common.timeline import NoteBox, TimelineModel, TimelineView
from desktop.ui.context import AppContext
from desktop.ui.stakeholder_map import commands
from desktop.ui.stakeholder_map.choice_grid import ChoiceGrid
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.style import (
    MapStyle,
    personality_icon,
    svg_icon,
    swatch_icon,
)
from desktop.ui.undo import push

TEXT_FIELDS = ("name", "title", "department", "phone", "email", "next_step")
LONG_FIELDS = ("interests", "plan", "notes")


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class _FocusOut(QObject):
    """Calls back when a watched text box loses focus (text boxes have no editingFinished)."""

    def __init__(self, parent: QObject, callback: Callable[[QObject], None]) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.callback(watched)
        return False


class PersonPanel(QWidget):
    """Every field of one person, saved field by field with undo."""

    delete_requested = Signal(str)
    person_activated = Signal(str)  # a name in the links list was double-clicked

    def __init__(
        self, ctx: AppContext, document: MapDocument, style: MapStyle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_panel")
        self.ctx = ctx
        self.document = document
        self.map_style = style
        self.person_id: str | None = None
        self._loading = False
        lang = ctx.lang

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Name"),
            "title": self.tr("Title"),
            "department": self.tr("Department"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "next_step": self.tr("Next step"),
        }
        self.name_error = QLabel(self.tr("A person needs a name. The previous name was kept."))
        self.name_error.setObjectName("name_error")
        self.name_error.setWordWrap(True)
        self.name_error.setStyleSheet("color: #C62828;")
        self.name_error.hide()
        for name in ("name", "title", "department"):
            self.edits[name] = self._line_edit(name)
            form.addRow(labels[name], self.edits[name])
            if name == "name":  # the message sits right under the field it is about
                form.addRow("", self.name_error)

        self.reports_to = QComboBox()
        self.reports_to.setObjectName("reports_to")
        self.reports_to.activated.connect(self._reports_to_chosen)
        form.addRow(self.tr("Reports to"), self.reports_to)

        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        for item in style.stages:
            self.relationship.addItem(
                swatch_icon(item.color or "#9E9E9E"), item.label(lang), item.key
            )
            if item.hint:
                self.relationship.setItemData(
                    self.relationship.count() - 1, item.hint(lang), Qt.ItemDataRole.ToolTipRole
                )
        self.relationship.activated.connect(self._relationship_chosen)
        form.addRow(self.tr("Relationship"), self.relationship)
        self.relationship_hint = _hint()
        form.addRow("", self.relationship_hint)

        self.personality = QComboBox()
        self.personality.setObjectName("personality")
        self.personality.addItem(self.tr("Not judged yet"), None)
        for item in style.personalities:
            traits = item.get_text("traits")
            label = item.label(lang)
            if traits:
                label += f"({traits(lang)})" if lang == "zh" else f" ({traits(lang)})"
            self.personality.addItem(personality_icon(item.key), label, item.key)
        self.personality.activated.connect(self._personality_chosen)
        form.addRow(self.tr("Personality"), self.personality)
        self.personality_hint = _hint()
        form.addRow("", self.personality_hint)

        self.role_boxes: dict[str, QCheckBox] = {}
        roles = ChoiceGrid()
        roles.setObjectName("buying_roles")
        for item in style.roles:
            box = QCheckBox(item.label(lang))
            box.setObjectName(f"role_{item.key}")
            if item.hint:
                box.setToolTip(item.hint(lang))
            box.clicked.connect(self._roles_clicked)
            self.role_boxes[item.key] = box
            roles.add(box)
        form.addRow(self.tr("Buying roles"), roles)

        self.help_boxes: dict[str, QCheckBox] = {}
        wishes = ChoiceGrid()
        wishes.setObjectName("help_wanted")
        for item in style.wishes:
            box = QCheckBox(item.label(lang))
            box.setObjectName(f"help_{item.key}")
            box.setIcon(svg_icon(f"help-{item.key}"))
            box.clicked.connect(self._help_clicked)
            self.help_boxes[item.key] = box
            wishes.add(box)
        form.addRow(self.tr("Help wanted"), wishes)

        self.texts: dict[str, QPlainTextEdit] = {}
        self._focus_out = _FocusOut(self, self._text_left)
        for name, label in (
            ("interests", self.tr("Interests")),
            ("plan", self.tr("Relationship plan")),
        ):
            form.addRow(label, self._text_edit(name))
        self.edits["next_step"] = self._line_edit("next_step")
        form.addRow(labels["next_step"], self.edits["next_step"])
        for name in ("phone", "email"):
            self.edits[name] = self._line_edit(name)
            form.addRow(labels[name], self.edits[name])
        form.addRow(self.tr("Notes"), self._text_edit("notes"))

        self.links = QListWidget()
        self.links.setObjectName("person_links")
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links.setMaximumHeight(110)
        self.links.itemDoubleClicked.connect(self._link_activated)
        self.remove_link = QPushButton(self.tr("Remove link"))
        self.remove_link.setObjectName("remove_link")
        self.remove_link.clicked.connect(self._remove_link)
        self.links.currentRowChanged.connect(
            lambda row: self.remove_link.setEnabled(row >= 0 and self.links.count() > 0)
        )
        self.new_kind = QComboBox()
        self.new_kind.setObjectName("new_link_kind")
        self.new_target = QComboBox()
        self.new_target.setObjectName("new_link_target")
        self.add_link = QPushButton(self.tr("Add link"))
        self.add_link.setObjectName("add_link")
        self.add_link.clicked.connect(self._add_link)
        for key in LINK_KINDS:
            self.new_kind.addItem(
                swatch_icon(style.link_colour(key).name(), line=key), style.link_label(key), key
            )
        # The kind and the person on one row, the button under them: the three side by side were
        # wider than the panel at its narrowest in English.
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.new_kind)
        add_row.addWidget(self.new_target, 1)
        links_box = QVBoxLayout()
        links_box.setContentsMargins(0, 0, 0, 0)
        links_box.addWidget(self.links)
        links_box.addWidget(self.remove_link, 0, Qt.AlignmentFlag.AlignRight)
        links_box.addLayout(add_row)
        links_box.addWidget(self.add_link, 0, Qt.AlignmentFlag.AlignRight)

        self.delete_button = QPushButton(svg_icon("delete"), self.tr("Delete person…"))
        self.delete_button.setObjectName("delete_person")
        self.delete_button.clicked.connect(
            lambda: self.person_id and self.delete_requested.emit(self.person_id)
        )

        self.note_box = NoteBox(ctx, compact=True)
        self.note_box.setObjectName("person_note_box")
        self.note_box.saved.connect(self._load_notes)
        self.person_notes = TimelineModel(ctx.catalog, lang, self)
        self.person_notes.compact = True
        self.notes_view = TimelineView(self.person_notes)
        self.notes_view.setObjectName("person_notes")
        self.notes_view.setFixedHeight(150)
        ctx.changed.connect(self._notes_changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addWidget(_heading(self.tr("Links")))
        layout.addLayout(links_box)
        layout.addWidget(_heading(self.tr("Dated notes")))
        layout.addWidget(self.note_box)
        layout.addWidget(self.notes_view)
        layout.addSpacing(12)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        document.updated.connect(self._document_updated)

    # --- building ---------------------------------------------------------------------------
    def _line_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"field_{name}")
        edit.editingFinished.connect(lambda n=name: self._line_finished(n))
        if name == "phone":
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        elif name == "email":
            edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        return edit

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"field_{name}")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(58)
        edit.installEventFilter(self._focus_out)
        self.texts[name] = edit
        return edit

    # --- showing ----------------------------------------------------------------------------
    @property
    def person(self) -> MapPerson | None:
        return self.document.person(self.person_id) if self.person_id else None

    def show_person(self, person_id: str | None) -> None:
        if person_id != self.person_id:
            self.commit_pending()
            self.name_error.hide()
        self.person_id = person_id
        self._load(force=True)
        self._load_notes()

    def _load_notes(self) -> None:
        self.note_box.stakeholder_id = self.person_id
        notes = timeline.person_notes(self.ctx.workspace, self.person_id) if self.person_id else []
        self.person_notes.set_entries(notes)

    def _notes_changed(self, changes: Changes) -> None:
        if self.person_id and (changes.everything or changes.touches(ChangeKind.NOTE)):
            self._load_notes()

    def focus_name(self) -> None:
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.edits["name"].selectAll()

    def _document_updated(self) -> None:
        if self.person_id is not None and self.person is None:
            self.person_id = None
        self._load(force=False)

    def _load(self, *, force: bool) -> None:
        person = self.person
        self.setEnabled(person is not None)
        if person is None:
            return
        self._loading = True
        try:
            for name, edit in self.edits.items():
                value = str(getattr(person, name) or "")
                if force or not (edit.hasFocus() and edit.isModified()):
                    if edit.text() != value:
                        edit.setText(value)
                    edit.setModified(False)
            for name, text_edit in self.texts.items():
                value = str(getattr(person, name) or "")
                if (force or not text_edit.hasFocus()) and text_edit.toPlainText() != value:
                    text_edit.setPlainText(value)
            self.relationship.setCurrentIndex(
                max(0, self.relationship.findData(person.relationship))
            )
            stage = self.map_style.stages.get(person.relationship)
            self.relationship_hint.setText(
                stage.hint(self.ctx.lang) if stage and stage.hint else ""
            )
            index = self.personality.findData(person.personality) if person.personality else 0
            self.personality.setCurrentIndex(max(0, index))
            self.personality_hint.setText(self._personality_advice(person.personality))
            self.personality_hint.setVisible(bool(person.personality))
            for key, box in self.role_boxes.items():
                box.setChecked(key in person.roles)
            for key, box in self.help_boxes.items():
                box.setChecked(key in person.help)
            self._fill_managers(person)
            self._fill_links(person)
        finally:
            self._loading = False

    def _personality_advice(self, key: str | None) -> str:
        item = self.map_style.personalities.get(key) if key else None
        if item is None:
            return ""
        deal = item.get_text("how_to_deal")
        return self.tr("How to deal: {0}").format(deal(self.ctx.lang)) if deal else ""

    def _fill_managers(self, person: MapPerson) -> None:
        combo = self.reports_to
        combo.clear()
        combo.addItem(self.tr("— nobody on the map —"), None)
        below = self.document.under(person.id)
        candidates = sorted(
            (p for p in self.document.people() if p.id != person.id and p.id not in below),
            key=lambda p: (p.name, p.id),
        )
        for candidate in candidates:
            label = candidate.name + (f" · {candidate.title}" if candidate.title else "")
            combo.addItem(label, candidate.id)
        combo.setCurrentIndex(max(0, combo.findData(person.reports_to_id)))

    def _fill_links(self, person: MapPerson) -> None:
        current = self.links.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.links.clear()
        style = self.map_style
        for link in self.document.links_of(person.id):
            outgoing = link.from_id == person.id
            label = style.link_label(link.kind)
            text = f"{self.document.name(link.from_id)} —{label}→ {self.document.name(link.to_id)}"
            if link.note:
                text += f"  ({link.note})"
            item = QListWidgetItem(
                swatch_icon(style.link_colour(link.kind).name(), line=link.kind), text
            )
            item.setData(Qt.ItemDataRole.UserRole, link.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, link.to_id if outgoing else link.from_id)
            self.links.addItem(item)
            if link.id == keep:
                self.links.setCurrentItem(item)
        if self.links.count() == 0:
            placeholder = QListWidgetItem(self.tr("No links yet: drag from a card's handle."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.links.addItem(placeholder)
        self.remove_link.setEnabled(self.links.currentRow() >= 0 and bool(keep))
        self.new_target.clear()
        for other in sorted(self.document.people(), key=lambda p: (p.name, p.id)):
            if other.id != person.id:
                self.new_target.addItem(other.name, other.id)
        self.add_link.setEnabled(self.new_target.count() > 0)

    # --- saving -----------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Save a field the user is still in (the selection is about to change)."""
        for name, edit in self.edits.items():
            if edit.isModified():
                self._line_finished(name)
        for text in self.texts.values():
            if text.hasFocus():
                self._text_left(text)

    def _edit(self, values: dict[str, Any], text: str | None = None, **sets: Any) -> None:
        person = self.person
        if person is None:
            return
        old = {k: getattr(person, k) for k in values}
        if old == values and not sets:
            return
        push(
            commands.EditPersonCommand(
                self.ctx, person.id, person.name, old, values, text=text, **sets
            ),
        )

    def _line_finished(self, name: str) -> None:
        edit = self.edits[name]
        person = self.person
        if self._loading or person is None or not edit.isModified():
            return
        edit.setModified(False)
        value = edit.text().strip()
        if name == "name":
            if not value:
                self.name_error.show()
                edit.setText(person.name)
                return
            self.name_error.hide()
        if value != getattr(person, name):
            self._edit({name: value})
        elif edit.text() != value:
            edit.setText(value)

    def _text_left(self, watched: QObject) -> None:
        person = self.person
        if self._loading or person is None:
            return
        for name, edit in self.texts.items():
            if edit is watched:
                value = edit.toPlainText().rstrip()
                if value != getattr(person, name):
                    self._edit({name: value})

    def _relationship_chosen(self, index: int) -> None:
        self._edit({"relationship": self.relationship.itemData(index)})

    def _personality_chosen(self, index: int) -> None:
        self._edit({"personality": self.personality.itemData(index)})

    def _roles_clicked(self) -> None:
        person = self.person
        if person is None:
            return
        roles = frozenset(k for k, box in self.role_boxes.items() if box.isChecked())
        if roles != person.roles:
            self._edit({}, old_roles=person.roles, new_roles=roles)

    def _help_clicked(self) -> None:
        person = self.person
        if person is None:
            return
        wishes = frozenset(k for k, box in self.help_boxes.items() if box.isChecked())
        if wishes != person.help:
            self._edit({}, old_help=person.help, new_help=wishes)

    def _reports_to_chosen(self, index: int) -> None:
        person = self.person
        if person is None:
            return
        manager = self.reports_to.itemData(index)
        if manager == person.reports_to_id:
            return
        text = (
            self.tr("{0} reports to {1}").format(person.name, self.document.name(manager))
            if manager
            else self.tr("Remove {0}'s manager").format(person.name)
        )
        if not push(
            commands.SetReportsToCommand(self.ctx, person.id, person.reports_to_id, manager, text),
        ):
            self._load(force=True)

    def _add_link(self) -> None:
        person = self.person
        target = self.new_target.currentData()
        kind = self.new_kind.currentData()
        if person is None or not target or not kind:
            return
        text = self.tr("Link {0} and {1}").format(person.name, self.document.name(target))
        push(commands.AddLinkCommand(self.ctx, person.id, target, kind, text))

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        link_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if link_id:
            push(commands.DeleteLinksCommand(self.ctx, [link_id]))

    def _link_activated(self, item: QListWidgetItem) -> None:
        other = item.data(Qt.ItemDataRole.UserRole + 1)
        if other:
            self.person_activated.emit(other)


class LinkPanel(QWidget):
    """The selected link (kind, note, direction) or reports-to line."""

    def __init__(
        self, ctx: AppContext, document: MapDocument, style: MapStyle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("link_panel")
        self.ctx = ctx
        self.document = document
        self.map_style = style
        self.link_id: str | None = None
        self.report_id: str | None = None  # a reports-to line is shown by its report's id
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.kind = QComboBox()
        self.kind.setObjectName("link_kind")
        for key in LINK_KINDS:
            self.kind.addItem(
                swatch_icon(style.link_colour(key).name(), line=key), style.link_label(key), key
            )
        self.kind.activated.connect(self._kind_chosen)
        self.note = QLineEdit()
        self.note.setObjectName("link_note")
        self.note.setPlaceholderText(self.tr("e.g. old classmates; competes for the budget"))
        self.note.editingFinished.connect(self._note_finished)
        self.reverse = QPushButton(self.tr("Reverse direction"))
        self.reverse.setObjectName("reverse_link")
        self.reverse.clicked.connect(self._reverse)
        self.delete = QPushButton(svg_icon("delete"), self.tr("Delete link"))
        self.delete.setObjectName("delete_link")
        self.delete.clicked.connect(self._delete)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Note"), self.note)
        self.explain = _hint()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.explain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reverse)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        layout.addLayout(buttons)
        layout.addStretch(1)
        document.updated.connect(self._load)

    @property
    def link(self) -> MapLink | None:
        return self.document.link(self.link_id) if self.link_id else None

    def show_link(self, link_id: str) -> None:
        self.link_id, self.report_id = link_id, None
        self._load()

    def show_reports_line(self, person_id: str) -> None:
        self.link_id, self.report_id = None, person_id
        self._load()

    def _load(self) -> None:
        link = self.link
        is_link = link is not None
        for widget in (self.kind, self.note, self.reverse):
            widget.setVisible(is_link)
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label_widget = label.widget() if label is not None else None
            if label_widget is not None:
                label_widget.setVisible(is_link)
        if link is not None:
            self.title.setText(
                f"{self.document.name(link.from_id)} → {self.document.name(link.to_id)}"
            )
            self.kind.setCurrentIndex(max(0, self.kind.findData(link.kind)))
            if not self.note.hasFocus():
                self.note.setText(link.note)
            self.reverse.setEnabled(link.kind != "ally_of")
            self.explain.setText(
                self.tr("Solid grey arrows are reports-to lines; set them in the person's panel.")
            )
            self.setEnabled(True)
            return
        person = self.document.person(self.report_id) if self.report_id else None
        if person is not None and person.reports_to_id:
            self.title.setText(
                self.tr("{0} reports to {1}").format(
                    person.name, self.document.name(person.reports_to_id)
                )
            )
            self.explain.setText(
                self.tr(
                    "A reports-to line of the org chart. Delete it to take {0} out from under "
                    "{1}; both keep their cards."
                ).format(person.name, self.document.name(person.reports_to_id))
            )
            self.setEnabled(True)
            return
        self.title.setText("")
        self.explain.setText("")
        self.setEnabled(False)

    def _kind_chosen(self, index: int) -> None:
        link = self.link
        kind = self.kind.itemData(index)
        if link is None or kind == link.kind:
            return
        if not push(
            commands.EditLinkCommand(
                self.ctx, link.id, {"link_kind": link.kind}, {"link_kind": kind}
            ),
        ):
            self._load()

    def _note_finished(self) -> None:
        link = self.link
        if link is None or not self.note.isModified():
            return
        self.note.setModified(False)
        value = self.note.text().strip()
        if value != link.note:
            push(
                commands.EditLinkCommand(self.ctx, link.id, {"note": link.note}, {"note": value}),
            )

    def _reverse(self) -> None:
        link = self.link
        if link is None:
            return
        # Reversing is "delete this link, add the opposite one" as one step.
        push(
            commands.ReverseLinkCommand(self.ctx, link, self.tr("Reverse link")),
        )

    def _delete(self) -> None:
        link = self.link
        if link is not None:
            push(commands.DeleteLinksCommand(self.ctx, [link.id]))
            return
        person = self.document.person(self.report_id) if self.report_id else None
        if person is not None and person.reports_to_id:
            push(
                commands.SetReportsToCommand(
                    self.ctx,
                    person.id,
                    person.reports_to_id,
                    None,
                    self.tr("Remove {0}'s manager").format(person.name),
                ),
            )


class SelectionPanel(QWidget):
    """Several things selected: what they are, and a button to delete them."""

    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.delete = QPushButton(svg_icon("delete"), self.tr("Delete selection…"))
        self.delete.clicked.connect(self.delete_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.delete, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_counts(self, names: list[str], links: int) -> None:
        parts = []
        if names:
            joiner = "、" if QLocale().language() == QLocale.Language.Chinese else ", "
            parts.append(self.tr("{0} people: {1}").format(len(names), joiner.join(names[:12])))
        if links:
            parts.append(self.tr("{0} lines").format(links))
        self.summary.setText("\n".join(parts))


class DetailsPanel(QStackedWidget):
    """Which panel the selection calls for: a hint, a person, a link, or several things."""

    def __init__(
        self, ctx: AppContext, document: MapDocument, style: MapStyle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("details_panel")
        self.hint = _hint(
            self.tr(
                "Select a person to edit their card.\n\nDouble-click empty space to add a "
                "person. Drag from the dot on a card's right edge onto another card to link "
                "them. Drag across empty space to select several."
            )
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setContentsMargins(12, 12, 12, 12)
        self.hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.person = PersonPanel(ctx, document, style)
        self.link = LinkPanel(ctx, document, style)
        self.several = SelectionPanel()
        for widget in (self.hint, self.person, self.link, self.several):
            self.addWidget(widget)

    def show_nothing(self) -> None:
        self.person.show_person(None)
        self.setCurrentWidget(self.hint)

    def show_person(self, person_id: str) -> None:
        self.person.show_person(person_id)
        self.setCurrentWidget(self.person)

    def show_link(self, link_id: str) -> None:
        self.person.show_person(None)
        self.link.show_link(link_id)
        self.setCurrentWidget(self.link)

    def show_reports_line(self, person_id: str) -> None:
        self.person.show_person(None)
        self.link.show_reports_line(person_id)
        self.setCurrentWidget(self.link)

    def show_several(self, names: list[str], lines: int) -> None:
        self.person.show_person(None)
        self.several.show_counts(names, lines)
        self.setCurrentWidget(self.several)
