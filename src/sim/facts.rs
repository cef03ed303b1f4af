//! What a CSM can see of a customer, and conditions over it: the shared language of
//! playbooks (which act on it) and of the exam's judging rules (which judge decisions
//! made on it). Nothing here reveals hidden state.

use serde::Deserialize;

use super::actions::{CustomerRefItem, Eligibility};
use super::customer::Role;
use super::types::{Band, BarrierKind, Stage, Touch};

/// A condition on one customer, as the CSM sees it.
#[derive(Debug, Clone, Deserialize)]
pub enum Condition {
    Touch(Touch),
    Stage(Stage),
    Segment(String),
    HealthBelow(f32),
    HealthBand(Band),
    KnownBarrier(BarrierKind),
    AnyKnownBarrier,
    /// The renewal is at most this many quarters away (0: this quarter).
    RenewalWithin(i16),
    RenewalWorkStarted,
    MitigationPlanned,
    TransitionPlanned,
    /// Fewer than seven success-plan elements.
    PlanIncomplete,
    /// Not reviewed this or last quarter.
    PlanStale,
    PlanElementsAtLeast(u8),
    /// No CSM contact for at least this many quarters (or never).
    UntouchedFor(i16),
    /// No QBR for at least this many quarters (or never).
    NoQbrFor(i16),
    OutcomesAtLeast(u8),
    NewOutcomeToCapture,
    ExpansionOpportunity,
    /// The CSM believes there is an executive sponsor.
    SponsorBelieved,
    UtilisationBelow(f32),
    UtilisationAtLeast(f32),
    NpsAtLeast(f32),
    /// The executive sponsor's mood as the CSM tracks it (−1…1) is at least this; a sponsor
    /// known to be gone counts as −1.
    SponsorSentimentAtLeast(f32),
    ArrAtLeast(i64),
    Not(Box<Condition>),
    Any(Vec<Condition>),
}

/// What a CSM can see of a customer, copied out for the rules.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub id: u32,
    pub arr: i64,
    pub segment: u16,
    pub touch: Touch,
    pub stage: Stage,
    pub health: f32,
    pub band: Band,
    pub known_barriers: u8,
    pub sponsor_believed: bool,
    pub renewal_in: i16,
    pub renewal_work: bool,
    pub mitigation: bool,
    pub transition: bool,
    pub plan_elements: u8,
    pub plan_current: bool,
    pub untouched_for: i16,
    pub no_qbr_for: i16,
    pub outcomes: u8,
    pub new_outcome: bool,
    pub expansion_opportunity: bool,
    pub utilisation: f32,
    pub nps: f32,
    pub sponsor_sentiment: f32,
    /// What planning an action for this customer depends on.
    pub eligibility: Eligibility,
}

impl Facts {
    pub fn of(c: &CustomerRefItem, q: i16) -> Facts {
        let known_barriers = c
            .barriers
            .known()
            .fold(0u8, |m, b| m | (1 << b.kind.index()));
        let sponsor_believed = c.stakeholders.get(Role::ExecutiveSponsor).present
            || known_barriers & (1 << BarrierKind::LostSponsor.index()) == 0;
        Facts {
            id: c.id.0,
            arr: c.contract.arr,
            segment: c.account.segment,
            touch: c.account.touch,
            stage: c.lifecycle.stage,
            health: c.health.score,
            band: c.health.band,
            known_barriers,
            sponsor_believed,
            renewal_in: c.contract.renewal_quarter - q,
            renewal_work: c.engagement.renewal_work_from.is_some(),
            mitigation: c.engagement.mitigation_plan.is_some(),
            transition: c.engagement.transition_plan.is_some(),
            plan_elements: c.plan.elements.count_ones() as u8,
            plan_current: c.plan.is_current(q),
            // A customer never contacted in the scenario counts as contacted just before it.
            untouched_for: q - c.engagement.last_touch.unwrap_or(0),
            no_qbr_for: c.engagement.last_qbr.map_or(i16::MAX, |t| q - t),
            outcomes: c.lifecycle.outcomes_achieved,
            new_outcome: c.lifecycle.outcomes_achieved > c.engagement.success_captured,
            expansion_opportunity: c.engagement.expansion_opportunity,
            utilisation: c.observed.signals.utilisation,
            nps: c.observed.signals.nps,
            sponsor_sentiment: if sponsor_believed {
                c.stakeholders.get(Role::ExecutiveSponsor).sentiment
            } else {
                -1.0
            },
            eligibility: Eligibility::of(c, q),
        }
    }

    pub fn meets(&self, c: &Condition, segment: &str) -> bool {
        match c {
            Condition::Touch(t) => self.touch == *t,
            Condition::Stage(s) => self.stage == *s,
            Condition::Segment(s) => segment == s,
            Condition::HealthBelow(h) => self.health < *h,
            Condition::HealthBand(b) => self.band == *b,
            Condition::KnownBarrier(k) => self.known_barriers & (1 << k.index()) != 0,
            Condition::AnyKnownBarrier => self.known_barriers != 0,
            Condition::RenewalWithin(n) => (0..=*n).contains(&self.renewal_in),
            Condition::RenewalWorkStarted => self.renewal_work,
            Condition::MitigationPlanned => self.mitigation,
            Condition::TransitionPlanned => self.transition,
            Condition::PlanIncomplete => self.plan_elements < 7,
            Condition::PlanStale => !self.plan_current,
            Condition::PlanElementsAtLeast(n) => self.plan_elements >= *n,
            Condition::UntouchedFor(n) => self.untouched_for >= *n,
            Condition::NoQbrFor(n) => self.no_qbr_for >= *n,
            Condition::OutcomesAtLeast(n) => self.outcomes >= *n,
            Condition::NewOutcomeToCapture => self.new_outcome,
            Condition::ExpansionOpportunity => self.expansion_opportunity,
            Condition::SponsorBelieved => self.sponsor_believed,
            Condition::UtilisationBelow(u) => self.utilisation < *u,
            Condition::UtilisationAtLeast(u) => self.utilisation >= *u,
            Condition::NpsAtLeast(n) => self.nps >= *n,
            Condition::SponsorSentimentAtLeast(x) => self.sponsor_sentiment >= *x,
            Condition::ArrAtLeast(a) => self.arr >= *a,
            Condition::Not(inner) => !self.meets(inner, segment),
            Condition::Any(list) => list.iter().any(|c| self.meets(c, segment)),
        }
    }
}
