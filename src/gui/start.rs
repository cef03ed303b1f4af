//! The start screen: choose a built-in scenario or a RON file, see what it is about, set
//! the seed, start; or resume a saved session.

use egui::{RichText, Ui};

use super::state::GuiState;
use crate::scenario::builtin;

pub fn start_ui(ui: &mut Ui, state: &mut GuiState) {
    ui.horizontal(|ui| {
        ui.heading(tr!("start-title"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            super::app::language_choice(ui, state.keep_settings, &mut state.error);
            super::app::theme_choice(ui, &mut state.theme, state.keep_settings, &mut state.error);
        });
    });
    ui.label(tr!("start-subtitle"));
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        let left = &mut cols[0];
        left.label(RichText::new(tr!("builtin-scenarios")).strong());
        for (name, _) in builtin::ALL {
            if left
                .selectable_label(state.chosen == *name, *name)
                .clicked()
            {
                state.choose(name);
            }
        }
        left.add_space(8.0);
        left.label(RichText::new(tr!("open-scenario-file")).strong());
        left.horizontal(|ui| {
            ui.text_edit_singleline(&mut state.file_path);
            if ui.button(tr!("button-open")).clicked() {
                let path = state.file_path.trim().to_owned();
                state.choose(&path);
            }
        });
        left.add_space(8.0);
        left.label(RichText::new(tr!("resume-session")).strong());
        left.horizontal(|ui| {
            ui.text_edit_singleline(&mut state.resume_path);
            if ui.button(tr!("button-resume")).clicked() {
                state.resume();
            }
        });
        left.add_space(8.0);
        left.label(RichText::new(tr!("join-class")).strong());
        egui::Grid::new("join-class")
            .num_columns(2)
            .show(left, |ui| {
                ui.label(tr!("join-address"));
                ui.add(
                    egui::TextEdit::singleline(&mut state.join_address)
                        .hint_text("192.168.1.20:8765"),
                );
                ui.end_row();
                ui.label(tr!("join-code"));
                ui.text_edit_singleline(&mut state.join_code);
                ui.end_row();
                ui.label(tr!("join-name"));
                ui.text_edit_singleline(&mut state.join_name);
                ui.end_row();
            });
        if left.button(tr!("button-join")).clicked() {
            state.join_class();
        }
        left.add_space(12.0);
        super::practice::study_start_ui(left, state);

        let right = &mut cols[1];
        match state.loaded.clone() {
            Some(s) => {
                right.label(RichText::new(&s.title).heading());
                right.label(tr!(
                    "scenario-facts",
                    difficulty = crate::i18n::label("difficulty", s.difficulty),
                    quarters = s.quarters,
                    customers = s.customer_count(),
                    hours = format!("{:.0}", s.capacity_hours)
                ));
                if !s.description.is_empty() {
                    right.label(&s.description);
                }
                if !s.learning_objectives.is_empty() {
                    right.label(tr!(
                        "exam-objectives",
                        objectives = s.learning_objectives.join(", ")
                    ));
                }
                right.horizontal(|ui| {
                    ui.label(tr!("seed"));
                    ui.text_edit_singleline(&mut state.seed_text);
                });
                if right
                    .button(RichText::new(tr!("button-start")).strong())
                    .clicked()
                {
                    state.start();
                }
            }
            None => {
                right.label(tr!("scenario-not-loaded"));
            }
        }
    });
}
