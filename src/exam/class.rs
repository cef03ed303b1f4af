//! The class debrief: every trainee's verified session side by side, ranked by a balanced
//! scorecard (business results against the scenario's targets, and exam readiness), with
//! the class's distributions, its most common mistakes (what to teach next), its readiness
//! per domain, and how each trainee answered each scripted barrier. HTML, JSON and CSV.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::debrief::{Debrief, escape, pct};
use super::judge::{Verdict, rule};
use crate::session::Recorder;
use crate::sim::journal::Event;
use crate::sim::types::BarrierKind;

/// One trainee's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeRow {
    pub name: String,
    pub quarters_played: u16,
    pub end_arr: i64,
    pub nrr: f64,
    pub grr: f64,
    pub outlook_nrr: f64,
    pub targets_met: u32,
    pub targets: u32,
    /// 0–1: the scenario's targets, each counting its actual against its goal (capped at 1).
    pub business_score: f64,
    pub readiness: f64,
    pub mistakes: u32,
    pub good: u32,
    /// (business + readiness) / 2.
    pub scorecard: f64,
    /// The trainee's own debrief page, relative to the class debrief.
    pub debrief: String,
}

/// A rule the class broke, and how often.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommonMistake {
    pub rule: String,
    pub objectives: Vec<String>,
    pub times: u32,
    pub trainees: u32,
    pub explanation: String,
}

/// How one trainee met one scripted barrier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarrierAnswer {
    pub trainee: String,
    pub customer: String,
    pub barrier: String,
    pub began: u16,
    /// Quarters from its start to its discovery, if it was found.
    pub quarters_to_discover: Option<u16>,
    /// The first response that made progress on it, if any.
    pub first_response: Option<String>,
    pub resolved_in: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassDebrief {
    pub scenario: String,
    pub title: String,
    pub trainees: Vec<TraineeRow>,
    /// Mean mastery per domain (id, title, mean 0–1).
    pub domains: Vec<(String, String, f64)>,
    pub mistakes: Vec<CommonMistake>,
    pub barriers: Vec<BarrierAnswer>,
    /// Files that did not verify, with why.
    pub refused: Vec<(String, String)>,
}

