//! What happened each quarter, and why: compact entries written by the pipeline, turned into
//! sentences only when somebody reads them.

use bevy::prelude::*;

use super::actions::{ActionKind, ActionOutcome};
use super::barriers::Discovery;
use super::customer::{BusinessOutcome, UseCase};
use super::renewal::Factors;
use super::types::{BarrierKind, CompanyRiskKind, GapKind, HealthDriver, RequestKind, Stage, Team};

/// The customer field of entries that concern a whole segment.
pub const SEGMENT_WIDE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    BarrierAppeared {
        kind: BarrierKind,
        hidden: bool,
        severity: f32,
    },
    BarrierDiscovered {
        kind: BarrierKind,
        how: Discovery,
    },
    BarrierResolved {
        kind: BarrierKind,
        by: Option<ActionKind>,
    },
    StageChanged {
        from: Stage,
        to: Stage,
    },
    OutcomeAchieved {
        total: u8,
        time_to_value: Option<u16>,
    },
    /// Going over the success plan, the executive sponsor put its outcome right.
    OutcomeCorrected {
        from: Option<BusinessOutcome>,
        to: BusinessOutcome,
    },
    /// The RACI, which named someone who had left, now names the sponsor and champion in
    /// place (2.9).
    RaciUpdated,
    /// The success plan was written with these use cases first (2.8); whether they are
    /// the work the customer depends on is the model's view, not shown to the trainee.
    UseCasesWritten {
        use_case: UseCase,
        targeted: bool,
    },
    Action {
        action: ActionKind,
        outcome: ActionOutcome,
    },
    /// An enterprise agreement renewed with a true-up for use beyond its entitlement.
    TrueUp {
        added: i64,
    },
    /// Something happened to the customer's company (a budget cut, a champion who left, a
    /// merger).
    CompanyRisk {
        risk: CompanyRiskKind,
        severity: f32,
    },
    /// Someone the CSM met while the customer had no champion became its new champion (2.2).
    ChampionFound {
        by: ActionKind,
    },
    /// The CSM said what drives the customer's health decline (2.6); `truth` is what the
    /// dashboard showed (none if no driver cost half a point), `found` the barriers the
    /// reading led to (a bit per kind).
    HealthRead {
        said: HealthDriver,
        truth: Option<HealthDriver>,
        found: u8,
    },
    /// An adoption plan was agreed with its prioritised success focus, the plan's outcome
    /// (none written yet: no focus); `focused` if that is what the customer wants (4.1.b).
    AdoptionPlanned {
        focus: Option<BusinessOutcome>,
        focused: bool,
    },
    /// A review of the success plan with the sponsor wrote the expansion opportunity into
    /// it (5.4): the next fitting proposal is one the customer has already planned for.
    ExpansionPlanned,
    /// The CSM found a gap in the account's baseline (2.5).
    GapFound {
        gap: GapKind,
        by: ActionKind,
    },
    /// A found gap was closed by the action that answers it (2.5).
    GapClosed {
        gap: GapKind,
        by: ActionKind,
    },
    /// A customer asked for something unprompted; it takes these CSM hours unless handed on.
    RequestReceived {
        kind: RequestKind,
        hours: f32,
    },
    /// An inbound request was answered, by the CSM or the team it was handed to; `right`
    /// if that was the team that answers its kind (1.4).
    RequestClosed {
        kind: RequestKind,
        by: Team,
        right: bool,
    },
    /// A one-to-many action over a segment.
    Campaign {
        action: ActionKind,
        segment: u16,
        reached: u32,
        opportunities: u32,
    },
    ContractStarted {
        arr: i64,
    },
    Renewed {
        arr: i64,
        chance: f32,
        factors: Factors,
    },
    Downsold {
        from: i64,
        to: i64,
        chance: f32,
        factors: Factors,
    },
    Churned {
        arr: i64,
        chance: f32,
        factors: Factors,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub quarter: u16,
    pub customer: u32,
    pub event: Event,
}

impl Entry {
    /// Whether the trainee may see it: a barrier that began unseen stays unseen until it is
    /// found (its discovery is an entry of its own).
    pub fn visible_to_csm(&self) -> bool {
        !matches!(self.event, Event::BarrierAppeared { hidden: true, .. })
    }
}

