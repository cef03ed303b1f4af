//! The end of a quarter: what changed and why, how the decisions were judged, and the
//! knowledge checks; then on to the next quarter.

use egui::{Color32, RichText, ScrollArea, Ui};

use super::state::{GuiState, Screen};
use crate::exam::judge::{Verdict, rule};
use crate::sim::journal::SEGMENT_WIDE;

pub fn quarter_ui(ui: &mut Ui, state: &mut GuiState, q: u16) {
    let Some(rec) = &state.rec else { return };
    let sim = &rec.sim;
    ui.heading(tr!("what-happened", quarter = q));
    let lines: Vec<String> = sim
        .journal()
        .for_quarter(q)
        .filter(|e| e.visible_to_csm())
        .map(|e| {
            let who = if e.customer == SEGMENT_WIDE {
                tr!("portfolio")
            } else {
                sim.customer(e.customer)
                    .map_or_else(|| format!("#{}", e.customer), |c| c.name)
            };
            format!("{who}: {}", crate::i18n::event(&e.event, |s| s.to_string()))
        })
        .collect();
    // One line a rule, with the customers it was about (as the terminal groups them).
    let mut by_rule: Vec<(&str, Vec<String>)> = Vec::new();
    for j in rec.judge.judgements.iter().filter(|j| j.quarter == q) {
        let who = j
            .customer
            .and_then(|id| sim.customer(id))
            .map_or_else(|| tr!("the-portfolio"), |c| c.name);
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
                list = tr!("names-and-more", names = list, count = names.len() - NAMED);
            }
            Some((
                r.verdict,
                tr!(
                    "judged-rule",
                    explanation = crate::i18n::rule_explanation(r),
                    objectives = r.objectives.join(", "),
                    count = names.len(),
                    names = list
                ),
            ))
        })
        .collect();
    // Health moves across the quarter, as the dashboard showed them.
    let model = &sim.scenario().health_model;
    let mut moves: Vec<String> = rec
        .history
        .iter()
        .filter_map(|(id, snaps)| {
            let at = |quarter: u16| snaps.iter().find(|s| s.quarter == quarter);
            let (before, after) = (at(q.checked_sub(1)?)?, at(q)?);
            let (from, to) = (model.band(before.health), model.band(after.health));
            (from != to).then(|| {
                let name = sim
                    .customer(*id)
                    .map_or_else(|| format!("#{id}"), |c| c.name);
                // Whole points, unless they round to the same one across a band's edge.
                let digits =
                    usize::from(format!("{:.0}", before.health) == format!("{:.0}", after.health));
                tr!(
                    "health-move",
                    name = name,
                    from = format!("{:.*}", digits, before.health),
                    to = format!("{:.*}", digits, after.health),
                    band_from = crate::i18n::label("band", from),
                    band_to = crate::i18n::label("band", to)
                )
            })
        })
        .collect();
    moves.sort();
    let finished = sim.finished();
    let summary = sim
        .metrics()
        .quarters
        .iter()
        .find(|m| m.quarter == q)
        .map(|m| {
            tr!(
                "quarter-summary",
                start = crate::sim::journal::format_money(m.start_arr),
                end = crate::sim::journal::format_money(m.end_arr),
                churned = crate::sim::journal::format_money(m.churned_arr),
                contraction = crate::sim::journal::format_money(m.contraction_arr),
                expansion = crate::sim::journal::format_money(m.expansion_arr),
                grr = format!("{:.1}", m.grr * 100.0),
                nrr = format!("{:.1}", m.nrr * 100.0),
                red = m.red,
                yellow = m.yellow,
                green = m.green
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
                ui.label(tr!("nothing-seen"));
            }
            for l in &lines {
                ui.label(l);
            }
            if !moves.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr!("health-moves")).strong());
                for m in &moves {
                    ui.label(m);
                }
            }
            if !judged.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new(tr!("decisions-judged")).strong());
                for (verdict, text) in &judged {
                    let (colour, mark) = match verdict {
                        Verdict::Good => (Color32::from_rgb(46, 125, 50), tr!("well-done")),
                        Verdict::Mistake => (Color32::from_rgb(198, 40, 40), tr!("do-differently")),
                    };
                    ui.colored_label(colour, format!("{mark} {text}"));
                }
            }
            let mut answer = None;
            for (i, asking) in state.asking.iter_mut().enumerate() {
                ui.add_space(10.0);
                ui.label(
                    RichText::new(tr!(
                        "knowledge-check",
                        number = i + 1,
                        objectives = asking.question.objectives.join(", ")
                    ))
                    .strong(),
                );
                if super::question::question_ui(ui, asking, &tr!("answer"), true) {
                    answer = Some(i);
                }
            }
            if let Some(i) = answer {
                state.answer(i, q);
            }
            ui.add_space(10.0);
            let label = if finished {
                tr!("see-debrief")
            } else {
                tr!("next-quarter")
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
