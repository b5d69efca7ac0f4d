"""The dashboard's filter bar: period, account, tags, rep (when the team's pursuits are merged
here: a manager's roll-up) and (when more than one is in use) currency.

The filters are remembered between sessions in the dashboard's screen state and described on an
exported chart; the dashboard listens to `changed` and recomputes only what the new filters need.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from desktop.services import analytics, pursuits
from desktop.services.sync import review
from desktop.ui.common.format import count
from desktop.ui.context import AppContext

DEFAULT_PERIOD = "last_12_months"


def saved_period(state: dict[str, Any]) -> str:
    """The period the bar opens with: the one saved, or the first offered for one it does not
    know (a setting from another version)."""
    period = state.get("period", DEFAULT_PERIOD)
    return period if period in analytics.PERIODS else analytics.PERIODS[0]


def saved_currency(state: dict[str, Any]) -> str | None:
    """The currency chosen last time (saved only when several were in use), or None."""
    currency = state.get("currency")
    return currency if isinstance(currency, str) and currency else None


def first_filters(state: dict[str, Any], today: date) -> analytics.Filters:
    """The filters a new bar computes the first series for, read from the saved state alone:
    the saved period, tags, account, rep and currency (the bar offers currencies once the first
    series say which are in use; until then it stands by the one saved). What the app's
    warm-up computes ahead for (`charts.ahead`). A saved account since deleted is not chosen by
    the bar: then these filters differ from the bar's, and the first open computes its own."""
    start, end = analytics.period_range(saved_period(state), today)
    account = state.get("account")
    rep = state.get("rep")
    return analytics.Filters(
        start=start,
        end=end,
        tags=frozenset(state.get("tags", [])),
        account_id=account if isinstance(account, str) and account else None,
        currency=saved_currency(state),
        rep=rep if isinstance(rep, str) else None,
    )


