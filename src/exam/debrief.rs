//! The debrief at the end of a run: business results against the targets, exam readiness
//! per domain, the judged decisions, why each renewal went the way it did, and what to
//! study next. Written as JSON for machines and as one self-contained HTML page.

use std::fmt::Write;

use serde::Serialize;

use super::checks::Answer;
use super::judge::{Judge, Verdict, rule};
use super::score::{Readiness, readiness};
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionOutcome};
use crate::sim::journal::{Event, format_money};
use crate::sim::summary::TargetResult;
use crate::sim::types::{Band, BarrierKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Business {
    pub start_arr: i64,
    pub end_arr: i64,
    pub grr: f64,
    pub nrr: f64,
    /// Every contract at its expected ARR at its next renewal, and NRR with that outlook
    /// (`docs/model.md` §11).
    pub outlook: crate::sim::renewal::Outlook,
    pub churned_arr: i64,
    pub contraction_arr: i64,
    pub expansion_arr: i64,
    pub customers: u32,
    pub churned_customers: u32,
    pub mean_time_to_value: Option<f64>,
    pub targets: Vec<TargetResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgedDecision {
    pub quarter: u16,
    pub customer: Option<String>,
    pub rule: String,
    pub verdict: Verdict,
    pub objectives: Vec<String>,
    pub explanation: String,
}

/// A renewal, downsell, churn or expansion and the story behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub quarter: u16,
    pub customer: String,
    pub kind: &'static str,
    pub arr: i64,
    /// The renewal chance the decision was drawn against (renewals, downsells and churns).
    pub chance: Option<f32>,
    pub why: String,
    /// A renewal with a chance of [`ROUTINE_CHANCE`] or more, nothing against it and no
    /// barrier in its term: the HTML debrief counts these by quarter instead of listing them.
    pub routine: bool,
    /// The story and the decision behind `why`, for telling it in the reader's language.
    #[serde(skip)]
    pub story: Vec<Story>,
    #[serde(skip)]
    pub detail: Detail,
}

/// One event of an outcome's story, from the start of the customer's term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Story {
    /// A barrier began, and when it was found and resolved, if it was.
    Barrier {
        kind: BarrierKind,
        began: u16,
        found: Option<u16>,
        resolved: Option<u16>,
    },
    /// The quarter renewal work (a renewal risk analysis) started.
    RenewalWork(u16),
}

/// What decided an outcome: a renewal draw and its reasons, or the expansion action won.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Detail {
    Decision {
        renewed: bool,
        chance: f32,
        factors: crate::sim::renewal::Factors,
    },
    Expansion(ActionKind),
}

/// One rule's judged decisions, in words: how many, why the rule matters, its objectives and
/// where it judged (the first [`PLACES`], then "and N more").
#[derive(Debug, Clone, PartialEq)]
pub struct RuleGroup {
    pub times: u64,
    pub explanation: String,
    pub objectives: String,
    pub places: String,
}

/// Places named under a rule before "and N more".
pub const PLACES: usize = 5;

/// The kinds of mistake the HTML debrief shows open; the rest are folded.
const SHOWN_MISTAKE_KINDS: usize = 5;

/// Up to this many exceptions are shown open in the HTML debrief; more are folded.
const SHOWN_OUTCOMES: usize = 12;

/// A renewal at least this likely, with nothing against it, is routine.
pub const ROUTINE_CHANCE: f32 = 0.8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterPoint {
    pub quarter: u16,
    pub end_arr: i64,
    pub mean_health: f64,
    pub red: u32,
    pub yellow: u32,
    pub green: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub seed: u64,
    pub quarters: u16,
    pub business: Business,
    pub readiness: Readiness,
    /// The judged decisions, at most [`LISTED_PER_RULE`] of each rule (the first), and how
    /// many there were of each rule in all.
    pub decisions: Vec<JudgedDecision>,
    pub decision_counts: std::collections::BTreeMap<String, u64>,
    /// The first [`LISTED_OUTCOMES`] renewals, downsells, churns and expansions with their
    /// stories, and how many more there were.
    pub outcomes: Vec<Outcome>,
    pub outcomes_not_listed: usize,
    /// Knowledge-check questions answered during play.
    pub checks: Vec<CheckResult>,
    pub per_quarter: Vec<QuarterPoint>,
    /// What the trainee's study record says to practise next, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub practice: Option<PracticeNext>,
    /// The quarters ended with the coach on: its help is part of these results.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coached: Vec<u16>,
}

