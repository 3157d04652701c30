//! A seeded, deterministic generator of realistic workspaces for tests and
//! benchmarks: N opportunities with about five influences and five actions
//! each, long notes, Chinese and English text, histories and slips.

use crate::domain::*;

/// SplitMix64: a few lines of well-known, good-enough randomness, so the
/// same seed gives the same workspace on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

const COMPANIES: &[&str] = &[
    "长城润滑油",
    "华润万家",
    "中石化华南分公司",
    "深圳迈瑞医疗",
    "上海振华重工",
    "青岛海尔智家",
    "Nordwind Logistics GmbH",
    "Acme Foods",
    "Pacific Rim Retail",
    "Helios Energy",
    "Banque du Lac",
    "美的集团",
    "宁德时代",
    "Kestrel Aerospace",
    "三一重工",
    "Orbis Pharma",
];
const PRODUCTS: &[&str] = &[
    "ERP",
    "CRM",
    "WMS",
    "POS",
    "Telematics",
    "MES",
    "BI",
    "润滑油",
    "工业软件",
];
const DEALS: &[&str] = &[
    "rollout, phase",
    "框架协议",
    "pilot",
    "refresh",
    "年度采购",
    "expansion",
    "migration",
    "升级项目",
];
const PEOPLE: &[&str] = &[
    "王总",
    "刘工",
    "陈经理",
    "张主任",
    "李部长",
    "赵总监",
    "Anna Becker",
    "Tom Walsh",
    "Priya Nair",
    "Marco Rossi",
    "周博士",
    "黄采购",
    "Sofia Lindqvist",
    "吴总工",
];
const TITLES: &[&str] = &[
    "CFO",
    "CIO",
    "IT director",
    "采购经理",
    "Head of Procurement",
    "Plant manager",
    "总经理",
    "运营总监",
    "Finance controller",
    "技术总监",
];
const PHRASES: &[&str] = &[
    "客户希望在年底前完成第一阶段上线，预算已经在年初批复。",
    "The CFO asked for a business case with payback under 18 months.",
    "竞争对手报价低15%，但没有本地实施团队。",
    "IT wants single sign-on and an on-premise option for the plants.",
    "采购部门要求三家比价，技术评分占百分之六十。",
    "We met the plant managers in Shenzhen; they are frustrated with the current system.",
    "下周安排高层拜访，由我们的副总裁陪同。",
    "The reference visit went well; the users liked the mobile app.",
    "法务对合同里的责任条款有意见，需要再谈。",
    "Budget is shared with the warehouse automation project, which may take priority.",
];
const ACTIONS: &[&str] = &[
    "Book CFO meeting",
    "发送技术方案给刘工",
    "Reference visit to the Shenzhen plant",
    "准备商务报价",
    "Call the coach before the steering committee",
    "确认预算审批流程",
    "Send the ROI model",
    "安排产品演示",
    "Draft the implementation plan",
    "跟进法务意见",
];

fn text(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| *rng.pick(PHRASES))
        .collect::<Vec<_>>()
        .join(" ")
}

fn maybe<T>(rng: &mut Rng, percent: u64, value: impl FnOnce(&mut Rng) -> T) -> Option<T> {
    if rng.chance(percent) {
        Some(value(rng))
    } else {
        None
    }
}

