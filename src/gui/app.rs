//! The whole window: a top bar with the portfolio's figures and the CSM's hours, and the
//! current screen below it.

use egui::{Align, Color32, Key, Layout, RichText, Ui};

use super::state::{GuiState, Screen};
use super::{customer, debrief, portfolio, practice, quarter, start};
use crate::settings::Theme;
use crate::sim::journal::format_money;
use crate::sim::types::Band;

/// Colour and word for a health band: the word makes it readable without colour.
pub fn band_style(b: Band) -> (Color32, String) {
    let colour = match b {
        Band::Red => Color32::from_rgb(198, 40, 40),
        Band::Yellow => Color32::from_rgb(230, 160, 0),
        Band::Green => Color32::from_rgb(46, 125, 50),
    };
    (colour, crate::i18n::label("band", b))
}

/// Noto Sans JP (OFL, `assets/fonts/`): egui draws only the fonts it is given, so without
/// it Japanese names and briefings, and symbols such as →, are empty boxes.
const NOTO_SANS_JP: &[u8] = include_bytes!("../../assets/fonts/NotoSansJP-Regular.ttf");

/// Adds the Japanese font after egui's own, for every family (once per context).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "noto-sans-jp",
        egui::FontData::from_static(NOTO_SANS_JP),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}

/// The language the window speaks, chosen from every language the program has.
pub fn language_choice(ui: &mut Ui, keep_settings: bool, error: &mut Option<String>) {
    let current = crate::i18n::current();
    let mut chosen = current.id;
    egui::ComboBox::from_id_salt("language")
        .selected_text(current.name())
        .show_ui(ui, |ui| {
            for language in crate::i18n::languages() {
                ui.selectable_value(&mut chosen, language.id, language.name());
            }
        })
        .response
        .on_hover_text(tr!("language-choice"));
    if chosen != current.id {
        // Only ids from the list above are offered.
        let _ = crate::i18n::set_language(chosen);
        if keep_settings {
            let mut settings = crate::settings::Settings::load();
            settings.language = Some(chosen.to_owned());
            if let Err(e) = settings.save() {
                *error = Some(tr!("could-not-save-settings", error = e));
            }
        }
    }
}

/// A button that switches between the light and the dark theme (and saves the choice).
pub fn theme_choice(
    ui: &mut Ui,
    theme: &mut Theme,
    keep_settings: bool,
    error: &mut Option<String>,
) {
    let (other, word) = match *theme {
        Theme::Dark => (Theme::Light, tr!("theme-light")),
        Theme::Light => (Theme::Dark, tr!("theme-dark")),
    };
    if ui.button(word).on_hover_text(tr!("theme-why")).clicked() {
        *theme = other;
        if keep_settings {
            let mut settings = crate::settings::Settings::load();
            settings.theme = Some(other);
            if let Err(e) = settings.save() {
                *error = Some(tr!("could-not-save-settings", error = e));
            }
        }
    }
}

/// Draws the application into `ui`.
pub fn app_ui(ui: &mut Ui, state: &mut GuiState) {
    if !state.fonts_installed {
        install_fonts(ui.ctx());
        state.fonts_installed = true;
    }
    ui.ctx().set_zoom_factor(state.ui_scale);
    ui.ctx().set_theme(match state.theme {
        Theme::Dark => egui::Theme::Dark,
        Theme::Light => egui::Theme::Light,
    });
    if state.rec.is_some() && !matches!(state.screen, Screen::Start | Screen::Practice) {
        top_bar_ui(ui, state);
        ui.separator();
        keyboard(ui, state);
    }
    if let Some(message) = state.message.clone() {
        ui.horizontal(|ui| {
            ui.label(message);
            if ui.small_button(tr!("ok")).clicked() {
                state.message = None;
            }
        });
    }
    if let Some(error) = state.error.clone() {
        ui.horizontal(|ui| {
            ui.colored_label(
                Color32::from_rgb(198, 40, 40),
                tr!("problem", error = error.as_str()),
            );
            if ui.small_button(tr!("dismiss")).clicked() {
                state.error = None;
            }
        });
    }
    match state.screen {
        Screen::Start => start::start_ui(ui, state),
        Screen::Portfolio => portfolio::portfolio_ui(ui, state),
        Screen::Customer(id) => customer::customer_ui(ui, state, id),
        Screen::EndOfQuarter(q) => quarter::quarter_ui(ui, state, q),
        Screen::Debrief => debrief::debrief_ui(ui, state),
        Screen::Practice => practice::practice_ui(ui, state),
    }
}