/// From the study record: what is due and what is weakest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeNext {
    /// Questions due for review today.
    pub due: u32,
    /// Questions of the bank answered at least once, and the bank's size.
    pub seen: u32,
    pub bank: u32,
    pub weakest: Vec<super::study::Weak>,
    /// The last mock exam's score (0–1).
    pub last_exam: Option<f64>,
}

/// Decisions of one rule listed in a debrief; the rest are counted.
pub const LISTED_PER_RULE: u64 = 20;
/// Outcomes listed in a debrief; the rest are counted (a portfolio of a million customers
/// has hundreds of thousands).
pub const LISTED_OUTCOMES: usize = 300;

/// One answered knowledge-check question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    pub quarter: u16,
    pub question: String,
    pub prompt: String,
    pub objectives: Vec<String>,
    pub chosen: String,
    pub answer: String,
    pub correct: bool,
    pub explanation: String,
    /// The choices given (indices into the question's), to show them in any language.
    #[serde(skip)]
    pub chosen_choices: Vec<usize>,
}

impl Debrief {
    /// Adds what the study record says to practise next.
    pub fn with_study(mut self, record: &super::study::StudyRecord, day: i64) -> Debrief {
        let bank = super::questions::Bank::get();
        self.practice = Some(PracticeNext {
            due: record.due(bank, day).len() as u32,
            seen: record.seen(bank) as u32,
            bank: bank.0.len() as u32,
            weakest: record.weakest(bank, 5),
            last_exam: record.exams.last().map(|e| e.score),
        });
        self
    }

    pub fn new(sim: &Simulation, judge: &Judge, answers: &[Answer]) -> Debrief {
        let s = sim.summary();
        let name = |id: u32| {
            sim.customer(id)
                .map_or_else(|| format!("#{id}"), |c| c.name)
        };
        let mut decision_counts: std::collections::BTreeMap<String, u64> =
            std::collections::BTreeMap::new();
        let decisions = judge
            .judgements
            .iter()
            .filter_map(|j| {
                let r = rule(j.rule)?;
                let n = decision_counts.entry(r.id.clone()).or_default();
                *n += 1;
                if *n > LISTED_PER_RULE {
                    return None;
                }
                Some(JudgedDecision {
                    quarter: j.quarter,
                    customer: j.customer.map(name),
                    rule: r.id.clone(),
                    verdict: r.verdict,
                    objectives: r.objectives.clone(),
                    explanation: r.explanation.clone(),
                })
            })
            .collect();
        let all_outcomes = outcomes(sim);
        let outcomes_not_listed = all_outcomes.len().saturating_sub(LISTED_OUTCOMES);
        Debrief {
            scenario: s.scenario.clone(),
            title: sim.scenario().title.clone(),
            seed: s.seed,
            quarters: s.quarters,
            business: Business {
                start_arr: s.start_arr,
                end_arr: s.end_arr,
                grr: s.grr,
                nrr: s.nrr,
                outlook: s.outlook,
                churned_arr: s.churned_arr,
                contraction_arr: s.contraction_arr,
                expansion_arr: s.expansion_arr,
                customers: s.customers,
                churned_customers: s.churned_customers,
                mean_time_to_value: s.mean_time_to_value,
                targets: s.targets.clone(),
            },
            readiness: readiness(&judge.judgements, answers),
            decisions,
            decision_counts,
            outcomes: all_outcomes.into_iter().take(LISTED_OUTCOMES).collect(),
            outcomes_not_listed,
            checks: answers
                .iter()
                .filter_map(|a| {
                    let q = a.question()?;
                    let texts = |is: &[usize], f: fn(&super::questions::Choice) -> &String| {
                        is.iter()
                            .filter_map(|&i| q.choices.get(i).map(|c| f(c).as_str()))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    };
                    Some(CheckResult {
                        quarter: a.quarter,
                        question: q.id.clone(),
                        prompt: q.prompt.clone(),
                        objectives: q.objectives.clone(),
                        chosen: texts(&a.chosen(), |c| &c.text),
                        answer: texts(&q.answers(), |c| &c.text),
                        correct: a.correct(),
                        chosen_choices: a.chosen(),
                        explanation: texts(&q.answers(), |c| &c.explanation),
                    })
                })
                .collect(),
            per_quarter: s
                .per_quarter
                .iter()
                .map(|q| QuarterPoint {
                    quarter: q.quarter,
                    end_arr: q.end_arr,
                    mean_health: q.mean_health,
                    red: q.red,
                    yellow: q.yellow,
                    green: q.green,
                })
                .collect(),
            practice: None,
            coached: Vec::new(),
        }
    }
}

