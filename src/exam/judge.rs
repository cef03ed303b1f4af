//! Judging the trainee's decisions as they happen, by written rules (`assets/rules.ron`),
//! each tied to exam objectives and explained in words a trainee can learn from.
//!
//! The judge looks at what the trainee decided and what a CSM could see at the time
//! (`sim::facts`); for outcomes (renewals, undiscovered barriers) it may look at the truth,
//! as an instructor would.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Blueprint;
use crate::scenario::locate::{FieldPath, located};
use crate::scenario::{LoadError, read_ron};
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionOutcome, ActionTarget, Blocker, PlannedAction};
use crate::sim::facts::{Condition, Facts};
use crate::sim::journal::Event;
use crate::sim::renewal::Factors;
use crate::sim::types::{BarrierKind, GapKind, HealthDriver, RequestKind, Team, Touch};

/// Whether a rule praises or corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Good,
    Mistake,
}

/// What a renewal decision came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RenewalResult {
    Renewed,
    Downsold,
    Churned,
}

/// The reasons recorded with a renewal decision (see `sim::renewal::Factors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Factor {
    SponsorMissing,
    HealthRed,
    HealthGreen,
    NoRenewalWork,
    LateRenewalWork,
    EarlyRenewalWork,
    MitigationPlan,
    RecentQbr,
    AutoRenew,
    Outcomes,
    TransitionPlan,
    OpenBarrier(BarrierKind),
    AnyOpenBarrier,
}

impl Factor {
    fn holds(self, f: Factors) -> bool {
        match self {
            Factor::SponsorMissing => f.has(Factors::SPONSOR_MISSING),
            Factor::HealthRed => f.has(Factors::HEALTH_RED),
            Factor::HealthGreen => f.has(Factors::HEALTH_GREEN),
            Factor::NoRenewalWork => f.has(Factors::NO_RENEWAL_WORK),
            Factor::LateRenewalWork => f.has(Factors::LATE_RENEWAL_WORK),
            Factor::EarlyRenewalWork => f.has(Factors::EARLY_RENEWAL_WORK),
            Factor::MitigationPlan => f.has(Factors::MITIGATION_PLAN),
            Factor::RecentQbr => f.has(Factors::RECENT_QBR),
            Factor::AutoRenew => f.has(Factors::AUTO_RENEW),
            Factor::Outcomes => f.has(Factors::OUTCOMES),
            Factor::TransitionPlan => f.has(Factors::TRANSITION_PLAN),
            Factor::OpenBarrier(kind) => f.open_barriers().any(|k| k == kind),
            Factor::AnyOpenBarrier => f.open_barriers().next().is_some(),
        }
    }
}

/// What an action came to, for outcome rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutcomeKind {
    Found,
    Resolved,
    NoEffect,
    Backfired,
    ExpansionWon,
    ExpansionDeclined,
}

impl OutcomeKind {
    fn matches(self, o: &ActionOutcome) -> bool {
        matches!(
            (self, o),
            (OutcomeKind::Found, ActionOutcome::Discovered(_))
                | (OutcomeKind::Resolved, ActionOutcome::Resolved(_))
                | (
                    OutcomeKind::NoEffect,
                    ActionOutcome::NoEffect | ActionOutcome::Misdirected
                )
                | (OutcomeKind::Backfired, ActionOutcome::Backfired)
                | (OutcomeKind::ExpansionWon, ActionOutcome::ExpansionWon(_))
                | (
                    OutcomeKind::ExpansionDeclined,
                    ActionOutcome::ExpansionDeclined
                )
        )
    }
}