/// The class ranking, as the server gave it, in a window of its own.
fn ranking_window(ui: &mut Ui, state: &mut GuiState) {
    let Some(result) = state.ranking.clone() else {
        return;
    };
    let mut open = true;
    egui::Window::new(tr!("class-ranking"))
        .open(&mut open)
        .show(ui.ctx(), |ui| match result {
            Ok(rows) => {
                egui::Grid::new("ranking").striped(true).show(ui, |ui| {
                    for h in [
                        "ranking-rank",
                        "ranking-seat",
                        "ranking-quarter",
                        "ranking-nrr",
                        "ranking-readiness",
                        "ranking-scorecard",
                    ] {
                        ui.label(RichText::new(tr!(h)).strong());
                    }
                    ui.end_row();
                    for r in rows {
                        ui.label(r.rank.to_string());
                        ui.label(r.name);
                        ui.label(r.quarter.to_string());
                        ui.label(format!("{:.1} %", r.nrr * 100.0));
                        ui.label(format!("{:.1} %", r.readiness * 100.0));
                        ui.label(format!("{:.1} %", r.scorecard * 100.0));
                        ui.end_row();
                    }
                });
            }
            Err(e) => {
                ui.label(tr!("no-ranking", error = e.to_string()));
            }
        });
    if !open {
        state.ranking = None;
    }
}

/// Keyboard shortcuts for the main loop (ignored while typing in a field).
fn keyboard(ui: &mut Ui, state: &mut GuiState) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (p, e, n, plus, minus) = ui.input(|i| {
        (
            i.key_pressed(Key::P),
            i.key_pressed(Key::E),
            i.key_pressed(Key::N),
            i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
            i.key_pressed(Key::Minus),
        )
    });
    if p {
        state.screen = Screen::Portfolio;
    }
    if e && matches!(state.screen, Screen::Portfolio | Screen::Customer(_)) {
        state.end_quarter();
    }
    if n && let Screen::EndOfQuarter(_) = state.screen {
        state.next_quarter();
    }
    if plus {
        state.ui_scale = (state.ui_scale + 0.1).min(3.0);
    }
    if minus {
        state.ui_scale = (state.ui_scale - 0.1).max(0.6);
    }
}

