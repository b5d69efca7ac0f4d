"""Demo data: realistic Chinese B2B pursuits across all stages, deterministic by seed, scalable.

It follows the method to its end: pursuits in 验收 (stage 7) and 回款 (stage 8) carry their
collection checklist, instalments (some received, some overdue), after-sale periods and referrals,
and the won ones are collected — so stages 7 and 8 are worth exploring and the benchmarks load
those tables too.

Written in one transaction (one dot for all, as one write transaction is), each row stamped as
`sync_meta.stamped_row` stamps it, a few hundred pursuits generated and then written at a time
through `storage.bulk_load` (change sequence given, search documents and, in an empty database,
secondary indexes made once at the end), so that time and memory grow linearly with the scale:
`--scale 50000` (three million rows) in under a minute.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain import status as status_rules
from desktop.services.activities import to_utc
from desktop.services.changes import Changes
from desktop.services.workspace import Workspace
from desktop.storage import bulk_load
from desktop.storage.bulk_load import membership_id
from desktop.storage.tables import (
    Account,
    Activity,
    AfterSale,
    CoachingAnswer,
    Collection,
    Competitor,
    Indicator,
    IndicatorScore,
    Instalment,
    NewNeed,
    Note,
    Offer,
    PainPoint,
    Person,
    Pursuit,
    PursuitCompetitor,
    PursuitTag,
    Referral,
    Risk,
    StageChange,
    Stakeholder,
    StakeholderHelp,
    StakeholderLink,
    StakeholderRole,
    StepProgress,
    Synced,
    ValueBenefit,
    ValueCase,
    Visit,
    VisitAttendee,
    named_id,
    new_id,
    utcnow,
)

if TYPE_CHECKING:
    from desktop.storage.db import Database

CITIES = [
    "北京",
    "上海",
    "深圳",
    "杭州",
    "成都",
    "武汉",
    "南京",
    "苏州",
    "西安",
    "青岛",
    "广州",
    "天津",
]
INDUSTRIES = {
    "制造": ["精密机械", "汽车零部件", "电子", "重工", "新材料"],
    "能源": ["电力", "燃气", "新能源"],
    "医疗": ["医院", "医药", "医疗器械"],
    "零售": ["连锁", "商超", "电商"],
    "金融": ["城商行", "保险", "证券"],
    "物流": ["快运", "供应链", "港务"],
}
SUFFIX = ["股份有限公司", "集团有限公司", "有限公司", "科技有限公司"]
PROJECTS = [
    "ERP 升级",
    "MES 生产执行系统",
    "仓储 WMS 改造",
    "数据中台建设",
    "CRM 替换",
    "供应链协同平台",
    "智能客服",
    "财务共享中心",
    "设备物联网平台",
    "HR 一体化",
    "质量追溯系统",
    "BI 报表平台",
    "网络安全加固",
    "私有云扩容",
    "OA 协同办公",
]
SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕晓东晓明建华文"
    "博子豪宇轩欣怡浩然思远嘉怡俊杰雨萱"
)
TITLES = [
    ("总经理", "总经办"),
    ("副总经理", "总经办"),
    ("CIO", "信息中心"),
    ("信息中心主任", "信息中心"),
    ("IT 经理", "信息中心"),
    ("系统架构师", "信息中心"),
    ("财务总监", "财务部"),
    ("采购经理", "采购部"),
    ("生产总监", "生产部"),
    ("车间主任", "生产部"),
    ("质量经理", "质量部"),
    ("运营总监", "运营部"),
    ("项目经理", "信息中心"),
    ("业务分析师", "运营部"),
]
COMPETITORS = [
    ("赛达软件", "标准化套件，本地部署", "二次开发成本高，实施周期长", "「昂贵的半成品」"),
    ("云启科技", "纯 SaaS 订阅", "数据出境与定制能力不足", "「数据不在自己手里」"),
    ("恒通信息", "低价定制开发", "团队小，交付质量不稳定", "「项目烂尾风险」"),
    ("博远咨询", "咨询 + 外包实施", "重咨询轻落地，报价高", "「只出 PPT」"),
    ("金桥系统", "行业老牌厂商", "技术架构老旧，移动端弱", "「上一代系统」"),
]
CRITERIA = [
    ("系统稳定性", "全年可用率不低于 99.9%"),
    ("实施周期", "六个月内上线核心模块"),
    ("总拥有成本", "五年 TCO"),
    ("本地化服务", "本地团队 2 小时响应"),
    ("行业案例", "同行业成功案例数量"),
    ("二次开发能力", "低代码配置与开放接口"),
    ("数据安全", "等保三级与私有化部署"),
    ("移动端体验", "手机审批与现场扫码"),
    ("报价", "首年投入"),
    ("培训与知识转移", "关键用户培训课时"),
]
PAINS = [
    (
        "月结需要 12 天，报表靠手工汇总",
        "月结 3 天内完成",
        "系统割裂，数据口径不一致",
        "管理层看不到实时经营数据",
        "决策滞后，库存资金占用增加约 15%",
    ),
    (
        "订单交付准时率 82%",
        "准时率提升到 95%",
        "计划与车间脱节",
        "客户投诉增多，大客户流失风险",
        "年损失订单约 800 万",
    ),
    (
        "设备停机无法提前预警",
        "非计划停机减少 50%",
        "缺少设备数据采集",
        "产线频繁停工",
        "每次停机损失 20 万",
    ),
]
RISKS = [
    (
        "决策者担心上线影响年底生产",
        "生产部长考核受影响",
        "新旧部门权责之争",
        "上线延期影响年度目标",
        4,
    ),
    ("预算审批可能延后到下一财年", "采购经理承担压力", "财务与信息中心意见不一", "项目搁置", 3),
    ("担心数据迁移丢失历史数据", "IT 经理担责", "", "业务中断", 5),
]
ANSWERS = [
    "已确认，见拜访记录。",
    "初步了解，需在下次拜访中核实。",
    "内线透露：预算已列入年度计划。",
    "对方反馈积极，计划下周再沟通。",
    "已整理在价值建议书中。",
]


_CHUNK = 500  # pursuits generated, then written, at a time: memory stays flat at any scale
_ROWS_PER_PURSUIT = 60  # about, for telling the bulk write how large it will be


class _Random(random.Random):
    """`random.Random` giving the very same numbers from the same seed, its two most called
    methods (some five million calls at 50,000 pursuits) without their layers of Python calls:
    `choice` and `randint` as Python 3.11's `_randbelow_with_getrandbits` computes them."""

    def choice(self, seq: Any) -> Any:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return seq[r]

    def randint(self, a: int, b: int) -> int:
        n = b - a + 1
        if n <= 0:
            raise ValueError(f"empty range in randint({a}, {b})")
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return a + r


