//! Barriers (exam 3.1, 3.4): what each one does to a customer while it lasts, how it shows in
//! the data, and how it comes to light when nobody looks for it.

use bevy::prelude::*;

use super::clock::Clock;
use super::customer::{CustomerId, Lifecycle, Role, Signals, Stakeholders};
use super::debug_assert_in_id_order;
use super::journal::{Event, Journal};
use super::rng::SimRng;
use super::types::{BarrierCategory, BarrierKind, Stage};

/// How the CSM (or someone else) learned of a barrier (exam 3.2, 3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Discovery {
    /// The scenario made it visible from the start.
    Known,
    /// Reviewing telemetry, consumption and account data (3.2.a, 3.3.c).
    Data,
    /// Talking with stakeholders (3.3.b, 3.2.c).
    Conversation,
    /// Observing the customer at work (3.3.a).
    Observation,
    /// A structured process: a QBR, a renewal risk analysis (3.2.b).
    Process,
    /// The customer escalated it: found late, reactively.
    CustomerEscalation,
    /// The vendor's account manager passed it on (4.3.b).
    AccountManager,
    /// Reading what drives a decline in the health score pointed at it (2.6).
    HealthReading,
    /// Support worked a case the CSM handed on and found the problem behind it (1.4).
    SupportCase,
    /// Services, brought in for a request, saw the rollout had stalled (1.4, 4.3.d).
    ServicesTeam,
}

impl Discovery {
    pub fn label(self) -> &'static str {
        match self {
            Discovery::Known => "known from the start",
            Discovery::Data => "found in the account data",
            Discovery::Conversation => "found in a stakeholder conversation",
            Discovery::Observation => "found by observing the customer",
            Discovery::Process => "found in a structured review",
            Discovery::CustomerEscalation => "the customer escalated it",
            Discovery::AccountManager => "the account manager reported it",
            Discovery::HealthReading => "found by reading what drives the health score's decline",
            Discovery::SupportCase => "support found it working a case the CSM handed on",
            Discovery::ServicesTeam => "services found it answering a request the CSM handed on",
        }
    }
}

/// One active barrier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Barrier {
    pub kind: BarrierKind,
    pub category: BarrierCategory,
    /// 0–1.
    pub severity: f32,
    /// The quarter it began.
    pub since: u16,
    pub discovered: bool,
    pub discovered_in: Option<u16>,
    /// Progress of the CSM's responses towards removing it, 0–1.
    pub progress: f32,
    /// The last quarter a right response made progress on it.
    pub last_response: Option<u16>,
}

impl Barrier {
    /// The severity still biting after the responses so far.
    pub fn effective(&self) -> f32 {
        self.severity * (1.0 - self.progress).max(0.0)
    }

    /// Symptoms reach the data one quarter after a barrier begins (the data lags).
    pub fn symptoms_visible(&self, q: u16) -> bool {
        q > self.since
    }

    /// Quarters the symptoms have been visible for.
    pub fn visible_for(&self, q: u16) -> u16 {
        q.saturating_sub(self.since)
    }
}

/// At most one barrier of each kind at a time; a fixed array, so no allocation. A bit mask
/// of the occupied slots comes first, so the common question "any barrier?" reads one byte.
#[derive(Component, Debug, Clone, Default)]
pub struct Barriers {
    mask: u8,
    /// The occupied slots whose barrier the CSM has discovered (kept with `mask`).
    known: u8,
    /// The kinds that ended in quarter `ended_in`: a response planned for one of them that
    /// quarter came too late to be needed, which is not the same as a wrong response.
    ended: u8,
    ended_in: u16,
    slots: [Option<Barrier>; 5],
}

impl Barriers {
    /// A sponsor loss has begun that the CSM has not found yet.
    pub fn sponsor_loss_hidden(&self) -> bool {
        self.get(BarrierKind::LostSponsor)
            .is_some_and(|b| !b.discovered)
    }

    pub fn get(&self, kind: BarrierKind) -> Option<&Barrier> {
        if self.mask & (1 << kind.index()) == 0 {
            return None;
        }
        self.slots[kind.index()].as_ref()
    }