/// A workspace of `n` opportunities (one account per ten, at least one),
/// the same for the same `seed`, dated around `today`.
pub fn workspace(n: usize, seed: u64, today: Date) -> Workspace {
    let mut rng = Rng::new(seed);
    let mut ws = Workspace::new("Li Wei", "CNY");
    let accounts = (n / 10).max(1);
    for k in 0..accounts {
        ws.accounts.push(Account {
            id: format!("a{}", k + 1),
            name: format!("{} {}", rng.pick(COMPANIES), k + 1),
            industry: rng
                .pick(&[
                    "manufacturing",
                    "retail",
                    "logistics",
                    "energy",
                    "healthcare",
                ])
                .to_string(),
            tier: Some(*rng.pick(Tier::ALL)),
            attractiveness: maybe(&mut rng, 90, |r| Score(r.range(1, 5) as u8)),
            advantage: maybe(&mut rng, 90, |r| Score(r.range(1, 5) as u8)),
            relationship: Some(*rng.pick(Relationship::ALL)),
            swot: Swot {
                strengths: vec!["national distribution".into(), "强大的品牌".into()],
                threats: vec!["price war".into()],
                ..Swot::default()
            },
            notes: text(&mut rng, 2),
            ..Account::default()
        });
    }
    for k in 0..n {
        let opp = opportunity(&mut rng, k, accounts, today);
        ws.opportunities.push(opp);
    }
    // targets for this quarter, the next and one month of it, in
    // proportion to the size (spec section 8); no random draw, so the
    // deals are what they always were for a seed
    let quarter = crate::domain::Period::quarter_of(today);
    let per_deal = Money::from_units(400_000);
    let amount = Money(per_deal.0 * n as i64 / 4);
    for (period, amount) in [
        (quarter, amount),
        (quarter.next(), Money(amount.0 + amount.0 / 10)),
        (quarter.next().months()[0], Money(amount.0 / 2)),
    ] {
        ws.settings.targets.push(crate::domain::Target {
            period,
            amount,
            ..crate::domain::Target::default()
        });
    }
    // the key-account records (spec section 11) from a draw of their own,
    // so the accounts and deals above are what they always were for a seed
    let mut rng = Rng::new(seed ^ 0x6B65_795F_6163_6374);
    let mut people = 0;
    for a in &mut ws.accounts {
        key_account(&mut rng, a, &mut people, today);
    }
    ws
}

const STRATEGIES: &[&str] = &[
    "以 ERP 一期为抓手扩大到全部工厂；先找到内线，再见经济购买者。",
    "Defend the installed base: renew support early and bring the plant managers to a reference visit.",
    "从单一产品线扩展到三条产品线，价格让步只换签约时间。",
    "Win the WMS upgrade before procurement's tender; build a line to the managing director.",
];
const GOALS: &[&str] = &[
    "年度框架协议 1 月前续签",
    "Find a coach in the IT department",
    "回款零逾期",
    "Meet the CFO with a business case",
    "新增两条产品线的试点",
    "Raise satisfaction back to 4",
];
const COMPLAINTS: &[&str] = &[
    "系统宕机，运维响应超过 SLA。",
    "Invoice sent with the wrong PO number; accounts payable held it.",
    "实施顾问频繁更换，项目进度延误。",
    "Report delivered a week late; the CFO raised it in the steering meeting.",
];