/// Share of a target reached: 1 when met, less in proportion when not.
fn target_share(t: &crate::sim::summary::TargetResult) -> f64 {
    if t.met {
        return 1.0;
    }
    if t.name.contains("at most") {
        // Lower is better: target / actual.
        if t.actual <= 0.0 {
            1.0
        } else {
            (t.target / t.actual).clamp(0.0, 1.0)
        }
    } else if t.target > 0.0 {
        (t.actual / t.target).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The business half of the scorecard: each of the scenario's targets counts its actual
/// against its goal (capped at 1); a scenario without targets counts NRR (capped at 1).
pub fn business_score(d: &Debrief) -> f64 {
    let targets = d.business.targets.len();
    if targets == 0 {
        d.business.nrr.clamp(0.0, 1.0)
    } else {
        d.business.targets.iter().map(target_share).sum::<f64>() / targets as f64
    }
}

/// The balanced scorecard: half business, half exam readiness.
pub fn scorecard(d: &Debrief) -> f64 {
    (business_score(d) + d.readiness.overall) / 2.0
}

impl ClassDebrief {
    /// Builds the debrief from each trainee's name, replayed session and own debrief file
    /// name; `refused` lists the files that did not verify.
    pub fn new(
        trainees: &[(String, &Recorder, String)],
        refused: Vec<(String, String)>,
    ) -> ClassDebrief {
        let mut rows = Vec::new();
        let mut domain_sum: BTreeMap<String, (String, f64)> = BTreeMap::new();
        let mut mistakes: BTreeMap<String, (u32, std::collections::BTreeSet<String>)> =
            BTreeMap::new();
        let mut barriers = Vec::new();
        let (mut scenario, mut title) = (String::new(), String::new());
        for (name, rec, page) in trainees {
            let d = Debrief::new(&rec.sim, &rec.judge, &rec.answers);
            scenario.clone_from(&d.scenario);
            title.clone_from(&d.title);
            let targets = d.business.targets.len() as u32;
            let met = d.business.targets.iter().filter(|t| t.met).count() as u32;
            let business = business_score(&d);
            let good: u32 = d.readiness.domains.iter().map(|x| x.good).sum();
            let bad = rec
                .judge
                .judgements
                .iter()
                .filter(|j| rule(j.rule).is_some_and(|r| r.verdict == Verdict::Mistake))
                .count() as u32;
            rows.push(TraineeRow {
                name: name.clone(),
                quarters_played: rec.sim.metrics().quarters.len() as u16,
                end_arr: d.business.end_arr,
                nrr: d.business.nrr,
                grr: d.business.grr,
                outlook_nrr: d.business.outlook.nrr,
                targets_met: met,
                targets,
                business_score: business,
                readiness: d.readiness.overall,
                mistakes: bad,
                good,
                scorecard: (business + d.readiness.overall) / 2.0,
                debrief: page.clone(),
            });
            for dom in &d.readiness.domains {
                let e = domain_sum
                    .entry(dom.id.clone())
                    .or_insert((dom.title.clone(), 0.0));
                e.1 += dom.mastery.unwrap_or(0.0);
            }
            for j in &rec.judge.judgements {
                if rule(j.rule).is_some_and(|r| r.verdict == Verdict::Mistake) {
                    let e = mistakes.entry(j.rule.to_owned()).or_default();
                    e.0 += 1;
                    e.1.insert(name.clone());
                }
            }
            // A portfolio can have hundreds of barriers: the first 25 of each trainee.
            barriers.extend(barrier_answers(name, rec).into_iter().take(25));
        }
        let n = trainees.len().max(1) as f64;
        rows.sort_by(|a, b| {
            b.scorecard
                .total_cmp(&a.scorecard)
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut mistakes: Vec<CommonMistake> = mistakes
            .into_iter()
            .map(|(id, (times, who))| {
                let r = rule(&id);
                CommonMistake {
                    objectives: r.map(|r| r.objectives.clone()).unwrap_or_default(),
                    explanation: r.map(|r| r.explanation.clone()).unwrap_or_default(),
                    rule: id,
                    times,
                    trainees: who.len() as u32,
                }
            })
            .collect();
        mistakes.sort_by(|a, b| {
            b.trainees
                .cmp(&a.trainees)
                .then(b.times.cmp(&a.times))
                .then(a.rule.cmp(&b.rule))
        });
        ClassDebrief {
            scenario,
            title,
            trainees: rows,
            domains: domain_sum
                .into_iter()
                .map(|(id, (t, sum))| (id, t, sum / n))
                .collect(),
            mistakes,
            barriers,
            refused,
        }
    }

    /// One line per trainee, for spreadsheets and gradebooks.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "rank,name,quarters_played,end_arr,nrr,grr,outlook_nrr,targets_met,targets,business_score,readiness,mistakes,good,scorecard\n",
        );
        for (i, t) in self.trainees.iter().enumerate() {
            let _ = writeln!(
                out,
                "{},{},{},{},{:.4},{:.4},{:.4},{},{},{:.4},{:.4},{},{},{:.4}",
                i + 1,
                csv_field(&t.name),
                t.quarters_played,
                t.end_arr,
                t.nrr,
                t.grr,
                t.outlook_nrr,
                t.targets_met,
                t.targets,
                t.business_score,
                t.readiness,
                t.mistakes,
                t.good,
                t.scorecard
            );
        }
        out
    }

    pub fn to_html(&self) -> String {
        let mut h = String::new();
        let _ = write!(
            h,
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Class debrief — {t}</title><style>{CSS}</style></head><body><main><h1>Class debrief: {t}</h1><p class=\"meta\">Scenario <code>{id}</code>, {n} trainees. Ranked by a balanced scorecard: half business results against the scenario's targets, half exam readiness.</p>",
            t = escape(&self.title),
            id = escape(&self.scenario),
            n = self.trainees.len()
        );
        if !self.refused.is_empty() {
            h.push_str("<section><h2 class=\"missed\">Sessions that did not verify</h2><ul>");
            for (_, why) in &self.refused {
                let _ = write!(h, "<li>{}</li>", escape(why));
            }
            h.push_str("</ul></section>");
        }
        h.push_str("<section><h2>Ranking</h2><table><tr><th>#</th><th>Trainee</th><th>Quarters</th><th>NRR</th><th>GRR</th><th>NRR with outlook</th><th>Targets met</th><th>Business</th><th>Readiness</th><th>Mistakes</th><th>Scorecard</th></tr>");
        for (i, t) in self.trainees.iter().enumerate() {
            let _ = write!(
                h,
                "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td><td>{}</td><td><b>{}</b></td></tr>",
                i + 1,
                escape(&t.debrief),
                escape(&t.name),
                t.quarters_played,
                pct(t.nrr),
                pct(t.grr),
                pct(t.outlook_nrr),
                t.targets_met,
                t.targets,
                pct(t.business_score),
                pct(t.readiness),
                t.mistakes,
                pct(t.scorecard)
            );
        }
        h.push_str("</table></section>");
        h.push_str("<section><h2>Distributions</h2><div class=\"charts\">");
        let nrr: Vec<f64> = self.trainees.iter().map(|t| t.nrr).collect();
        let ready: Vec<f64> = self.trainees.iter().map(|t| t.readiness).collect();
        h.push_str(&histogram("NRR", &nrr));
        h.push_str(&histogram("Exam readiness", &ready));
        h.push_str("</div></section>");
        h.push_str("<section><h2>Class readiness per domain</h2><table><tr><th>Domain</th><th>Mean mastery</th></tr>");
        for (id, title, m) in &self.domains {
            let _ = write!(
                h,
                "<tr><td>{} {}</td><td><div class=\"bar\"><div style=\"width:{:.0}%\"></div></div> {}</td></tr>",
                escape(id),
                escape(title),
                m * 100.0,
                pct(*m)
            );
        }
        h.push_str("</table></section>");
        h.push_str("<section><h2>What to teach next: the most common mistakes</h2><table><tr><th>Rule</th><th>Objectives</th><th>Trainees</th><th>Times</th><th>Why it matters</th></tr>");
        for m in self.mistakes.iter().take(15) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&m.rule),
                escape(&m.objectives.join(", ")),
                m.trainees,
                m.times,
                escape(&m.explanation)
            );
        }
        h.push_str("</table></section>");
        if !self.barriers.is_empty() {
            h.push_str("<section><h2>How each trainee met the scripted barriers</h2><table><tr><th>Trainee</th><th>Customer</th><th>Barrier</th><th>Began</th><th>Found after</th><th>First response that worked</th><th>Resolved</th></tr>");
            for b in &self.barriers {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>Q{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&b.trainee),
                    escape(&b.customer),
                    escape(&b.barrier),
                    b.began,
                    b.quarters_to_discover
                        .map_or("never found".to_owned(), |q| format!("{q} quarters")),
                    escape(b.first_response.as_deref().unwrap_or("none")),
                    b.resolved_in.map_or("no".to_owned(), |q| format!("Q{q}"))
                );
            }
            h.push_str("</table></section>");
        }
        h.push_str("</main></body></html>");
        h
    }
}