def _dated(step: str, due: date) -> date | None:
    """A next step's date, or none for a pursuit without a next step."""
    return due if step else None


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def fill_demo(
    ws: Workspace,
    *,
    scale: int = 24,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> Changes:
    """Add `scale` demo pursuits (with accounts, people, history, indicators …) to the database."""
    rng = _Random(seed)
    today = date.today()
    now = utcnow()
    catalog = ws.catalog
    # The rows not yet written, per table in the order each first appeared (parents first).
    rows: dict[type[Synced], list[dict[str, Any]]] = {}

    with (
        ws.write() as session,
        _no_cycle_collection(),
        bulk_load.BulkLoad(session, expected_rows=scale * _ROWS_PER_PURSUIT) as load,
    ):

        def add(table: type[Synced], **values: Any) -> str:
            row = load.row(table, values)
            rows.setdefault(table, []).append(row)
            return str(row["id"])

        def write() -> None:
            for table, batch in rows.items():
                load.insert(table, batch)
                batch.clear()

        competitor_ids = [
            add(
                Competitor,
                # Named as a rep's own are (tables.named_id): demo databases rolled up together
                # share their competitors, as a team's do.
                id=named_id(session, Competitor, "competitor", name),
                name=name,
                solution=solution,
                weaknesses=flaw,
                labels=label,
                case_stories="某同行客户上线一年后仍在返工，追加投入超过合同额 40%。",
            )
            for name, solution, flaw, label in COMPETITORS
        ]
        account_count = max(1, scale // 3)
        accounts = []
        named: set[str] = set()  # the names' ids this load gave (its rows are not in the table)
        for _ in range(account_count):
            sector = rng.choice(list(INDUSTRIES))
            name = (
                f"{rng.choice(CITIES)}{rng.choice('华中恒瑞海远鼎新')}{rng.choice('通达信盛泰安诚科')}"
                f"{rng.choice(INDUSTRIES[sector])}{rng.choice(SUFFIX)}"
            )
            # Named as a rep's own are; a name drawn twice gets a random id the second time.
            account_id = named_id(session, Account, "account", name)
            account_id = new_id() if account_id in named else account_id
            named.add(account_id)
            accounts.append(
                add(
                    Account,
                    id=account_id,
                    name=name,
                    industry=sector,
                    address=f"{rng.choice(CITIES)}市高新区科技路 {rng.randint(1, 999)} 号",
                )
            )

        stage_weights = [18, 16, 14, 13, 12, 10, 9, 8]
        # The rep's day has its own random stream, so the rest of the demo stays as it was.
        day_rng = _Random(seed * 7919 + 17)
        offer_rng = _Random(seed * 104_729 + 5)  # our offer and new needs: their own too
        after_rng = _Random(seed * 104729 + 3)  # and so has the time after signing
        for index in range(scale):
            stage = rng.choices(range(1, 9), weights=stage_weights)[0]
            status = "open"
            if rng.random() < 0.18:
                status = rng.choices(list(status_rules.CLOSED), weights=[5, 4, 1])[0]
                if status == status_rules.COLLECTED:
                    stage = status_rules.COLLECTION_STAGE  # the win: the money is in
            entered = now - timedelta(days=rng.randint(0, 80), hours=rng.randint(0, 23))
            amount = rng.choice([8, 12, 18, 25, 36, 48, 60, 85, 120, 160, 240, 380]) * 10_000_00
            close = today + timedelta(days=rng.randint(-30, 330))
            pursuit_account = rng.choice(accounts)
            pursuit_id = add(
                Pursuit,
                account_id=pursuit_account,
                title=rng.choice(PROJECTS) + ("" if rng.random() < 0.7 else " 二期"),
                amount=amount,
                currency="CNY",
                expected_close=close,
                stage=stage,
                status=status,
                close_reason={
                    "collected": "价值建议书获决策者认可",
                    "lost": "价格劣势",
                    "abandoned": "客户预算取消",
                }.get(status, ""),
                lost_to_id=rng.choice(competitor_ids) if status == "lost" else None,
                closed_on=today - timedelta(days=rng.randint(1, 300)) if status != "open" else None,
                win_rate_override=None,
                owner="",
                stage_entered_at=entered,
                next_step=(
                    step := rng.choice(
                        [
                            "约见信息中心主任",
                            "提交价值建议书",
                            "安排样板客户参观",
                            "技术交流会",
                            "商务谈判",
                            "催签验收单",
                            "",  # a pursuit without a next step (its red flag)
                        ]
                    )
                ),
                # The date is drawn either way, so the rest of the demo stays as it was; a
                # pursuit without a next step has no date either (a date belongs to an action).
                next_step_due=_dated(step, today + timedelta(days=rng.randint(-10, 20))),
                board_rank=float(index),
                notes="",
                referred_by_id=None,
            )
            for tag in rng.sample(
                ["重点", "战略客户", "续约", "新客户", "政府补贴"], rng.randint(0, 2)
            ):
                add(
                    PursuitTag,
                    id=membership_id("tag", pursuit_id, tag),
                    pursuit_id=pursuit_id,
                    tag=tag,
                )
            # Stage history: one change per stage reached.
            when = entered - timedelta(days=25 * (stage - 1))
            previous = None
            for s in range(1, stage + 1):
                add(
                    StageChange,
                    pursuit_id=pursuit_id,
                    from_stage=previous,
                    to_stage=s,
                    changed_at=when if s < stage else entered,
                    note="",
                    overrides=[],
                    override_reason="",
                )
                previous = s
                when += timedelta(days=rng.randint(10, 30))
            # Coaching answers of the stages reached; the current stage partly answered.
            for s in range(1, stage + 1):
                for question in catalog.stage(s).questions:
                    if rng.random() < 0.5:  # about half answered: ~100,000 answers at scale 10,000
                        continue
                    add(
                        CoachingAnswer,
                        id=membership_id("answer", pursuit_id, question.key),
                        pursuit_id=pursuit_id,
                        question_key=question.key,
                        stage=s,
                        answer=rng.choice(ANSWERS),
                        done=True,
                    )
            for s in range(max(1, stage - 2), stage):
                for step in catalog.stage(s).steps:
                    add(
                        StepProgress,
                        id=membership_id("step", pursuit_id, step.key),
                        pursuit_id=pursuit_id,
                        step_key=step.key,
                        done=True,
                        due_on=None,
                        note="",
                    )
            people = _people(add, rng, pursuit_id, pursuit_account, stage)
            if stage >= 2:
                current, goal, obstacle, pain, impact = rng.choice(PAINS)
                add(
                    PainPoint,
                    pursuit_id=pursuit_id,
                    current_state=current,
                    goal=goal,
                    obstacle=obstacle,
                    pain=pain,
                    impact=impact,
                    severity=rng.randint(3, 5),
                    stakeholder_id=None,
                    position=0.0,
                )
            if stage >= 3:
                case_id = add(
                    ValueCase,
                    id=membership_id("value_case", pursuit_id),
                    pursuit_id=pursuit_id,
                    investment=amount,
                    horizon_years=3,
                    feedback="决策者认可节省人力部分，对库存收益存疑" if stage > 3 else "",
                    accepted="yes" if stage >= 5 else "unknown",
                )
                for position, label in enumerate(["人力节省", "库存资金占用下降", "停机损失减少"]):
                    add(
                        ValueBenefit,
                        value_case_id=case_id,
                        label=label,
                        amount=amount * rng.randint(15, 45) // 100,
                        position=float(position),
                    )
            if stage >= 4:
                _indicators(add, rng, pursuit_id, competitor_ids)
            if stage >= 6:
                description, person, politics, organisation, severity = rng.choice(RISKS)
                add(
                    Risk,
                    pursuit_id=pursuit_id,
                    description=description,
                    impact_person=person,
                    impact_political=politics,
                    impact_organisation=organisation,
                    severity=severity,
                    prevention="分阶段上线，先试点一条产线",
                    remedy="驻场团队 7×24 保障",
                    status=rng.choice(["open", "mitigated"]),
                )
            if status == "open" and rng.random() < 0.5:
                # Office hours where the computer is (stored in UTC, as every visit is): a rep
                # anywhere sees meetings at 9, 10, 14 or 15 o'clock, not in the night.
                starts = to_utc(
                    today + timedelta(days=rng.randint(1, 14)), time(rng.choice([9, 10, 14, 15]))
                )
                visit = add(
                    Visit,
                    pursuit_id=pursuit_id,
                    starts_at=starts,
                    duration_minutes=60,
                    location="客户总部会议室",
                    our_people="销售经理、售前顾问",
                    objective="确认采购指标并介绍样板客户案例",
                    questions="预算审批流程？上线时间要求？",
                    help_wanted="请内线引荐决策者",
                    materials="价值建议书、案例集",
                    outcome="",
                    learned="",
                    next_steps="",
                )
                for attendee in people[:2]:  # the first two people of the map attend
                    add(
                        VisitAttendee,
                        id=membership_id("attendee", visit, attendee),
                        visit_id=visit,
                        stakeholder_id=attendee,
                    )
            _offer_and_needs(add, offer_rng, pursuit_id, stage)
            account_id = rows[Pursuit][-1]["account_id"]
            if stage >= status_rules.SIGNED_STAGE and status in ("open", status_rules.COLLECTED):
                closed = rows[Pursuit][-1]["closed_on"]
                _after_signing(add, after_rng, pursuit_id, stage, status, amount, today, closed)
            _activities_and_notes(add, day_rng, pursuit_id, account_id, status, today, now)
            if index % _CHUNK == _CHUNK - 1:
                write()
            if progress and index % 500 == 0:
                progress(index, scale)
        write()
    return Changes.all()


def build_demo(
    path: Path,
    *,
    scale: int = 24,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """A new database at `path`, where nothing is yet, holding `scale` demo pursuits: the same
    database `fill_demo` makes in a new file, written once straight into a file no one else
    can open yet, and put at `path` only when whole (`storage.bulk_load.new_database`)."""

    def fill(db: Database) -> None:
        fill_demo(Workspace(db), scale=scale, seed=seed, progress=progress)

    bulk_load.new_database(path, fill)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the rows are made: each chunk's tens of thousands
    of row dicts live long enough to be traced again and again (7 % of the time), and they
    hold no cycles, so there is nothing for it to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- after the signature: acceptance, collection, after-sale, referrals ------------------------
AFTER_SALE = {
    "honeymoon": (
        "上线首月关键用户能独立完成日常操作",
        "个别报表口径与旧系统不一致",
        "驻场顾问每周回访，整理问题清单",
    ),
    "break_in": (
        "三个月内问题单清零",
        "车间扫码终端网络不稳定",
        "协调客户网络部门加装无线 AP，补充培训",
    ),
    "success": (
        "取得验收报告和客户推荐信",
        "",
        "邀请客户参加行业峰会分享案例，请决策者转介绍",
    ),
    "plateau": (
        "保持季度回访",
        "使用深度下降，新需求未被挖掘",
        "组织年度复盘会，引导二期需求（移动端、数据分析）",
    ),
}
REFERRALS = [
    ("华东精工集团", "刘总（信息中心）", "客户决策者的老同事，正在选型 MES"),
    ("恒瑞新材料有限公司", "周经理", "同一园区，听说我们的上线效果"),
    ("鼎盛汽车零部件股份有限公司", "王部长", "行业协会上认识，计划明年启动 ERP 升级"),
]
AFTER_NOTES = [
    "客户已签字确认初验，终验安排在下月。",
    "财务说尾款走季度付款流程，需提前提交发票。",
    "催款函已发，对方承诺月底前付款。",
    "验收会上决策者当场表扬项目团队，可请其转介绍。",
]


def _after_signing(
    add: Callable[..., str],
    rng: random.Random,
    pursuit_id: str,
    stage: int,
    status: str,
    amount: int,
    today: date,
    closed_on: date | None,
) -> None:
    """What a signed pursuit has: the stage-8 checklist, three instalments (30 % on signing,
    60 % on acceptance, 10 % after the warranty), the after-sale periods it has reached and,
    once successful, referrals. A collected pursuit has everything settled and received; one in
    回款 mostly settled with money still out (sometimes overdue); one in 验收 only the down payment.
    """
    collected = status == status_rules.COLLECTED
    in_collection = stage == status_rules.COLLECTION_STAGE
    end = closed_on or today
    signed_on = end - timedelta(days=rng.randint(60, 200) if collected else rng.randint(20, 120))
    # A few pursuits in 回款 have everything in and only wait for the rep to mark them collected.
    ready = in_collection and not collected and rng.random() < 0.15
    settled = collected or ready
    accepted = settled or (in_collection and rng.random() < 0.8)
    add(
        Collection,
        id=membership_id("collection", pursuit_id),
        pursuit_id=pursuit_id,
        licence_checked=True,
        credit_checked=settled or rng.random() < 0.8,
        contract_theirs=rng.random() < 0.3,
        contract_reviewed=settled or rng.random() < 0.85,
        delivery_ok=settled or in_collection or rng.random() < 0.5,
        delivery_owner=rng.choice(["实施部 张工", "售后 李经理", "项目经理 陈工"]),
        acceptance_signed=accepted,
        acceptance_due=None if accepted else today + timedelta(days=rng.randint(-10, 40)),
        payment_received=settled,
        dunning_sent=not settled and in_collection and rng.random() < 0.4,
        notes="发票随验收单一并提交" if rng.random() < 0.5 else "",
    )
    down = amount * 3 // 10
    on_acceptance = amount * 6 // 10
    plan = (
        (down, signed_on + timedelta(days=15), True, "预付款 30%"),
        (
            on_acceptance,
            signed_on + timedelta(days=rng.randint(60, 120)),
            settled or (accepted and rng.random() < 0.6),
            "验收款 60%",
        ),
        (amount - down - on_acceptance, signed_on + timedelta(days=365), settled, "质保金 10%"),
    )
    for share, due, received, note in plan:
        add(
            Instalment,
            pursuit_id=pursuit_id,
            amount=share,
            due_on=due,
            received_on=min(due + timedelta(days=rng.randint(0, 20)), end) if received else None,
            note=note,
        )
    periods = list(AFTER_SALE)
    reached = 4 if collected else (3 if in_collection else rng.randint(1, 2))
    for period in periods[:reached]:
        expectations, issues, actions = AFTER_SALE[period]
        add(
            AfterSale,
            id=membership_id("after_sale", pursuit_id, period),
            pursuit_id=pursuit_id,
            period=period,
            expectations=expectations,
            issues=issues,
            actions=actions,
        )
    if reached >= 3 and rng.random() < 0.6:
        company, contact, note = rng.choice(REFERRALS)
        add(
            Referral,
            pursuit_id=pursuit_id,
            company=company,
            contact=contact,
            note=note,
            converted_pursuit_id=None,
        )
    add(
        Note,
        pursuit_id=pursuit_id,
        account_id=None,
        stakeholder_id=None,
        body=rng.choice(AFTER_NOTES),
        noted_at=datetime.combine(end - timedelta(days=rng.randint(0, 20)), time(9)),
    )


def _people(
    add: Callable[..., str], rng: random.Random, pursuit_id: str, account_id: str, stage: int
) -> list[str]:
    """Five people of the account and their cards on the pursuit's map; the cards' ids."""
    count = 5
    roles = ["insider", "initiator", "designer", "evaluator", "decision_maker"]
    people = []
    boss = None
    for i in range(count):
        title, department = TITLES[0] if i == 0 else rng.choice(TITLES[1:])
        relationship = rng.choices(
            ["acquainted", "interacting", "personal_trust", "ally"],
            weights=[4, 3, 2, 1 + stage // 3],
        )[0]
        # The person (of the account) first, then their card on this pursuit's map with a copy
        # of the person's fields (bulk rows bypass `storage.people`, which keeps them equal).
        about = {
            "name": _name(rng),
            "title": title,
            "department": department,
            "phone": f"13{rng.randint(100000000, 999999999)}",
            "email": f"user{rng.randint(100, 999)}@example.cn",
            "relationship": relationship,
            "personality": rng.choice(["tiger", "peacock", "koala", "owl"]),
            "interests": rng.choice(["羽毛球", "茶道", "马拉松", "摄影", "历史", "钓鱼"]),
            "notes": "",
        }
        person = add(
            Stakeholder,
            pursuit_id=pursuit_id,
            account_id=None,
            person_id=add(Person, account_id=account_id, wechat="", merged_into=None, **about),
            **about,
            plan="每月一次技术交流，邀请参加行业峰会",
            next_step="约一次午餐",
            reports_to_id=boss,
            # The boss centred above the four reports (the map's org-chart spacing).
            x=float(366 if i == 0 else 244 * (i - 1)),
            y=0.0 if i == 0 else 168.0,
        )
        boss = boss or person
        people.append(person)
        if i < len(roles) and (i < 2 or rng.random() < 0.4 + stage * 0.07):
            role = roles[(i + 4) % 5]  # the top person is the decision-maker
            add(
                StakeholderRole,
                id=membership_id("role", person, role),
                stakeholder_id=person,
                role=role,
            )
        if relationship == "ally":
            wish = rng.choice(["share_info", "advise", "introduce", "speak_for_us"])
            add(
                StakeholderHelp,
                id=membership_id("help", person, wish),
                stakeholder_id=person,
                help=wish,
            )
    add(
        StakeholderLink,
        pursuit_id=pursuit_id,
        from_id=people[1],
        to_id=people[0],
        link_kind="influences",
        note="",
    )
    return people


def _indicators(
    add: Callable[..., str], rng: random.Random, pursuit_id: str, competitor_ids: list[str]
) -> None:
    rivals = rng.sample(competitor_ids, 2)
    for position, rival in enumerate(rivals):
        add(
            PursuitCompetitor,
            id=membership_id("pc", pursuit_id, rival),
            pursuit_id=pursuit_id,
            competitor_id=rival,
            solution="标准套件加定制",
            flaws="定制部分无源码交付",
            harm="后续升级受制于人",
            label=rng.choice(["「昂贵的半成品」", "「上一代系统」"]),
            case_story="",
            features="",
            advantages="",
            benefits="",
            allies="",
            position=float(position),
        )
    for position, (name, meaning) in enumerate(rng.sample(CRITERIA, 4)):
        indicator = add(
            Indicator,
            pursuit_id=pursuit_id,
            name=name,
            meaning=meaning,
            importance=rng.randint(1, 5),
            position=float(position),
            our_score=rng.randint(2, 5),
            class_override=None,
            override_reason="",
            action_plan=rng.choice(
                ["", "邀请客户参观样板工厂，量化停机改善", "建议将该指标与服务指标合并评估"]
            ),
        )
        for rival in rivals:
            add(
                IndicatorScore,
                id=membership_id("score", indicator, rival),
                indicator_id=indicator,
                competitor_id=rival,
                score=rng.randint(1, 5),
            )


# --- the rep's day: activities and notes --------------------------------------------------------
ACTIVITY_SUBJECTS = {
    "call": [
        "电话确认技术交流会时间",
        "回访信息化部长，了解预算进展",
        "电话约采购经理见面",
        "跟进试用反馈",
    ],
    "email": [
        "发送会议纪要和下一步计划",
        "邮件发送价值建议书初稿",
        "发送样板客户案例集",
        "回复技术标澄清问题",
    ],
    "meeting": ["与售前对齐演示脚本", "内部评审投标方案", "参加客户供应商大会"],
    "task": ["准备报价单", "整理采购指标对比表", "更新联系人关系图", "申请演示环境"],
    "note_to_self": ["记得问清楚决策流程", "下次带上合同模板"],
}
OUTCOMES = [
    "客户同意下周安排技术交流",
    "预算已报集团审批，月底有结果",
    "对方对交付周期有顾虑，需补充同行案例",
    "约好周五上门演示",
    "采购经理转交信息化部评估",
    "决策者出差，改约下周",
]
NOTE_BODIES = [
    "客户预算下月批复，决策者下周出差回来后约见。",
    "竞争对手报价比我们低 15%，但交付周期长一倍。",
    "内线透露：集团今年重点推进数字化，本项目优先级高。",
    "信息化部长更关注系统稳定性和运维成本。",
    "采购流程：部门立项 → 信息化部评估 → 集团招标，约三个月。",
]


def _activities_and_notes(
    add: Callable[..., str],
    rng: random.Random,
    pursuit_id: str,
    account_id: str,
    status: str,
    today: date,
    now: datetime,
) -> None:
    """About five activities an open pursuit (some done with outcomes, some overdue, some today,
    the rest ahead: 50,000 at scale 10,000) and a note on every other one."""

    def activity(day: date, *, done: bool, hour: int | None = None) -> None:
        kind = rng.choices(list(ACTIVITY_SUBJECTS), weights=[5, 4, 2, 4, 1])[0]
        due_at = to_utc(day, time(hour, rng.choice((0, 30)))) if hour is not None else None
        add(
            Activity,
            activity_kind=kind,
            subject=rng.choice(ACTIVITY_SUBJECTS[kind]),
            pursuit_id=pursuit_id,
            account_id=account_id,
            due_on=day,
            due_at=due_at,
            duration_minutes=rng.choice((15, 30, 60)) if kind in ("call", "meeting") else None,
            done=done,
            done_at=(due_at or datetime.combine(day, time(10))) if done else None,
            outcome=rng.choice(OUTCOMES) if done else "",
            step_key=None,
        )

    for _ in range(rng.randint(1, 2)):  # logged: done, with what came of it
        activity(today - timedelta(days=rng.randint(1, 40)), done=True, hour=rng.randint(9, 17))
    if status == "open":
        if rng.random() < 0.35:
            activity(today - timedelta(days=rng.randint(1, 10)), done=False)
        if rng.random() < 0.3:
            activity(today, done=False, hour=rng.choice((None, 9, 11, 14, 16)))
        for _ in range(rng.randint(1, 2)):
            later = today + timedelta(days=rng.randint(1, 14))
            activity(later, done=False, hour=rng.choice((None, 10, 15)))
    if rng.random() < 0.5:
        add(
            Note,
            pursuit_id=pursuit_id,
            account_id=account_id,
            stakeholder_id=None,
            body=rng.choice(NOTE_BODIES),
            noted_at=now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23)),
        )


# Our offer (特点、优势、益处, 价值交集) from stage 5 on, the plan to dispel concerns from stage 6,
# and the new needs of the plateau (平淡期) once a pursuit is in acceptance or collection.
OFFERS = [
    (
        "模块化部署，支持私有云与本地机房",
        "同行业 30 家上线案例，平均两周完成切换",
        "上线首年减少停线约 40 小时，库存资金占用下降 15%",
        "客户要按期投产、控制停线风险；我们的快速切换与驻场服务正好对上",
    ),
    (
        "一体化平台，财务、供应链、生产数据打通",
        "国产化适配完整，运维成本比同类低三成",
        "月结从 10 天缩短到 3 天，管理层每天看到经营数据",
        "集团要求数字化与国产化并行，我们两者兼顾",
    ),
    (
        "开放接口，可与现有 ERP、MES 对接",
        "本地服务团队 2 小时到场",
        "减少人工录入，每年节省人力约 200 万元",
        "客户最担心切换期业务中断，我们有成熟的分阶段上线方法",
    ),
]
CONCERN_PLANS = [
    "先请样板客户现身说法，再在一条产线试点，试点验收后全面推广",
    "与决策者单独沟通风险与补救方案，书面承诺驻场保障期",
    "邀请财务与 IT 共同评审上线计划，把顾虑写进里程碑和验收标准",
]
NEW_NEEDS = [
    ("仓储 WMS 改造", "物流部王经理", "现有仓库拣货效率低，明年扩建新仓"),
    ("设备物联网平台", "设备部李部长", "希望实时掌握关键设备状态"),
    ("数据中台建设", "信息中心主任", "集团要求各子公司报表统一口径"),
    ("智能客服", "客服中心负责人", "旺季话务量翻倍，人手不足"),
]


def _offer_and_needs(
    add: Callable[..., str], rng: random.Random, pursuit_id: str, stage: int
) -> None:
    if stage >= 5 and rng.random() < 0.7:
        features, advantages, benefits, intersection = rng.choice(OFFERS)
        add(
            Offer,
            id=membership_id("offer", pursuit_id),
            pursuit_id=pursuit_id,
            features=features,
            advantages=advantages,
            benefits=benefits,
            value_intersection=intersection,
            concern_plan=rng.choice(CONCERN_PLANS) if stage >= 6 else "",
        )
    if stage >= 7 and rng.random() < 0.5:
        need, raised_by, note = rng.choice(NEW_NEEDS)
        add(
            NewNeed,
            pursuit_id=pursuit_id,
            need=need,
            raised_by=raised_by,
            note=note,
            converted_pursuit_id=None,
        )