    /// A barrier to change; it is marked discovered only through [`Barriers::discover`], which
    /// keeps the known kinds.
    pub fn get_mut(&mut self, kind: BarrierKind) -> Option<&mut Barrier> {
        self.slots[kind.index()].as_mut()
    }

    pub fn has(&self, kind: BarrierKind) -> bool {
        self.mask & (1 << kind.index()) != 0
    }

    /// Whether no barrier is active.
    pub fn is_empty(&self) -> bool {
        self.mask == 0
    }

    /// Adds a barrier unless one of the same kind is already active; returns whether it was added.
    pub fn insert(&mut self, b: Barrier) -> bool {
        let slot = &mut self.slots[b.kind.index()];
        if slot.is_some() {
            return false;
        }
        *slot = Some(b);
        self.mask |= 1 << b.kind.index();
        self.known |= u8::from(b.discovered) << b.kind.index();
        true
    }

    pub fn remove(&mut self, kind: BarrierKind) -> Option<Barrier> {
        self.mask &= !(1 << kind.index());
        self.known &= !(1 << kind.index());
        self.slots[kind.index()].take()
    }

    /// Removes a barrier that ended (resolved) in quarter `q`, remembering that it did.
    pub fn end(&mut self, kind: BarrierKind, q: u16) -> Option<Barrier> {
        if self.ended_in != q {
            self.ended = 0;
            self.ended_in = q;
        }
        self.ended |= 1 << kind.index();
        self.remove(kind)
    }

    /// Whether a barrier of this kind ended in quarter `q`.
    pub fn ended_in(&self, kind: BarrierKind, q: u16) -> bool {
        self.ended_in == q && self.ended & (1 << kind.index()) != 0
    }

    pub fn active(&self) -> impl Iterator<Item = &Barrier> {
        let slots = if self.mask == 0 {
            &[][..]
        } else {
            &self.slots[..]
        };
        slots.iter().flatten()
    }

    pub fn known(&self) -> impl Iterator<Item = &Barrier> {
        self.active().filter(|b| b.discovered)
    }

    pub fn any_known(&self) -> bool {
        self.known != 0
    }

    /// The kinds of the known barriers as bits (bit `kind.index()`), without reading a slot.
    pub fn known_kinds(&self) -> u8 {
        self.known
    }

    /// Marks a barrier discovered; returns true if it was hidden until now.
    pub fn discover(&mut self, kind: BarrierKind, q: u16) -> bool {
        match self.get_mut(kind) {
            Some(b) if !b.discovered => {
                b.discovered = true;
                b.discovered_in = Some(q);
            }
            _ => return false,
        }
        self.known |= 1 << kind.index();
        true
    }
}

/// Applies what a barrier does when it starts: a lost sponsor is gone at once.
pub fn on_barrier_start(kind: BarrierKind, stakeholders: &mut Stakeholders) {
    if kind == BarrierKind::LostSponsor {
        let sentiment = stakeholders.get(Role::ExecutiveSponsor).sentiment;
        stakeholders.leave(Role::ExecutiveSponsor);
        // The mood is kept: the model reads it for the sponsor who left (§5).
        stakeholders.get_mut(Role::ExecutiveSponsor).sentiment = sentiment;
    }
}

/// Applies what removing a barrier does: a new sponsor arrives, cautiously.
pub fn on_barrier_end(kind: BarrierKind, stakeholders: &mut Stakeholders) {
    if kind == BarrierKind::LostSponsor {
        stakeholders.arrive(Role::ExecutiveSponsor, 0.1);
    }
}

