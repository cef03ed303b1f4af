//! The trainee's actions: the catalogue, the plan for the current quarter within the CSM's
//! time budget, and the pipeline step that carries the plan out.

mod catalogue;
mod effects;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

pub use catalogue::{ActionKind, ActionSpec, CATALOGUE, Family};
pub use effects::{PEER_PROOF, PEER_PROOF_CAP};

use super::clock::Clock;
use super::customer::Role;
use super::customer::{CustomerMut, CustomerRef};
use super::journal::{Event, Journal, SEGMENT_WIDE};
use super::metrics::Tally;
use super::rng::SimRng;
use super::types::{BarrierKind, HealthDriver, Stage};
use super::{Roster, ScenarioRes};

/// Who an action is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionTarget {
    /// A customer, by stable id.
    Customer(u32),
    /// Every customer of a segment, by index (one-to-many actions).
    Segment(u16),
}

/// One action the trainee has planned for the current quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedAction {
    pub action: ActionKind,
    pub target: ActionTarget,
}

/// The actions planned for the current quarter, in the order they were planned.
#[derive(Resource, Debug, Default, Clone)]
pub struct Plan(pub Vec<PlannedAction>);

/// An action the trainee tried to plan and could not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub quarter: u16,
    pub planned: PlannedAction,
    pub blocker: Blocker,
}

/// Every blocked attempt of the run that says something about judgement.
#[derive(Resource, Debug, Default, Clone)]
pub struct Attempts(pub Vec<Attempt>);

/// What the CSM said drives a customer's health decline (2.6), this quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthReading {
    pub customer: u32,
    pub driver: HealthDriver,
}

/// The health readings of the current quarter, one per customer at most, in the order they
/// were first made; each is checked against the dashboard when the quarter is carried out.
#[derive(Resource, Debug, Default, Clone)]
pub struct Readings(pub Vec<HealthReading>);

/// The hours a health reading takes: an hour with the dashboard.
pub const READING_HOURS: f32 = 1.0;

/// The chance that a right reading, pointing at a hidden barrier whose symptoms show in
/// that driver, finds it.
pub const READING_FINDS: f32 = 0.6;

/// The CSM's hours for the current quarter.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Budget {
    pub capacity: f32,
    /// The hours of the actions planned.
    pub planned: f32,
    /// The hours the quarter's open inbound requests take unless handed on (the reactive
    /// load, `docs/model.md` §5).
    pub reactive: f32,
}

impl Budget {
    pub fn left(&self) -> f32 {
        self.capacity - self.planned - self.reactive
    }
}

/// Why an action cannot be planned or did not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blocker {
    /// Every quarter of the scenario has been played.
    ScenarioOver,
    UnknownCustomer,
    UnknownSegment,
    NotYetACustomer,
    Churned,
    NeedsCustomerTarget,
    NeedsSegmentTarget,
    AlreadyPlanned,
    OverBudget,
    NeedsSuccessPlan,
    NeedsCurrentPlan,
    NeedsSponsor,
    /// The sponsor had left; the QBR could not happen (and the loss is now known).
    SponsorGone,
    NoKnownSponsorLoss,
    NeedsRiskAnalysis,
    NoNewOutcome,
    PastAdoption,
    /// This kind of expansion was already proposed this contract term.
    ProposedThisTerm,
    /// The customer turned down a proposal recently; the door is closed for now.
    ExpansionDoorClosed,
    /// The customer's health did not decline last quarter: there is no decline to read.
    NoDecline,
    /// A hand-off for a customer with no open inbound request.
    NoOpenRequest,
    /// The hours a hand-off freed are planned for other work (unplanning it would overdraw
    /// the quarter).
    HoursInUse,
    /// There is no planned action with that number.
    NotPlanned,
    /// The customer already gave this form of advocacy (each is given once).
    AdvocacyGiven,
    /// The customer has no champion to give a talk.
    NeedsChampion,
}

impl Blocker {
    /// Whether being blocked says something about the trainee's judgement (a QBR without a
    /// plan), rather than about bookkeeping (no hours left, a typo in a name).
    pub fn is_judgement(self) -> bool {
        matches!(
            self,
            Blocker::NeedsSuccessPlan
                | Blocker::NeedsCurrentPlan
                | Blocker::NeedsSponsor
                | Blocker::NoKnownSponsorLoss
                | Blocker::NeedsRiskAnalysis
                | Blocker::NoNewOutcome
                | Blocker::PastAdoption
                | Blocker::ProposedThisTerm
                | Blocker::ExpansionDoorClosed
                | Blocker::NoDecline
                | Blocker::AdvocacyGiven
                | Blocker::NeedsChampion
        )
    }

