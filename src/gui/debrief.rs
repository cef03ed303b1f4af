//! The debrief screen, as the HTML debrief tells it: the business results as cards and
//! charts against the targets, exam readiness per domain and what to study next, the
//! decisions grouped by rule, the knowledge checks, and what happened and why (routine
//! renewals counted, the exceptions told one by one); then the HTML report export.

use egui::{CollapsingHeader, Color32, Grid, RichText, ScrollArea, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, PlotPoints, Points};

use super::app::band_style;
use super::state::GuiState;
use super::widgets::card;
use crate::exam::debrief::{Debrief, RuleGroup};
use crate::exam::judge::Verdict;
use crate::sim::journal::format_money;
use crate::sim::types::Band;

/// The kinds of mistake shown open; the rest are folded (as in the HTML debrief).
const OPEN_MISTAKE_KINDS: usize = 5;

/// Up to this many exceptions are shown open; more are folded.
const OPEN_OUTCOMES: usize = 12;

use crate::exam::debrief::pct;

pub fn debrief_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = &state.rec else { return };
    // Built once, not every frame: a large portfolio's journal is long.
    let key = (
        rec.sim.seed(),
        rec.sim.clock().quarter,
        rec.actions.len(),
        rec.answers.len(),
        rec.coached.len(),
    );
    if state.debrief_cache.as_ref().is_none_or(|(k, _)| *k != key) {
        let d = Debrief::new(&rec.sim, &rec.judge, &rec.answers).with_coach(&rec.coached);
        state.debrief_cache = Some((key, d));
    }
    let Some((_, d)) = &state.debrief_cache else {
        return;
    };
    let mut export = false;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(tr!("debrief-title", title = d.title.as_str()));
            ui.label(
                RichText::new(tr!(
                    "debrief-meta",
                    scenario = d.scenario.as_str(),
                    seed = d.seed.to_string(),
                    quarters = d.quarters
                ))
                .weak(),
            );
            if !d.coached.is_empty() {
                ui.label(crate::i18n::coached(&d.coached, d.quarters));
            }
            business_ui(ui, d);
            ui.separator();
            readiness_ui(ui, d);
            ui.separator();
            decisions_ui(ui, d);
            if !d.checks.is_empty() {
                ui.separator();
                checks_ui(ui, &rec.answers);
            }
            ui.separator();
            outcomes_ui(ui, d);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(tr!("report-file"));
                ui.text_edit_singleline(&mut state.report_path);
                if ui.button(tr!("export-report")).clicked() {
                    export = true;
                }
            });
        });
    if export {
        let path = std::path::PathBuf::from(state.report_path.trim());
        match crate::cli::write_debrief(&rec.sim, &rec.judge, &rec.answers, &rec.coached, &path) {
            Ok((html, _)) => {
                state.message = Some(tr!("report-written", path = super::state::full_path(&html)))
            }
            Err(e) => state.error = Some(format!("{e:#}")),
        }
    }
}