class DashboardFilters(QWidget):
    """The filters over the charts; `filters()` is what the series are computed for. `status`
    (the dashboard's line for what is going on) takes the rest of the row."""

    changed = Signal()  # a filter changed (the state is saved already)

    def __init__(self, ctx: AppContext, state: dict[str, Any], status: QLabel) -> None:
        super().__init__()
        self.ctx = ctx
        self._state = state  # the dashboard's screen state, shared with the chart export
        self.accounts_stale = True  # the account list is read on show and after account edits
        self.period = QComboBox()
        self.period.setObjectName("period")
        labels = {
            "last_90_days": self.tr("Last 90 days"),
            "this_quarter": self.tr("This quarter"),
            "last_quarter": self.tr("Last quarter"),
            "this_year": self.tr("This year"),
            "last_year": self.tr("Last year"),
            "last_12_months": self.tr("Last 12 months"),
            "all": self.tr("All time"),
        }
        for key in analytics.PERIODS:
            self.period.addItem(labels[key], key)
        self.period.setToolTip(
            self.tr(
                "The period applies to won and lost, velocity, conversion and the win-rate "
                "check. The funnel and the forecast always show the open pursuits as they are now."
            )
        )
        self.period.setCurrentIndex(analytics.PERIODS.index(saved_period(self._state)))
        self.period.currentIndexChanged.connect(self._filters_changed)

        self.account = QComboBox()
        self.account.setObjectName("account")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setMinimumContentsLength(14)
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        typed = self.account.lineEdit()
        assert typed is not None  # an editable combo box has its line edit
        typed.setPlaceholderText(self.tr("All accounts"))
        completer = QCompleter(self.account.model(), self.account)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.account.setCompleter(completer)
        self.account.activated.connect(self._filters_changed)
        typed.editingFinished.connect(self._account_typed)

        self.tags_button = QToolButton()
        self.tags_button.setObjectName("tags")
        self.tags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tags_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tags_menu = QMenu(self.tags_button)
        self.tags_menu.aboutToShow.connect(self._fill_tags_menu)
        self.tags_button.setMenu(self.tags_menu)
        self.tags_button.setToolTip(self.tr("Only pursuits with any of the chosen tags"))
        self.tags_button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 7)
        self.tags: set[str] = set(self._state.get("tags", []))

        # Whose pursuits: shown once colleagues' databases are merged here (a manager's roll-up).
        self.rep = QComboBox()
        self.rep.setObjectName("rep")
        self.rep.setToolTip(self.tr("Show the pursuits of one rep (the database they came from)"))
        self.rep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rep.addItem(self.tr("Every rep"), None)
        saved_rep = self._state.get("rep")
        if isinstance(saved_rep, str):
            self.rep.addItem(saved_rep or self.tr("This computer"), saved_rep)
            self.rep.setCurrentIndex(1)
        self.rep.activated.connect(self._filters_changed)
        self.rep_label = QLabel(self.tr("Rep:"))
        self.rep_label.setBuddy(self.rep)

        self.currency_box = QComboBox()
        self.currency_box.setObjectName("currency")
        self.currency_box.setToolTip(self.tr("Amounts add up only within one currency"))
        self.currency_box.activated.connect(self._filters_changed)
        self.currency_label = QLabel(self.tr("Currency:"))

        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.clicked.connect(self.clear)

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)  # as a row of the dashboard's own layout
        bar.setSpacing(6)
        for label, widget in (
            (self.tr("Period:"), self.period),
            (self.tr("Account:"), self.account),
            (self.tr("Tags:"), self.tags_button),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addWidget(self.rep_label)
        bar.addWidget(self.rep)
        bar.addSpacing(8)
        bar.addWidget(self.currency_label)
        bar.addWidget(self.currency_box)
        bar.addWidget(self.clear_button)
        bar.addWidget(status, 1)
        self._update_widgets()

    def filters(self) -> analytics.Filters:
        start, end = analytics.period_range(
            self.period.currentData() or DEFAULT_PERIOD, date.today()
        )
        return analytics.Filters(
            start=start,
            end=end,
            tags=frozenset(self.tags),
            account_id=self.account_id(),
            currency=self.currency(),
            rep=self.rep_choice(),
        )

    def currency(self) -> str | None:
        """The currency chosen, when several are offered. Before the first series say which
        are in use, the one saved last time: the first open computes in it, not in the one
        most pursuits use and then again in the saved one."""
        if self.currency_box.count() == 0:
            return saved_currency(self._state)
        return self.currency_box.currentData() if self.currency_box.count() > 1 else None

    def rep_choice(self) -> str | None:
        rep = self.rep.currentData()
        return rep if isinstance(rep, str) else None

    def account_id(self) -> str | None:
        index = self.account.currentIndex()
        if index <= 0 or self.account.currentText() != self.account.itemText(index):
            return None
        account_id = self.account.itemData(index)
        return account_id if isinstance(account_id, str) else None

    def _account_typed(self) -> None:
        """A typed name picks the account it names (or the only one containing it); an empty
        field means all accounts; anything else goes back to the account chosen before."""
        text = self.account.currentText().strip()
        if not text:
            self.account.setCurrentIndex(0)
            self.account.setEditText("")
        else:
            found = self.account.findText(text, Qt.MatchFlag.MatchFixedString)
            if found <= 0:
                containing = self.account.model().match(
                    self.account.model().index(1, 0),
                    Qt.ItemDataRole.DisplayRole,
                    text,
                    2,
                    Qt.MatchFlag.MatchContains,
                )
                found = containing[0].row() if len(containing) == 1 else -1
            if found > 0:
                self.account.setCurrentIndex(found)
            else:
                current = self.account.currentIndex()
                self.account.setEditText(self.account.itemText(current) if current > 0 else "")
        self._filters_changed()

    def _fill_tags_menu(self) -> None:
        self.tags_menu.clear()
        everyone = self.tags_menu.addAction(self.tr("All pursuits (no tag filter)"))
        everyone.triggered.connect(lambda: self.set_tags(set()))
        self.tags_menu.addSeparator()
        known = pursuits.all_tags(self.ctx.workspace)
        for tag in sorted(set(known) | self.tags):
            action = self.tags_menu.addAction(tag)
            action.setCheckable(True)
            action.setChecked(tag in self.tags)
            action.toggled.connect(lambda on, t=tag: self._toggle_tag(t, on))
        if not known:
            self.tags_menu.addAction(self.tr("(no tags yet)")).setEnabled(False)

    def _toggle_tag(self, tag: str, on: bool) -> None:
        self.set_tags(self.tags | {tag} if on else self.tags - {tag})

    def set_tags(self, tags: set[str]) -> None:
        self.tags = set(tags)
        self._filters_changed()

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(self.period.findData(key))

    def set_account(self, account_id: str | None) -> None:
        self.refresh_accounts()
        index = self.account.findData(account_id) if account_id else 0
        self.account.setCurrentIndex(max(index, 0))
        if index <= 0:
            self.account.setEditText("")
        self._filters_changed()

    def clear(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD))
        self.period.blockSignals(False)
        self.account.setCurrentIndex(0)
        self.account.setEditText("")
        self.tags = set()
        self.rep.setCurrentIndex(0)
        if self.currency_box.count():
            self.currency_box.setCurrentIndex(0)
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        self._update_widgets()
        self.save_state()
        self.changed.emit()

    def _update_widgets(self) -> None:
        tags = sorted(self.tags)
        if not tags:
            self.tags_button.setText(self.tr("All"))
        elif len(tags) <= 2:
            self.tags_button.setText(" · ".join(tags))
        else:
            self.tags_button.setText(self.tr("{0} tags").format(len(tags)))
        active = (
            self.period.currentData() != DEFAULT_PERIOD
            or bool(self.tags)
            or self.account_id() is not None
            or self.rep_choice() is not None
        )
        self.clear_button.setVisible(active)
        team = self.rep.count() > 1
        self.rep.setVisible(team)
        self.rep_label.setVisible(team)
        several = self.currency_box.count() > 1
        self.currency_box.setVisible(several)
        self.currency_label.setVisible(several)

    def refresh_accounts(self) -> None:
        """The accounts to choose from, keeping the chosen one (or the one saved last time)."""
        if not self.accounts_stale:
            return
        self.accounts_stale = False
        wanted = self.account_id() or self._state.get("account")
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for account_id, name in analytics.account_choices(self.ctx.workspace):
            self.account.addItem(name, account_id)
        index = self.account.findData(wanted) if wanted else 0
        self.account.setCurrentIndex(max(index, 0))
        if index <= 0:
            self.account.setEditText("")  # "All accounts" shows as the placeholder
        self.account.blockSignals(False)
        self._refresh_reps()
        self._update_widgets()

    def _refresh_reps(self) -> None:
        """The reps whose pursuits are merged here (by the name their database gives its
        files, as the board shows them), keeping the chosen one."""
        chosen = self.rep_choice()
        names = set(review.origins(self.ctx.workspace).values())
        self.rep.blockSignals(True)
        self.rep.clear()
        self.rep.addItem(self.tr("Every rep"), None)
        if names or chosen is not None:
            self.rep.addItem(self.tr("This computer"), "")
            for name in sorted(names | ({chosen} if chosen else set())):
                self.rep.addItem(name, name)
        self.rep.setCurrentIndex(max(0, self.rep.findData(chosen)) if chosen is not None else 0)
        self.rep.blockSignals(False)

    def forget_account(self) -> None:
        """Another database is open: it has other accounts."""
        self.accounts_stale = True
        self._state.pop("account", None)
        self._state.pop("rep", None)
        self.rep.setCurrentIndex(0)
        self.account.setCurrentIndex(0)
        self.account.setEditText("")

    def show_currencies(self, used: tuple[tuple[str, int], ...], shown: str) -> None:
        """Offer the currencies in use, when there is more than one (amounts never mix);
        `shown` is the currency the charts show now."""
        offered = tuple(self.currency_box.itemData(i) for i in range(self.currency_box.count()))
        if offered == tuple(code for code, _ in used):
            return
        # The one chosen stays chosen; on the first fill, the one the charts were computed in
        # (the saved one, when it is still in use: `currency`).
        chosen = self.currency_box.currentData() or shown
        self.currency_box.blockSignals(True)
        self.currency_box.clear()
        for code, n in used:
            self.currency_box.addItem(f"{code} ({count(n)})", code)
        self.currency_box.setCurrentIndex(max(self.currency_box.findData(chosen), 0))
        self.currency_box.blockSignals(False)
        self._update_widgets()

    def save_state(self) -> None:
        self._state.update(
            period=self.period.currentData() or DEFAULT_PERIOD,
            tags=sorted(self.tags),
            account=self.account_id(),
            currency=self.currency(),
            rep=self.rep_choice(),
        )
        self.ctx.settings.set_screen_state_of("dashboard", self.ctx.workspace.path, self._state)
