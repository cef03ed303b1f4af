//! The coach for beginners (issue 12): what deserves attention this quarter, read only from
//! what the CSM can see (the dashboard, known barriers and their progress, the plan so far).
//! It names what is waiting, never what to do about it or anything hidden.

use serde::Serialize;

use super::Simulation;
use super::actions::{ActionKind, ActionTarget};
use super::types::{Band, BarrierKind, RequestKind, Stage, Touch};

/// Renewals this many quarters away or nearer count as near.
pub const RENEWAL_HORIZON: i16 = 2;

/// For the digital tail, the horizon one-to-many renewal outreach acts within.
pub const DIGITAL_RENEWAL_HORIZON: i16 = 1;

/// One thing the coach points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Attention {
    /// A renewal within [`RENEWAL_HORIZON`] quarters with no renewal work started (5.5).
    RenewalWithoutWork { in_quarters: i16 },
    /// A barrier the CSM knows of that no response has made progress on yet (3.4).
    BarrierWithoutProgress { kind: BarrierKind, known_for: u16 },
    /// Red health and no contact this quarter or last (3.3, 2.6).
    RedHealthUnheard { untouched_for: i16 },
    /// An inbound request waiting this quarter (1.4).
    RequestWaiting { kind: RequestKind },
}

impl Attention {
    /// The order the coach lists things in: the nearest renewal first.
    fn rank(&self) -> (u8, i16) {
        match *self {
            Attention::RenewalWithoutWork { in_quarters } => (0, in_quarters),
            Attention::BarrierWithoutProgress { .. } => (1, 0),
            Attention::RedHealthUnheard { .. } => (2, 0),
            Attention::RequestWaiting { .. } => (3, 0),
        }
    }
}

/// One named customer and what about it deserves attention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub customer: u32,
    pub key: String,
    pub name: String,
    pub arr: i64,
    pub attention: Attention,
}

/// What the coach says this quarter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coaching {
    /// The high- and virtual-touch customers, one note per thing, most pressing first.
    pub notes: Vec<Note>,
    /// Digital-touch customers renewing within [`DIGITAL_RENEWAL_HORIZON`] quarters with no
    /// renewal work and no renewal outreach planned for their segment: they are many and
    /// reached one to many, so they are counted, not listed.
    pub digital_renewals: u32,
}

impl Coaching {
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.digital_renewals == 0
    }

    /// One entry a customer, in the order of its most pressing note: the customer's first
    /// note and every note's attention (put in words by `i18n::attention`).
    pub fn by_customer(&self) -> Vec<(&Note, Vec<Attention>)> {
        let mut lines: Vec<(&Note, Vec<Attention>)> = Vec::new();
        let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        for n in &self.notes {
            match at.get(&n.customer) {
                Some(&i) => lines[i].1.push(n.attention.clone()),
                None => {
                    at.insert(n.customer, lines.len());
                    lines.push((n, vec![n.attention.clone()]));
                }
            }
        }
        lines
    }
}

impl Simulation {
    /// What deserves attention this quarter and is not in the plan yet: a customer with an
    /// action planned for it this quarter is taken as being dealt with, and the digital tail
    /// of a segment given one-to-many renewal outreach.
    pub fn coaching(&self) -> Coaching {
        let q = self.clock().q();
        let mut planned_for: Vec<u32> = Vec::new();
        let mut outreach: Vec<u16> = Vec::new();
        for p in self.planned() {
            match p.target {
                ActionTarget::Customer(id) => planned_for.push(id),
                ActionTarget::Segment(s) if p.action == ActionKind::DigitalRenewalOutreach => {
                    outreach.push(s)
                }
                ActionTarget::Segment(_) => {}
            }
        }
        planned_for.sort_unstable();
        let customer_planned = |id: u32| planned_for.binary_search(&id).is_ok();
        let segment_planned = |segment: u16| outreach.contains(&segment);
        let mut out = Coaching::default();
        self.each_customer(|c| {
            if c.lifecycle.stage == Stage::Churned || !c.contract.active_in(q) {
                return;
            }
            let renewal_in = c.contract.renewal_quarter - q;
            let no_work = c.engagement.renewal_work_from.is_none();
            let renewal_due = (0..=RENEWAL_HORIZON).contains(&renewal_in) && no_work;
            if c.account.touch == Touch::Digital {
                if (0..=DIGITAL_RENEWAL_HORIZON).contains(&renewal_in)
                    && no_work
                    && !segment_planned(c.account.segment)
                    && !customer_planned(c.id.0)
                {
                    out.digital_renewals += 1;
                }
                return;
            }
            if customer_planned(c.id.0) {
                return;
            }
            let mut note = |attention| {
                out.notes.push(Note {
                    customer: c.id.0,
                    key: c.profile.key.clone(),
                    name: c.profile.name.clone(),
                    arr: c.contract.arr,
                    attention,
                })
            };
            if renewal_due {
                note(Attention::RenewalWithoutWork {
                    in_quarters: renewal_in,
                });
            }
            // No response of the CSM's has moved it (a quality issue also repairs itself a
            // little each quarter, so progress alone would not tell).
            let responded = |b: &&super::barriers::Barrier| {
                b.last_response
                    .is_some_and(|r| b.discovered_in.is_none_or(|d| r >= d))
            };
            for b in c.barriers.known().filter(|b| !responded(b)) {
                note(Attention::BarrierWithoutProgress {
                    kind: b.kind,
                    known_for: (q as u16).saturating_sub(b.discovered_in.unwrap_or(b.since)),
                });
            }
            let untouched_for = c.engagement.last_touch.map_or(i16::MAX, |t| q - t);
            // Contact takes effect when the quarter ends, so "this quarter or last" is two.
            if c.health.band == Band::Red && untouched_for >= 2 {
                note(Attention::RedHealthUnheard { untouched_for });
            }
            if let Some(r) = c.engagement.open_request(q) {
                note(Attention::RequestWaiting { kind: r.kind });
            }
        });
        out.notes.sort_by(|a, b| {
            a.attention
                .rank()
                .cmp(&b.attention.rank())
                .then(b.arr.cmp(&a.arr))
                .then(a.customer.cmp(&b.customer))
        });
        out
    }
}