/// Cards of the results, the targets met and missed, and two charts: ARR per quarter and
/// customers by health band.
fn business_ui(ui: &mut Ui, d: &Debrief) {
    let b = &d.business;
    ui.label(RichText::new(tr!("business-results")).strong().size(16.0));
    let (green, red) = (band_style(Band::Green).0, band_style(Band::Red).0);
    let against = |name: &str| {
        b.targets
            .iter()
            .find(|t| t.name.starts_with(name))
            .map(|t| if t.met { green } else { red })
    };
    ui.horizontal_wrapped(|ui| {
        card(ui, &pct(b.grr), "GRR", against("GRR"));
        card(ui, &pct(b.nrr), "NRR", against("NRR"));
        card(
            ui,
            &format_money(b.end_arr),
            &tr!("card-end-arr", start = format_money(b.start_arr)),
            None,
        );
        card(
            ui,
            &format_money(b.churned_arr),
            &tr!(
                "card-churned",
                lost = b.churned_customers,
                customers = b.customers
            ),
            (b.churned_customers > 0).then_some(red),
        );
        card(
            ui,
            &format_money(b.expansion_arr),
            &tr!("card-expansion"),
            None,
        );
        card(
            ui,
            &b.mean_time_to_value.map_or("—".to_owned(), |t| {
                tr!("time-to-value", quarters = format!("{t:.1}"))
            }),
            &tr!("card-time-to-value"),
            None,
        );
        card(ui, &pct(d.readiness.overall), &tr!("card-readiness"), None);
    });
    if b.outlook.pending_arr > 0 {
        ui.label(
            RichText::new(tr!(
                "debrief-outlook",
                pending = format_money(b.outlook.pending_arr),
                expected = format_money(b.outlook.expected_pending_arr),
                nrr = pct(b.outlook.nrr)
            ))
            .weak(),
        );
    }
    if !b.targets.is_empty() {
        Grid::new("targets").striped(true).show(ui, |ui| {
            for h in [
                "target-col-target",
                "target-col-goal",
                "target-col-result",
                "target-col-met",
            ] {
                ui.label(RichText::new(tr!(h)).strong());
            }
            ui.end_row();
            for t in &b.targets {
                let show = |v: f64| crate::i18n::target_value(t, v);
                ui.label(crate::i18n::target_name(t));
                ui.label(show(t.target));
                ui.label(show(t.actual));
                if t.met {
                    ui.colored_label(green, tr!("target-met"));
                } else {
                    ui.colored_label(red, tr!("target-missed"));
                }
                ui.end_row();
            }
        });
    }
    let width = ((ui.available_width() - 24.0) / 2.0).max(260.0);
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(tr!("chart-arr")).strong());
            arr_chart(ui, d, width);
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(tr!("chart-bands")).strong());
            band_chart(ui, d, width);
        });
    });
}

/// ARR at the start and at the end of each quarter, on a scale of its own range.
fn arr_chart(ui: &mut Ui, d: &Debrief, width: f32) {
    let points: Vec<[f64; 2]> = std::iter::once([0.0, d.business.start_arr as f64])
        .chain(
            d.per_quarter
                .iter()
                .map(|p| [f64::from(p.quarter), p.end_arr as f64]),
        )
        .collect();
    let hi = points.iter().map(|p| p[1]).fold(1.0, f64::max);
    let lo = points.iter().map(|p| p[1]).fold(hi, f64::min);
    let span = (hi - lo).max(hi * 0.05);
    let colour = Color32::from_rgb(31, 95, 168);
    let name = tr!("chart-arr");
    super::widgets::still_plot("debrief-arr", width, 200.0)
        .default_x_bounds(-0.3, f64::from(d.quarters.max(1)) + 0.3)
        .default_y_bounds((lo - span * 0.25).max(0.0), hi + span * 0.25)
        .x_grid_spacer(super::widgets::quarter_marks)
        .x_axis_formatter(quarter_mark)
        .y_axis_formatter(|m, _| short_money(m.value))
        .show(ui, |plot| {
            plot.line(
                Line::new(name.clone(), PlotPoints::from(points.clone()))
                    .color(colour)
                    .width(2.5),
            );
            plot.points(
                Points::new(name, PlotPoints::from(points))
                    .color(colour)
                    .radius(4.0),
            );
        });
}

/// "start", "Q1", "Q2" … under whole quarters; nothing between them.
fn quarter_mark(mark: egui_plot::GridMark, _: &std::ops::RangeInclusive<f64>) -> String {
    if mark.value.fract() != 0.0 || mark.value < 0.0 {
        String::new()
    } else if mark.value == 0.0 {
        tr!("chart-start")
    } else {
        format!("Q{}", mark.value)
    }
}

fn short_money(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("${:.1}M", v / 1e6)
    } else if v.abs() >= 1e3 {
        format!("${:.0}k", v / 1e3)
    } else {
        format!("${v:.0}")
    }
}