/// The scripted barriers of a trainee's run: when each began, was found, first answered
/// and resolved.
fn barrier_answers(trainee: &str, rec: &Recorder) -> Vec<BarrierAnswer> {
    let sim = &rec.sim;
    let mut out: Vec<BarrierAnswer> = Vec::new();
    let mut open: BTreeMap<(u32, BarrierKind), usize> = BTreeMap::new();
    for e in &sim.journal().entries {
        match e.event {
            Event::BarrierAppeared { kind, .. } => {
                let customer = sim
                    .customer(e.customer)
                    .map_or_else(|| format!("#{}", e.customer), |c| c.name);
                open.insert((e.customer, kind), out.len());
                out.push(BarrierAnswer {
                    trainee: trainee.to_owned(),
                    customer,
                    barrier: kind.label().to_owned(),
                    began: e.quarter,
                    quarters_to_discover: None,
                    first_response: None,
                    resolved_in: None,
                });
            }
            Event::BarrierDiscovered { kind, .. } => {
                if let Some(&i) = open.get(&(e.customer, kind)) {
                    out[i].quarters_to_discover = Some(e.quarter.saturating_sub(out[i].began));
                }
            }
            Event::Action {
                action,
                outcome:
                    crate::sim::actions::ActionOutcome::Progressed(kind, _)
                    | crate::sim::actions::ActionOutcome::Resolved(kind),
            } => {
                if let Some(&i) = open.get(&(e.customer, kind))
                    && out[i].first_response.is_none()
                {
                    out[i].first_response = Some(action.spec().name.to_owned());
                }
            }
            Event::BarrierResolved { kind, .. } => {
                if let Some(i) = open.remove(&(e.customer, kind)) {
                    out[i].resolved_in = Some(e.quarter);
                }
            }
            _ => {}
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    // Quoted, with quotes doubled; a leading = + - @ is defused for spreadsheets.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A small SVG histogram of shares (0–1.5 in ten bins).
fn histogram(caption: &str, values: &[f64]) -> String {
    let bins = 10usize;
    let top = values.iter().copied().fold(1.0f64, f64::max).max(0.01);
    let mut counts = vec![0u32; bins];
    for &v in values {
        let i = ((v / top) * bins as f64)
            .floor()
            .clamp(0.0, (bins - 1) as f64) as usize;
        counts[i] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let mut svg = String::from("<figure><svg viewBox=\"0 0 420 180\" role=\"img\">");
    for (i, &c) in counts.iter().enumerate() {
        let h = 140.0 * f64::from(c) / f64::from(max);
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{:.1}\" width=\"36\" height=\"{:.1}\" fill=\"#1f5fa8\"><title>{:.0}–{:.0} %: {c}</title></rect><text x=\"{}\" y=\"172\" font-size=\"10\">{:.0}</text>",
            10 + i * 40,
            150.0 - h,
            h,
            top * i as f64 / bins as f64 * 100.0,
            top * (i + 1) as f64 / bins as f64 * 100.0,
            10 + i * 40,
            top * i as f64 / bins as f64 * 100.0
        );
    }
    let _ = write!(
        svg,
        "</svg><figcaption>{} (%), trainees per bin</figcaption></figure>",
        escape(caption)
    );
    svg
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1c2430}main{max-width:1200px;margin:0 auto;padding:24px}.meta{color:#555}section{background:#fff;border-radius:8px;padding:18px 22px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e7ec;vertical-align:top}th{background:#f0f3f6}.missed{color:#c62828}.charts{display:flex;flex-wrap:wrap;gap:16px}figure{flex:1 1 400px;margin:0}figcaption{font-size:.85em;color:#555;text-align:center}svg{width:100%;height:auto;background:#fafbfc;border-radius:6px}.bar{display:inline-block;width:160px;height:12px;background:#e3e7ec;border-radius:6px;vertical-align:middle;margin-right:6px}.bar div{height:100%;background:#1f5fa8;border-radius:6px}code{background:#eef1f4;padding:1px 4px;border-radius:3px}";