/// Fills one account's plan, credit, complaints, satisfaction and contacts
/// at the rates a key-account seller sees: most key accounts have a plan,
/// most accounts buy on credit and pay on time (about one in eight owes an
/// overdue invoice), one in five has complained, and scores are taken
/// quarterly.
fn key_account(rng: &mut Rng, a: &mut Account, people: &mut usize, today: Date) {
    let key = a.tier == Some(Tier::Key);
    if rng.chance(if key { 90 } else { 25 }) {
        let last = rng.range(5, 60) * 100_000;
        a.plan = Some(AccountPlan {
            last_year_target: Some(Money::from_units(last)),
            last_year_result: maybe(rng, 90, |r| {
                Money::from_units(last * r.range(60, 120) / 100)
            }),
            target: maybe(rng, 90, |r| {
                Money::from_units(last * r.range(90, 150) / 100)
            }),
            strategy: rng.pick(STRATEGIES).to_string(),
            resources: "售前顾问 1 名，方案架构师按需支持; executive sponsor once a quarter."
                .into(),
            goals: (0..rng.range(2, 4))
                .map(|_| rng.pick(GOALS).to_string())
                .collect(),
            needs: text(rng, 1),
            decision_process:
                "CFO 拍板预算，采购三家比价；IT director runs the technical evaluation.".into(),
            ..AccountPlan::default()
        });
    }
    if rng.chance(70) {
        let terms = *rng.pick(&[30u32, 30, 60, 60, 90]);
        let invoices = rng.range(1, 6);
        let mut list = Vec::new();
        for n in 0..invoices {
            let issued = today.plus_days(-rng.range(0, 330));
            let due = today_due(rng, issued, terms);
            let falls_due = due.unwrap_or(issued.plus_days(i64::from(terms)));
            // paid on time mostly; an invoice still owed past its due date
            // is rarer than one not yet due
            let paid = if falls_due >= today {
                maybe(rng, 20, |r| {
                    issued.plus_days(r.range(0, issued.days_until(today)))
                })
            } else if rng.chance(97) {
                Some(falls_due.plus_days(rng.range(-10, 15)).clamp(issued, today))
            } else {
                None
            };
            list.push(Invoice {
                id: format!("inv{}", n + 1),
                number: format!("INV-{}-{:03}", a.id.to_uppercase(), n + 1),
                amount: Money(rng.range(5_000_000, 120_000_000)),
                issued: Some(issued),
                due,
                paid,
                ..Invoice::default()
            });
        }
        let owed: i64 = list
            .iter()
            .filter(|i| i.paid.is_none())
            .map(|i| i.amount.0)
            .sum();
        a.credit = Some(Credit {
            // now and then less than is owed: over the limit
            limit: maybe(rng, 90, |r| {
                Money((owed * r.range(80, 400) / 100).max(100_000_000))
            }),
            terms_days: Some(Days(terms)),
            invoices: list,
            ..Credit::default()
        });
    }
    if rng.chance(20) {
        a.complaints = (0..rng.range(1, 2))
            .map(|n| {
                let raised = today.plus_days(-rng.range(0, 200));
                Complaint {
                    id: format!("cp{}", n + 1),
                    text: rng.pick(COMPLAINTS).to_string(),
                    raised,
                    resolved: maybe(rng, 70, |r| {
                        raised.plus_days(r.range(1, 30)).min(today).max(raised)
                    }),
                    ..Complaint::default()
                }
            })
            .collect();
    }
    if rng.chance(60) {
        let scores = rng.range(2, 6);
        let mut score = rng.range(2, 5);
        a.satisfaction = (0..scores)
            .map(|n| {
                score = (score + rng.range(-1, 1)).clamp(1, 5);
                Satisfaction {
                    on: today.plus_days(-(scores - n) * 60 + rng.range(0, 20)),
                    score: Score(score as u8),
                    note: if rng.chance(50) {
                        "季度回访".into()
                    } else {
                        "Quarterly call".into()
                    },
                    ..Satisfaction::default()
                }
            })
            .collect();
    }
    if rng.chance(if key { 80 } else { 40 }) {
        a.contacts = (0..rng.range(1, 4))
            .map(|_| {
                *people += 1;
                Contact {
                    id: format!("p{people}"),
                    name: rng.pick(PEOPLE).to_string(),
                    title: rng.pick(TITLES).to_string(),
                    email: format!("contact{people}@example.com"),
                    phone: format!("+86 21 5555 {:04}", *people % 10_000),
                    ..Contact::default()
                }
            })
            .collect();
    }
}

/// An invoice's own due date, which most leave to the terms.
fn today_due(rng: &mut Rng, issued: Date, terms: u32) -> Option<Date> {
    maybe(rng, 20, |r| {
        issued.plus_days(i64::from(terms) + r.range(0, 15))
    })
}