/// What a rule looks for.
#[derive(Debug, Clone, Deserialize)]
pub enum Check {
    /// One of these actions, planned for a customer who (as the CSM saw it when the quarter
    /// ended) met every `when` condition, while some other customer nobody planned for met
    /// every `elsewhere` condition (if any are given).
    Action {
        actions: Vec<ActionKind>,
        #[serde(default)]
        when: Vec<Condition>,
        #[serde(default)]
        elsewhere: Vec<Condition>,
    },
    /// One of these actions tried and refused for this reason.
    Attempt {
        actions: Vec<ActionKind>,
        blocker: Blocker,
    },
    /// One of these actions came to this.
    Outcome {
        actions: Vec<ActionKind>,
        outcome: OutcomeKind,
    },
    /// A one-to-many action run for a segment of this touch model.
    Campaign {
        actions: Vec<ActionKind>,
        touch: Touch,
    },
    /// A renewal decided with one of these results, every `all` factor and no `none` factor.
    Renewal {
        results: Vec<RenewalResult>,
        #[serde(default)]
        all: Vec<Factor>,
        #[serde(default)]
        none: Vec<Factor>,
    },
    /// A barrier whose symptoms had been in the data for this many quarters, still not
    /// found (once per barrier).
    Undiagnosed {
        quarters: u16,
        /// The kinds it watches (all if left out).
        #[serde(default)]
        kinds: Vec<BarrierKind>,
    },
    /// A known barrier of one of these kinds left without progress for this many quarters
    /// since it was found (once per barrier).
    Unanswered {
        kinds: Vec<BarrierKind>,
        quarters: u16,
    },
    /// At the end of a quarter, a customer met every condition as the CSM saw it (once per
    /// customer).
    Customer { when: Vec<Condition> },
    /// The CSM said what drives a customer's health decline (2.6), rightly or not, when the
    /// dashboard showed `truth` behind it (none: no driver stood out).
    HealthReading {
        right: bool,
        truth: Option<HealthDriver>,
    },
    /// An adoption plan agreed, focused on the outcome the customer wants or not (4.1.b).
    Adoption { focused: bool },
    /// An expansion opportunity written into the success plan with the sponsor (5.4).
    ExpansionPlanned,
    /// A gap of one of these kinds in an account's baseline found (or, with `closed`,
    /// closed) (2.5).
    Gap {
        kinds: Vec<GapKind>,
        #[serde(default)]
        closed: bool,
    },
    /// An inbound request of one of these kinds answered by one of these teams (the CSM
    /// included) (1.4); with `right`, only if that was (or was not) the team for its kind.
    Request {
        kinds: Vec<RequestKind>,
        by: Vec<Team>,
        #[serde(default)]
        right: Option<bool>,
    },
}

/// One written rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub objectives: Vec<String>,
    pub verdict: Verdict,
    pub check: Check,
    pub explanation: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Rules")]
struct RawRules(Vec<Rule>);

/// The judging rules.
#[derive(Debug, Clone)]
pub struct Rules(pub Vec<Rule>);

/// The rules compiled into the program.
pub const SOURCE: &str = include_str!("../../assets/rules.ron");

impl Rules {
    pub fn get() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            Rules::parse("assets/rules.ron", SOURCE)
                .unwrap_or_else(|e| panic!("the built-in rules are invalid (a build defect):\n{e}"))
        })
    }

    /// Parses rules and checks them: unique ids, objectives from the blueprint, an
    /// explanation, and at least one action where a check names actions.
    pub fn parse(file: &str, text: &str) -> Result<Rules, LoadError> {
        let RawRules(rules) = read_ron(file, text)?;
        let blueprint = Blueprint::get();
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        for (i, rule) in rules.iter().enumerate() {
            // `Rules([...])`: the list is the first (only) entry of the newtype.
            let path = FieldPath::root().index(0).index(i);
            let mut fail = |path: FieldPath, message: String| {
                let message = format!("rule \"{}\": {message}", rule.id);
                problems.push(located(file, text, &path, message));
            };
            if !ids.insert(rule.id.as_str()) {
                fail(path.field("id"), "the id is used twice".to_owned());
            }
            blueprint.check_ids(&rule.objectives, &path.field("objectives"), &mut fail);
            if rule.explanation.trim().len() < 20 {
                fail(
                    path.field("explanation"),
                    "explain the rule to the trainee".to_owned(),
                );
            }
            let actions = match &rule.check {
                Check::Action { actions, .. }
                | Check::Attempt { actions, .. }
                | Check::Outcome { actions, .. }
                | Check::Campaign { actions, .. } => Some(actions),
                _ => None,
            };
            if actions.is_some_and(Vec::is_empty) {
                fail(path.field("check"), "name at least one action".to_owned());
            }
            if let Check::Request { kinds, by, .. } = &rule.check
                && (kinds.is_empty() || by.is_empty())
            {
                fail(
                    path.field("check"),
                    "name at least one kind of request and one team".to_owned(),
                );
            }
        }
        if problems.is_empty() {
            Ok(Rules(rules))
        } else {
            Err(LoadError::Invalid(problems))
        }
    }
}

