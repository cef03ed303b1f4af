//! What happened each quarter, and why: compact entries written by the pipeline, turned into
//! sentences only when somebody reads them.

use bevy::prelude::*;

use super::actions::{ActionKind, ActionOutcome};
use super::barriers::Discovery;
use super::customer::{BusinessOutcome, UseCase};
use super::renewal::{Factors, unlikely_branch};
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

    /// A sentence a trainee can read, naming the exam objectives involved.
    pub fn describe(&self, segment_name: impl Fn(u16) -> String) -> String {
        match *self {
            Event::BarrierAppeared {
                kind,
                hidden,
                severity,
            } => format!(
                "a {} barrier began (severity {:.0} %){} — {}",
                kind.label(),
                severity * 100.0,
                if hidden {
                    ", not yet visible to you"
                } else {
                    ""
                },
                kind.objective()
            ),
            Event::BarrierDiscovered { kind, how } => format!(
                "{}: {} ({}, 3.3)",
                kind.label(),
                how.label(),
                kind.objective()
            ),
            Event::BarrierResolved { kind, by } => match by {
                Some(a) => format!(
                    "{} resolved by {} ({})",
                    kind.label(),
                    a.spec().name,
                    kind.objective()
                ),
                None => format!(
                    "{} resolved by the vendor's engineering without CSM action ({})",
                    kind.label(),
                    kind.objective()
                ),
            },
            Event::StageChanged { from, to } => {
                format!("moved from {} to {} (1.3)", from.label(), to.label())
            }
            Event::OutcomeAchieved {
                total,
                time_to_value,
            } => match time_to_value {
                Some(ttv) => format!(
                    "achieved its first business outcome: time to value {ttv} quarters (2.10, 4.2.d)"
                ),
                None => format!("achieved business outcome number {total} (2.10)"),
            },
            Event::OutcomeCorrected { from, to } => match from {
                Some(from) => format!(
                    "the executive sponsor corrected the success plan: the outcome is not \"{}\" but \"{}\"; validated at the next review (2.3)",
                    from.label(),
                    to.label()
                ),
                None => format!(
                    "the executive sponsor gave the success plan its outcome: \"{}\"; validated at the next review (2.3)",
                    to.label()
                ),
            },
            Event::RaciUpdated => "the success plan's RACI now names the executive sponsor accountable and the champion responsible, the people in place (2.9)".to_owned(),
            Event::UseCasesWritten { use_case, .. } if use_case.untargeted() => format!(
                "the success plan's use cases: \"{}\"; nothing comes first (2.8)",
                use_case.label()
            ),
            Event::UseCasesWritten { use_case, .. } => format!(
                "the success plan targets the use case \"{}\" first (2.8)",
                use_case.label()
            ),
            Event::Action { action, outcome } => {
                let text = outcome.describe(action);
                // Outcomes that name no objective of their own carry the action's.
                let ids = if text.contains(|c: char| c.is_ascii_digit()) && text.contains('(') {
                    String::new()
                } else {
                    format!(" ({})", action.spec().objectives.join(", "))
                };
                format!("{}: {text}{ids}", action.spec().name)
            }
            Event::TrueUp { added } => format!(
                "the enterprise agreement trued up its use beyond the entitlement: {} more ARR (1.6.c, 1.8.b)",
                money(added)
            ),
            Event::CompanyRisk { risk, severity } => format!(
                "{} (severity {:.0} %) — a company risk ({})",
                risk.label(),
                severity * 100.0,
                risk.objectives()
            ),
            Event::AdoptionPlanned { focus, focused } => match (focus, focused) {
                (Some(o), true) => format!(
                    "the adoption plan is focused on \"{}\", what the customer wants: its feature matrix turns on the features that outcome needs first and its time-to-value timeline aims at it (4.1.b, 4.1.c, 4.1.d)",
                    o.label()
                ),
                (Some(o), false) => format!(
                    "the adoption plan is focused on \"{}\", which is not what the customer wants: it rolls out at half the pace, with no timeline to value (4.1.b)",
                    o.label()
                ),
                (None, _) => "the adoption plan has no success focus (the success plan names no outcome yet): it rolls out at half the pace, with no timeline to value (4.1.b, 2.3)".to_owned(),
            },
            Event::ExpansionPlanned => "the success plan now holds the expansion opportunity, agreed with the sponsor: the next fitting proposal is one the customer has planned for (5.4)".to_owned(),
            Event::GapFound { gap, by } => format!(
                "{} found {} in the account's baseline: it slows deployment, holds use back and blocks outcomes until it is closed (2.5, {})",
                by.spec().name,
                gap.label(),
                gap.objective()
            ),
            Event::GapClosed { gap, by } => format!(
                "{} closed {} (2.5, {})",
                by.spec().name,
                gap.label(),
                gap.objective()
            ),
            // Which team answers it is the trainee's call: not said here.
            Event::RequestReceived { kind, hours } => format!(
                "asked for {}: it takes {hours:.1} of your hours this quarter unless handed to the team that answers it (1.4)",
                kind.label()
            ),
            Event::RequestClosed { kind, by, right } => match (by, right) {
                (Team::Csm, true) => "you answered the sponsor's strategic request yourself: the CSM's own work, and the sponsor noticed (1.4, 4.3.a)".to_owned(),
                (Team::Csm, false) => format!(
                    "you answered its request for {} yourself, in hours {} would have spared you (1.4)",
                    kind.label(),
                    kind.right_team().label()
                ),
                (_, true) => format!(
                    "{} answered its request for {} (1.4)",
                    capitalised(by.label()),
                    kind.label()
                ),
                (_, false) if kind == RequestKind::Strategic => format!(
                    "its sponsor asked to talk about the outcomes and was handed to {}: the sponsor cooled (1.4, 4.3.a)",
                    by.label()
                ),
                (_, false) => format!(
                    "its request for {} went to {}, who do not answer it; it comes back next quarter, bigger, and its people noticed (1.4)",
                    kind.label(),
                    by.label()
                ),
            },
            Event::ChampionFound { by } => format!(
                "found a new champion through {} (2.2, 4.3.c)",
                by.spec().name.to_lowercase()
            ),
            Event::HealthRead { said, truth, found } => {
                let led_to: Vec<&str> = BarrierKind::ALL
                    .iter()
                    .filter(|k| found & (1 << k.index()) != 0)
                    .map(|k| k.label())
                    .collect();
                match truth {
                    Some(t) if t == said && led_to.is_empty() => format!(
                        "you read the health decline right: {} drove it; nothing hidden behind it came to light this time ({})",
                        said.id(),
                        said.objective()
                    ),
                    Some(t) if t == said => format!(
                        "you read the health decline right: {} drove it, and looking there found {} ({})",
                        said.id(),
                        led_to.join(", "),
                        said.objective()
                    ),
                    Some(t) => format!(
                        "you read the health decline as {}, but the dashboard showed {} driving it ({}, {})",
                        said.id(),
                        t.id(),
                        t.objective(),
                        said.objective()
                    ),
                    None => format!(
                        "you read the health decline as {}, but no single driver stood out: the score fell a little everywhere (2.6)",
                        said.id()
                    ),
                }
            }
            Event::Campaign {
                action,
                segment,
                reached,
                opportunities,
            } => format!(
                "{} for segment {}: reached {reached} customers, surfaced {opportunities} expansion opportunities ({})",
                action.spec().name,
                segment_name(segment),
                action.spec().objectives.join(", ")
            ),
            Event::ContractStarted { arr } => {
                format!("signed a new contract worth {} ARR (1.3)", money(arr))
            }
            Event::Renewed {
                arr,
                chance,
                factors,
            } => format!(
                "renewed at {} ARR (renewal chance was {:.0} %){}{} (1.8.c, 5.5)",
                money(arr),
                chance * 100.0,
                unlikely_branch(true, chance).unwrap_or_default(),
                factors.explain()
            ),
            Event::Downsold {
                from,
                to,
                chance,
                factors,
            } => format!(
                "renewed smaller: {} → {} ARR (renewal chance was {:.0} %){}{} (1.8.a, 5.6)",
                money(from),
                money(to),
                chance * 100.0,
                unlikely_branch(false, chance).unwrap_or_default(),
                factors.explain()
            ),
            Event::Churned {
                arr,
                chance,
                factors,
            } => format!(
                "churned, losing {} ARR (renewal chance was {:.0} %){}{} (1.8.a, 5.5)",
                money(arr),
                chance * 100.0,
                unlikely_branch(false, chance).unwrap_or_default(),
                factors.explain()
            ),
        }
    }
}

/// The text with its first letter in capitals.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
