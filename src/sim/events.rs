//! Scenario events: scripted barrier injections, random barriers, and executive sponsors who
//! move on.

use bevy::prelude::*;

use super::ScenarioRes;
use super::barriers::{Barrier, Barriers, Discovery, on_barrier_start};
use super::clock::Clock;
use super::customer::{CustomerId, Lifecycle, Role, Signals, Stakeholders};
use super::journal::{Event, Journal};
use super::rng::{SimRng, Stream};
use super::types::{BarrierCategory, BarrierKind, CompanyRiskKind};
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
        last_response: None,
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

/// How much of the customer's financial health a budget cut of severity 1 takes away.
pub const BUDGET_CUT: f32 = 0.6;
/// The same for a merger's budget review.
pub const MERGER_REVIEW: f32 = 0.3;

/// Applies a company risk to a customer.
fn company_risk(
    id: u32,
    q: u16,
    risk: CompanyRiskKind,
    severity: f32,
    signals: &mut Signals,
    people: &mut Stakeholders,
    journal: &mut Journal,
) {
    match risk {
        CompanyRiskKind::BudgetCut => {
            signals.financial_health = (signals.financial_health - BUDGET_CUT * severity).max(0.05);
        }
        CompanyRiskKind::Merger => {
            signals.financial_health =
                (signals.financial_health - MERGER_REVIEW * severity).max(0.05);
        }
        CompanyRiskKind::ChampionLeaves => {
            if !people.get(Role::Champion).present {
                return;
            }
            people.leave(Role::Champion);
        }
    }
    journal.push(q, id, Event::CompanyRisk { risk, severity });
}

/// Who each segment's customers are, by stable id, so that chance events can skip straight
/// from one hit to the next instead of drawing for every customer.
#[derive(Resource, Debug, Default, Clone)]
pub struct Population {
    pub count: u32,
    pub by_segment: Vec<Vec<u32>>,
}

/// The members a chance event runs over: a segment's customers, or everybody.
#[derive(Clone, Copy)]
enum Members<'a> {
    All(u32),
    Some(&'a [u32]),
}

impl Members<'_> {
    fn len(&self) -> usize {
        match self {
            Members::All(n) => *n as usize,
            Members::Some(ids) => ids.len(),
        }
    }

    fn get(&self, i: usize) -> u32 {
        match self {
            Members::All(_) => i as u32,
            Members::Some(ids) => ids[i],
        }
    }
}

/// Visits the members hit by independent trials of probability `p`, in id order. Instead of
/// one draw per member, draws the gap to the next hit from the geometric distribution:
/// the same distribution of hits at a cost that grows with the hits, not the portfolio.
fn for_each_hit(members: Members, p: f32, rng: &mut Stream, mut hit: impl FnMut(u32)) {
    let n = members.len();
    if p <= 0.0 || n == 0 {
        return;
    }
    if p >= 1.0 {
        (0..n).for_each(|i| hit(members.get(i)));
        return;
    }
    let log_miss = libm::log1p(-f64::from(p));
    let mut i = 0usize;
    loop {
        // A uniform number in (0, 1], so its logarithm is finite.
        let u = 1.0 - rng.unit_f64();
        let skip = (libm::log(u) / log_miss).floor();
        if skip >= (n - i) as f64 {
            return;
        }
        i += skip as usize;
        hit(members.get(i));
        i += 1;
        if i >= n {
            return;
        }
    }
}

/// Barriers injected during play (an instructor's live injection): scenario events added
/// after the start, each recorded in the session so that a replay adds them again.
#[derive(Resource, Debug, Default, Clone)]
pub struct Injected(pub Vec<crate::scenario::ScriptedEvent>);

/// A barrier due to start on a customer this quarter.
#[derive(Debug, Clone, Copy)]
pub(super) struct Start {
    id: u32,
    kind: BarrierKind,
    category: BarrierCategory,
    severity: f32,
    hidden: bool,
    /// Sponsor turnover only hits customers who still have a sponsor.
    sponsor_only: bool,
}