    pub fn explain(self) -> &'static str {
        match self {
            Blocker::ScenarioOver => "the scenario is over",
            Blocker::UnknownCustomer => "there is no such customer",
            Blocker::UnknownSegment => "there is no such segment",
            Blocker::NotYetACustomer => "the contract has not started yet",
            Blocker::Churned => "the customer has churned",
            Blocker::NeedsCustomerTarget => "this is a one-to-one action: choose a customer",
            Blocker::NeedsSegmentTarget => "this is a one-to-many action: choose a segment",
            Blocker::AlreadyPlanned => "already planned for this target this quarter",
            Blocker::OverBudget => "not enough CSM hours left this quarter",
            Blocker::NeedsSuccessPlan => "needs a success plan with at least three elements (2.7)",
            Blocker::NeedsCurrentPlan => {
                "a QBR needs a success plan reviewed this or last quarter with at least five elements (4.4)"
            }
            Blocker::NeedsSponsor => "needs an executive sponsor to meet (4.3.a)",
            Blocker::SponsorGone => {
                "the executive sponsor has left the customer, so there was no one to meet (3.4.b)"
            }
            Blocker::NoKnownSponsorLoss => {
                "as far as you know the sponsor is in place; confirm a loss first (3.3.b)"
            }
            Blocker::NeedsRiskAnalysis => {
                "needs renewal work started this term first: a renewal risk analysis (5.5)"
            }
            Blocker::NoNewOutcome => "no business outcome achieved since the last capture",
            Blocker::PastAdoption => "the customer is already past onboarding and adoption",
            Blocker::ProposedThisTerm => {
                "this kind of expansion was already proposed to this customer this contract term (5.2)"
            }
            Blocker::ExpansionDoorClosed => {
                "the customer turned down a proposal recently (for the rest of the term if it did not fit); earn value first (5.2)"
            }
            Blocker::NoDecline => {
                "the health score did not fall by 2 points or more last quarter: there is no decline to read (2.6)"
            }
            Blocker::NoOpenRequest => {
                "the customer has no open inbound request to hand on this quarter (1.4)"
            }
            Blocker::HoursInUse => {
                "the hours this hand-off freed are planned for other work: remove some of that first"
            }
            Blocker::NotPlanned => "there is no planned action with that number",
            Blocker::AdvocacyGiven => {
                "the customer already gave this form of advocacy; ask for another form (4.6)"
            }
            Blocker::NeedsChampion => {
                "the customer has no champion to give the talk; find one first (2.2)"
            }
        }
    }
}

/// What an action did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum ActionOutcome {
    /// Its effect landed.
    Done,
    /// It found these barriers (a bit per `BarrierKind`).
    Discovered(u8),
    /// It looked and found nothing new.
    NothingFound,
    /// It moved a barrier towards resolution (to this much progress).
    Progressed(BarrierKind, f32),
    /// It removed a barrier.
    Resolved(BarrierKind),
    /// The right action for a problem the customer does not have.
    NoEffect,
    /// A remedy for a problem the customer does not have, while another barrier is open:
    /// the hours are gone and the customer saw effort spent on the wrong thing.
    Misdirected,
    /// Its barrier ended earlier this quarter (another response resolved it, or it
    /// repaired itself) before this one ran: right when planned, not needed in the end.
    Superseded(BarrierKind),
    /// It cost goodwill.
    Backfired,
    /// A request handed to a team that does not answer it (1.4).
    Misrouted,
    /// It could not happen.
    Blocked(Blocker),
    /// The customer bought more: added ARR.
    ExpansionWon(i64),
    ExpansionDeclined,
}

/// The hours an action costs for a target.
pub fn cost(action: ActionKind, touch: Option<super::types::Touch>) -> f32 {
    let spec = action.spec();
    match touch {
        Some(t) if !spec.one_to_many => spec.hours * t.cost_factor(),
        _ => spec.hours,
    }
}

/// What planning an action may depend on: only what the trainee can see of a customer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Eligibility {
    pub quarter: i16,
    pub churned: bool,
    pub active: bool,
    pub stage: Stage,
    pub touch: super::types::Touch,
    pub plan_elements: u8,
    pub plan_current: bool,
    pub sponsor_believed: bool,
    pub renewal_work: bool,
    pub new_outcome: bool,
    pub expansions_proposed: u8,
    pub expansion_closed_until: Option<i16>,
    /// The forms of advocacy given (each once; see [`effects::advocacy_bit`]).
    pub advocacy: u8,
    pub champion_missing: bool,
    /// The inbound request open this quarter, and the hours it reserves.
    pub request: Option<super::types::RequestKind>,
    pub request_hours: f32,
}