/// Every renewal decision and won expansion, each with its history: barriers that began,
/// when they were found (or that they never were), when renewal work started, and the
/// reasons the renewal decision recorded.
fn outcomes(sim: &Simulation) -> Vec<Outcome> {
    let entries = &sim.journal().entries;
    // Each customer's entries, indexed once, so a story reads only its customer's past.
    let mut by_customer: std::collections::BTreeMap<u32, Vec<&crate::sim::journal::Entry>> =
        std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for e in entries {
        by_customer.entry(e.customer).or_default().push(e);
        let past = &by_customer[&e.customer];
        let past = &past[..past.len() - 1];
        let odds = |renewed: bool, chance: f32, factors: crate::sim::renewal::Factors| {
            format!(
                "; renewal chance {:.0} %{}{}",
                chance * 100.0,
                crate::i18n::unlikely_branch(renewed, chance).unwrap_or_default(),
                crate::i18n::factors(factors)
            )
        };
        let mut routine = false;
        let decision = |renewed: bool, chance: f32, factors| Detail::Decision {
            renewed,
            chance,
            factors,
        };
        let (kind, arr, chance, reasons, detail) = match e.event {
            Event::Churned {
                arr,
                chance,
                factors,
            } => (
                "churned",
                arr,
                Some(chance),
                odds(false, chance, factors),
                decision(false, chance, factors),
            ),
            Event::Downsold {
                from,
                to,
                chance,
                factors,
            } => (
                "downsold",
                from - to,
                Some(chance),
                odds(false, chance, factors),
                decision(false, chance, factors),
            ),
            Event::Renewed {
                arr,
                chance,
                factors,
            } => {
                routine = chance >= ROUTINE_CHANCE && !factors.anything_against();
                (
                    "renewed",
                    arr,
                    Some(chance),
                    odds(true, chance, factors),
                    decision(true, chance, factors),
                )
            }
            Event::Action {
                action,
                outcome: ActionOutcome::ExpansionWon(added),
            } => (
                "expanded",
                added,
                None,
                format!(
                    "; {} ({})",
                    action.spec().name,
                    action.spec().objectives.join(", ")
                ),
                Detail::Expansion(action),
            ),
            _ => continue,
        };
        // The story of the current term: since the customer's previous renewal decision.
        let term_start = past
            .iter()
            .rev()
            .find(|x| matches!(x.event, Event::Renewed { .. } | Event::Downsold { .. }))
            .map_or(0, |x| x.quarter);
        let mut history = Vec::new();
        let mut told = Vec::new();
        let mut renewal_work = false;
        for earlier in past {
            match earlier.event {
                Event::BarrierAppeared { kind: b, .. } => {
                    // The first quarter, from the barrier's start, an event about it happened.
                    let first = |pick: fn(&Event) -> Option<BarrierKind>| {
                        past.iter()
                            .find(|x| x.quarter >= earlier.quarter && pick(&x.event) == Some(b))
                            .map(|x| x.quarter)
                    };
                    let found = first(|ev| match *ev {
                        Event::BarrierDiscovered { kind, .. } => Some(kind),
                        _ => None,
                    });
                    let resolved = first(|ev| match *ev {
                        Event::BarrierResolved { kind, .. } => Some(kind),
                        _ => None,
                    });
                    if resolved.is_some_and(|r| r <= term_start) {
                        // Dealt with before this term began.
                        continue;
                    }
                    let mut s = format!(
                        "a {} began in Q{} ({})",
                        b.label(),
                        earlier.quarter,
                        b.objective()
                    );
                    match (found, resolved) {
                        (_, Some(r)) => write!(s, ", resolved in Q{r}").ok(),
                        (Some(f), None) if f == earlier.quarter => {
                            write!(s, ", known at once, never resolved").ok()
                        }
                        (Some(f), None) => write!(s, ", found in Q{f}, never resolved").ok(),
                        (None, None) => write!(s, ", never found").ok(),
                    };
                    history.push(s);
                    told.push(Story::Barrier {
                        kind: b,
                        began: earlier.quarter,
                        found,
                        resolved,
                    });
                }
                Event::Action {
                    action: ActionKind::RenewalRiskAnalysis,
                    ..
                } if earlier.quarter > term_start && !renewal_work => {
                    renewal_work = true;
                    history.push(format!("renewal work started in Q{}", earlier.quarter));
                    told.push(Story::RenewalWork(earlier.quarter));
                }
                _ => {}
            }
        }
        let customer = sim
            .customer(e.customer)
            .map_or_else(|| format!("#{}", e.customer), |c| c.name);
        let story = if history.is_empty() {
            String::new()
        } else {
            format!(": {}", history.join("; "))
        };
        out.push(Outcome {
            quarter: e.quarter,
            customer,
            kind,
            arr,
            chance,
            why: format!("{story}{reasons}")
                .trim_start_matches([';', ':', ' '])
                .to_owned(),
            // Part of the session hash (through the JSON debrief): changing what counts as
            // routine would make every saved session fail to verify.
            routine: routine && history.is_empty(),
            story: told,
            detail,
        });
    }
    out
}

