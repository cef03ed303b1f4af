//! The end of a quarter: what changed and why, how the decisions were judged, and the
//! knowledge checks; then on to the next quarter.

use egui::{Color32, RichText, ScrollArea, Ui};

use super::state::{GuiState, Screen};
use crate::exam::judge::{Verdict, rule};
use crate::sim::journal::SEGMENT_WIDE;

pub fn quarter_ui(ui: &mut Ui, state: &mut GuiState, q: u16) {
    let Some(rec) = &state.rec else { return };
    let sim = &rec.sim;
    ui.heading(format!("What happened in quarter {q}"));
    let lines: Vec<String> = sim
        .journal()
        .for_quarter(q)
        .filter(|e| e.visible_to_csm())
        .map(|e| {
            let who = if e.customer == SEGMENT_WIDE {
                "Portfolio".to_owned()
            } else {
                sim.customer(e.customer)
                    .map_or_else(|| format!("#{}", e.customer), |c| c.name)
            };
            format!("{who}: {}", e.event.describe(|s| s.to_string()))
        })
        .collect();
    // One line a rule, with the customers it was about (as the terminal groups them).
    let mut by_rule: Vec<(&str, Vec<String>)> = Vec::new();
    for j in rec.judge.judgements.iter().filter(|j| j.quarter == q) {
        let who = j
            .customer
            .and_then(|id| sim.customer(id))
            .map_or_else(|| "the portfolio".to_owned(), |c| c.name);
        match by_rule.iter_mut().find(|(id, _)| *id == j.rule) {
            Some((_, names)) => names.push(who),
            None => by_rule.push((j.rule, vec![who])),
        }
    }
    let judged: Vec<(Verdict, String)> = by_rule
        .iter()
        .filter_map(|(id, names)| {
            let r = rule(id)?;
            const NAMED: usize = 6;
            let mut list = names
                .iter()
                .take(NAMED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if names.len() > NAMED {
                list.push_str(&format!(" and {} more", names.len() - NAMED));
            }
            let times = if names.len() == 1 {
                String::new()
            } else {
                format!("{} times: ", names.len())
            };
            Some((
                r.verdict,
                format!(
                    "{} [{}] — {times}{list}",
                    r.explanation,
                    r.objectives.join(", ")
                ),
            ))
        })
        .collect();
    // Health moves between the last two snapshots, as the dashboard showed them.
    let model = &sim.scenario().health_model;
    let mut moves: Vec<String> = state
        .history
        .iter()
        .filter_map(|(id, snaps)| {
            let [.., before, after] = snaps.as_slice() else {
                return None;
            };
            let (from, to) = (model.band(before.health), model.band(after.health));
            (from != to).then(|| {
                let name = sim
                    .customer(*id)
                    .map_or_else(|| format!("#{id}"), |c| c.name);
                // Whole points, unless they round to the same one across a band's edge.
                let digits =
                    usize::from(format!("{:.0}", before.health) == format!("{:.0}", after.health));
                format!(
                    "{name}: health {:.*} to {:.*} ({} to {}, 2.6)",
                    digits,
                    before.health,
                    digits,
                    after.health,
                    from.label(),
                    to.label()
                )
            })
        })
        .collect();
    moves.sort();
    let finished = sim.finished();
    let summary = sim.metrics().quarters.iter().find(|m| m.quarter == q).map(|m| {
            format!(
                "ARR {} to {}; churned {}, contraction {}, expansion {}; quarter GRR {:.1} %, NRR {:.1} %; health red {}, yellow {}, green {}",
                crate::sim::journal::format_money(m.start_arr),
                crate::sim::journal::format_money(m.end_arr),
                crate::sim::journal::format_money(m.churned_arr),
                crate::sim::journal::format_money(m.contraction_arr),
                crate::sim::journal::format_money(m.expansion_arr),
                m.grr * 100.0,
                m.nrr * 100.0,
                m.red,
                m.yellow,
                m.green
            )
    });
    let mut next = false;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(summary) = &summary {
                ui.label(summary);
            }
            if lines.is_empty() {
                ui.label("Nothing you could see happened.");
            }
            for l in &lines {
                ui.label(l);
            }
            if !moves.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Health moves").strong());
                for m in &moves {
                    ui.label(m);
                }
            }
            if !judged.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new("Your decisions, judged").strong());
                for (verdict, text) in &judged {
                    let (colour, mark) = match verdict {
                        Verdict::Good => (Color32::from_rgb(46, 125, 50), "Well done:"),
                        Verdict::Mistake => (Color32::from_rgb(198, 40, 40), "To do differently:"),
                    };
                    ui.colored_label(colour, format!("{mark} {text}"));
                }
            }
            let mut answer = None;
            for (i, asking) in state.asking.iter_mut().enumerate() {
                ui.add_space(10.0);
                ui.label(
                    RichText::new(format!(
                        "Knowledge check {} [{}]",
                        i + 1,
                        asking.question.objectives.join(", ")
                    ))
                    .strong(),
                );
                if super::question::question_ui(ui, asking, "Answer", true) {
                    answer = Some(i);
                }
            }
            if let Some(i) = answer {
                state.answer(i, q);
            }
            ui.add_space(10.0);
            let label = if finished {
                "See the debrief (N)"
            } else {
                "Next quarter (N)"
            };
            if ui.button(RichText::new(label).strong()).clicked() {
                next = true;
            }
        });
    if next {
        state.asking.clear();
        state.screen = if finished {
            Screen::Debrief
        } else {
            Screen::Portfolio
        };
    }
}
