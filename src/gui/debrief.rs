//! The debrief screen: business results against targets, exam readiness per domain, the
//! objectives to study next, and the HTML report export.

use egui::{RichText, ScrollArea, Ui};

use super::state::GuiState;
use crate::exam::debrief::Debrief;

pub fn debrief_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = &state.rec else { return };
    let d = Debrief::new(&rec.sim, &rec.judge, &rec.answers).with_coach(&rec.coached);
    let mut export = false;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(tr!("debrief-title", title = d.title.as_str()));
            if !d.coached.is_empty() {
                ui.label(crate::i18n::coached(&d.coached, d.quarters));
            }
            let b = &d.business;
            ui.label(RichText::new(tr!("business-results")).strong());
            ui.label(tr!(
                "debrief-business",
                grr = format!("{:.1}", b.grr * 100.0),
                nrr = format!("{:.1}", b.nrr * 100.0),
                start = crate::sim::journal::format_money(b.start_arr),
                end = crate::sim::journal::format_money(b.end_arr),
                churned = crate::sim::journal::format_money(b.churned_arr),
                lost = b.churned_customers,
                customers = b.customers,
                expansion = crate::sim::journal::format_money(b.expansion_arr)
            ));
            for t in &b.targets {
                let show = |v: f64| crate::i18n::target_value(t, v);
                ui.label(tr!(
                    if t.met { "target-met" } else { "target-missed" },
                    name = crate::i18n::target_name(t),
                    target = show(t.target),
                    actual = show(t.actual)
                ));
            }
            ui.add_space(8.0);
            ui.label(
                RichText::new(tr!(
                    "exam-readiness",
                    percent = format!("{:.1}", d.readiness.overall * 100.0)
                ))
                .strong(),
            );
            for dom in &d.readiness.domains {
                let m = dom.mastery.unwrap_or(0.0) as f32;
                // The bar shows the share; the words beside it, so that none is cut off.
                ui.horizontal(|ui| {
                    ui.add(egui::ProgressBar::new(m).desired_width(160.0));
                    ui.label(format!(
                        "{} {} ({} %): {}",
                        dom.id,
                        crate::i18n::objective_title(&dom.id, &dom.title),
                        dom.weight,
                        crate::i18n::mastery(dom)
                    ));
                });
            }
            if !d.readiness.study_next.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new(tr!("study-next")).strong());
                for s in &d.readiness.study_next {
                    ui.label(format!(
                        "{} {}",
                        s.id,
                        crate::i18n::objective_title(&s.id, &s.title)
                    ));
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new(tr!("judged-decisions")).strong());
            for j in d.decisions.iter().take(40) {
                ui.label(tr!(
                    "judged-decision",
                    quarter = j.quarter,
                    customer = j.customer.clone().unwrap_or_else(|| tr!("portfolio-word")),
                    verdict = crate::i18n::label("verdict", j.verdict),
                    explanation = crate::exam::judge::rule(&j.rule)
                        .map_or_else(|| j.explanation.clone(), crate::i18n::rule_explanation),
                    objectives = j.objectives.join(", ")
                ));
            }
            ui.add_space(8.0);
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