fn top_bar_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = &state.rec else { return };
    let sim = &rec.sim;
    let clock = sim.clock();
    let m = sim.metrics();
    let budget = sim.budget();
    let q = clock.q();
    let mut atr = 0;
    let (mut renewing, mut bands) = (0u32, [0u32; 3]);
    sim.each_customer(|c| {
        if c.lifecycle.is_customer(q) {
            if c.contract.renewal_quarter == q {
                atr += c.contract.arr;
                renewing += 1;
            }
            bands[match c.health.band {
                Band::Red => 0,
                Band::Yellow => 1,
                Band::Green => 2,
            }] += 1;
        }
    });
    let finished = sim.finished();
    let mut go = None;
    let mut save = false;
    let mut ranking = false;
    ui.horizontal_wrapped(|ui| {
        ui.heading(&sim.scenario().title);
        ui.separator();
        if finished {
            ui.label(RichText::new(tr!("scenario-over")).strong());
        } else {
            ui.label(
                RichText::new(tr!(
                    "quarter-of",
                    quarter = clock.quarter,
                    quarters = clock.quarters
                ))
                .strong(),
            );
        }
    });
    // The figures as cards, as a CSM's dashboard shows them.
    ui.horizontal_wrapped(|ui| {
        use super::widgets::card;
        card(
            ui,
            &format_money(m.quarter_start_arr),
            &tr!(if finished { "card-arr-end" } else { "card-arr" }),
            None,
        );
        // A finished scenario has no quarter left to renew in.
        if !finished {
            card(
                ui,
                &format_money(atr),
                &tr!("card-atr", count = renewing),
                None,
            );
        }
        let targets = &sim.scenario().targets;
        for (name, value, target) in [
            ("GRR", m.grr(), targets.grr_min),
            ("NRR", m.nrr(), targets.nrr_min),
        ] {
            // Against the scenario's target, when it has one.
            let colour = target.map(|t| {
                if value >= t {
                    band_style(Band::Green).0
                } else {
                    band_style(Band::Red).0
                }
            });
            card(
                ui,
                &tr!("percent", value = format!("{:.1}", value * 100.0)),
                name,
                colour,
            );
        }
        for (band, n) in [Band::Red, Band::Yellow, Band::Green]
            .into_iter()
            .zip(bands)
        {
            let (colour, word) = band_style(band);
            card(
                ui,
                &n.to_string(),
                &tr!("card-band", band = word),
                (n > 0).then_some(colour),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        let share = if budget.capacity > 0.0 {
            budget.left() / budget.capacity
        } else {
            0.0
        };
        // A finished scenario has no hours left to spend.
        if !finished {
            ui.label(tr!("hours-left"));
            ui.add(
                egui::ProgressBar::new(share.clamp(0.0, 1.0))
                    .desired_width(220.0)
                    .text(tr!(
                        "hours-of",
                        left = format!("{:.1}", budget.left()),
                        capacity = format!("{:.0}", budget.capacity)
                    )),
            );
        }
        if budget.reactive > 0.0 && !finished {
            ui.label(
                RichText::new(tr!(
                    "hours-reserved",
                    hours = format!("{:.1}", budget.reactive)
                ))
                .weak(),
            )
            .on_hover_text(tr!("hours-reserved-why"));
        }
        if !finished {
            ui.separator();
        }
        if ui.button(tr!("button-portfolio")).clicked() {
            go = Some(Screen::Portfolio);
        }
        let planning = matches!(state.screen, Screen::Portfolio | Screen::Customer(_));
        if !finished && planning && ui.button(tr!("button-end-quarter")).clicked() {
            go = Some(Screen::EndOfQuarter(0));
        }
        if finished && ui.button(tr!("button-debrief")).clicked() {
            go = Some(Screen::Debrief);
        }
        if ui
            .button(tr!("button-save"))
            .on_hover_text(tr!("button-save-why"))
            .clicked()
        {
            save = true;
        }
        let in_class = state.rec.as_ref().is_some_and(|r| r.class.is_some());
        if in_class && ui.button(tr!("class-ranking")).clicked() {
            ranking = true;
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            language_choice(ui, state.keep_settings, &mut state.error);
            theme_choice(ui, &mut state.theme, state.keep_settings, &mut state.error);
            if ui.button("A+").on_hover_text(tr!("text-larger")).clicked() {
                state.ui_scale = (state.ui_scale + 0.1).min(3.0);
            }
            if ui.button("A−").on_hover_text(tr!("text-smaller")).clicked() {
                state.ui_scale = (state.ui_scale - 0.1).max(0.6);
            }
            ui.label(tr!(
                "text-scale",
                percent = format!("{:.0}", state.ui_scale * 100.0)
            ));
        });
    });
    if ranking && let Some(seat) = state.rec.as_ref().and_then(|r| r.class.clone()) {
        state.ranking = Some(crate::class::client::ranking(&seat));
    }
    ranking_window(ui, state);
    if save {
        state.autosave();
        if state.error.is_none() {
            state.message = Some(tr!(
                "saved-to",
                path = super::state::full_path(&state.save_path)
            ));
        }
    }
    match go {
        Some(Screen::EndOfQuarter(_)) => state.end_quarter(),
        Some(screen) => state.screen = screen,
        None => {}
    }
}
