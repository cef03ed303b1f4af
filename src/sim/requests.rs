//! The CSM's reactive load (`docs/model.md` §5, exam 1.4): customers ask for things
//! unprompted, each request takes its hours out of the CSM's quarter, and the trainee
//! triages: hand it to the team that answers it best (support, services, the account
//! manager) or keep it, as a strategic request from the sponsor should be kept.
//!
//! Requests arrive at the start of a quarter, so the trainee sees them while planning; they
//! are answered when the quarter is carried out. A scenario without `inbound_requests`
//! draws nothing and walks no customer here.

use bevy::prelude::*;

use super::ScenarioRes;
use super::actions::{ActionKind, Budget};
use super::barriers::{Barriers, Discovery};
use super::clock::Clock;
use super::customer::{
    Account, Contract, CustomerId, CustomerMutItem, Engagement, Lifecycle, Request, Role,
    Stakeholders,
};
use super::journal::{Event, Journal};
use super::rng::{SimRng, Stream};
use super::types::{BarrierKind, RequestKind, Stage, Team, Touch};

/// The CSM hours a hand-off takes for a high-touch customer: writing up the case.
pub const HANDOFF_HOURS: f32 = 0.5;

/// How much more a request handed to the wrong team takes when it comes back.
pub const BOUNCE_GROWTH: f32 = 1.5;

/// The chance that a right hand-off's team finds the hidden barrier behind the request: a
/// support case finds a quality problem, services find a stalled rollout.
pub const SPECIALISTS_FIND: f32 = 0.5;

/// The team a hand-off action gives a request to.
pub fn team_of(action: ActionKind) -> Option<Team> {
    match action {
        ActionKind::HandToSupport => Some(Team::Support),
        ActionKind::HandToServices => Some(Team::Services),
        ActionKind::HandToAccountManager => Some(Team::AccountManager),
        _ => None,
    }
}

/// How often a customer of this touch model raises a request, against a high-touch one:
/// digital-touch customers use the support portal and never reach a named CSM.
fn touch_rate(touch: Touch) -> f32 {
    match touch {
        Touch::High => 1.0,
        Touch::Virtual => 0.6,
        Touch::Digital => 0.0,
    }
}

/// What a customer asks for, weighted by what it is living through: quality problems bring
/// technical requests, a stalled rollout how-to ones, a renewal near commercial ones; only
/// a sponsor who is there asks for a strategic conversation.
fn draw_kind(
    rng: &mut Stream,
    barriers: &Barriers,
    lifecycle: &Lifecycle,
    contract: &Contract,
    people: &Stakeholders,
    q: i16,
) -> RequestKind {
    let severity = |k: BarrierKind| barriers.get(k).map_or(0.0, |b| b.severity);
    let onboarding = if lifecycle.stage < Stage::Adopt {
        0.2
    } else {
        0.0
    };
    let renewal_near = (0..=1).contains(&(contract.renewal_quarter - q));
    let weights = [
        0.3 + 0.9 * severity(BarrierKind::QualityIssue),
        0.25 + onboarding + 0.8 * severity(BarrierKind::StalledImplementation),
        0.2 + if renewal_near { 0.4 } else { 0.0 },
        if people.sponsor_present() { 0.25 } else { 0.0 },
    ];
    let total: f32 = weights.iter().sum();
    let mut u = rng.unit() * total;
    for (kind, w) in RequestKind::ALL.into_iter().zip(weights) {
        if u < w {
            return kind;
        }
        u -= w;
    }
    RequestKind::Technical
}

