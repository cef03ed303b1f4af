//! One customer: stakeholders, success plan, health by component, signals over the quarters
//! as charts, known barriers, history, and the actions that can be planned for it.

use egui::{RichText, ScrollArea, Ui};

use super::app::band_style;
use super::state::{GuiState, Screen};
use crate::i18n::label;
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
    if ui.button(tr!("back-to-portfolio")).clicked() {
        state.screen = Screen::Portfolio;
        return;
    }
    let (colour, word) = band_style(c.health_band);
    ui.horizontal_wrapped(|ui| {
        ui.heading(&c.name);
        ui.colored_label(
            colour,
            RichText::new(tr!(
                "health-score",
                score = format!("{:.0}", c.health_shown()),
                band = word
            ))
            .strong(),
        );
    });
    ui.label(tr!(
        "customer-facts",
        industry = if c.industry.is_empty() {
            "—".to_owned()
        } else {
            c.industry.clone()
        },
        size = label("size", c.size),
        touch = label("touch", c.touch),
        segment = c.segment.as_str(),
        arr = format_money(c.arr),
        mrr = format_money(c.mrr.round() as i64),
        licences = c.licences,
        users = c.active_users,
        stage = label("stage", c.stage),
        renews = c.renewal_quarter,
        auto = if c.auto_renew { "yes" } else { "no" }
    ));
    // How the customer buys decides what its renewal puts at stake (1.6).
    ui.label(tr!("bought-as", model = label("model", c.model)));
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
                left.label(RichText::new(tr!("stakeholders")).strong());
                for s in &c.stakeholders {
                    let role = crate::i18n::role(s.role);
                    if s.present {
                        left.label(tr!(
                            "stakeholder-sentiment",
                            role = role,
                            sentiment = format!("{:+.2}", s.sentiment)
                        ));
                    } else {
                        left.label(tr!("stakeholder-gone", role = role));
                    }
                }
                left.add_space(6.0);
                left.label(
                    RichText::new(tr!(
                        "plan-elements",
                        count = c.plan_elements.len(),
                        current = if c.plan_current { "yes" } else { "no" }
                    ))
                    .strong(),
                );
                if !c.plan_missing.is_empty() {
                    left.label(tr!(
                        "plan-missing",
                        missing = crate::i18n::plan_elements(&c.plan_missing)
                    ));
                }
                for line in crate::i18n::plan_lines(&c) {
                    left.label(line);
                }
                // The trainee writes the outcome the plan aims at (2.3); building the plan
                // keeps it, a review with the sponsor validates or corrects it.
                if !rec.sim.finished() {
                    left.horizontal(|ui| {
                        ui.label(tr!("write-outcome"));
                        let written = c.plan_outcome;
                        egui::ComboBox::from_id_salt(("plan-outcome", id))
                            .selected_text(
                                written.map_or_else(|| tr!("choose"), |o| label("outcome", o)),
                            )
                            .show_ui(ui, |ui| {
                                for o in BusinessOutcome::ALL {
                                    if ui
                                        .selectable_label(written == Some(o), label("outcome", o))
                                        .clicked()
                                    {
                                        chosen = Some(o);
                                    }
                                }
                            });
                    });
                    // And the use case it targets first (2.8), which the champion shows.
                    left.horizontal(|ui| {
                        ui.label(tr!("target-first"));
                        let written = c.plan_use_case;
                        egui::ComboBox::from_id_salt(("plan-use-case", id))
                            .selected_text(
                                written.map_or_else(|| tr!("choose"), |u| label("use-case", u)),
                            )
                            .show_ui(ui, |ui| {
                                for u in UseCase::ALL {
                                    if ui
                                        .selectable_label(written == Some(u), label("use-case", u))
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
                    RichText::new(tr!(
                        "health-by-component",
                        score = format!("{:.0}", c.health_shown()),
                        before = format!("{:.0}", c.health_previous)
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
                                .text(format!("{} {score:.0}", crate::i18n::health_part(name))),
                        );
                        let delta = score - before;
                        let text = tr!("delta-on-quarter", delta = format!("{delta:+.0}"));
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
                        ui.label(tr!("what-drives-decline"));
                        for d in HealthDriver::ALL {
                            let on = c.health_reading == Some(d);
                            if ui
                                .selectable_label(on, label("driver", d))
                                .on_hover_text(format!(
                                    "{} ({})",
                                    label("driver", d),
                                    d.objective()
                                ))
                                .clicked()
                                && !on
                            {
                                read = Some(d);
                            }
                        }
                    });
                    if let Some(d) = c.health_reading {
                        left.label(
                            RichText::new(tr!("read-as", driver = label("driver", d))).weak(),
                        );
                    }
                }
                if let Some(r) = c.request
                    && !rec.sim.finished()
                {
                    left.add_space(6.0);
                    left.label(RichText::new(tr!("inbound-request")).strong());
                    let handed = rec.sim.handed_on(id);
                    left.label(match handed {
                        Some(a) => tr!(
                            "request-handed",
                            request = label("request", r.kind),
                            team = crate::sim::requests::team_of(a)
                                .map_or_else(String::new, |t| label("team", t))
                        ),
                        None => tr!(
                            "request-waiting",
                            request = label("request", r.kind),
                            bounces = r.bounces,
                            hours = format!("{:.1}", r.hours)
                        ),
                    });
                    if handed.is_none() {
                        left.horizontal_wrapped(|ui| {
                            ui.label(tr!("hand-it-to"));
                            for (team, action) in [
                                ("hand-support", ActionKind::HandToSupport),
                                ("hand-services", ActionKind::HandToServices),
                                ("hand-account-manager", ActionKind::HandToAccountManager),
                            ] {
                                if ui
                                    .button(tr!(team))
                                    .on_hover_text(crate::i18n::action_about(action))
                                    .clicked()
                                {
                                    hand = Some(action);
                                }
                            }
                            ui.label(RichText::new(tr!("or-keep-it")).weak());
                        });
                    }
                }
                if let Some((gap, found)) = c.gap_known {
                    left.add_space(6.0);
                    left.label(RichText::new(tr!("gap-in-baseline")).strong());
                    left.label(tr!(
                        "gap-found",
                        gap = label("gap", gap),
                        objective = gap.objective(),
                        quarter = found
                    ));
                }
                left.add_space(6.0);
                left.label(RichText::new(tr!("known-barriers")).strong());
                if c.known_barriers.is_empty() {
                    left.label(tr!("none-found"));
                }
                for b in &c.known_barriers {
                    left.label(tr!(
                        "known-barrier",
                        barrier = label("barrier", b.kind),
                        objective = b.kind.objective(),
                        category = label("category", b.category),
                        severity = format!("{:.0}", b.severity * 100.0),
                        since = b.since,
                        resolved = format!("{:.0}", b.progress * 100.0)
                    ));
                }
                // Growth: an open expansion opportunity and the advocacy given (5.2, 5.4, 4.6).
                if c.expansion_opportunity || c.advocacy != 0 {
                    left.add_space(6.0);
                    left.label(RichText::new(tr!("growth")).strong());
                    if c.expansion_opportunity {
                        left.label(if c.expansion_in_plan {
                            tr!("expansion-in-plan")
                        } else {
                            tr!("expansion-open")
                        });
                    }
                    if c.advocacy != 0 {
                        left.label(tr!(
                            "advocate",
                            forms = crate::i18n::advocacy_forms(c.advocacy)
                        ));
                    }
                }
                if let Some(history) = rec.history.get(&id) {
                    left.add_space(6.0);
                    left.label(RichText::new(tr!("signals-over-quarters")).strong());
                    let line = |f: fn(&crate::session::Snapshot) -> f64| -> Vec<[f64; 2]> {
                        history
                            .iter()
                            .map(|s| [f64::from(s.quarter), f(s)])
                            .collect()
                    };
                    // Each measure on its own scale, from the scenario's start to its end.
                    let quarters = rec.sim.clock().quarters;
                    let width = ((left.available_width() - 16.0) / 2.0).max(140.0);
                    let measures = [
                        (
                            "health",
                            tr!("chart-health"),
                            line(|s| f64::from(s.health.floor())),
                            0.0,
                            100.0,
                            colour,
                        ),
                        (
                            "utilisation",
                            tr!("chart-utilisation"),
                            line(|s| f64::from(s.signals.utilisation) * 100.0),
                            0.0,
                            100.0,
                            egui::Color32::from_rgb(31, 95, 168),
                        ),
                        (
                            "nps",
                            tr!("chart-nps"),
                            line(|s| f64::from(s.signals.nps)),
                            -100.0,
                            100.0,
                            egui::Color32::from_rgb(123, 31, 162),
                        ),
                        (
                            "csat",
                            tr!("chart-csat"),
                            line(|s| f64::from(s.signals.csat)),
                            1.0,
                            5.0,
                            egui::Color32::from_rgb(0, 131, 143),
                        ),
                    ];
                    for pair in measures.chunks(2) {
                        left.horizontal(|ui| {
                            for (key, title, points, lo, hi, colour) in pair.iter().cloned() {
                                super::widgets::measure_chart(
                                    ui,
                                    super::widgets::Measure {
                                        title,
                                        points,
                                        lo,
                                        hi,
                                        colour,
                                        id: (key, id),
                                    },
                                    quarters,
                                    width,
                                );
                            }
                        });
                    }
                }

                let right = &mut cols[1];
                right.label(RichText::new(tr!("act")).strong());
                right.label(tr!(
                    "hours-left-quarter",
                    hours = format!("{:.1}", rec.sim.budget().left())
                ));
                let mut family = None;
                for spec in CATALOGUE.iter().filter(|s| !s.one_to_many) {
                    if family != Some(spec.family) {
                        family = Some(spec.family);
                        right.label(RichText::new(label("family", spec.family)).italics());
                    }
                    let planned = PlannedAction {
                        action: spec.kind,
                        target: ActionTarget::Customer(id),
                    };
                    let check = rec.sim.check(planned);
                    // Wrapped, so that a long reason stays inside the column.
                    right.horizontal_wrapped(|ui| {
                        let name = crate::i18n::action_name(spec.kind);
                        let text = match check {
                            Ok(hours) => {
                                tr!("action-hours", action = name, hours = format!("{hours:.1}"))
                            }
                            Err(_) => name,
                        };
                        let button = ui.add_enabled(check.is_ok(), egui::Button::new(text));
                        let button = match check {
                            Err(b) => button.on_disabled_hover_text(crate::i18n::blocker(b)),
                            Ok(_) => button.on_hover_text(crate::i18n::action_about(spec.kind)),
                        };
                        if button.clicked() && rec.sim.plan(planned).is_ok() {
                            planned_now = true;
                        }
                        ui.label(RichText::new(format!("[{}]", spec.objectives.join(", "))).weak());
                        if let Err(b) = check {
                            ui.label(RichText::new(crate::i18n::blocker(b)).weak().small());
                        }
                    });
                }
                right.add_space(6.0);
                right.label(RichText::new(tr!("history")).strong());
                let entries: Vec<String> = rec
                    .sim
                    .journal()
                    .for_customer(id)
                    .filter(|e| e.visible_to_csm())
                    .map(|e| {
                        format!(
                            "Q{} {}",
                            e.quarter,
                            crate::i18n::event(&e.event, |s| s.to_string())
                        )
                    })
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