impl Eligibility {
    pub fn of(c: &CustomerRefItem, q: i16) -> Eligibility {
        Eligibility {
            quarter: q,
            churned: c.lifecycle.stage == Stage::Churned,
            active: c.contract.active_in(q),
            stage: c.lifecycle.stage,
            touch: c.account.touch,
            plan_elements: c.plan.elements.count_ones() as u8,
            plan_current: c.plan.is_current(q),
            sponsor_believed: c.stakeholders.sponsor_present()
                || !c
                    .barriers
                    .get(BarrierKind::LostSponsor)
                    .is_some_and(|b| b.discovered),
            renewal_work: c.engagement.renewal_work_from.is_some(),
            new_outcome: c.lifecycle.outcomes_achieved > c.engagement.success_captured,
            expansions_proposed: c.engagement.expansions_proposed,
            expansion_closed_until: c.engagement.expansion_closed_until,
            advocacy: c.engagement.advocacy,
            champion_missing: !c.stakeholders.get(Role::Champion).present,
            request: c.engagement.open_request(q).map(|r| r.kind),
            request_hours: c.engagement.open_request(q).map_or(0.0, |r| r.hours),
        }
    }

    /// The reserved hours planning this action gives back: a hand-off frees its request's.
    pub fn released(&self, action: ActionKind) -> f32 {
        if super::requests::team_of(action).is_some() {
            self.request_hours
        } else {
            0.0
        }
    }

