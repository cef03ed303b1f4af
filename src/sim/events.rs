//! Scenario events: scripted barrier injections, random barriers, and executive sponsors who
//! move on.

use bevy::prelude::*;

use super::barriers::{Barrier, Barriers, Discovery, on_barrier_start};
use super::clock::Clock;
use super::customer::{Account, Contract, CustomerId, Lifecycle, Stakeholders};
use super::journal::{Event, Journal};
use super::rng::SimRng;
use super::types::{BarrierCategory, BarrierKind, Stage};
use super::{ScenarioRes, debug_assert_in_id_order};
use crate::scenario::Target;

/// Starts a barrier on a customer unless one of that kind is already active.
fn inject(
    id: u32,
    q: u16,
    kind: BarrierKind,
    category: BarrierCategory,
    severity: f32,
    hidden: bool,
    barriers: &mut Barriers,
    stakeholders: &mut Stakeholders,
    journal: &mut Journal,
) {
    if kind == BarrierKind::LostSponsor && !stakeholders.sponsor_present() {
        return;
    }
    let added = barriers.insert(Barrier {
        kind,
        category,
        severity,
        since: q,
        discovered: !hidden,
        discovered_in: (!hidden).then_some(q),
        progress: 0.0,
    });
    if !added {
        return;
    }
    on_barrier_start(kind, stakeholders);
    journal.push(
        q,
        id,
        Event::BarrierAppeared {
            kind,
            hidden,
            severity,
        },
    );
    if !hidden {
        journal.push(
            q,
            id,
            Event::BarrierDiscovered {
                kind,
                how: Discovery::Known,
            },
        );
    }
}

/// The events step: every barrier that begins this quarter.
pub(super) fn apply_scenario_events(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut customers: Query<(
        &CustomerId,
        &Account,
        &Contract,
        &Lifecycle,
        &mut Barriers,
        &mut Stakeholders,
    )>,
) {
    let q = clock.quarter;
    let scenario = &scenario.0;
    let todays: Vec<_> = scenario.events.iter().filter(|e| e.quarter == q).collect();
    let randoms: Vec<_> = scenario
        .random_barriers
        .iter()
        .filter(|r| r.from_quarter <= q && q <= r.until_quarter)
        .collect();
    let rng = &mut rng.events;
    let mut last = None;
    for (id, account, contract, lifecycle, mut barriers, mut people) in &mut customers {
        debug_assert_in_id_order(&mut last, *id);
        if lifecycle.stage == Stage::Churned || !contract.active_in(q as i16) {
            continue;
        }
        let segment = account.segment;
        for e in &todays {
            let hit = match e.target {
                Target::Customer(index) => index == id.0,
                Target::Segment(s) => {
                    s == segment && (e.probability >= 1.0 || rng.chance(e.probability))
                }
                Target::All => e.probability >= 1.0 || rng.chance(e.probability),
            };
            if hit {
                inject(
                    id.0,
                    q,
                    e.barrier,
                    e.category,
                    e.severity,
                    e.hidden,
                    &mut barriers,
                    &mut people,
                    &mut journal,
                );
            }
        }
        for r in &randoms {
            if r.segment.is_none_or(|s| s == segment) && rng.chance(r.probability) {
                inject(
                    id.0,
                    q,
                    r.barrier,
                    r.barrier.default_category(),
                    r.severity,
                    true,
                    &mut barriers,
                    &mut people,
                    &mut journal,
                );
            }
        }
        let turnover = scenario.segments[usize::from(segment)].sponsor_turnover;
        if people.sponsor_present() && turnover > 0.0 && rng.chance(turnover) {
            let severity = 0.5 + 0.4 * rng.unit();
            inject(
                id.0,
                q,
                BarrierKind::LostSponsor,
                BarrierCategory::Business,
                severity,
                true,
                &mut barriers,
                &mut people,
                &mut journal,
            );
        }
    }
}