/// The events step: every barrier that begins this quarter. The hits are drawn first, then
/// applied in one pass over the customers in id order, so a large portfolio is read
/// sequentially rather than at random.
pub(super) fn apply_scenario_events(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    population: Res<Population>,
    injected: Res<Injected>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut starts: Local<Vec<Start>>,
    mut customers: Query<(&CustomerId, &Lifecycle, &mut Barriers, &mut Stakeholders)>,
) {
    let q = clock.quarter;
    let scenario = &scenario.0;
    let rng = &mut rng.events;
    let all = Members::All(population.count);
    let segment = |s: u16| Members::Some(&population.by_segment[usize::from(s)]);
    starts.clear();
    for e in scenario
        .events
        .iter()
        .chain(&injected.0)
        .filter(|e| e.quarter == q)
    {
        let start = |id| Start {
            id,
            kind: e.barrier,
            category: e.category,
            severity: e.severity,
            hidden: e.hidden,
            sponsor_only: false,
        };
        match e.target {
            Target::Customer(id) => starts.push(start(id)),
            Target::Segment(s) => {
                for_each_hit(segment(s), e.probability, rng, |id| starts.push(start(id)))
            }
            Target::All => for_each_hit(all, e.probability, rng, |id| starts.push(start(id))),
        }
    }
    for r in &scenario.random_barriers {
        if r.from_quarter <= q && q <= r.until_quarter {
            let members = r.segment.map_or(all, segment);
            for_each_hit(members, r.probability, rng, |id| {
                starts.push(Start {
                    id,
                    kind: r.barrier,
                    category: r.barrier.default_category(),
                    severity: r.severity,
                    hidden: true,
                    sponsor_only: false,
                });
            });
        }
    }
    for (index, seg) in scenario.segments.iter().enumerate() {
        let first = starts.len();
        for_each_hit(segment(index as u16), seg.sponsor_turnover, rng, |id| {
            starts.push(Start {
                id,
                kind: BarrierKind::LostSponsor,
                category: BarrierCategory::Business,
                severity: 0.0,
                hidden: true,
                sponsor_only: true,
            });
        });
        for s in &mut starts[first..] {
            s.severity = 0.5 + 0.4 * rng.unit();
        }
    }
    if starts.is_empty() {
        return;
    }
    // Stable: several barriers for one customer keep the order above.
    starts.sort_by_key(|s| s.id);
    let mut next = starts.iter().peekable();
    for (id, lifecycle, mut barriers, mut people) in &mut customers {
        let Some(due) = next.peek() else { break };
        if due.id != id.0 {
            continue;
        }
        let live = lifecycle.is_customer(q as i16);
        while let Some(s) = next.next_if(|s| s.id == id.0) {
            if live && (!s.sponsor_only || people.sponsor_present()) {
                inject(
                    s.id,
                    q,
                    s.kind,
                    s.category,
                    s.severity,
                    s.hidden,
                    &mut barriers,
                    &mut people,
                    &mut journal,
                );
            }
        }
    }
}

/// The company risks of the quarter (`docs/model.md` §5), after its barriers. Few customers
/// are hit, so each is looked up by id rather than found by walking the portfolio; a
/// scenario without company risks costs nothing here.
pub(super) fn apply_company_risks(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    population: Res<Population>,
    roster: Res<super::Roster>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut customers: Query<(&Lifecycle, &mut Barriers, &mut Stakeholders, &mut Signals)>,
) {
    let q = clock.quarter;
    let scenario = &scenario.0;
    if scenario.company_risks.iter().all(|r| r.quarter != q) {
        return;
    }
    let rng = &mut rng.events;
    let all = Members::All(population.count);
    let segment = |s: u16| Members::Some(&population.by_segment[usize::from(s)]);
    let mut risks: Vec<(u32, CompanyRiskKind, f32)> = Vec::new();
    for r in scenario.company_risks.iter().filter(|r| r.quarter == q) {
        let mut hit = |id| risks.push((id, r.risk, r.severity));
        match r.target {
            Target::Customer(id) => hit(id),
            Target::Segment(s) => for_each_hit(segment(s), r.probability, rng, hit),
            Target::All => for_each_hit(all, r.probability, rng, hit),
        }
    }
    // In id order, as every step visits customers.
    risks.sort_by_key(|r| r.0);
    for (id, risk, severity) in risks {
        let Some(&entity) = roster.entities.get(id as usize) else {
            continue;
        };
        let Ok((lifecycle, mut barriers, mut people, mut signals)) = customers.get_mut(entity)
        else {
            continue;
        };
        if !lifecycle.is_customer(q as i16) {
            continue;
        }
        company_risk(
            id,
            q,
            risk,
            severity,
            &mut signals,
            &mut people,
            &mut journal,
        );
        // A merger also moves the executive sponsor on, quietly.
        if risk == CompanyRiskKind::Merger && people.sponsor_present() {
            inject(
                id,
                q,
                BarrierKind::LostSponsor,
                BarrierCategory::Business,
                0.5 + 0.4 * severity,
                true,
                &mut barriers,
                &mut people,
                &mut journal,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipping_hits_members_at_the_right_rate_in_order() {
        let mut rng = Stream::new(5, 1);
        let ids: Vec<u32> = (0..200_000).map(|i| i * 3).collect();
        let mut hits = Vec::new();
        for_each_hit(Members::Some(&ids), 0.02, &mut rng, |id| hits.push(id));
        let rate = hits.len() as f64 / ids.len() as f64;
        assert!((rate - 0.02).abs() < 0.002, "rate {rate}");
        assert!(hits.windows(2).all(|w| w[0] < w[1]));
        assert!(hits.iter().all(|id| id % 3 == 0));
    }

    #[test]
    fn certain_and_impossible_events() {
        let mut rng = Stream::new(5, 1);
        let mut n = 0;
        for_each_hit(Members::All(10), 1.0, &mut rng, |_| n += 1);
        assert_eq!(n, 10);
        for_each_hit(Members::All(10), 0.0, &mut rng, |_| n += 1);
        assert_eq!(n, 10);
    }
}