/// Text made safe inside HTML, in element content and in quoted attributes alike.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A share as a percentage with one decimal, as the current language writes one.
pub(crate) fn pct(v: f64) -> String {
    tr!("percent", value = format!("{:.1}", v * 100.0))
}

/// A line chart of end-of-quarter ARR, as inline SVG.
fn arr_chart(points: &[QuarterPoint], start: i64) -> String {
    let (w, h, pad) = (560.0, 220.0, 48.0);
    let values: Vec<f64> = std::iter::once(start as f64)
        .chain(points.iter().map(|p| p.end_arr as f64))
        .collect();
    // Scale to the range the values move in, so a few per cent of change is visible.
    let hi = values.iter().copied().fold(1.0, f64::max);
    let lo = values.iter().copied().fold(hi, f64::min);
    let span = (hi - lo).max(hi * 0.05);
    let (bottom, top) = ((lo - span * 0.25).max(0.0), hi + span * 0.25);
    let n = values.len().max(2) - 1;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n as f64;
    let y = |v: f64| h - pad / 2.0 - 8.0 - (h - pad - 16.0) * (v - bottom) / (top - bottom);
    let path: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect();
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\"><polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"3\" points=\"{}\"/>",
        escape(&tr!("chart-arr")),
        path.join(" ")
    );
    for (i, v) in values.iter().enumerate() {
        let label = if i == 0 {
            escape(&tr!("chart-start"))
        } else {
            format!("Q{i}")
        };
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#1f5fa8\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{label}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
            x(i),
            y(*v),
            x(i),
            h - 4.0,
            x(i),
            y(*v) - 9.0,
            escape(&short_money(*v as i64))
        );
    }
    svg.push_str("</svg>");
    svg
}

fn short_money(v: i64) -> String {
    if v.abs() >= 1_000_000 {
        format!("${:.1}M", v as f64 / 1e6)
    } else if v.abs() >= 1_000 {
        format!("${:.0}k", v as f64 / 1e3)
    } else {
        format!("${v}")
    }
}

/// Stacked bars of customers by health band per quarter, with the band as a word.
fn health_chart(points: &[QuarterPoint]) -> String {
    let (w, h, pad) = (560.0, 220.0, 40.0);
    let max = points
        .iter()
        .map(|p| p.red + p.yellow + p.green)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let slot = (w - 2.0 * pad) / points.len().max(1) as f64;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(&tr!("chart-bands"))
    );
    for (i, p) in points.iter().enumerate() {
        let x0 = pad + slot * i as f64 + slot * 0.15;
        let bw = slot * 0.7;
        let mut top = h - pad / 2.0 - 12.0;
        for (count, colour, word) in [
            (p.red, "#c62828", Band::Red),
            (p.yellow, "#f9a825", Band::Yellow),
            (p.green, "#2e7d32", Band::Green),
        ] {
            let word = escape(&crate::i18n::label("band", word));
            let bh = (h - pad - 12.0) * f64::from(count) / max;
            top -= bh;
            if count > 0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{colour}\"><title>{count} {word}</title></rect>"
                );
                if bh > 14.0 {
                    let _ = write!(
                        svg,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#fff\" text-anchor=\"middle\">{count} {word}</text>",
                        x0 + bw / 2.0,
                        top + bh / 2.0 + 4.0
                    );
                }
            }
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">Q{} · {:.0}</text>",
            x0 + bw / 2.0,
            h - 6.0,
            p.quarter,
            p.mean_health
        );
    }
    svg.push_str("</svg>");
    svg
}