fn opportunity(rng: &mut Rng, k: usize, accounts: usize, today: Date) -> Opportunity {
    let created = today.plus_days(-rng.range(10, 400));
    let stage_index = rng.range(0, 4) as usize;
    let mut history = Vec::new();
    let mut entered = created;
    for stage in &Stage::ALL[..=stage_index] {
        history.push(StageEntry {
            stage: *stage,
            entered,
            ..StageEntry::default()
        });
        let step = rng.range(1, 40);
        entered = entered.plus_days(step).min(today);
    }
    let mut close = today.plus_days(rng.range(-20, 180));
    let mut close_history = Vec::new();
    for _ in 0..rng.range(0, 3) {
        let to = close.plus_days(rng.range(-10, 45));
        close_history.push(CloseMove {
            on: today.plus_days(-rng.range(1, 60)),
            from: Some(close),
            to: Some(to),
            ..CloseMove::default()
        });
        close = to;
    }
    let influences: Vec<Influence> = (0..rng.range(3, 7))
        .map(|i| Influence {
            id: format!("i{}", i + 1),
            name: rng.pick(PEOPLE).to_string(),
            title: rng.pick(TITLES).to_string(),
            roles: vec![*rng.pick(Role::ALL)],
            decision_role: Some(*rng.pick(DecisionRole::ALL)),
            attitude: *rng.pick(Attitude::ALL),
            mode: *rng.pick(Mode::ALL),
            influence: Some(*rng.pick(Level::ALL)),
            coverage: Coverage(rng.range(0, 3) as u8),
            focus: Some(*rng.pick(Focus::ALL)),
            social_style: Some(*rng.pick(SocialStyle::ALL)),
            reports_to: (i > 0 && rng.chance(60)).then(|| format!("i{}", rng.range(1, i))),
            win: "recognition from the board".into(),
            result: "cut closing time to 5 days".into(),
            last_contact: maybe(rng, 80, |r| today.plus_days(-r.range(0, 60))),
            ..Influence::default()
        })
        .collect();
    let actions: Vec<Action> = (0..rng.range(3, 7))
        .map(|a| Action {
            id: format!("t{}", a + 1),
            text: rng.pick(ACTIONS).to_string(),
            due: maybe(rng, 90, |r| today.plus_days(r.range(-20, 30))),
            done: maybe(rng, 30, |r| today.plus_days(-r.range(0, 20))),
            influence: rng
                .chance(50)
                .then(|| format!("i{}", rng.range(1, influences.len() as i64))),
            created: Some(today.plus_days(-rng.range(0, 60))),
            ..Action::default()
        })
        .collect();
    let tri = |rng: &mut Rng| match rng.range(0, 2) {
        0 => None,
        1 => Some(true),
        _ => Some(false),
    };
    let outcome = match rng.range(0, 9) {
        0 => Some(OutcomeResult::Won),
        1 => Some(OutcomeResult::Lost),
        2 if rng.chance(30) => Some(OutcomeResult::Abandoned),
        _ => None,
    };
    Opportunity {
        id: format!("o{}", k + 1),
        title: format!(
            "{} {} {}",
            rng.pick(PRODUCTS),
            rng.pick(DEALS),
            rng.range(1, 4)
        ),
        account: format!("a{}", rng.range(1, accounts as i64)),
        value: Money(
            rng.range(50_000, 8_000_000) * 100 + if rng.chance(10) { rng.range(1, 99) } else { 0 },
        ),
        stage: Stage::ALL[stage_index],
        outcome: outcome.map(|result| Outcome {
            result,
            on: today.plus_days(-rng.range(0, 90)),
            reason: "price".into(),
            ..Outcome::default()
        }),
        expected_close: maybe(rng, 95, |_| close),
        probability: maybe(rng, 15, |r| Percent(r.range(0, 100) as u8)),
        created: Some(created),
        owner: "Li Wei".into(),
        product: rng.pick(PRODUCTS).to_string(),
        tags: vec!["2026".into(), rng.pick(PRODUCTS).to_lowercase()],
        stage_history: history,
        close_history,
        objective: "Signed phase-1 order for 3 plants by year end".into(),
        qualification: Qualification {
            need: tri(rng),
            authority: tri(rng),
            budget: tri(rng),
            timeline: tri(rng),
            ..Qualification::default()
        },
        influences: contacts(influences, k),
        flags: (0..rng.range(0, 2))
            .map(|f| ManualFlag {
                id: format!("f{}", f + 1),
                text: "IT director replaced last week".into(),
                raised: Some(today.plus_days(-rng.range(0, 30))),
                resolved: None,
                ..ManualFlag::default()
            })
            .collect(),
        snoozed: Vec::new(),
        strengths: vec!["only vendor with a local team".into()],
        actions: conversations(actions, k, today),
        competition: competition(stage_index, k),
        decision_criteria: criteria(stage_index, k),
        compelling_event: (stage_index >= 2 && !k.is_multiple_of(3)).then(|| CompellingEvent {
            text: "budget year ends".into(),
            on: Some(close),
            ..CompellingEvent::default()
        }),
        close_plan: close_plan(stage_index, k, close),
        team: vec![TeamMember {
            name: "Li Wei".into(),
            role: "account lead".into(),
            ..TeamMember::default()
        }],
        value_proposition: ValueProposition {
            needs: text(rng, 1),
            benefits: if rng.chance(70) {
                text(rng, 1)
            } else {
                String::new()
            },
            differentiators: if rng.chance(70) {
                text(rng, 1)
            } else {
                String::new()
            },
            ..ValueProposition::default()
        },
        log: (0..rng.range(1, 4))
            .map(|_| LogEntry {
                on: today.plus_days(-rng.range(0, 90)),
                text: text(rng, 2),
                ..LogEntry::default()
            })
            .collect(),
        notes: text(rng, 6),
        ..Opportunity::default()
    }
}

