//! The start screen: choose a built-in scenario or a RON file, see what it is about, set
//! the seed, start; or resume a saved session.

use egui::{RichText, Ui};

use super::state::GuiState;
use crate::scenario::builtin;

pub fn start_ui(ui: &mut Ui, state: &mut GuiState) {
    ui.heading("csm-sim — practise Customer Success Management");
    ui.label("Aligned to the Cisco Customer Success Manager exam (820-605).");
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        let left = &mut cols[0];
        left.label(RichText::new("Built-in scenarios").strong());
        for (name, _) in builtin::ALL {
            if left
                .selectable_label(state.chosen == *name, *name)
                .clicked()
            {
                state.choose(name);
            }
        }
        left.add_space(8.0);
        left.label(RichText::new("Or open a scenario file").strong());
        left.horizontal(|ui| {
            ui.text_edit_singleline(&mut state.file_path);
            if ui.button("Open").clicked() {
                let path = state.file_path.trim().to_owned();
                state.choose(&path);
            }
        });
        left.add_space(8.0);
        left.label(RichText::new("Resume a saved session").strong());
        left.horizontal(|ui| {
            ui.text_edit_singleline(&mut state.resume_path);
            if ui.button("Resume").clicked() {
                state.resume();
            }
        });
        left.add_space(8.0);
        left.label(RichText::new("Join a class").strong());
        egui::Grid::new("join-class")
            .num_columns(2)
            .show(left, |ui| {
                ui.label("Address");
                ui.add(
                    egui::TextEdit::singleline(&mut state.join_address)
                        .hint_text("192.168.1.20:8765"),
                );
                ui.end_row();
                ui.label("Code");
                ui.text_edit_singleline(&mut state.join_code);
                ui.end_row();
                ui.label("Name");
                ui.text_edit_singleline(&mut state.join_name);
                ui.end_row();
            });
        if left.button("Join").clicked() {
            state.join_class();
        }
        left.add_space(12.0);
        super::practice::study_start_ui(left, state);

        let right = &mut cols[1];
        match state.loaded.clone() {
            Some(s) => {
                right.label(RichText::new(&s.title).heading());
                right.label(format!(
                    "{:?} · {} quarters · {} customers · {:.0} CSM hours a quarter",
                    s.difficulty,
                    s.quarters,
                    s.customer_count(),
                    s.capacity_hours
                ));
                if !s.description.is_empty() {
                    right.label(&s.description);
                }
                if !s.learning_objectives.is_empty() {
                    right.label(format!(
                        "Exam objectives: {}",
                        s.learning_objectives.join(", ")
                    ));
                }
                right.horizontal(|ui| {
                    ui.label("Seed");
                    ui.text_edit_singleline(&mut state.seed_text);
                });
                if right.button(RichText::new("Start").strong()).clicked() {
                    state.start();
                }
            }
            None => {
                right.label("This scenario could not be loaded; see the message above.");
            }
        }
    });
}
