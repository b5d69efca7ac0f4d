"""Global search over the FTS5 trigram index: Chinese and English, ranking, kept in step."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text

from desktop.services import records, search, stakeholders
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.storage import migrate


def pursuit(ws, title: str, account: str = "苏州恒通电子有限公司", **extra) -> str:
    pursuit_id, _ = create_pursuit(ws, PursuitDraft(title=title, account_name=account, **extra))
    return pursuit_id


def person(ws, pursuit_id: str, name: str, **values) -> str:
    person_id, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": name, **values})
    return person_id


def found(ws, query: str, **kwargs) -> list[tuple[str, str]]:
    return [(h.kind, h.label) for h in search.search(ws, query, **kwargs)]


def test_every_kind_is_found_by_a_chinese_word(ws) -> None:
    pid = pursuit(ws, "MES 生产执行系统", notes="客户关心排产")
    person(ws, pid, "王建国", title="信息中心主任", interests="喜欢打羽毛球")
    records.create(
        ws,
        "visit",
        {"pursuit_id": pid, "objective": "确认采购指标", "questions": "预算审批流程如何?"},
    )
    question = ws.catalog.stage(1).questions[0]
    records.create(
        ws,
        "coaching_answer",
        {
            "pursuit_id": pid,
            "question_key": question.key,
            "stage": 1,
            "answer": "内线是信息中心的李工",
        },
    )
    records.create(ws, "note", {"pursuit_id": pid, "body": "决策者下周出差\n回来后约见"})

    assert found(ws, "生产执行") == [("pursuit", "MES 生产执行系统")]
    assert found(ws, "恒通电子") == [
        ("account", "苏州恒通电子有限公司"),
        ("pursuit", "MES 生产执行系统"),  # found by its account
    ]
    assert found(ws, "王建国") == [("stakeholder", "王建国")]
    assert found(ws, "羽毛球") == [("stakeholder", "王建国")]
    assert found(ws, "采购指标") == [("visit", "确认采购指标")]
    assert found(ws, "审批流程") == [("visit", "确认采购指标")]
    (answer,) = search.search(ws, "李工", lang="zh")
    assert (answer.kind, answer.label) == ("coaching_answer", question.text("zh"))
    assert answer.snippet == "内线是信息中心的李工"
    assert search.search(ws, "李工", lang="en")[0].label == question.text("en")
    (note,) = search.search(ws, "出差")
    assert (note.kind, note.label, note.pursuit_id) == ("note", "决策者下周出差", pid)
    assert note.pursuit_title == "MES 生产执行系统"
    assert isinstance(note.when, datetime)


def test_short_words_match_anywhere_including_the_end(ws) -> None:
    pid = pursuit(ws, "数据中台建设")
    person(ws, pid, "王建国")
    person(ws, pid, "建国强")
    # Two characters cannot make a trigram; the index still finds them at the end of a text.
    assert found(ws, "建国") == [("stakeholder", "建国强"), ("stakeholder", "王建国")]
    assert found(ws, "中台") == [("pursuit", "数据中台建设")]
    assert found(ws, "建设") == [("pursuit", "数据中台建设")]
    # One character: names only.
    assert found(ws, "王") == [("stakeholder", "王建国")]
    assert found(ws, "没有") == []
    assert found(ws, "x") == []


def test_english_is_case_insensitive(ws) -> None:
    pursuit(ws, "MES rollout", account="Acme Manufacturing")
    assert found(ws, "mes") == [("pursuit", "MES rollout")]
    assert found(ws, "ROLLOUT") == [("pursuit", "MES rollout")]
    assert found(ws, "acme") == [("account", "Acme Manufacturing"), ("pursuit", "MES rollout")]
    assert found(ws, "ac") == [("account", "Acme Manufacturing"), ("pursuit", "MES rollout")]


def test_exact_names_rank_first_then_prefixes_then_the_rest(ws) -> None:
    a = pursuit(ws, "SAP ERP 替换", account="客户甲")
    pursuit(ws, "ERP 升级", account="客户乙")
    pursuit(ws, "ERP", account="客户丙")
    pursuit(ws, "仓储改造", account="客户丁", next_step="对比 ERP 接口")
    person(ws, a, "张三", title="ERP 负责人")
    hits = search.search(ws, "erp")
    assert [(h.label, h.rank) for h in hits if h.kind == "pursuit"] == [
        ("ERP", search.TIER_EXACT),
        ("ERP 升级", search.TIER_PREFIX),
        ("SAP ERP 替换", search.TIER_NAME),
        ("仓储改造", search.TIER_BODY),
    ]
    assert hits[0].exact
    assert hits[3].snippet == "对比 ERP 接口"
    # Groups come in the order of their best hit: the stakeholder only matched by title.
    assert [h.kind for h in hits][-1] == "stakeholder"
    assert hits[-1].rank == search.TIER_CONTEXT


def test_every_word_must_match(ws) -> None:
    a = pursuit(ws, "ERP 升级", account="上海华通")
    pursuit(ws, "ERP 升级", account="南京华盛")
    person(ws, a, "王芳", title="总经理")
    person(ws, a, "李强", title="总经理")
    assert found(ws, "erp 华通") == [("pursuit", "ERP 升级")]
    assert found(ws, "王 总经理") == [("stakeholder", "王芳")]
    assert found(ws, "总经理 李强") == [("stakeholder", "李强")]


def test_limit_is_per_kind(ws) -> None:
    pid = pursuit(ws, "平台建设")
    for n in range(5):
        person(ws, pid, f"平台对接人{n}")
    hits = search.search(ws, "平台", limit=2)
    assert [h.kind for h in hits] == ["pursuit", "stakeholder", "stakeholder"]
    assert search.search(ws, "平台", limit=0) == []
    assert search.search(ws, "   ") == []
    assert [h.kind for h in search.search(ws, "平台", kinds=("stakeholder",))] == [
        "stakeholder"
    ] * 5


def test_index_follows_edits_deletes_and_restores(ws) -> None:
    pid = pursuit(ws, "智能客服", account="杭州瑞安")
    sid = person(ws, pid, "赵敏")
    records.update(ws, "pursuit", pid, {"title": "智能客服平台二期"})
    assert found(ws, "平台二期") == [("pursuit", "智能客服平台二期")]
    records.update(
        ws, "account", records.get(ws, "pursuit", pid)["account_id"], {"name": "杭州云启"}
    )
    assert found(ws, "瑞安") == []
    assert found(ws, "云启") == [("account", "杭州云启"), ("pursuit", "智能客服平台二期")]

    records.delete(ws, "stakeholder", sid)
    assert found(ws, "赵敏") == []
    records.restore(ws, "stakeholder", sid)
    assert found(ws, "赵敏") == [("stakeholder", "赵敏")]

    # A deleted pursuit takes its people out of the results with it.
    records.delete(ws, "pursuit", pid)
    assert found(ws, "智能客服") == []
    assert found(ws, "赵敏") == []
    records.restore(ws, "pursuit", pid)
    assert found(ws, "赵敏") == [("stakeholder", "赵敏")]

    with ws.write() as session:  # a hard delete (a purge's cascade) drops the document too
        session.execute(text("DELETE FROM stakeholders WHERE id = :id"), {"id": sid})
    assert found(ws, "赵敏") == []
    _assert_index_consistent(ws)


def test_many_best_matches_on_a_deleted_pursuit_leave_the_rest_in_rank_order(ws) -> None:
    """The ranking is read unchecked and checked after (storage.queries._ranked_alive): when
    the best matches belong to a deleted pursuit — more of them than the spare rows read — the
    live ones still come, in the order they would without the deleted ones."""
    from desktop.storage import queries

    gone = pursuit(ws, "项目甲")
    kept = pursuit(ws, "项目乙")
    spare = queries._SPARE
    for n in range(spare + 4):  # shorter names: they rank first, in the name and the scan
        person(ws, gone, f"林{n}")
    for n in range(3):
        person(ws, kept, f"林海燕{n}")
    before = found(ws, "林海燕", kinds=("stakeholder",))
    records.delete(ws, "pursuit", gone)
    expected = [("stakeholder", f"林海燕{n}") for n in range(3)]
    for query in ("林", "林 ", "林0", "林海燕"):  # the scan of names, then the index
        hits = found(ws, query, kinds=("stakeholder",), limit=2)
        assert all(label.startswith("林海燕") for _kind, label in hits), query
        assert len(hits) == (2 if query != "林0" else 0), query
    assert found(ws, "林", kinds=("stakeholder",), limit=3) == expected
    assert found(ws, "林海燕", kinds=("stakeholder",)) == before == expected
    records.restore(ws, "pursuit", gone)
    assert found(ws, "林", kinds=("stakeholder",), limit=2) == [
        ("stakeholder", "林0"),
        ("stakeholder", "林1"),
    ]


def test_edits_of_unsearched_columns_do_not_touch_the_index(ws) -> None:
    pid = pursuit(ws, "OA 协同办公")
    with ws.read() as session:
        before = session.scalar(
            text("SELECT id FROM search_docs WHERE record_id = :id"), {"id": pid}
        )
    records.update(ws, "pursuit", pid, {"amount": 5_000_000, "board_rank": 7.0})
    with ws.read() as session:
        after = session.scalar(
            text("SELECT id FROM search_docs WHERE record_id = :id"), {"id": pid}
        )
    assert before == after


def test_odd_input_never_breaks_the_query(ws) -> None:
    pursuit(ws, 'He said "100%" done_now', account="A*B (c)")
    assert found(ws, '"100%"') == [("pursuit", 'He said "100%" done_now')]
    assert found(ws, "100%") == [("pursuit", 'He said "100%" done_now')]
    assert found(ws, "done_") == [("pursuit", 'He said "100%" done_now')]
    for query in ['"', "AND", "OR NOT", "*", "(c)", "a*b", "NEAR(", "{name}", "\\", "%_"]:
        search.search(ws, query)  # no exception


def test_demo_scale_answers_stay_quick_and_grouped(demo_ws) -> None:
    hits = search.search(demo_ws, "系统", limit=5)
    kinds = [h.kind for h in hits]
    assert kinds == sorted(kinds, key=lambda k: [h.kind for h in hits].index(k))  # grouped
    assert all(len([k for k in kinds if k == kind]) <= 5 for kind in set(kinds))
    assert hits and hits[0].kind == "pursuit"


def test_upgrading_a_database_from_0001_indexes_what_it_holds(ws) -> None:
    from alembic import command

    pid = pursuit(ws, "设备物联网平台", account="青岛海达")
    person(ws, pid, "钱多多")
    cfg = migrate._config()
    with ws.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert not {"search_docs", "search_index", "search_terms"} & tables
    with ws.write() as session:  # written while no trigger exists
        session.execute(text("UPDATE stakeholders SET name = '钱满满'"))
    migrate.upgrade(ws.db.engine)
    assert found(ws, "物联网") == [("pursuit", "设备物联网平台")]
    assert found(ws, "海达") == [("account", "青岛海达"), ("pursuit", "设备物联网平台")]
    assert found(ws, "满满") == [("stakeholder", "钱满满")]
    # New rows after the upgrade get ids after the backfilled ones in their kind's range.
    pursuit(ws, "设备物联网平台二期", account="青岛海达")
    assert [h.label for h in search.search(ws, "物联网")] == [
        "设备物联网平台",
        "设备物联网平台二期",
    ]
    _assert_index_consistent(ws)


def _assert_index_consistent(ws) -> None:
    with ws.read() as session:
        session.execute(text("INSERT INTO search_index(search_index) VALUES ('integrity-check')"))
        kinds = session.execute(text("SELECT kind, id FROM search_docs")).all()
    for kind, doc_id in kinds:
        low, high = search.kind_range(kind)
        assert low <= doc_id <= high


@pytest.mark.parametrize("query", ["恒通", "MES", "王", "mes 系统"])
def test_results_are_plain_frozen_data(demo_ws, query) -> None:
    for hit in search.search(demo_ws, query, limit=3):
        assert hit.kind in search.KINDS
        assert hit.label
        with pytest.raises(AttributeError):
            hit.label = "x"  # type: ignore[misc]


def test_an_insert_or_replace_of_a_source_row_keeps_one_document(ws) -> None:
    pid = pursuit(ws, "云迁移项目")
    with ws.write() as session:  # how a bulk writer might re-insert a row it merged
        row = session.execute(text("SELECT * FROM pursuits WHERE id = :id"), {"id": pid}).mappings()
        values = dict(row.one())
        values["title"] = "云迁移项目二期"
        names = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        session.execute(text(f"INSERT OR REPLACE INTO pursuits ({names}) VALUES ({marks})"), values)
    assert found(ws, "云迁移") == [("pursuit", "云迁移项目二期")]
    with ws.read() as session:
        assert session.scalar(text("SELECT count(*) FROM search_docs WHERE record_id = :id"),
                              {"id": pid}) == 1  # fmt: skip
        # …and the index holds no entry of a document that is gone.
        in_index = "SELECT count(*) FROM search_index WHERE search_index MATCH '\"云迁移\"'"
        assert session.scalar(text(in_index)) == 1
    _assert_index_consistent(ws)


def test_count_is_how_many_an_unlimited_search_finds(ws) -> None:
    """The popup shows the best eight of a kind; `count` says how many there are in all."""
    for n in range(10):
        pursuit(ws, f"ERP 实施 {n}", account=f"远盛{n}号客户" if n < 9 else "华通")
    gone = pursuit(ws, "ERP 已删除")
    records.delete(ws, "pursuit", gone)
    assert len(search.search(ws, "ERP", limit=8, kinds=("pursuit",))) == 8
    counts = search.count(ws, "ERP")
    assert counts["pursuit"] == 10 and counts["account"] == 0
    assert search.count(ws, "远盛", kinds=("pursuit", "account")) == {"pursuit": 9, "account": 9}
    assert search.count(ws, "没有这个词语") == {kind: 0 for kind in search.KINDS}
    assert search.count(ws, "  ") == {}


@pytest.mark.parametrize("query", ["恒通", "MES", "王", "mes 系统", "系统", "张", "客户 需求"])
def test_count_agrees_with_the_search_on_demo_data(demo_ws, query) -> None:
    counts = search.count(demo_ws, query)
    for kind in search.KINDS:
        hits = search.search(demo_ws, query, kinds=(kind,), limit=search.COUNT_CAP + 1)
        assert counts[kind] == len(hits), (query, kind)


def test_count_stops_past_its_cap(ws) -> None:
    for n in range(6):
        pursuit(ws, f"平台{n}")
    assert search.count(ws, "平台", kinds=("pursuit",), cap=3) == {"pursuit": 4}
    assert search.count(ws, "平", kinds=("pursuit",), cap=3) == {"pursuit": 4}  # the name scan
