//! One bank question in the window: its choices as radio buttons (or check boxes for
//! "choose two"), an Answer button, and once answered the explanations. Used by the
//! knowledge checks after a quarter, practice and the mock exam.

use egui::{Color32, RichText, Ui};

use super::state::Asking;

pub const GOOD: Color32 = Color32::from_rgb(46, 125, 50);
pub const BAD: Color32 = Color32::from_rgb(198, 40, 40);

/// Draws the choices; returns true when the trainee clicked Answer (`button` names it).
/// With `feedback`, an answered question shows whether it was right and why.
pub fn question_ui(ui: &mut Ui, asking: &mut Asking, button: &str, feedback: bool) -> bool {
    let q = asking.question;
    let choose = usize::from(q.choose);
    ui.label(RichText::new(crate::i18n::question_prompt(q)).size(15.0));
    let enabled = asking.answered.is_none();
    for (shown, &index) in asking.order.iter().enumerate() {
        let text = format!(
            "{}) {}",
            char::from(b'a' + shown as u8),
            crate::i18n::choice_text(q, index)
        );
        let on = asking.selected.contains(&shown);
        let clicked = if choose == 1 {
            ui.add_enabled(enabled, egui::RadioButton::new(on, text))
                .clicked()
        } else {
            let mut checked = on;
            ui.add_enabled(enabled, egui::Checkbox::new(&mut checked, text))
                .clicked()
        };
        if clicked {
            if choose == 1 {
                asking.selected = vec![shown];
            } else if on {
                asking.selected.retain(|&s| s != shown);
            } else if asking.selected.len() < choose {
                asking.selected.push(shown);
            }
        }
    }
    let mut answer = false;
    match &asking.answered {
        None => {
            let ready = asking.selected.len() == choose;
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(button).strong()))
                    .clicked()
                {
                    answer = true;
                }
                if choose > 1 {
                    ui.label(tr!(
                        "choose-n",
                        choose = choose,
                        chosen = asking.selected.len()
                    ));
                }
            });
        }
        Some(chosen) if feedback => {
            let right = q.is_right(chosen);
            if right {
                ui.colored_label(GOOD, RichText::new(tr!("answer-right")).strong());
            } else {
                ui.colored_label(BAD, RichText::new(tr!("answer-not-quite")).strong());
            }
            for &i in chosen {
                let c = &q.choices[i];
                let colour = if c.correct { GOOD } else { BAD };
                ui.colored_label(
                    colour,
                    tr!("you-chose", choice = crate::i18n::choice_text(q, i)),
                );
                ui.label(crate::i18n::choice_explanation(q, i));
            }
            if !right {
                for i in q.answers().into_iter().filter(|i| !chosen.contains(i)) {
                    ui.colored_label(
                        GOOD,
                        tr!("the-answer", choice = crate::i18n::choice_text(q, i)),
                    );
                    ui.label(crate::i18n::choice_explanation(q, i));
                }
            }
        }
        Some(_) => {}
    }
    answer
}

/// Marks `asking` answered with its selection, as bank indices; returns them.
pub fn take_answer(asking: &mut Asking) -> Option<Vec<usize>> {
    if asking.answered.is_some() || asking.selected.len() != usize::from(asking.question.choose) {
        return None;
    }
    let chosen: Vec<usize> = asking.selected.iter().map(|&s| asking.order[s]).collect();
    asking.answered = Some(chosen.clone());
    Some(chosen)
}
