"""The competitive matrix (竞争矩阵) of a pursuit: buying criteria × vendors, and the competitors.

Rows are the customer's buying criteria (采购指标) in order of importance; columns are us and each
competitor in the pursuit, with a score 1–5 per cell. The class of each criterion (winning /
sleeping / fatal / neutral) is computed by `domain.indicators.classify`, never stored.

Callers use the service as one noun (`indicators.load_grid`, `indicators.apply`, …); this package
re-exports each part's public names so that stays true while the parts stay small:

- `grid`: the columns, the plain rows (`Grid`, `Criterion`, `Vendor`, `GridEdit`, `Cell`) and the
  reads (`load_grid`, `summarize`);
- `edits`: every change to the criteria goes through `apply(ws, pursuit_id, GridEdit)`: one
  transaction that creates, restores, edits, reorders and deletes criteria, and returns the
  inverse edit read from the database itself, so an undo command only applies what it got back;
- `paste`: a block from a spreadsheet is planned as one GridEdit (`plan_paste`), refused as a
  whole when any cell is bad (`CellRefused` names the cell);
- `competitors`: the competitor columns (`add_competitor` / `remove_competitor` /
  `reorder_competitors`) and the global list with its playbook;
- `profiles`: each pursuit's own notes on a competitor, and how they grow the playbook;
- `plan_export`: the matrix as the printed visit plan and the spreadsheet export read it.

A competitor lives in two places: the global `Competitor` is the playbook that grows deal by deal
(their usual solution, weaknesses, labels that worked, case stories); each pursuit keeps its own
notes on a `PursuitCompetitor` (solution, flaws, harm, label, case story, our counter, allies).
"""

from __future__ import annotations

from desktop.services.indicators.competitors import (
    CompetitorEntry,
    add_competitor,
    competitor_order,
    create_competitor,
    find_competitor,
    list_competitors,
    playbook,
    pursuit_competitor_id,
    remove_competitor,
    reorder_competitors,
    suggested_profile,
    update_playbook,
    was_in_pursuit,
)
from desktop.services.indicators.edits import (
    add_criterion,
    apply,
    check_value,
    delete_criteria,
    move_order,
    reorder,
    set_cells,
)
from desktop.services.indicators.grid import (
    CLASS,
    CRITERION_FIELDS,
    PLAYBOOK_FIELDS,
    PLAYBOOK_TO_PROFILE,
    PROFILE_FIELDS,
    SCALE_FIELDS,
    SCORE_PREFIX,
    TEXT_FIELDS,
    US,
    Applied,
    Cell,
    CellRefused,
    Criterion,
    Grid,
    GridEdit,
    NewCriterion,
    Summary,
    Vendor,
    VendorScore,
    competitor_of,
    load_grid,
    new_criterion,
    score_column,
    summarize,
)
from desktop.services.indicators.paste import (
    MAX_PASTE_ROWS,
    PastePlan,
    class_key,
    parse_cell,
    parse_tsv,
    paste_block,
    plan_paste,
    to_tsv,
)
from desktop.services.indicators.plan_export import (
    ExportTable,
    PlanCompetitor,
    PlanCriterion,
    PlanSummary,
    export_table,
    plan_summary,
)
from desktop.services.indicators.profiles import (
    Profile,
    contribute_to_playbook,
    merge_lines,
    playbook_contribution,
    profile,
    update_profile,
)

__all__ = [
    "CLASS",
    "CRITERION_FIELDS",
    "MAX_PASTE_ROWS",
    "PLAYBOOK_FIELDS",
    "PLAYBOOK_TO_PROFILE",
    "PROFILE_FIELDS",
    "SCALE_FIELDS",
    "SCORE_PREFIX",
    "TEXT_FIELDS",
    "US",
    "Applied",
    "Cell",
    "CellRefused",
    "CompetitorEntry",
    "Criterion",
    "ExportTable",
    "Grid",
    "GridEdit",
    "NewCriterion",
    "PastePlan",
    "PlanCompetitor",
    "PlanCriterion",
    "PlanSummary",
    "Profile",
    "Summary",
    "Vendor",
    "VendorScore",
    "add_competitor",
    "add_criterion",
    "apply",
    "check_value",
    "class_key",
    "competitor_of",
    "competitor_order",
    "contribute_to_playbook",
    "create_competitor",
    "delete_criteria",
    "export_table",
    "find_competitor",
    "list_competitors",
    "load_grid",
    "merge_lines",
    "move_order",
    "new_criterion",
    "parse_cell",
    "parse_tsv",
    "paste_block",
    "plan_paste",
    "plan_summary",
    "playbook",
    "playbook_contribution",
    "profile",
    "pursuit_competitor_id",
    "remove_competitor",
    "reorder",
    "reorder_competitors",
    "score_column",
    "set_cells",
    "suggested_profile",
    "summarize",
    "to_tsv",
    "update_playbook",
    "update_profile",
    "was_in_pursuit",
]