/// One quarter of a barrier's damage to the signals and the people.
pub fn apply_effects(b: &Barrier, signals: &mut Signals, stakeholders: &mut Stakeholders) {
    let s = b.effective();
    match b.kind {
        BarrierKind::StalledImplementation => {
            signals.utilisation -= 0.04 * s;
            stakeholders.nudge(Role::Users, -0.08 * s);
            stakeholders.nudge(Role::Champion, -0.05 * s);
        }
        BarrierKind::LostSponsor => {
            stakeholders.nudge(Role::Champion, -0.04 * s);
        }
        BarrierKind::MissingFeature => {
            let cap = signals.features_total.saturating_sub(2);
            if signals.features_in_use > cap {
                signals.features_in_use = cap;
            }
            signals.support_tickets = signals.support_tickets.saturating_add((2.0 * s) as u16);
            stakeholders.nudge(Role::Champion, -0.08 * s);
            stakeholders.nudge(Role::Users, -0.04 * s);
        }
        BarrierKind::QualityIssue => {
            // One more than the issues opened, since the drift step closes one a quarter.
            signals.open_quality_issues = signals
                .open_quality_issues
                .saturating_add((3.0 * s).ceil() as u16 + 1);
            signals.support_tickets = signals.support_tickets.saturating_add((5.0 * s) as u16);
            signals.csat -= 0.5 * s;
            signals.nps -= 8.0 * s;
            stakeholders.nudge(Role::Users, -0.1 * s);
            stakeholders.nudge(Role::Champion, -0.05 * s);
        }
        BarrierKind::NotAFit => {
            signals.utilisation -= 0.05 * s;
            signals.nps -= 6.0 * s;
            stakeholders.nudge(Role::ExecutiveSponsor, -0.06 * s);
            stakeholders.nudge(Role::Users, -0.05 * s);
        }
    }
    signals.utilisation = signals.utilisation.clamp(0.0, 1.0);
    signals.csat = signals.csat.clamp(1.0, 5.0);
    signals.nps = signals.nps.clamp(-100.0, 100.0);
}

/// How much the vendor fixes a quality issue each quarter without the CSM: engineering
/// gets there in the end, slowly.
pub const QUALITY_SELF_REPAIR: f32 = 0.1;
/// A quality issue at least this severe is escalated by the customer after two quarters.
pub const ESCALATION_SEVERITY: f32 = 0.4;
/// Chance per quarter that a present account manager hears that the sponsor left.
pub const ACCOUNT_MANAGER_HEARS: f32 = 0.2;
/// How much a barrier's severity grows in a quarter after one with no right response: a
/// stall left alone hardens, a sponsor vacuum fills with someone else's agenda.
pub const BARRIER_GROWTH: f32 = 0.08;