/// How much the journal keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    #[default]
    Full,
    /// Only exceptions: no routine renewals, stage changes, outcomes or unseen barrier
    /// starts. Used for portfolios too large for anyone to read entry by entry, where the
    /// full journal would cost more memory than the customers themselves.
    Exceptions,
    /// Nothing: batch runs that read only the figures.
    Off,
}

/// Portfolios larger than this keep only exceptions in the journal.
pub const FULL_DETAIL_UP_TO: usize = 20_000;

/// Every entry of the run so far, in the order they happened.
#[derive(Resource, Debug, Default, Clone)]
pub struct Journal {
    pub entries: Vec<Entry>,
    pub detail: Detail,
    /// Where each quarter's entries begin, (quarter, index), while entries come in quarter
    /// order (they do: each is written in the quarter it happens); `unordered` once one
    /// does not, and a quarter's entries are then found by looking at all of them.
    starts: Vec<(u16, usize)>,
    unordered: bool,
}

impl Journal {
    pub fn with_detail(detail: Detail) -> Self {
        Journal {
            entries: Vec::new(),
            detail,
            starts: Vec::new(),
            unordered: false,
        }
    }

    /// Keeps from now on only what this detail asks for.
    pub fn set_detail(&mut self, detail: Detail) {
        self.detail = detail;
    }

    pub fn push(&mut self, quarter: u16, customer: u32, event: Event) {
        match self.detail {
            Detail::Full => {}
            Detail::Exceptions if !event.is_routine() => {}
            _ => return,
        }
        match self.starts.last() {
            Some(&(last, _)) if quarter < last => self.unordered = true,
            Some(&(last, _)) if quarter == last => {}
            _ => self.starts.push((quarter, self.entries.len())),
        }
        self.entries.push(Entry {
            quarter,
            customer,
            event,
        });
    }

    /// The entries of one quarter, found without reading the others.
    pub fn for_quarter(&self, quarter: u16) -> impl Iterator<Item = &Entry> {
        let range = if self.unordered {
            0..self.entries.len()
        } else {
            match self.starts.binary_search_by_key(&quarter, |&(q, _)| q) {
                Ok(i) => {
                    let end = self.starts.get(i + 1).map_or(self.entries.len(), |s| s.1);
                    self.starts[i].1..end
                }
                Err(_) => 0..0,
            }
        };
        self.entries[range]
            .iter()
            .filter(move |e| e.quarter == quarter)
    }

    pub fn for_customer(&self, customer: u32) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.customer == customer)
    }
}

fn money(v: i64) -> String {
    let s = v.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 {
        format!("-${out}")
    } else {
        format!("${out}")
    }
}

/// Formats whole currency units with thousands separators.
pub fn format_money(v: i64) -> String {
    money(v)
}

impl Event {
    /// Events a large portfolio's journal leaves out.
    pub fn is_routine(&self) -> bool {
        matches!(
            self,
            Event::Renewed { .. }
                | Event::StageChanged { .. }
                | Event::OutcomeAchieved { .. }
                | Event::BarrierAppeared { hidden: true, .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quarter's entries are the same whether found through the index or by looking at
    /// every entry, in order or not.
    #[test]
    fn a_quarters_entries_are_found_by_its_index() {
        let mut j = Journal::with_detail(Detail::Full);
        for (q, c) in [(1, 0), (1, 1), (2, 0), (4, 3), (4, 1)] {
            j.push(q, c, Event::ExpansionPlanned);
        }
        let of = |j: &Journal, q| j.for_quarter(q).map(|e| e.customer).collect::<Vec<_>>();
        assert_eq!(of(&j, 1), vec![0, 1]);
        assert_eq!(of(&j, 2), vec![0]);
        assert_eq!(of(&j, 3), Vec::<u32>::new());
        assert_eq!(of(&j, 4), vec![3, 1]);
        assert_eq!(of(&j, 5), Vec::<u32>::new());
        // An entry written for an earlier quarter: still found, and the others too.
        j.push(2, 7, Event::ExpansionPlanned);
        assert_eq!(of(&j, 2), vec![0, 7]);
        assert_eq!(of(&j, 4), vec![3, 1]);
    }
}