/// What the CSM will know of a customer when an action runs, given the actions planned
/// before it this quarter (they run first, in order): a conversation with the sponsor
/// tells the desired outcome, a look at the data measures the baseline, the champion shows
/// the use cases.
fn known_by_then(f: &Facts, earlier: &[PlannedAction]) -> Facts {
    let mut f = *f;
    for p in earlier {
        if p.target != ActionTarget::Customer(f.id) {
            continue;
        }
        let a = p.action;
        if matches!(
            a,
            ActionKind::StakeholderConversation | ActionKind::ExecutiveAlignment
        ) && f.sponsor_believed
        {
            f.outcome_heard = true;
        }
        if a == ActionKind::ReviewAccountData {
            f.baseline = true;
        }
        // The champion shows the work the outcome depends on (2.8).
        if matches!(
            a,
            ActionKind::StakeholderConversation | ActionKind::SiteVisit
        ) && !f.champion_missing
        {
            f.use_case_heard = true;
        }
    }
    f
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub quarter: u16,
    /// The customer it concerns (none for a segment-wide decision).
    pub customer: Option<u32>,
    /// The rule's id (the built-in rules live as long as the program, so nothing is
    /// allocated per judgement: a million-customer run makes over a million).
    pub rule: &'static str,
}

/// Watches a simulation quarter by quarter and records what the rules say.
#[derive(Debug, Clone, Default)]
pub struct Judge {
    pub judgements: Vec<Judgement>,
    /// Rules already fired for a customer, by key (a quarter, a barrier's start):
    /// (rule, customer, key).
    once: BTreeSet<(usize, u32, u16)>,
    attempts_seen: usize,
    /// The facts of every current customer, refilled each quarter into the same buffer (a
    /// million customers' facts, allocated afresh, cost more in page faults than judging).
    facts: Vec<Facts>,
}

impl Judge {
    pub fn new() -> Self {
        Judge::default()
    }

    /// Judges the plan, ends the quarter, and judges what the quarter brought.
    pub fn end_quarter(&mut self, sim: &mut Simulation) {
        if sim.finished() {
            return;
        }
        let q = sim.clock().quarter;
        self.judge_plan(sim);
        sim.end_quarter();
        self.judge_quarter(sim, q);
    }

    fn fire(&mut self, quarter: u16, customer: Option<u32>, rule: usize) {
        self.judgements.push(Judgement {
            quarter,
            customer,
            rule: Rules::get().0[rule].id.as_str(),
        });
    }

    fn fire_once(&mut self, quarter: u16, customer: u32, key: u16, rule: usize) {
        if self.once.insert((rule, customer, key)) {
            self.fire(quarter, Some(customer), rule);
        }
    }