/// Two competitors on every deal, their positions taken in turn from the
/// deal's number and stage (about two deals in five have one ahead; the
/// first is ahead on every fifth deal besides), with no random draw: the
/// deals of a seed stay the ones they were before there was competition.
fn competition(stage: usize, k: usize) -> Vec<Competitor> {
    let position = |n: usize| Standing::ALL[(k + n + stage) % Standing::ALL.len()];
    ["SAP partner", "用友"]
        .iter()
        .enumerate()
        .map(|(n, name)| Competitor {
            id: format!("c{}", n + 1),
            name: (*name).into(),
            position: if k.is_multiple_of(5) && n == 0 {
                Standing::Ahead
            } else {
                position(n)
            },
            strengths: vec!["price".into()],
            weaknesses: vec!["no local team".into()],
            ..Competitor::default()
        })
        .collect()
}

/// Criteria from drive on, on most deals.
fn criteria(stage: usize, k: usize) -> Vec<Criterion> {
    if stage < 1 || k.is_multiple_of(4) {
        return Vec::new();
    }
    [
        ("uptime SLA 99.9 %", CriterionKind::Technical, 5),
        ("total cost over 5 years", CriterionKind::Commercial, 4),
        ("local support team", CriterionKind::Process, 2),
    ]
    .iter()
    .enumerate()
    .map(|(n, (text, kind, weight))| Criterion {
        id: format!("k{}", n + 1),
        text: (*text).into(),
        kind: Some(*kind),
        weight: Score::new(*weight),
        held_by: Some("i1".into()),
        standing: Standing::ALL[(k + n) % Standing::ALL.len()],
        ..Criterion::default()
    })
    .collect()
}

/// A plan to signature from negotiate on.
fn close_plan(stage: usize, k: usize, close: Date) -> Vec<PlanStep> {
    if stage < 3 {
        return Vec::new();
    }
    [
        ("final proposal", Side::Us, -20),
        ("legal review", Side::Customer, -10),
        ("purchase order", Side::Customer, -2),
    ]
    .iter()
    .enumerate()
    .map(|(n, (text, side, days))| PlanStep {
        id: format!("s{}", n + 1),
        text: (*text).into(),
        side: Some(*side),
        due: Some(close.plus_days(*days)),
        done: (n == 0 && k.is_multiple_of(2)).then(|| close.plus_days(-21)),
        ..PlanStep::default()
    })
    .collect()
}

/// Emails on two people in three, phones on one in four, a weekly cadence
/// on some coaches: all from the deal's number and the person's, with no
/// random draw (the seed's deals stay what they were).
fn contacts(mut people: Vec<Influence>, k: usize) -> Vec<Influence> {
    for (i, p) in people.iter_mut().enumerate() {
        let n = k + i;
        if !n.is_multiple_of(3) {
            p.email = format!("{}.{}@example.com", p.id, k + 1);
        }
        if n.is_multiple_of(4) {
            p.phone = format!("+86 138 {:04} {:04}", k % 10_000, i * 1111);
        }
        if p.has_role(Role::Coach) && n.is_multiple_of(5) {
            p.cadence_days = Some(Days(7));
        }
    }
    people
}