/// Draws the quarter's new requests and reserves the hours of every open one. Runs at the
/// start of each quarter (after the last one closes, and once when a scenario is installed).
#[allow(clippy::type_complexity)]
pub(super) fn receive_requests(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut budget: ResMut<Budget>,
    mut customers: Query<(
        &CustomerId,
        &Account,
        &Contract,
        &Lifecycle,
        &Barriers,
        &Stakeholders,
        &mut Engagement,
    )>,
) {
    let rate = scenario.0.inbound_requests;
    budget.reactive = 0.0;
    if rate <= 0.0 || clock.finished() {
        return;
    }
    let q = clock.quarter as i16;
    let rng = &mut rng.requests;
    let mut reactive = 0.0;
    for (id, account, contract, lifecycle, barriers, people, mut engagement) in &mut customers {
        if !lifecycle.is_customer(q) || !contract.active_in(q) {
            engagement.request = None;
            continue;
        }
        if let Some(r) = engagement.request {
            reactive += r.hours;
            continue;
        }
        let p = (rate * touch_rate(account.touch)).min(1.0);
        if p <= 0.0 || !rng.chance(p) {
            continue;
        }
        let kind = draw_kind(rng, barriers, lifecycle, contract, people, q);
        let hours = kind.hours() * account.touch.cost_factor();
        engagement.request = Some(Request {
            kind,
            hours,
            open_from: q,
            bounces: 0,
        });
        reactive += hours;
        journal.push(clock.quarter, id.0, Event::RequestReceived { kind, hours });
    }
    budget.reactive = reactive;
}

/// Hands a customer's open request to a team, when the quarter is carried out. The right
/// team answers it (and may find the hidden problem behind it); the wrong one sends it back
/// next quarter, bigger, to a customer who was passed from desk to desk. A strategic request
/// handed to anyone tells the sponsor the CSM has no time for the business.
pub(super) fn hand_off(
    team: Team,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
) -> bool {
    let qi = q as i16;
    let Some(request) = c.engagement.open_request(qi) else {
        return false;
    };
    let right = request.kind.right_team() == team;
    if right {
        c.engagement.request = None;
        c.stakeholders.nudge(Role::Users, 0.02);
        c.stakeholders.nudge(Role::Champion, 0.02);
        let behind = match team {
            Team::Support => Some((BarrierKind::QualityIssue, Discovery::SupportCase)),
            Team::Services => Some((BarrierKind::StalledImplementation, Discovery::ServicesTeam)),
            _ => None,
        };
        if let Some((kind, how)) = behind
            && c.barriers.get(kind).is_some_and(|b| !b.discovered)
            && rng.chance(SPECIALISTS_FIND)
        {
            c.barriers.discover(kind, q);
            journal.push(q, c.id.0, Event::BarrierDiscovered { kind, how });
        }
    } else if request.kind == RequestKind::Strategic {
        // The sponsor asked for the CSM and got a ticket number; the question is dropped.
        c.engagement.request = None;
        c.stakeholders.nudge(Role::ExecutiveSponsor, -0.12);
    } else {
        c.engagement.request = Some(Request {
            hours: request.hours * BOUNCE_GROWTH,
            open_from: qi + 1,
            bounces: request.bounces.saturating_add(1),
            ..request
        });
        c.stakeholders.nudge(Role::Users, -0.06);
        c.stakeholders.nudge(Role::Champion, -0.05);
        c.stakeholders.nudge(Role::ExecutiveSponsor, -0.03);
        c.signals.csat = (c.signals.csat - 0.1).max(1.0);
    }
    journal.push(
        q,
        c.id.0,
        Event::RequestClosed {
            kind: request.kind,
            by: team,
            right,
        },
    );
    true
}

/// The requests nobody handed on are answered by the CSM, in the hours they reserved: a
/// strategic one is time well spent with the sponsor; the rest is support's, services' or
/// sales' work done by the wrong person.
pub(super) fn answer_the_rest(c: &mut CustomerMutItem, q: u16, journal: &mut Journal) {
    let qi = q as i16;
    let Some(request) = c.engagement.open_request(qi) else {
        return;
    };
    c.engagement.request = None;
    c.engagement.hours += request.hours;
    if request.kind == RequestKind::Strategic {
        c.stakeholders.nudge(Role::ExecutiveSponsor, 0.04);
        c.engagement.last_touch = Some(qi);
    }
    journal.push(
        q,
        c.id.0,
        Event::RequestClosed {
            kind: request.kind,
            by: Team::Csm,
            right: request.kind == RequestKind::Strategic,
        },
    );
}