    /// Judges the quarter's plan against what the CSM could see, before it is carried out.
    fn judge_plan(&mut self, sim: &Simulation) {
        // Nothing planned, nothing to judge (and no need to read a million customers).
        if sim.planned().is_empty() {
            return;
        }
        let q = sim.clock().quarter;
        let mut facts = std::mem::take(&mut self.facts);
        visible_facts(sim, sim.clock().q(), &mut facts);
        let segment_id = |f: &Facts| sim.scenario().segments[usize::from(f.segment)].id.clone();
        let planned_for: BTreeSet<u32> = sim
            .planned()
            .iter()
            .filter_map(|p| match p.target {
                ActionTarget::Customer(id) => Some(id),
                ActionTarget::Segment(_) => None,
            })
            .collect();
        let plan = sim.planned().to_vec();
        for (i, planned) in plan.iter().copied().enumerate() {
            for (r, rule) in Rules::get().0.iter().enumerate() {
                match (&rule.check, planned.target) {
                    (
                        Check::Action {
                            actions,
                            when,
                            elsewhere,
                        },
                        ActionTarget::Customer(id),
                    ) if actions.contains(&planned.action) => {
                        // The facts are in id order, as every step visits customers.
                        let Ok(at) = facts.binary_search_by_key(&id, |f| f.id) else {
                            continue;
                        };
                        let f = &facts[at];
                        let f = &known_by_then(f, &plan[..i]);
                        let seg = segment_id(f);
                        if !when.iter().all(|c| f.meets(c, &seg)) {
                            continue;
                        }
                        let context = elsewhere.is_empty()
                            || facts.iter().any(|o| {
                                o.id != id
                                    && !planned_for.contains(&o.id)
                                    && elsewhere.iter().all(|c| o.meets(c, &segment_id(o)))
                            });
                        // Several actions for one customer earn one judgement a quarter.
                        if context && self.once.insert((r, id, q)) {
                            self.fire(q, Some(id), r);
                        }
                    }
                    (Check::Campaign { actions, touch }, ActionTarget::Segment(s))
                        if actions.contains(&planned.action)
                            && sim.scenario().segments[usize::from(s)].touch == *touch =>
                    {
                        self.fire(q, None, r);
                    }
                    _ => {}
                }
            }
        }
        self.facts = facts;
    }