/// Kinds on five actions in six; times on the conversations of the coming
/// week; a call plan on two conversations in three; the owner a presales
/// engineer on some; a debrief on half the conversations done: from the
/// deal's number, the action's and its dates, with no random draw.
fn conversations(mut actions: Vec<Action>, k: usize, today: Date) -> Vec<Action> {
    const KINDS: [Option<ActionKind>; 6] = [
        Some(ActionKind::Call),
        Some(ActionKind::Meeting),
        Some(ActionKind::Visit),
        Some(ActionKind::Email),
        Some(ActionKind::Task),
        None,
    ];
    for (a, action) in actions.iter_mut().enumerate() {
        let n = k + a;
        action.kind = KINDS[n % KINDS.len()];
        if !action.is_conversation() {
            continue;
        }
        if let Some(due) = action.due
            && (0..=7).contains(&today.days_until(due))
        {
            action.at = TimeOfDay::parse(&format!("{:02}:{}", 9 + n % 8, ["00", "30"][n % 2]));
        }
        if n.is_multiple_of(7) {
            action.owner = Some("Wang Lei".into());
        }
        if !n.is_multiple_of(3) {
            action.plan = Some(CallPlan {
                objective: "Agree the scope of the pilot and who signs it".into(),
                reason: "月结要从 12 天缩短到 5 天".into(),
                best: "a signed pilot order".into(),
                minimum: "a meeting with the CFO booked".into(),
                questions: SpinQuestions {
                    situation: vec![
                        "How many plants close their books on the group ledger?".into(),
                    ],
                    problem: vec!["哪一步月结最慢？".into()],
                    implication: vec![
                        "If closing stays at 12 days, what does the audit cost?".into(),
                    ],
                    need_payoff: vec!["How would a 5-day close help the IPO?".into()],
                    ..SpinQuestions::default()
                },
                give: vec!["a reference visit".into()],
                ..CallPlan::default()
            });
        }
        if action.done.is_some() && n.is_multiple_of(2) {
            action.debrief = Some(Debrief {
                learned: "Budget confirmed for next year".into(),
                commitment: [Commitment::Best, Commitment::Minimum, Commitment::Nothing][n % 3],
                next: "Send the pilot scope".into(),
                ..Debrief::default()
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipeline_has_conversations_to_plan_and_people_gone_quiet() {
        let today = Date::parse("2026-11-23").unwrap();
        let ws = workspace(600, 3, today);
        let actions = || ws.opportunities.iter().flat_map(|o| &o.actions);
        assert!(actions().any(|a| a.written_plan().is_some() && a.at.is_some()));
        assert!(actions().any(|a| a.debrief.is_some()));
        assert!(actions().any(|a| a.owner.is_some()));
        let people = || ws.opportunities.iter().flat_map(|o| &o.influences);
        assert!(people().any(|p| !p.email.is_empty() && !p.phone.is_empty()));
        assert!(people().any(|p| p.cadence_days.is_some()));
        let rules: Vec<_> = ws
            .opportunities
            .iter()
            .filter(|o| o.is_open())
            .flat_map(|o| crate::domain::flags::visible(o, &ws.settings, today))
            .map(|f| f.rule.as_str())
            .collect();
        for rule in ["no-call-plan", "person-quiet"] {
            let n = rules.iter().filter(|r| **r == rule).count();
            assert!(n >= 10, "{rule}: {n}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_valid_workspace() {
        let today = Date::parse("2026-11-23").unwrap();
        let a = workspace(200, 7, today);
        assert_eq!(a, workspace(200, 7, today));
        assert_ne!(a, workspace(200, 8, today));
        assert_eq!(a.opportunities.len(), 200);
        assert_eq!(validate::problems(&a), vec![]);
    }

    #[test]
    fn accounts_have_plans_credit_complaints_and_scores_at_realistic_rates() {
        let today = Date::parse("2026-11-23").unwrap();
        let ws = workspace(10_000, 42, today);
        let n = ws.accounts.len();
        let share =
            |f: &dyn Fn(&Account) -> bool| ws.accounts.iter().filter(|a| f(a)).count() * 100 / n;
        let key = ws.accounts.iter().filter(|a| a.tier == Some(Tier::Key));
        let key_planned = key.clone().filter(|a| a.plan.is_some()).count() * 100 / key.count();
        assert!(
            (80..=97).contains(&key_planned),
            "{key_planned}% of key accounts planned"
        );
        assert!((60..=80).contains(&share(&|a| a.credit.is_some())));
        let overdue = share(&|a| crate::domain::credit::credit_status(a, today).overdue_count > 0);
        assert!((3..=25).contains(&overdue), "{overdue}% overdue");
        let open = share(&|a| {
            a.complaints
                .iter()
                .any(|c| c.resolved.is_none() && c.raised.days_until(today) > 14)
        });
        assert!((2..=15).contains(&open), "{open}% with a complaint open");
        assert!((50..=70).contains(&share(&|a| !a.satisfaction.is_empty())));
        // every warning of spec section 11 shows up somewhere
        let rules: std::collections::BTreeSet<_> = crate::domain::accounts::all_figures(&ws, today)
            .iter()
            .flat_map(|f| f.warnings.iter().map(|w| w.rule))
            .collect();
        for rule in &crate::domain::account_warnings::RULE_IDS[..5] {
            assert!(rules.contains(rule), "{rule}");
        }
    }
}
