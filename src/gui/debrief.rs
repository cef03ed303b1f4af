//! The debrief screen: business results against targets, exam readiness per domain, the
//! objectives to study next, and the HTML report export.

use egui::{RichText, ScrollArea, Ui};

use super::state::GuiState;
use crate::exam::debrief::Debrief;

pub fn debrief_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = &state.rec else { return };
    let d = Debrief::new(&rec.sim, &rec.judge, &rec.answers).with_coach(&rec.coached);
    let mut export = false;
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(format!("Debrief: {}", d.title));
        if !d.coached.is_empty() {
            ui.label(crate::exam::debrief::coached_line(&d.coached, d.quarters));
        }
        let b = &d.business;
        ui.label(RichText::new("Business results").strong());
        ui.label(format!(
            "GRR {:.1} % · NRR {:.1} % · ARR {} to {} · churned {} ({} of {} customers) · expansion {}",
            b.grr * 100.0,
            b.nrr * 100.0,
            crate::sim::journal::format_money(b.start_arr),
            crate::sim::journal::format_money(b.end_arr),
            crate::sim::journal::format_money(b.churned_arr),
            b.churned_customers,
            b.customers,
            crate::sim::journal::format_money(b.expansion_arr)
        ));
        for t in &b.targets {
            let show = |v: f64| t.show(v);
            ui.label(format!(
                "{} {}: {} (actual {})",
                if t.met { "met:" } else { "MISSED:" },
                t.name,
                show(t.target),
                show(t.actual)
            ));
        }
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Exam readiness {:.1} %", d.readiness.overall * 100.0)).strong());
        for dom in &d.readiness.domains {
            let m = dom.mastery.unwrap_or(0.0) as f32;
            ui.add(egui::ProgressBar::new(m).desired_width(320.0).text(format!(
                "{} {} ({} %): {}",
                dom.id,
                dom.title,
                dom.weight,
                dom.describe()
            )));
        }
        if !d.readiness.study_next.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Study next").strong());
            for s in &d.readiness.study_next {
                ui.label(format!("{} {}", s.id, s.title));
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Judged decisions").strong());
        for j in d.decisions.iter().take(40) {
            ui.label(format!(
                "Q{} {} — {:?}: {} [{}]",
                j.quarter,
                j.customer.as_deref().unwrap_or("portfolio"),
                j.verdict,
                j.explanation,
                j.objectives.join(", ")
            ));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label("Report file");
            ui.text_edit_singleline(&mut state.report_path);
            if ui.button("Export HTML report").clicked() {
                export = true;
            }
        });
    });
    if export {
        let path = std::path::PathBuf::from(state.report_path.trim());
        match crate::cli::write_debrief(&rec.sim, &rec.judge, &rec.answers, &rec.coached, &path) {
            Ok((html, _)) => {
                // The full path: a relative one says nothing about which folder.
                let shown = std::path::absolute(&html).unwrap_or(html);
                state.message = Some(format!("Report written to {}", shown.display()))
            }
            Err(e) => state.error = Some(format!("{e:#}")),
        }
    }
}