/// Customers by health band at the end of each quarter, stacked red, yellow, green.
fn band_chart(ui: &mut Ui, d: &Debrief, width: f32) {
    let bars = |count: fn(&crate::exam::debrief::QuarterPoint) -> u32| -> Vec<Bar> {
        d.per_quarter
            .iter()
            .map(|p| Bar::new(f64::from(p.quarter), f64::from(count(p))).width(0.6))
            .collect()
    };
    let chart = |band: Band, bars: Vec<Bar>| {
        let (colour, word) = band_style(band);
        BarChart::new(word, bars).color(colour)
    };
    let red = chart(Band::Red, bars(|p| p.red));
    let yellow = chart(Band::Yellow, bars(|p| p.yellow)).stack_on(&[&red]);
    let green = chart(Band::Green, bars(|p| p.green)).stack_on(&[&red, &yellow]);
    let most = d
        .per_quarter
        .iter()
        .map(|p| p.red + p.yellow + p.green)
        .max()
        .unwrap_or(1)
        .max(1);
    super::widgets::still_plot("debrief-bands", width, 200.0)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .default_x_bounds(0.3, f64::from(d.quarters.max(1)) + 0.7)
        // Room above the bars for the legend, so that it never covers them.
        .default_y_bounds(0.0, f64::from(most) * 1.45)
        .x_grid_spacer(super::widgets::quarter_marks)
        .x_axis_formatter(quarter_mark)
        .show(ui, |plot| {
            plot.bar_chart(red);
            plot.bar_chart(yellow);
            plot.bar_chart(green);
        });
}

/// Mastery per domain as bars, and the objectives to study next.
fn readiness_ui(ui: &mut Ui, d: &Debrief) {
    ui.label(
        RichText::new(tr!(
            "exam-readiness",
            percent = format!("{:.1}", d.readiness.overall * 100.0)
        ))
        .strong()
        .size(16.0),
    );
    ui.label(RichText::new(tr!("readiness-why")).weak());
    Grid::new("readiness").striped(true).show(ui, |ui| {
        for dom in &d.readiness.domains {
            let m = dom.mastery.unwrap_or(0.0) as f32;
            ui.label(format!(
                "{} {}",
                dom.id,
                crate::i18n::objective_title(&dom.id, &dom.title)
            ));
            ui.label(tr!("percent", value = dom.weight.to_string()));
            ui.add(egui::ProgressBar::new(m).desired_width(160.0));
            ui.label(crate::i18n::mastery(dom));
            ui.end_row();
        }
    });
    if !d.readiness.study_next.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(tr!("study-next")).strong());
        for (i, s) in d.readiness.study_next.iter().enumerate() {
            let mistakes = if s.mistakes > 0 {
                tr!("study-mistakes", count = s.mistakes)
            } else {
                String::new()
            };
            ui.label(format!(
                "{}. {} {}{mistakes}",
                i + 1,
                s.id,
                crate::i18n::objective_title(&s.id, &s.title)
            ));
        }
    }
}

/// The decisions grouped by rule, the most frequent first: what to do differently (the
/// first kinds open), then what went well (folded).
fn decisions_ui(ui: &mut Ui, d: &Debrief) {
    ui.label(RichText::new(tr!("decisions-judged")).strong().size(16.0));
    for verdict in [Verdict::Mistake, Verdict::Good] {
        let rules = d.rule_groups(verdict);
        if rules.is_empty() {
            continue;
        }
        let total: u64 = rules.iter().map(|r| r.times).sum();
        let (heading, colour, open) = match verdict {
            Verdict::Mistake => (
                tr!("judged-differently-count", count = total),
                band_style(Band::Red).0,
                OPEN_MISTAKE_KINDS,
            ),
            Verdict::Good => (
                tr!("judged-well-count", count = total),
                band_style(Band::Green).0,
                0,
            ),
        };
        ui.add_space(4.0);
        ui.label(RichText::new(heading).strong().color(colour));
        let row = |ui: &mut Ui, group: &RuleGroup| {
            ui.label(tr!(
                "judged-kind",
                explanation = group.explanation.as_str(),
                objectives = group.objectives.as_str(),
                count = group.times
            ));
            ui.label(RichText::new(group.places.as_str()).weak().small());
        };
        for group in rules.iter().take(open) {
            row(ui, group);
        }
        if rules.len() > open {
            let left = rules.len() - open;
            CollapsingHeader::new(if open == 0 {
                tr!("judged-kinds", count = left)
            } else {
                tr!("judged-more-kinds", count = left)
            })
            .id_salt(("judged", open))
            .default_open(false)
            .show(ui, |ui| {
                for group in rules.iter().skip(open) {
                    row(ui, group);
                }
            });
        }
    }
}