    /// Judges what happened in quarter `q`: refused attempts, action outcomes, renewals,
    /// barriers left undiagnosed or unanswered, and how customers stand.
    fn judge_quarter(&mut self, sim: &Simulation, q: u16) {
        let rules = &Rules::get().0;
        let attempts = sim.attempts()[self.attempts_seen..].to_vec();
        self.attempts_seen = sim.attempts().len();
        for a in attempts {
            for (r, rule) in rules.iter().enumerate() {
                if let Check::Attempt { actions, blocker } = &rule.check
                    && actions.contains(&a.planned.action)
                    && *blocker == a.blocker
                {
                    let customer = match a.planned.target {
                        ActionTarget::Customer(id) => Some(id),
                        ActionTarget::Segment(_) => None,
                    };
                    self.fire(a.quarter, customer, r);
                }
            }
        }
        let entries: Vec<_> = sim.journal().for_quarter(q).copied().collect();
        for e in &entries {
            for (r, rule) in rules.iter().enumerate() {
                let fires = match (&rule.check, &e.event) {
                    (Check::Outcome { actions, outcome }, Event::Action { action, outcome: o }) => {
                        actions.contains(action) && outcome.matches(o)
                    }
                    (
                        Check::HealthReading { right, truth },
                        Event::HealthRead {
                            said, truth: shown, ..
                        },
                    ) => *truth == *shown && *right == (*shown == Some(*said)),
                    (Check::Adoption { focused }, Event::AdoptionPlanned { focused: f, .. }) => {
                        focused == f
                    }
                    (Check::ExpansionPlanned, Event::ExpansionPlanned) => true,
                    (Check::Gap { kinds, closed }, Event::GapFound { gap, .. }) => {
                        !closed && kinds.contains(gap)
                    }
                    (Check::Gap { kinds, closed }, Event::GapClosed { gap, .. }) => {
                        *closed && kinds.contains(gap)
                    }
                    (
                        Check::Request { kinds, by, right },
                        Event::RequestClosed {
                            kind,
                            by: team,
                            right: was_right,
                        },
                    ) => {
                        kinds.contains(kind)
                            && by.contains(team)
                            && right.is_none_or(|r| r == *was_right)
                    }
                    (Check::Renewal { results, all, none }, event) => {
                        let decided = match *event {
                            Event::Renewed { factors, .. } => {
                                Some((RenewalResult::Renewed, factors))
                            }
                            Event::Downsold { factors, .. } => {
                                Some((RenewalResult::Downsold, factors))
                            }
                            Event::Churned { factors, .. } => {
                                Some((RenewalResult::Churned, factors))
                            }
                            _ => None,
                        };
                        // A renewal decided in the scenario's first quarter could not have
                        // been worked a quarter ahead: late work is no fault there.
                        let unavoidable = q == 1 && all.contains(&Factor::LateRenewalWork);
                        !unavoidable
                            && decided.is_some_and(|(result, f)| {
                                results.contains(&result)
                                    && all.iter().all(|x| x.holds(f))
                                    && !none.iter().any(|x| x.holds(f))
                            })
                    }
                    _ => false,
                };
                if fires {
                    self.fire(q, Some(e.customer), r);
                }
            }
        }
        // As the CSM sees things at the end of the quarter just played, in one pass over
        // the customers: each one's facts are tested against every `Customer` rule as they
        // are read (the yes-or-no conditions as bit masks first), and the customers each
        // rule finds are kept, in id order, to be judged in rule order below.
        let qi = i16::try_from(q).unwrap_or(i16::MAX);
        let segments = &sim.scenario().segments;
        let compiled = customer_conditions();
        let customer_rules: Vec<(usize, &crate::sim::facts::CompiledConditions)> = compiled
            .iter()
            .enumerate()
            .filter_map(|(r, c)| c.as_ref().map(|c| (r, c)))
            .collect();
        let mut found: Vec<Vec<u32>> = vec![Vec::new(); rules.len()];
        let mut barrier_checks = Vec::new();
        sim.each_customer(|c| {
            // A customer who has left is judged no more.
            if c.lifecycle.stage == crate::sim::types::Stage::Churned {
                return;
            }
            for b in c.barriers.active() {
                barrier_checks.push((c.id.0, *b));
            }
            if !c.lifecycle.is_customer(qi) {
                return;
            }
            // The yes-or-no facts first; the rest is read only for a customer whose flags
            // pass some rule (most pass none).
            let flags = Facts::flags_of(c, qi);
            let mut facts = None;
            for &(r, conditions) in &customer_rules {
                if conditions.matches_flags(flags) {
                    let f = facts.get_or_insert_with(|| Facts::with_flags(c, qi, flags));
                    if conditions.matches_rest(f, || &segments[usize::from(f.segment)].id) {
                        found[r].push(f.id);
                    }
                }
            }
        });
        for (r, rule) in rules.iter().enumerate() {
            match &rule.check {
                Check::Undiagnosed { quarters, kinds } => {
                    for &(id, b) in &barrier_checks {
                        // Symptoms are in the data from the quarter after a barrier begins,
                        // so by the end of quarter q they have been there q - since quarters.
                        if !b.discovered
                            && (kinds.is_empty() || kinds.contains(&b.kind))
                            && b.visible_for(q) >= *quarters
                        {
                            self.fire_once(q, id, b.since, r);
                        }
                    }
                }
                Check::Unanswered { kinds, quarters } => {
                    for &(id, b) in &barrier_checks {
                        // No response from the CSM since it was found: progress alone
                        // will not do, as a quality issue also repairs itself slowly.
                        let answered = b
                            .last_response
                            .is_some_and(|r| b.discovered_in.is_none_or(|d| r >= d));
                        if b.discovered
                            && kinds.contains(&b.kind)
                            && !answered
                            && b.discovered_in.is_some_and(|d| q - d >= *quarters)
                        {
                            self.fire_once(q, id, b.since, r);
                        }
                    }
                }
                Check::Customer { .. } => {
                    for &id in &found[r] {
                        self.fire_once(q, id, 0, r);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Each rule's `Customer` conditions, compiled once (`None` for the other rules).
fn customer_conditions() -> &'static [Option<crate::sim::facts::CompiledConditions>] {
    static COMPILED: std::sync::OnceLock<Vec<Option<crate::sim::facts::CompiledConditions>>> =
        std::sync::OnceLock::new();
    COMPILED.get_or_init(|| {
        Rules::get()
            .0
            .iter()
            .map(|r| match &r.check {
                Check::Customer { when } => Some(crate::sim::facts::CompiledConditions::new(when)),
                _ => None,
            })
            .collect()
    })
}

/// What the CSM can see of every current customer, as of quarter `q`, into `facts`.
fn visible_facts(sim: &Simulation, q: i16, facts: &mut Vec<Facts>) {
    facts.clear();
    facts.reserve(sim.customer_count() as usize);
    sim.each_customer(|c| {
        if c.lifecycle.is_customer(q) {
            facts.push(Facts::of(c, q));
        }
    });
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    Rules::get().0.iter().find(|r| r.id == id)
}
