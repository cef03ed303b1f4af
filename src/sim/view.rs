//! What the trainee can see of a customer: observed signals, known barriers, believed
//! stakeholders. Hidden state never leaves the simulation through here.

use serde::Serialize;

use super::actions::CustomerRefItem;
use super::customer::{BusinessOutcome, Engagement, PlanElement, Role, Signals, UseCase};
use super::health::Health;
use super::types::{
    Band, BarrierCategory, BarrierKind, ConsumptionModel, HealthDriver, SizeSegment, Stage, Touch,
};
use super::{Roster, Simulation};

#[derive(Debug, Clone, Serialize)]
pub struct StakeholderView {
    pub role: &'static str,
    /// As far as the CSM knows.
    pub present: bool,
    pub sentiment: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct KnownBarrier {
    pub kind: BarrierKind,
    pub category: BarrierCategory,
    pub severity: f32,
    pub since: u16,
    pub discovered_in: Option<u16>,
    pub progress: f32,
}

/// One customer as the CSM sees it.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerView {
    pub id: u32,
    pub key: String,
    pub name: String,
    pub industry: String,
    pub segment: String,
    pub size: SizeSegment,
    pub touch: Touch,
    pub stage: Stage,
    pub quarters_in_stage: u16,
    pub active: bool,
    pub arr: i64,
    pub mrr: f64,
    pub licences: u32,
    pub active_users: u32,
    pub products: Vec<String>,
    pub model: ConsumptionModel,
    pub renewal_quarter: i16,
    /// The quarter its first contract starts (after the scenario's start for a customer
    /// still to sign).
    pub customer_since: i16,
    pub auto_renew: bool,
    pub health_score: f32,
    pub health_band: Band,
    pub health_components: Vec<(&'static str, f32)>,
    /// The dashboard score and components a quarter before.
    pub health_previous: f32,
    pub health_components_before: Vec<(&'static str, f32)>,
    /// The score fell by 2 points or more last quarter: its driver can be read (2.6).
    pub health_declined: bool,
    /// What the CSM said drives the decline, this quarter.
    pub health_reading: Option<HealthDriver>,
    pub signals: SignalsView,
    pub stakeholders: Vec<StakeholderView>,
    pub plan_elements: Vec<PlanElement>,
    pub plan_missing: Vec<PlanElement>,
    pub plan_current: bool,
    /// The business outcome the plan aims at, which its KPI measures (2.3, 2.10).
    pub plan_outcome: Option<BusinessOutcome>,
    /// The plan aims at the vendor's goal rather than the customer's (1.2).
    pub plan_outcome_vendor_centric: bool,
    /// What the executive sponsor said the business wants, once heard.
    pub sponsor_wants: Option<BusinessOutcome>,
    /// What the account manager's notes say was sold and promised (4.3.b).
    pub account_manager_notes: BusinessOutcome,
    /// The account's baseline has been measured from its data (2.5).
    pub baseline: bool,
    /// The use case the plan targets first (2.8), once written.
    pub plan_use_case: Option<UseCase>,
    /// The plan's use cases are the vendor's standard rollout.
    pub plan_use_case_untargeted: bool,
    /// The RACI names someone who has left (as far as the CSM knows, 2.9).
    pub raci_outdated: bool,
    /// The sponsor and a champion are in place, as far as the CSM knows.
    pub owners_in_place: bool,
    /// What the champion showed the customer's work depends on, once seen.
    pub champion_shows: Option<UseCase>,
    pub known_barriers: Vec<KnownBarrier>,
    pub deployment: f32,
    pub outcomes_achieved: u8,
    pub time_to_value: Option<u16>,
    pub last_touch: Option<i16>,
    pub last_qbr: Option<i16>,
    pub renewal_work_from: Option<i16>,
    pub mitigation_plan: bool,
    pub transition_plan: bool,
    pub expansion_opportunity: bool,
    /// The opportunity is written into the success plan (5.4).
    pub expansion_in_plan: bool,
    /// The forms of advocacy given (4.6; see `actions::effects::advocacy_bit`).
    pub advocacy: u8,
    pub hours_spent: f32,
    /// The inbound request open this quarter (1.4).
    pub request: Option<RequestView>,
    /// The gap in the baseline the CSM has found, still open (2.5), and the quarter found.
    pub gap_known: Option<(super::types::GapKind, i16)>,
}

/// An open inbound request, as the CSM sees it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RequestView {
    pub kind: super::types::RequestKind,
    /// The CSM hours it takes unless handed on.
    pub hours: f32,
    /// How often it came back from a team that does not answer it.
    pub bounces: u8,
}

impl CustomerView {
    /// The health score as shown beside its band: whole points, rounded down, so that a
    /// score shown as 76 is always green and one shown as 75 never is (the band starts at 76,
    /// and 75.6 would round up to a "76 yellow").
    pub fn health_shown(&self) -> f32 {
        self.health_score.floor()
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct SignalsView {
    pub utilisation: f32,
    pub features_in_use: u8,
    pub features_total: u8,
    pub open_quality_issues: u16,
    pub support_tickets: u16,
    pub csat: f32,
    pub nps: f32,
    pub financial_health: f32,
}

impl From<&Signals> for SignalsView {
    fn from(s: &Signals) -> Self {
        SignalsView {
            utilisation: s.utilisation,
            features_in_use: s.features_in_use,
            features_total: s.features_total,
            open_quality_issues: s.open_quality_issues,
            support_tickets: s.support_tickets,
            csat: s.csat,
            nps: s.nps,
            financial_health: s.financial_health,
        }
    }
}

/// Whether a customer's health fell last quarter and it is a customer still, so the CSM
/// can be asked what drives the decline (2.6).
pub fn decline_to_read(c: &CustomerRefItem, q: i16) -> bool {
    c.health.declined() && c.contract.active_in(q) && c.lifecycle.stage != Stage::Churned
}

fn view(c: &CustomerRefItem, sim: &Simulation) -> CustomerView {
    let scenario = sim.scenario();
    let q = sim.clock().q();
    let health: &Health = c.health;
    let engagement: &Engagement = c.engagement;
    let sponsor_loss_known = c
        .barriers
        .get(BarrierKind::LostSponsor)
        .is_some_and(|b| b.discovered);
    let stakeholders = Role::ALL
        .iter()
        .map(|&role| {
            let s = c.stakeholders.get(role);
            let present = if role == Role::ExecutiveSponsor {
                s.present || !sponsor_loss_known
            } else {
                s.present
            };
            StakeholderView {
                role: role.label(),
                present,
                sentiment: s.sentiment,
            }
        })
        .collect();
    CustomerView {
        id: c.id.0,
        key: c.profile.key.clone(),
        name: c.profile.name.clone(),
        industry: c.profile.industry.clone(),
        segment: scenario.segments[usize::from(c.account.segment)].id.clone(),
        size: c.account.size,
        touch: c.account.touch,
        stage: c.lifecycle.stage,
        quarters_in_stage: c.lifecycle.quarters_in_stage,
        active: c.contract.active_in(q) && c.lifecycle.stage != Stage::Churned,
        arr: c.contract.arr,
        mrr: c.contract.mrr(),
        licences: c.contract.licences,
        active_users: c.observed.signals.active_users(c.contract.licences),
        products: scenario
            .product_names(c.contract.products)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        model: c.contract.model,
        renewal_quarter: c.contract.renewal_quarter,
        customer_since: c.contract.customer_since,
        auto_renew: c.contract.auto_renew,
        health_score: health.score,
        health_band: health.band,
        health_components: super::types::HealthComponent::ALL
            .iter()
            .filter(|comp| scenario.health_model.uses(**comp))
            .map(|comp| (comp.label(), health.components[comp.index()]))
            .collect(),
        health_previous: health.previous,
        health_components_before: super::types::HealthComponent::ALL
            .iter()
            .filter(|comp| scenario.health_model.uses(**comp))
            .map(|comp| {
                (
                    comp.label(),
                    f32::from(health.previous_components[comp.index()]),
                )
            })
            .collect(),
        health_declined: decline_to_read(c, q),
        health_reading: sim
            .readings()
            .iter()
            .find(|r| r.customer == c.id.0)
            .map(|r| r.driver),
        signals: (&c.observed.signals).into(),
        stakeholders,
        plan_elements: PlanElement::ALL
            .into_iter()
            .filter(|e| c.plan.has(*e))
            .collect(),
        plan_missing: c.plan.missing().collect(),
        plan_current: c.plan.is_current(q),
        plan_outcome: c.plan.outcome,
        plan_outcome_vendor_centric: c.plan.outcome.is_some_and(|o| o.vendor_centric()),
        sponsor_wants: c.plan.outcome_heard.then_some(c.account.desired),
        account_manager_notes: c.account.sold,
        baseline: c.plan.baseline,
        plan_use_case: c
            .plan
            .use_case
            .filter(|_| c.plan.has(PlanElement::UseCases) || c.plan.use_case_chosen),
        plan_use_case_untargeted: c
            .plan
            .use_case
            .is_some_and(|u| u.untargeted() && c.plan.has(PlanElement::UseCases)),
        raci_outdated: c.plan.raci_outdated_known(c.stakeholders, c.barriers),
        owners_in_place: c.stakeholders.owners_present() || c.barriers.sponsor_loss_hidden(),
        champion_shows: c.plan.use_case_heard.then_some(c.account.use_case),
        known_barriers: c
            .barriers
            .known()
            .map(|b| KnownBarrier {
                kind: b.kind,
                category: b.category,
                severity: b.severity,
                since: b.since,
                discovered_in: b.discovered_in,
                progress: b.progress,
            })
            .collect(),
        deployment: c.lifecycle.deployment,
        outcomes_achieved: c.lifecycle.outcomes_achieved,
        time_to_value: c.lifecycle.time_to_value,
        last_touch: engagement.last_touch,
        last_qbr: engagement.last_qbr,
        renewal_work_from: engagement.renewal_work_from,
        mitigation_plan: engagement.mitigation_plan.is_some(),
        transition_plan: engagement.transition_plan.is_some(),
        expansion_opportunity: engagement.expansion_opportunity,
        expansion_in_plan: engagement.expansion_in_plan,
        advocacy: engagement.advocacy,
        hours_spent: engagement.hours,
        request: engagement.open_request(q).map(|r| RequestView {
            kind: r.kind,
            hours: r.hours,
            bounces: r.bounces,
        }),
        gap_known: c.lifecycle.gap.zip(c.lifecycle.gap_found_in),
    }
}

impl Simulation {
    /// One customer as the CSM sees it.
    pub fn customer(&self, id: u32) -> Option<CustomerView> {
        let entity = *self
            .world()
            .resource::<Roster>()
            .entities
            .get(id as usize)?;
        let c = self
            .customer_query()
            .get_manual(self.world(), entity)
            .ok()?;
        Some(view(&c, self))
    }

    /// Each customer's view with its place in the roster, in id order.
    fn each_view(&self, mut f: impl FnMut(usize, CustomerView)) {
        let query = self.customer_query();
        for (i, &e) in self
            .world()
            .resource::<Roster>()
            .entities
            .iter()
            .enumerate()
        {
            if let Ok(c) = query.get_manual(self.world(), e) {
                f(i, view(&c, self));
            }
        }
    }

    /// The first `limit` customers (in id order) with their observed signals and health
    /// score, for charts: read straight from the components, without building views or
    /// walking the rest of the roster.
    pub fn first_signals(&self, limit: usize) -> Vec<(u32, SignalsView, f32)> {
        let query = self.customer_query();
        self.world()
            .resource::<Roster>()
            .entities
            .iter()
            .take(limit)
            .filter_map(|&e| query.get_manual(self.world(), e).ok())
            .map(|c| (c.id.0, (&c.observed.signals).into(), c.health.score))
            .collect()
    }

    /// The first `limit` customers (in id order) that `keep` accepts, and how many it
    /// accepts in all: a long list is paged without holding a view of every customer.
    pub fn customers_where(
        &self,
        keep: impl Fn(&CustomerView) -> bool,
        limit: usize,
    ) -> (Vec<CustomerView>, usize) {
        let mut shown = Vec::new();
        let mut total = 0;
        self.each_view(|_, v| {
            if keep(&v) {
                total += 1;
                if shown.len() < limit {
                    shown.push(v);
                }
            }
        });
        (shown, total)
    }

    /// The first `limit` customers that `keep` accepts, ordered by `key` (smallest first;
    /// ties in id order), and how many it accepts in all. Only the keys of the accepted
    /// customers are held, not their views.
    pub fn customers_sorted_where(
        &self,
        keep: impl Fn(&CustomerView) -> bool,
        key: impl Fn(&CustomerView) -> i64,
        limit: usize,
    ) -> (Vec<CustomerView>, usize) {
        let mut keys: Vec<(i64, usize)> = Vec::new();
        self.each_view(|i, v| {
            if keep(&v) {
                keys.push((key(&v), i));
            }
        });
        let total = keys.len();
        keys.sort_unstable();
        let entities = &self.world().resource::<Roster>().entities;
        let query = self.customer_query();
        let shown = keys
            .iter()
            .take(limit)
            .filter_map(|&(_, i)| query.get_manual(self.world(), entities[i]).ok())
            .map(|c| view(&c, self))
            .collect();
        (shown, total)
    }

    /// Every customer as the CSM sees it, in id order.
    pub fn customers(&self) -> Vec<CustomerView> {
        let mut out: Vec<CustomerView> = self
            .customer_query()
            .iter_manual(self.world())
            .map(|c| view(&c, self))
            .collect();
        out.sort_by_key(|v| v.id);
        out
    }

    /// Calls `f` for every customer, in id order, with read access to its components (the
    /// playbook uses this; it must only look at what a CSM could see).
    pub fn each_customer(&self, mut f: impl FnMut(&CustomerRefItem)) {
        for c in self.customer_query().iter_manual(self.world()) {
            f(&c);
        }
    }
}