    /// Checks a one-to-one action against it.
    pub fn check(&self, action: ActionKind) -> Result<(), Blocker> {
        if action.spec().one_to_many {
            return Err(Blocker::NeedsSegmentTarget);
        }
        if self.churned {
            return Err(Blocker::Churned);
        }
        if !self.active {
            return Err(Blocker::NotYetACustomer);
        }
        match action {
            ActionKind::ReviewSuccessPlan if self.plan_elements < 3 => {
                Err(Blocker::NeedsSuccessPlan)
            }
            // With no executive to meet, the plan's state does not matter yet.
            ActionKind::Qbr if !self.sponsor_believed => Err(Blocker::NeedsSponsor),
            ActionKind::Qbr if !(self.plan_current && self.plan_elements >= 5) => {
                Err(Blocker::NeedsCurrentPlan)
            }
            ActionKind::FindNewSponsor if self.sponsor_believed => Err(Blocker::NoKnownSponsorLoss),
            ActionKind::MitigationPlan if !self.renewal_work => Err(Blocker::NeedsRiskAnalysis),
            ActionKind::CaptureSuccess if !self.new_outcome => Err(Blocker::NoNewOutcome),
            ActionKind::AdoptionPlan if self.stage >= Stage::Adopt => Err(Blocker::PastAdoption),
            ActionKind::HandToSupport
            | ActionKind::HandToServices
            | ActionKind::HandToAccountManager
                if self.request.is_none() =>
            {
                Err(Blocker::NoOpenRequest)
            }
            ActionKind::UserGroupTalk if self.champion_missing => Err(Blocker::NeedsChampion),
            a if effects::advocacy_bit(a) != 0 => {
                if self.advocacy & effects::advocacy_bit(a) != 0 {
                    Err(Blocker::AdvocacyGiven)
                } else {
                    Ok(())
                }
            }
            a if a.spec().family == Family::Grow => {
                if self.expansions_proposed & effects::expansion_bit(a) != 0 {
                    Err(Blocker::ProposedThisTerm)
                } else if self
                    .expansion_closed_until
                    .is_some_and(|u| self.quarter <= u)
                {
                    Err(Blocker::ExpansionDoorClosed)
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }
}

/// Checks an action against what the trainee can see of a customer (never hidden state).
pub fn check_customer_action(
    action: ActionKind,
    c: &CustomerRefItem,
    q: i16,
) -> Result<(), Blocker> {
    Eligibility::of(c, q).check(action)
}

/// The customers who have given some form of advocacy, in the order they first did (4.6).
#[derive(Resource, Debug, Default)]
pub struct Advocates(pub Vec<u32>);

/// The read-only view of a customer used when planning.
pub type CustomerRefItem<'w, 's> = <CustomerRef as bevy::ecs::query::QueryData>::Item<'w, 's>;

/// The peer proof of each segment: the advocacy points of its active customers (4.6).
fn peer_proof(
    advocates: &Advocates,
    roster: &Roster,
    customers: &Query<CustomerMut>,
    segments: usize,
    q: i16,
) -> PeerProof {
    let mut proof = PeerProof {
        segments: vec![0u8; segments],
        own: Vec::new(),
    };
    for &id in &advocates.0 {
        let Some(c) = roster
            .entities
            .get(id as usize)
            .and_then(|&e| customers.get(e).ok())
        else {
            continue;
        };
        if c.lifecycle.stage != Stage::Churned && c.contract.active_in(q) {
            let points = effects::peer_points(c.engagement.advocacy);
            let p = &mut proof.segments[usize::from(c.account.segment)];
            *p = p.saturating_add(points);
            proof.own.push((id, points));
        }
    }
    proof
}

/// Peer proof as the quarter began: each segment's points, and each advocate's own (taken
/// off its own proposals, so that advocacy given earlier in the same plan is not).
#[derive(Default)]
struct PeerProof {
    segments: Vec<u8>,
    own: Vec<(u32, u8)>,
}

impl PeerProof {
    /// The proof the other customers of the segment give this one.
    fn for_customer(&self, id: u32, segment: u16) -> u8 {
        let own = self
            .own
            .iter()
            .find(|&&(a, _)| a == id)
            .map_or(0, |&(_, p)| p);
        self.segments
            .get(usize::from(segment))
            .map_or(0, |&p| p.saturating_sub(own))
    }
}

/// The pipeline step that carries out the quarter's plan, in the order it was made.
pub(super) fn carry_out_plan(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    roster: Res<Roster>,
    plan: Res<Plan>,
    readings: Res<Readings>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut tally: ResMut<Tally>,
    mut advocates: ResMut<Advocates>,
    mut customers: Query<CustomerMut>,
) {
    let q = clock.quarter;
    // Peer proof for expansion (4.6): the advocacy of the segment's active customers, as it
    // stood when the quarter began. Worked out only when an expansion is proposed.
    let peer = if !advocates.0.is_empty()
        && plan.0.iter().any(|p| effects::expansion_bit(p.action) != 0)
    {
        peer_proof(
            &advocates,
            &roster,
            &customers,
            scenario.0.segments.len(),
            q as i16,
        )
    } else {
        PeerProof::default()
    };
    // Health readings first: they were made from the dashboard as it stood.
    for reading in &readings.0 {
        let Some(&entity) = roster.entities.get(reading.customer as usize) else {
            continue;
        };
        let Ok(mut c) = customers.get_mut(entity) else {
            continue;
        };
        effects::check_reading(reading.driver, &mut c, q, &mut rng.actions, &mut journal);
    }
    for planned in &plan.0 {
        match planned.target {
            ActionTarget::Customer(id) => {
                let Some(&entity) = roster.entities.get(id as usize) else {
                    continue;
                };
                let Ok(mut c) = customers.get_mut(entity) else {
                    continue;
                };
                let hours = cost(planned.action, Some(c.account.touch));
                c.engagement.hours += hours;
                // Peer proof comes from the others in the segment, not from the customer.
                let peer_proof = peer.for_customer(id, c.account.segment);
                let advocate_before = c.engagement.advocacy != 0;
                let outcome = effects::apply(
                    planned.action,
                    &mut c,
                    q,
                    &mut rng.actions,
                    &mut journal,
                    &scenario.0.health_model,
                    peer_proof,
                );
                if !advocate_before && c.engagement.advocacy != 0 {
                    advocates.0.push(id);
                }
                if let ActionOutcome::ExpansionWon(added) = outcome {
                    tally.add_expansion(added, c.contract.in_start_cohort);
                }
                if c.plan.ready_in.is_none() && c.plan.elements.count_ones() >= 5 {
                    c.plan.ready_in = Some(q as i16);
                }
                journal.push(
                    q,
                    id,
                    Event::Action {
                        action: planned.action,
                        outcome,
                    },
                );
            }
            ActionTarget::Segment(segment) => {
                let mut reached = 0;
                let mut opportunities = 0;
                // In id order, as every step visits customers (the table never reorders).
                for mut c in customers.iter_mut() {
                    if c.account.segment != segment
                        || c.lifecycle.stage == Stage::Churned
                        || !c.contract.active_in(q as i16)
                    {
                        continue;
                    }
                    reached += 1;
                    if effects::apply_one_to_many(
                        planned.action,
                        &mut c,
                        q,
                        &mut rng.actions,
                        &mut journal,
                    ) {
                        opportunities += 1;
                    }
                }
                journal.push(
                    q,
                    SEGMENT_WIDE,
                    Event::Campaign {
                        action: planned.action,
                        segment,
                        reached,
                        opportunities,
                    },
                );
            }
        }
    }
    // The requests nobody handed on take the hours they reserved.
    if scenario.0.inbound_requests > 0.0 {
        for mut c in customers.iter_mut() {
            super::requests::answer_the_rest(&mut c, q, &mut journal);
        }
    }
}