impl Debrief {
    /// The rules that judged decisions `verdict`, the most frequent first (then in the order
    /// they first happened), each told in the reader's language.
    pub fn rule_groups(&self, verdict: Verdict) -> Vec<RuleGroup> {
        let mut rules: Vec<&str> = Vec::new();
        for d in self.decisions.iter().filter(|d| d.verdict == verdict) {
            if !rules.contains(&d.rule.as_str()) {
                rules.push(&d.rule);
            }
        }
        let count = |id: &str| self.decision_counts.get(id).copied().unwrap_or(0);
        rules.sort_by_key(|r| std::cmp::Reverse(count(r)));
        rules
            .into_iter()
            .map(|id| {
                let mine: Vec<&JudgedDecision> =
                    self.decisions.iter().filter(|d| d.rule == id).collect();
                let times = count(id);
                let mut places = mine
                    .iter()
                    .take(PLACES)
                    .map(|d| {
                        tr!(
                            "judged-place",
                            quarter = d.quarter,
                            customer = d.customer.clone().unwrap_or_else(|| tr!("portfolio-word"))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                if times > PLACES as u64 {
                    places.push_str(&tr!("judged-more", count = times - PLACES as u64));
                }
                RuleGroup {
                    times,
                    explanation: rule(id).map_or_else(
                        || mine[0].explanation.clone(),
                        crate::i18n::rule_explanation,
                    ),
                    objectives: mine[0].objectives.join(", "),
                    places,
                }
            })
            .collect()
    }

    /// The routine renewals counted by quarter, in words ("12 routine renewals … by quarter:
    /// Q1 4 ($400,000) · …"); `None` when there were none.
    pub fn routine_renewals(&self) -> Option<String> {
        let mut routine: std::collections::BTreeMap<u16, (u32, i64)> = Default::default();
        for o in self.outcomes.iter().filter(|o| o.routine) {
            let r = routine.entry(o.quarter).or_default();
            r.0 += 1;
            r.1 += o.arr;
        }
        if routine.is_empty() {
            return None;
        }
        let parts: Vec<String> = routine
            .iter()
            .map(|(q, (n, arr))| {
                tr!(
                    "routine-quarter",
                    quarter = *q,
                    count = *n,
                    arr = format_money(*arr)
                )
            })
            .collect();
        Some(tr!(
            "routine-renewals",
            count = routine.values().map(|r| r.0).sum::<u32>(),
            chance = format!("{:.0}", ROUTINE_CHANCE * 100.0),
            list = parts.join(" · ")
        ))
    }

    /// The outcomes that were not routine, in the order they happened.
    pub fn exceptions(&self) -> Vec<&Outcome> {
        self.outcomes.iter().filter(|o| !o.routine).collect()
    }

    /// The exceptions counted by kind, in words ("Exceptions: 2 churned ($300,000), …");
    /// `None` when there were none.
    pub fn exception_kinds(&self) -> Option<String> {
        let exceptions = self.exceptions();
        let kinds: Vec<String> = ["churned", "downsold", "expanded", "renewed"]
            .into_iter()
            .filter_map(|kind| {
                let of: Vec<&&Outcome> = exceptions.iter().filter(|o| o.kind == kind).collect();
                (!of.is_empty()).then(|| {
                    tr!(
                        "exception-kind",
                        count = of.len(),
                        kind = crate::i18n::outcome_kind(kind),
                        arr = format_money(of.iter().map(|o| o.arr).sum())
                    )
                })
            })
            .collect();
        (!kinds.is_empty()).then(|| tr!("exceptions", list = kinds.join(&tr!("list-separator"))))
    }

    /// The debrief of a session played partly or wholly with the coach on.
    pub fn with_coach(mut self, coached: &[u16]) -> Debrief {
        self.coached = coached.to_vec();
        self
    }

    /// The debrief as one HTML page with everything inline: no scripts, no external files,
    /// in the program's current language (scenario text as its author wrote it).
    pub fn to_html(&self) -> String {
        let mut h = String::new();
        let b = &self.business;
        let e = |s: String| escape(&s);
        let _ = write!(
            h,
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{CSS}</style></head><body><main><h1>{title}</h1><p class=\"meta\">{meta}</p>",
            lang = crate::i18n::current().id,
            title = e(tr!("debrief-title", title = self.title.as_str())),
            meta = e(tr!(
                "debrief-meta",
                scenario = self.scenario.as_str(),
                seed = self.seed.to_string(),
                quarters = self.quarters
            ))
        );
        if !self.coached.is_empty() {
            let _ = write!(
                h,
                "<p class=\"meta\">{}</p>",
                e(crate::i18n::coached(&self.coached, self.quarters))
            );
        }
        // Business results.
        let card = |value: String, caption: String| {
            format!(
                "<div class=\"card\"><b>{}</b><span>{}</span></div>",
                escape(&value),
                escape(&caption)
            )
        };
        let _ = write!(
            h,
            "<section><h2>{}</h2><div class=\"cards\">{}{}{}{}{}{}</div>",
            e(tr!("business-results")),
            card(pct(b.grr), "GRR".to_owned()),
            card(pct(b.nrr), "NRR".to_owned()),
            card(
                format_money(b.end_arr),
                tr!("card-end-arr", start = format_money(b.start_arr))
            ),
            card(
                format_money(b.churned_arr),
                tr!(
                    "card-churned",
                    lost = b.churned_customers,
                    customers = b.customers
                )
            ),
            card(format_money(b.expansion_arr), tr!("card-expansion")),
            card(
                b.mean_time_to_value.map_or("—".to_owned(), |t| {
                    tr!("time-to-value", quarters = format!("{t:.1}"))
                }),
                tr!("card-time-to-value")
            ),
        );
        if b.outlook.pending_arr > 0 {
            let _ = write!(
                h,
                "<p class=\"meta\">{}</p>",
                e(tr!(
                    "debrief-outlook",
                    pending = format_money(b.outlook.pending_arr),
                    expected = format_money(b.outlook.expected_pending_arr),
                    nrr = pct(b.outlook.nrr)
                ))
            );
        }
        if !b.targets.is_empty() {
            let _ = write!(
                h,
                "<table><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
                e(tr!("target-col-target")),
                e(tr!("target-col-goal")),
                e(tr!("target-col-result"))
            );
            for t in &b.targets {
                let show = |v: f64| crate::i18n::target_value(t, v);
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>",
                    e(crate::i18n::target_name(t)),
                    e(show(t.target)),
                    e(show(t.actual)),
                    if t.met { "met" } else { "missed" },
                    e(tr!(if t.met { "target-met" } else { "target-missed" }))
                );
            }
            h.push_str("</table>");
        }
        let _ = write!(
            h,
            "<div class=\"charts\"><figure>{}<figcaption>{}</figcaption></figure><figure>{}<figcaption>{}</figcaption></figure></div></section>",
            arr_chart(&self.per_quarter, b.start_arr),
            e(tr!("chart-arr")),
            health_chart(&self.per_quarter),
            e(tr!("html-chart-bands"))
        );
        // Readiness.
        let _ = write!(
            h,
            "<section><h2>{}</h2><p>{}</p><table class=\"ready\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            e(tr!(
                "exam-readiness",
                percent = format!("{:.1}", self.readiness.overall * 100.0)
            )),
            e(tr!("html-readiness-why")),
            e(tr!("html-col-domain")),
            e(tr!("html-col-weight")),
            e(tr!("html-col-mastery")),
            e(tr!("html-col-good")),
            e(tr!("html-col-mistakes"))
        );
        for d in &self.readiness.domains {
            let m = d.mastery.unwrap_or(0.0);
            let _ = write!(
                h,
                "<tr><td>{} {}</td><td>{}</td><td><div class=\"bar\"><div style=\"width:{:.0}%\"></div></div> {}</td><td>{}</td><td>{}</td></tr>",
                escape(&d.id),
                e(crate::i18n::objective_title(&d.id, &d.title)),
                e(tr!("percent", value = d.weight.to_string())),
                m * 100.0,
                e(crate::i18n::mastery(d)),
                d.good,
                d.mistakes
            );
        }
        h.push_str("</table>");
        if !self.readiness.study_next.is_empty() {
            let _ = write!(h, "<h3>{}</h3><ol>", e(tr!("study-next")));
            for s in &self.readiness.study_next {
                let times = if s.mistakes > 0 {
                    tr!("study-mistakes", count = s.mistakes)
                } else {
                    String::new()
                };
                let _ = write!(
                    h,
                    "<li><b>{}</b> {}{}</li>",
                    escape(&s.id),
                    e(crate::i18n::objective_title(&s.id, &s.title)),
                    e(times)
                );
            }
            h.push_str("</ol>");
        }
        if let Some(p) = &self.practice {
            let last = p.last_exam.map_or_else(String::new, |s| {
                tr!("html-last-exam", percent = format!("{:.0}", s * 100.0))
            });
            let _ = write!(
                h,
                "<h3>{}</h3><p>{}{}</p>",
                e(tr!("html-study-record")),
                e(tr!(
                    "html-practice",
                    seen = p.seen,
                    bank = p.bank,
                    due = p.due
                )),
                e(last)
            );
            if !p.weakest.is_empty() {
                h.push_str("<ol>");
                for w in &p.weakest {
                    let _ = write!(
                        h,
                        "<li><b>{}</b> {}</li>",
                        escape(&w.id),
                        e(tr!(
                            "html-weak",
                            title = crate::i18n::objective_title(&w.id, &w.title),
                            right = w.right,
                            answered = w.answered,
                            id = w.id.as_str()
                        ))
                    );
                }
                h.push_str("</ol>");
            }
        }
        h.push_str("</section>");
        // Decisions, grouped by rule: what to do differently first.
        let _ = write!(h, "<section><h2>{}</h2>", e(tr!("decisions-judged")));
        for (verdict, heading, class) in [
            (Verdict::Mistake, "judged-differently-count", "mistake"),
            (Verdict::Good, "judged-well-count", "good"),
        ] {
            let rules = self.rule_groups(verdict);
            if rules.is_empty() {
                continue;
            }
            let total: u64 = rules.iter().map(|r| r.times).sum();
            let header = format!(
                "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                e(tr!("html-col-objectives")),
                e(tr!("html-col-why")),
                e(tr!("html-col-times")),
                e(tr!("html-col-where"))
            );
            // Mistakes: the most frequent kinds open, the rest folded; what went well is
            // folded whole, so the page reads in a couple of screens.
            let open = if verdict == Verdict::Mistake {
                SHOWN_MISTAKE_KINDS
            } else {
                0
            };
            let _ = write!(
                h,
                "<h3 class=\"{class}\">{}</h3>",
                e(tr!(heading, count = total))
            );
            if open > 0 {
                h.push_str(&header);
            }
            for (i, group) in rules.iter().enumerate() {
                if i == open {
                    if i > 0 {
                        h.push_str("</table>");
                    }
                    let left = rules.len() - i;
                    let what = tr!(
                        if i == 0 {
                            "judged-kinds"
                        } else {
                            "judged-more-kinds"
                        },
                        count = left
                    );
                    let _ = write!(
                        h,
                        "<details><summary>{}</summary>{header}",
                        e(tr!("html-show", what = what))
                    );
                }
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&group.objectives),
                    escape(&group.explanation),
                    group.times,
                    escape(&group.places)
                );
            }
            h.push_str("</table>");
            if rules.len() > open {
                h.push_str("</details>");
            }
        }
        h.push_str("</section>");
        // Knowledge checks.
        if !self.checks.is_empty() {
            let right = self.checks.iter().filter(|c| c.correct).count();
            let _ = write!(
                h,
                "<section><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                e(tr!(
                    "checks-heading",
                    right = right,
                    total = self.checks.len()
                )),
                e(tr!("html-col-quarter")),
                e(tr!("html-col-objectives")),
                e(tr!("html-col-question")),
                e(tr!("html-col-your-answer")),
                e(tr!("html-col-right-answer"))
            );
            for c in &self.checks {
                let q = super::questions::Bank::get().question(&c.question);
                let texts = |is: &[usize], f: fn(&super::questions::Question, usize) -> String| {
                    q.map_or_else(String::new, |q| {
                        is.iter()
                            .filter(|&&i| i < q.choices.len())
                            .map(|&i| f(q, i))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    })
                };
                let answers = q.map(|q| q.answers()).unwrap_or_default();
                let _ = write!(
                    h,
                    "<tr><td>Q{}</td><td>{}</td><td>{}</td><td class=\"{}\">{} {}</td><td>{} — {}</td></tr>",
                    c.quarter,
                    escape(&c.objectives.join(", ")),
                    e(q.map_or_else(|| c.prompt.clone(), crate::i18n::question_prompt)),
                    if c.correct { "met" } else { "missed" },
                    if c.correct { "✔" } else { "✘" },
                    e(texts(&c.chosen_choices, crate::i18n::choice_text)),
                    e(texts(&answers, crate::i18n::choice_text)),
                    e(texts(&answers, crate::i18n::choice_explanation))
                );
            }
            h.push_str("</table></section>");
        }
        // Outcomes.
        let _ = write!(h, "<section><h2>{}</h2>", e(tr!("outcomes-heading")));
        // Routine renewals are counted by quarter; the exceptions are told one by one.
        if let Some(routine) = self.routine_renewals() {
            let _ = write!(h, "<p>{} {}</p>", e(routine), e(tr!("html-json-tells")));
        }
        // The exceptions by kind, then each one's story, folded when there are many.
        let exceptions = self.exceptions();
        let kinds = self.exception_kinds();
        if let Some(kinds) = kinds {
            let _ = write!(h, "<p>{}</p>", e(kinds));
        }
        let folded = exceptions.len() > SHOWN_OUTCOMES;
        if folded {
            let _ = write!(
                h,
                "<details><summary>{}</summary>",
                e(tr!(
                    "html-show",
                    what = tr!("each-exception", count = exceptions.len())
                ))
            );
        }
        let _ = write!(
            h,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            e(tr!("html-col-quarter")),
            e(tr!("html-col-customer")),
            e(tr!("html-col-outcome")),
            e(tr!("html-col-arr")),
            e(tr!("html-col-why"))
        );
        for o in exceptions {
            let _ = write!(
                h,
                "<tr class=\"{kind}\"><td>Q{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                o.quarter,
                escape(&o.customer),
                e(crate::i18n::outcome_kind(o.kind)),
                escape(&format_money(o.arr)),
                e(crate::i18n::outcome_why(o)),
                kind = o.kind
            );
        }
        h.push_str("</table>");
        if folded {
            h.push_str("</details>");
        }
        if self.outcomes_not_listed > 0 {
            let _ = write!(
                h,
                "<p>{}</p>",
                e(tr!(
                    "html-not-listed",
                    count = self.outcomes_not_listed,
                    listed = LISTED_OUTCOMES
                ))
            );
        }
        h.push_str("</section></main></body></html>");
        h
    }
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1c2430}main{max-width:1100px;margin:0 auto;padding:24px}h1{margin:0 0 4px}h2{margin-top:0}.meta{color:#555;margin-top:0}section{background:#fff;border-radius:8px;padding:18px 22px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}.card{background:#eef3f9;border-radius:6px;padding:10px 14px;min-width:140px}.card b{display:block;font-size:1.4em}.card span{color:#444;font-size:.85em}table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.92em}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e7ec;vertical-align:top}th{background:#f0f3f6}.met{color:#2e7d32;font-weight:600}.missed{color:#c62828;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:16px}figure{flex:1 1 480px;margin:0}figcaption{font-size:.85em;color:#555;text-align:center}svg{width:100%;height:auto;background:#fafbfc;border-radius:6px}.bar{display:inline-block;width:160px;height:12px;background:#e3e7ec;border-radius:6px;vertical-align:middle;margin-right:6px}.bar div{height:100%;background:#1f5fa8;border-radius:6px}h3.mistake{color:#c62828}h3.good{color:#2e7d32}tr.churned td{background:#fdecea}tr.downsold td{background:#fff8e1}tr.expanded td{background:#e8f5e9}code{background:#eef1f4;padding:1px 4px;border-radius:3px}";

/// "The coach was on in all 4 quarters …" / "… in quarters 1, 2 and 4 of 6 …"; one or
/// two quarters are "the one quarter" and "both quarters".
pub fn coached_line(coached: &[u16], quarters: u16) -> String {
    let list = |q: &[u16]| {
        let words: Vec<String> = q.iter().map(u16::to_string).collect();
        match words.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    if coached.len() == usize::from(quarters) {
        let all = match quarters {
            1 => "the one quarter".to_owned(),
            2 => "both quarters".to_owned(),
            n => format!("all {n} quarters"),
        };
        format!(
            "The coach was on in {all}: it pointed at what deserved attention, so these results had help."
        )
    } else if coached.len() == 1 {
        format!(
            "The coach was on in quarter {} of {quarters}: it pointed at what deserved attention then.",
            list(coached)
        )
    } else {
        format!(
            "The coach was on in quarters {} of {quarters}: it pointed at what deserved attention then.",
            list(coached)
        )
    }
}