/// The knowledge checks answered: each question, the answer given, and for a wrong one the
/// right answer and why, in the reader's language.
fn checks_ui(ui: &mut Ui, answers: &[crate::exam::checks::Answer]) {
    let asked: Vec<_> = answers
        .iter()
        .filter_map(|a| Some((a, a.question()?)))
        .collect();
    let right = asked.iter().filter(|(a, _)| a.correct()).count();
    ui.label(
        RichText::new(tr!("checks-heading", right = right, total = asked.len()))
            .strong()
            .size(16.0),
    );
    for (a, q) in asked {
        let texts = |is: &[usize], f: fn(&crate::exam::questions::Question, usize) -> String| {
            is.iter()
                .filter(|&&i| i < q.choices.len())
                .map(|&i| f(q, i))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let (colour, mark) = if a.correct() {
            (band_style(Band::Green).0, "✔")
        } else {
            (band_style(Band::Red).0, "×")
        };
        ui.label(tr!(
            "check-line",
            quarter = a.quarter,
            objectives = q.objectives.join(", "),
            prompt = crate::i18n::question_prompt(q)
        ));
        ui.colored_label(
            colour,
            format!("{mark} {}", texts(&a.chosen(), crate::i18n::choice_text)),
        );
        if !a.correct() {
            ui.label(
                RichText::new(tr!(
                    "check-right",
                    answer = texts(&q.answers(), crate::i18n::choice_text),
                    explanation = texts(&q.answers(), crate::i18n::choice_explanation)
                ))
                .weak(),
            );
        }
    }
}

/// Routine renewals counted by quarter; the exceptions by kind, then each with its story
/// (folded when there are many).
fn outcomes_ui(ui: &mut Ui, d: &Debrief) {
    ui.label(RichText::new(tr!("outcomes-heading")).strong().size(16.0));
    if let Some(routine) = d.routine_renewals() {
        ui.label(routine);
    }
    let exceptions = d.exceptions();
    if let Some(kinds) = d.exception_kinds() {
        ui.label(kinds);
    }
    let list = |ui: &mut Ui| {
        for o in &exceptions {
            let colour = match o.kind {
                "churned" => band_style(Band::Red).0,
                "downsold" => band_style(Band::Yellow).0,
                "expanded" => band_style(Band::Green).0,
                _ => ui.visuals().text_color(),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(tr!(
                        "outcome-line",
                        quarter = o.quarter,
                        customer = o.customer.as_str(),
                        kind = crate::i18n::outcome_kind(o.kind),
                        arr = format_money(o.arr)
                    ))
                    .strong()
                    .color(colour),
                );
                ui.label(crate::i18n::outcome_why(o));
            });
        }
    };
    if exceptions.len() > OPEN_OUTCOMES {
        CollapsingHeader::new(tr!("each-exception", count = exceptions.len()))
            .id_salt("exceptions")
            .default_open(false)
            .show(ui, list);
    } else {
        list(ui);
    }
    if d.outcomes_not_listed > 0 {
        ui.label(tr!("outcomes-not-listed", count = d.outcomes_not_listed));
    }
}
