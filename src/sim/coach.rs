//! The coach for beginners (issue 12): what deserves attention this quarter, read only from
//! what the CSM can see (the dashboard, known barriers and their progress, the plan so far).
//! It names what is waiting, never what to do about it or anything hidden.

use serde::Serialize;

use super::Simulation;
use super::actions::ActionTarget;
use super::types::{Band, BarrierKind, RequestKind, Stage, Touch};

/// Renewals this many quarters away or nearer count as near.
pub const RENEWAL_HORIZON: i16 = 2;

/// One thing the coach points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Attention {
    /// A renewal within [`RENEWAL_HORIZON`] quarters with no renewal work started (5.5).
    RenewalWithoutWork { in_quarters: i16 },
    /// A barrier the CSM knows of with no progress on it yet (3.4).
    BarrierWithoutProgress { kind: BarrierKind, known_for: u16 },
    /// Red health and no conversation this quarter or last (3.3, 2.6).
    RedHealthUnheard { untouched_for: i16 },
    /// An inbound request waiting this quarter (1.4).
    RequestWaiting { kind: RequestKind },
}

impl Attention {
    /// How it reads, with the objective it belongs to.
    pub fn describe(&self) -> String {
        match *self {
            Attention::RenewalWithoutWork { in_quarters } => format!(
                "renews {} and no renewal work has started (5.5)",
                when(in_quarters)
            ),
            Attention::BarrierWithoutProgress { kind, known_for } => format!(
                "{} known {} and not yet resolved at all ({})",
                kind.label(),
                quarters_ago(known_for),
                kind.objective()
            ),
            Attention::RedHealthUnheard { untouched_for } => format!(
                "red health and {} (3.3)",
                if untouched_for >= i16::MAX / 2 {
                    "nobody has spoken to them yet".to_owned()
                } else {
                    format!("no conversation for {}", quarters(untouched_for))
                }
            ),
            Attention::RequestWaiting { kind } => {
                format!("an inbound request is waiting: {} (1.4)", kind.label())
            }
        }
    }

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
    /// Digital-touch customers renewing within [`RENEWAL_HORIZON`] quarters with no renewal
    /// work: they are many and reached one to many, so they are counted, not listed.
    pub digital_renewals: u32,
}

impl Coaching {
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.digital_renewals == 0
    }

    /// One entry a customer, in the order of its most pressing note: the customer's first
    /// note and what every note of it says.
    pub fn by_customer(&self) -> Vec<(&Note, Vec<String>)> {
        let mut lines: Vec<(&Note, Vec<String>)> = Vec::new();
        for n in &self.notes {
            match lines
                .iter_mut()
                .find(|(first, _)| first.customer == n.customer)
            {
                Some((_, said)) => said.push(n.attention.describe()),
                None => lines.push((n, vec![n.attention.describe()])),
            }
        }
        lines
    }

    /// The line about the digital tail, if there is one.
    pub fn digital_line(&self) -> Option<String> {
        (self.digital_renewals > 0).then(|| {
            format!(
                "{} digital-touch {} within {} with no renewal work: one-to-many renewal \
                 outreach reaches a whole segment (1.9.c, 5.5)",
                self.digital_renewals,
                if self.digital_renewals == 1 {
                    "customer renews"
                } else {
                    "customers renew"
                },
                quarters(RENEWAL_HORIZON)
            )
        })
    }
}

impl Simulation {
    /// What deserves attention this quarter and is not in the plan yet: a customer with an
    /// action planned for it this quarter is taken as being dealt with, and so is a segment
    /// given one-to-many renewal outreach.
    pub fn coaching(&self) -> Coaching {
        let q = self.clock().q();
        let planned = self.planned();
        let customer_planned = |id: u32| {
            planned
                .iter()
                .any(|p| p.target == ActionTarget::Customer(id))
        };
        let segment_planned = |segment: u16| {
            planned
                .iter()
                .any(|p| p.target == ActionTarget::Segment(segment))
        };
        let mut out = Coaching::default();
        self.each_customer(|c| {
            if c.lifecycle.stage == Stage::Churned || !c.contract.active_in(q) {
                return;
            }
            let renewal_in = c.contract.renewal_quarter - q;
            let renewal_due = (0..=RENEWAL_HORIZON).contains(&renewal_in)
                && c.engagement.renewal_work_from.is_none();
            if c.account.touch == Touch::Digital {
                if renewal_due && !segment_planned(c.account.segment) && !customer_planned(c.id.0) {
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
            for b in c.barriers.known().filter(|b| b.progress <= 0.0) {
                note(Attention::BarrierWithoutProgress {
                    kind: b.kind,
                    known_for: (q as u16).saturating_sub(b.discovered_in.unwrap_or(b.since)),
                });
            }
            let untouched_for = c.engagement.last_touch.map_or(i16::MAX, |t| q - t);
            if c.health.band == Band::Red && untouched_for >= 1 {
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

fn quarters(n: i16) -> String {
    if n == 1 {
        "1 quarter".to_owned()
    } else {
        format!("{n} quarters")
    }
}

fn when(in_quarters: i16) -> String {
    match in_quarters {
        0 => "at the end of this quarter".to_owned(),
        n => format!("in {}", quarters(n)),
    }
}

fn quarters_ago(n: u16) -> String {
    match n {
        0 => "since this quarter".to_owned(),
        n => format!("for {}", quarters(n as i16)),
    }
}
