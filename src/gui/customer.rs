//! One customer: stakeholders, success plan, health by component, signals over the quarters
//! as charts, known barriers, history, and the actions that can be planned for it.

use egui::{RichText, ScrollArea, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use super::app::band_style;
use super::state::{GuiState, Screen};
use crate::sim::actions::{ActionKind, ActionTarget, CATALOGUE, PlannedAction};
use crate::sim::customer::{BusinessOutcome, UseCase};
use crate::sim::journal::format_money;
use crate::sim::types::HealthDriver;

pub fn customer_ui(ui: &mut Ui, state: &mut GuiState, id: u32) {
    let Some(rec) = state.rec.as_mut() else {
        return;
    };
    let Some(c) = rec.sim.customer(id) else {
        state.screen = Screen::Portfolio;
        return;
    };
    if ui.button("Back to the portfolio").clicked() {
        state.screen = Screen::Portfolio;
        return;
    }
    let (colour, word) = band_style(c.health_band);
    ui.horizontal_wrapped(|ui| {
        ui.heading(&c.name);
        ui.colored_label(
            colour,
            RichText::new(format!("health {:.0} {word}", c.health_shown())).strong(),
        );
    });
    ui.label(format!(
        "{} · {:?} · {} touch · segment {} · {} ARR ({} MRR) · {} licences ({} active users) · {} · renews end of Q{}{}",
        if c.industry.is_empty() { "—" } else { &c.industry },
        c.size,
        c.touch.label(),
        c.segment,
        format_money(c.arr),
        format_money(c.mrr.round() as i64),
        c.licences,
        c.active_users,
        c.stage.label(),
        c.renewal_quarter,
        if c.auto_renew { " (auto-renew)" } else { "" }
    ));
    // How the customer buys decides what its renewal puts at stake (1.6).
    ui.label(format!("Bought as: {}", c.model.label()));
    let mut planned_now = false;
    let mut chosen: Option<BusinessOutcome> = None;
    let mut use_case: Option<UseCase> = None;
    let mut read: Option<HealthDriver> = None;
    let mut hand: Option<ActionKind> = None;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                let left = &mut cols[0];
                left.label(RichText::new("Stakeholders").strong());
                for s in &c.stakeholders {
                    if s.present {
                        left.label(format!("{}: sentiment {:+.2}", s.role, s.sentiment));
                    } else {
                        left.label(format!("{}: gone", s.role));
                    }
                }
                left.add_space(6.0);
                left.label(
                    RichText::new(format!(
                        "Success plan: {} of 7 elements, {}",
                        c.plan_elements.len(),
                        if c.plan_current {
                            "current"
                        } else {
                            "not reviewed recently"
                        }
                    ))
                    .strong(),
                );
                if !c.plan_missing.is_empty() {
                    left.label(format!("Missing: {}", c.plan_missing.join(", ")));
                }
                for line in c.outcome_lines() {
                    left.label(line);
                }
                // The trainee writes the outcome the plan aims at (2.3); building the plan
                // keeps it, a review with the sponsor validates or corrects it.
                if !rec.sim.finished() {
                    left.horizontal(|ui| {
                        ui.label("Write the plan's outcome:");
                        egui::ComboBox::from_id_salt(("plan-outcome", id))
                            .selected_text(c.plan_outcome.unwrap_or("choose…"))
                            .show_ui(ui, |ui| {
                                for o in BusinessOutcome::ALL {
                                    if ui
                                        .selectable_label(
                                            c.plan_outcome == Some(o.label()),
                                            o.label(),
                                        )
                                        .clicked()
                                    {
                                        chosen = Some(o);
                                    }
                                }
                            });
                    });
                    // And the use case it targets first (2.8), which the champion shows.
                    left.horizontal(|ui| {
                        ui.label("Target first:");
                        egui::ComboBox::from_id_salt(("plan-use-case", id))
                            .selected_text(c.plan_use_case.unwrap_or("choose…"))
                            .show_ui(ui, |ui| {
                                for u in UseCase::ALL {
                                    if ui
                                        .selectable_label(
                                            c.plan_use_case == Some(u.label()),
                                            u.label(),
                                        )
                                        .clicked()
                                    {
                                        use_case = Some(u);
                                    }
                                }
                            });
                    });
                }
                left.add_space(6.0);
                left.label(
                    RichText::new(format!(
                        "Health by component (score {:.0}, {:.0} a quarter ago)",
                        c.health_shown(),
                        c.health_previous
                    ))
                    .strong(),
                );
                for ((name, score), (_, before)) in
                    c.health_components.iter().zip(&c.health_components_before)
                {
                    left.horizontal(|ui| {
                        ui.add(
                            egui::ProgressBar::new(score / 100.0)
                                .desired_width(200.0)
                                .text(format!("{name} {score:.0}")),
                        );
                        let delta = score - before;
                        let text = format!("{delta:+.0} on a quarter ago");
                        ui.label(if delta <= -3.0 {
                            RichText::new(text).color(egui::Color32::from_rgb(200, 60, 50))
                        } else {
                            RichText::new(text).weak()
                        });
                    });
                }
                // After a decline the trainee says what drives it (2.6); it is checked
                // against the dashboard when the quarter ends.
                if c.health_declined && !rec.sim.finished() {
                    left.horizontal(|ui| {
                        ui.label("What drives the decline? (1 h)");
                        for d in HealthDriver::ALL {
                            let on = c.health_reading == Some(d);
                            if ui
                                .selectable_label(on, d.id())
                                .on_hover_text(format!("{} ({})", d.id(), d.objective()))
                                .clicked()
                                && !on
                            {
                                read = Some(d);
                            }
                        }
                    });
                    if let Some(d) = c.health_reading {
                        left.label(
                            RichText::new(format!(
                                "You read it as {}; it is checked when the quarter ends.",
                                d.id()
                            ))
                            .weak(),
                        );
                    }
                }
                if let Some(r) = c.request
                    && !rec.sim.finished()
                {
                    left.add_space(6.0);
                    left.label(RichText::new("Inbound request").strong());
                    let handed = rec.sim.handed_on(id);
                    left.label(match handed {
                        Some(a) => format!(
                            "{} — handed to {} this quarter (1.4).",
                            r.kind.label(),
                            crate::sim::requests::team_of(a).map_or("", |t| t.label())
                        ),
                        None => format!(
                            "{}{}. It takes {:.1} h of your quarter unless you hand it to the team that answers it; keep the ones only a CSM should answer (1.4).",
                            r.kind.label(),
                            if r.bounces > 0 {
                                format!(", back from the wrong team ({}×)", r.bounces)
                            } else {
                                String::new()
                            },
                            r.hours
                        ),
                    });
                    if handed.is_none() {
                        left.horizontal_wrapped(|ui| {
                            ui.label("Hand it to");
                            for (label, action) in [
                                ("support", ActionKind::HandToSupport),
                                ("services", ActionKind::HandToServices),
                                ("the account manager", ActionKind::HandToAccountManager),
                            ] {
                                if ui
                                    .button(label)
                                    .on_hover_text(action.spec().description)
                                    .clicked()
                                {
                                    hand = Some(action);
                                }
                            }
                            ui.label(RichText::new("or keep it").weak());
                        });
                    }
                }
                if let Some((gap, found)) = c.gap_known {
                    left.add_space(6.0);
                    left.label(RichText::new("Gap in the baseline").strong());
                    left.label(format!(
                        "{} ({}), found Q{found}: it slows deployment, holds use back and weighs on the renewal until closed (2.5).",
                        gap.label(),
                        gap.objective()
                    ));
                }
                left.add_space(6.0);
                left.label(RichText::new("Known barriers").strong());
                if c.known_barriers.is_empty() {
                    left.label("none found");
                }
                for b in &c.known_barriers {
                    left.label(format!(
                        "{} ({}, {:?}) — severity {:.0} %, since Q{}, {:.0} % resolved",
                        b.kind.label(),
                        b.kind.objective(),
                        b.category,
                        b.severity * 100.0,
                        b.since,
                        b.progress * 100.0
                    ));
                }
                // Growth: an open expansion opportunity and the advocacy given (5.2, 5.4, 4.6).
                if c.expansion_opportunity || c.advocacy != 0 {
                    left.add_space(6.0);
                    left.label(RichText::new("Growth").strong());
                    if c.expansion_opportunity {
                        left.label(if c.expansion_in_plan {
                            "An expansion opportunity is open, and written into the success plan with the sponsor (5.4)."
                        } else {
                            "An expansion opportunity is open (5.2); a plan review with the sponsor writes it into the success plan (5.4)."
                        });
                    }
                    if c.advocacy != 0 {
                        left.label(format!(
                            "Advocate: {} — peer proof for the segment's other customers (4.6).",
                            crate::sim::actions::advocacy_forms(c.advocacy).join(", ")
                        ));
                    }
                }
                if let Some(history) = state.history.get(&id) {
                    left.add_space(6.0);
                    left.label(RichText::new("Signals over the quarters (as measured)").strong());
                    let line = |f: fn(&super::state::Snapshot) -> f64| -> PlotPoints<'static> {
                        history
                            .iter()
                            .map(|s| [f64::from(s.quarter), f(s)])
                            .collect()
                    };
                    Plot::new(("signals", id))
                        .height(180.0)
                        .legend(Legend::default())
                        .show(left, |plot| {
                            plot.line(Line::new("health", line(|s| f64::from(s.health))));
                            plot.line(Line::new(
                                "utilisation %",
                                line(|s| f64::from(s.signals.utilisation) * 100.0),
                            ));
                            plot.line(Line::new("NPS", line(|s| f64::from(s.signals.nps))));
                            plot.line(Line::new(
                                "CSAT × 20",
                                line(|s| f64::from(s.signals.csat) * 20.0),
                            ));
                        });
                }

                let right = &mut cols[1];
                right.label(RichText::new("Act").strong());
                right.label(format!(
                    "{:.1} CSM hours left this quarter",
                    rec.sim.budget().left()
                ));
                let mut family = None;
                for spec in CATALOGUE.iter().filter(|s| !s.one_to_many) {
                    if family != Some(spec.family) {
                        family = Some(spec.family);
                        right.label(RichText::new(spec.family.label()).italics());
                    }
                    let planned = PlannedAction {
                        action: spec.kind,
                        target: ActionTarget::Customer(id),
                    };
                    let check = rec.sim.check(planned);
                    // Wrapped, so that a long reason stays inside the column.
                    right.horizontal_wrapped(|ui| {
                        let text = match check {
                            Ok(hours) => format!("{} — {hours:.1} h", spec.name),
                            Err(_) => spec.name.to_owned(),
                        };
                        let button = ui.add_enabled(check.is_ok(), egui::Button::new(text));
                        let button = match check {
                            Err(b) => button.on_disabled_hover_text(b.explain()),
                            Ok(_) => button.on_hover_text(spec.description),
                        };
                        if button.clicked() && rec.sim.plan(planned).is_ok() {
                            planned_now = true;
                        }
                        ui.label(RichText::new(format!("[{}]", spec.objectives.join(", "))).weak());
                        if let Err(b) = check {
                            ui.label(RichText::new(b.explain()).weak().small());
                        }
                    });
                }
                right.add_space(6.0);
                right.label(RichText::new("History").strong());
                let entries: Vec<String> = rec
                    .sim
                    .journal()
                    .for_customer(id)
                    .filter(|e| e.visible_to_csm())
                    .map(|e| format!("Q{} {}", e.quarter, e.event.describe(|s| s.to_string())))
                    .collect();
                for e in entries.iter().rev().take(15) {
                    right.label(e);
                }
            });
        });
    if let Some(o) = chosen
        && let Some(rec) = state.rec.as_mut()
        && rec.write_plan_outcome(id, o).is_ok()
    {
        planned_now = true;
    }
    if let Some(u) = use_case
        && let Some(rec) = state.rec.as_mut()
        && rec.write_plan_use_case(id, u).is_ok()
    {
        planned_now = true;
    }
    if let Some(action) = hand
        && let Some(rec) = state.rec.as_mut()
        && rec
            .sim
            .plan(PlannedAction {
                action,
                target: ActionTarget::Customer(id),
            })
            .is_ok()
    {
        planned_now = true;
    }
    if let Some(d) = read
        && let Some(rec) = state.rec.as_mut()
        && rec.sim.read_health(id, d).is_ok()
    {
        planned_now = true;
    }
    if planned_now {
        state.autosave();
    }
}