/// The barrier pipeline step: damage, slow self-repair, and barriers that surface without
/// the CSM looking (a customer escalation, word from the account manager).
pub(super) fn barrier_effects(
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut customers: Query<(
        &CustomerId,
        &Lifecycle,
        &mut Barriers,
        &mut Signals,
        &mut Stakeholders,
    )>,
) {
    let q = clock.quarter;
    let mut last = None;
    for (id, lifecycle, mut barriers, mut signals, mut stakeholders) in &mut customers {
        debug_assert_in_id_order(&mut last, *id);
        if barriers.is_empty() || lifecycle.stage == Stage::Churned {
            continue;
        }
        let id = id.0;
        for kind in BarrierKind::ALL {
            let Some(mut b) = barriers.get(kind).copied() else {
                continue;
            };
            if b.since < q && b.last_response.is_none_or(|r| r + 1 < q) {
                let slot = barriers.get_mut(kind).expect("checked above");
                slot.severity = (slot.severity + BARRIER_GROWTH).min(1.0);
                b = *slot;
            }
            apply_effects(&b, &mut signals, &mut stakeholders);
            if kind == BarrierKind::QualityIssue {
                let done = {
                    let b = barriers.get_mut(kind).expect("checked above");
                    b.progress += QUALITY_SELF_REPAIR;
                    b.progress >= 1.0
                };
                if done {
                    barriers.end(kind, q);
                    // A problem the CSM never found ends as unseen as it began.
                    if b.discovered {
                        journal.push(q, id, Event::BarrierResolved { kind, by: None });
                    }
                    continue;
                }
            }
            if b.discovered {
                continue;
            }
            let surfaced = match kind {
                BarrierKind::QualityIssue => (b.visible_for(q) >= 2
                    && b.severity >= ESCALATION_SEVERITY)
                    .then_some(Discovery::CustomerEscalation),
                BarrierKind::LostSponsor => (stakeholders.get(Role::AccountManager).present
                    && rng.observation.chance(ACCOUNT_MANAGER_HEARS))
                .then_some(Discovery::AccountManager),
                _ => None,
            };
            if let Some(how) = surfaced {
                barriers.discover(kind, q);
                journal.push(q, id, Event::BarrierDiscovered { kind, how });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::customer::Stakeholder;

    fn people() -> Stakeholders {
        Stakeholders(
            [Stakeholder {
                present: true,
                sentiment: 0.5,
            }; 4],
            0,
        )
    }

    fn signals() -> Signals {
        Signals {
            utilisation: 0.6,
            features_in_use: 8,
            features_total: 10,
            open_quality_issues: 0,
            support_tickets: 2,
            csat: 4.2,
            nps: 40.0,
            financial_health: 0.7,
        }
    }

    fn barrier(kind: BarrierKind, severity: f32) -> Barrier {
        Barrier {
            kind,
            category: kind.default_category(),
            severity,
            since: 1,
            discovered: false,
            discovered_in: None,
            progress: 0.0,
            last_response: None,
        }
    }

    #[test]
    fn quality_issue_hurts_quality_signals_in_proportion_to_severity() {
        let (mut mild, mut bad) = (signals(), signals());
        let mut p = people();
        apply_effects(&barrier(BarrierKind::QualityIssue, 0.2), &mut mild, &mut p);
        apply_effects(&barrier(BarrierKind::QualityIssue, 0.9), &mut bad, &mut p);
        assert!(bad.open_quality_issues > mild.open_quality_issues);
        assert!(bad.csat < mild.csat && mild.csat < 4.2);
        assert!(bad.nps < mild.nps);
    }

    #[test]
    fn progress_reduces_the_damage() {
        let mut b = barrier(BarrierKind::NotAFit, 0.8);
        let mut untreated = signals();
        apply_effects(&b, &mut untreated, &mut people());
        b.progress = 0.75;
        let mut treated = signals();
        apply_effects(&b, &mut treated, &mut people());
        assert!(treated.utilisation > untreated.utilisation);
    }

    #[test]
    fn one_barrier_per_kind_and_discovery_is_remembered() {
        let mut bs = Barriers::default();
        assert!(bs.insert(barrier(BarrierKind::LostSponsor, 0.5)));
        assert!(!bs.insert(barrier(BarrierKind::LostSponsor, 0.9)));
        assert!(!bs.any_known());
        assert!(bs.discover(BarrierKind::LostSponsor, 3));
        assert!(!bs.discover(BarrierKind::LostSponsor, 4));
        assert_eq!(
            bs.get(BarrierKind::LostSponsor).unwrap().discovered_in,
            Some(3)
        );
    }

    #[test]
    fn the_known_kinds_follow_the_slots() {
        let from_slots = |bs: &Barriers| bs.known().fold(0u8, |m, b| m | 1 << b.kind.index());
        let mut bs = Barriers::default();
        let mut found = barrier(BarrierKind::QualityIssue, 0.4);
        found.discovered = true;
        bs.insert(found);
        bs.insert(barrier(BarrierKind::NotAFit, 0.4));
        assert_eq!(bs.known_kinds(), from_slots(&bs));
        assert_eq!(bs.known_kinds(), 1 << BarrierKind::QualityIssue.index());
        bs.discover(BarrierKind::NotAFit, 2);
        assert_eq!(bs.known_kinds(), from_slots(&bs));
        bs.end(BarrierKind::QualityIssue, 3);
        assert_eq!(bs.known_kinds(), 1 << BarrierKind::NotAFit.index());
        bs.remove(BarrierKind::NotAFit);
        assert_eq!(bs.known_kinds(), 0);
        assert!(!bs.any_known());
    }

    #[test]
    fn lost_sponsor_leaves_and_a_new_one_arrives() {
        let mut p = people();
        on_barrier_start(BarrierKind::LostSponsor, &mut p);
        assert!(!p.sponsor_present());
        on_barrier_end(BarrierKind::LostSponsor, &mut p);
        assert!(p.sponsor_present());
    }
}
