//! The portfolio: every customer in a sortable, filterable table, the quarter's plan, and
//! one-to-many actions for segments.

use egui::{Grid, RichText, ScrollArea, Ui};

use super::app::band_style;
use super::state::{Filter, GuiState, Screen, SortBy};
use crate::i18n::label;
use crate::sim::actions::{ActionTarget, CATALOGUE, PlannedAction};
use crate::sim::journal::format_money;
use crate::sim::types::Band;
use crate::sim::view::CustomerView;

/// Rows shown in one frame at most before scrolling; the table virtualises the rest.
const ROW_HEIGHT: f32 = 22.0;

/// The most rows the portfolio table shows at once.
const MAX_ROWS: usize = 5_000;

pub fn portfolio_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = &state.rec else { return };
    let sim = &rec.sim;
    let q = sim.clock().q();
    let segments: Vec<String> = sim
        .scenario()
        .segments
        .iter()
        .map(|s| s.id.clone())
        .collect();
    // A very large portfolio is shown a slice at a time: the first rows (in id order) that
    // pass the filter and the search, so the window never holds a view of every customer.
    let search = state.search.to_lowercase();
    let (mut rows, matching): (Vec<CustomerView>, usize) = sim.customers_where(
        |c| {
            (match &state.filter {
                Filter::All => true,
                Filter::AtRisk => c.active && c.health_band != Band::Green,
                Filter::RenewingSoon => c.active && (0..=2).contains(&(c.renewal_quarter - q)),
                Filter::HealthFell => c.health_declined,
                Filter::Requests => c.request.is_some(),
                Filter::Segment(s) => &c.segment == s,
            }) && (search.is_empty() || c.name.to_lowercase().contains(&search))
        },
        MAX_ROWS,
    );
    rows.sort_by(|a, b| {
        let o = match state.sort {
            SortBy::Name => a.name.cmp(&b.name),
            SortBy::Arr => a.arr.cmp(&b.arr),
            SortBy::Health => a.health_score.total_cmp(&b.health_score),
            SortBy::Renewal => a.renewal_quarter.cmp(&b.renewal_quarter),
            SortBy::Stage => a.stage.cmp(&b.stage),
        };
        if state.descending { o.reverse() } else { o }.then(a.id.cmp(&b.id))
    });

    // Declines to read (2.6): the customers whose score fell last quarter, and how many of
    // them the CSM has not yet said what drives.
    let (mut fell, mut unread) = (0, 0);
    // Inbound requests (1.4): how many are open, and the hours those not handed on take.
    let handed: Vec<u32> = sim
        .planned()
        .iter()
        .filter(|p| crate::sim::requests::team_of(p.action).is_some())
        .filter_map(|p| match p.target {
            ActionTarget::Customer(id) => Some(id),
            ActionTarget::Segment(_) => None,
        })
        .collect();
    let (mut requests, mut waiting, mut reserved) = (0, 0, 0.0);
    sim.each_customer(|c| {
        if let Some(r) = c.engagement.open_request(q) {
            requests += 1;
            if !handed.contains(&c.id.0) {
                waiting += 1;
                reserved += r.hours;
            }
        }
        if crate::sim::view::decline_to_read(c, q) {
            fell += 1;
            if !sim.readings().iter().any(|r| r.customer == c.id.0) {
                unread += 1;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("show")).strong());
        for (label, f) in [
            (tr!("filter-all"), Filter::All),
            (tr!("filter-at-risk"), Filter::AtRisk),
            (tr!("filter-renewing-soon"), Filter::RenewingSoon),
            (tr!("filter-health-fell", count = fell), Filter::HealthFell),
            (tr!("filter-requests", count = requests), Filter::Requests),
        ] {
            if ui.selectable_label(state.filter == f, label).clicked() {
                state.filter = f;
            }
        }
        for s in &segments {
            let f = Filter::Segment(s.clone());
            if ui
                .selectable_label(
                    state.filter == f,
                    tr!("filter-segment", segment = s.as_str()),
                )
                .clicked()
            {
                state.filter = f;
            }
        }
        ui.label(tr!("search"));
        ui.text_edit_singleline(&mut state.search);
    });
    if unread > 0 && !sim.finished() {
        ui.label(
            RichText::new(tr!("declines-to-read", fell = fell, unread = unread))
                .color(egui::Color32::from_rgb(230, 160, 60)),
        );
    }
    if waiting > 0 && !sim.finished() {
        ui.label(
            RichText::new(tr!(
                "requests-waiting",
                count = waiting,
                hours = format!("{reserved:.1}")
            ))
            .color(egui::Color32::from_rgb(230, 160, 60)),
        );
    }
    if !sim.finished() {
        coach_ui(ui, state);
    }
    if matching > rows.len() {
        ui.label(tr!("rows-some", shown = rows.len(), matching = matching));
    } else {
        ui.label(tr!("rows-all", shown = rows.len()));
    }

    let mut open = None;
    let mut sort_by = None;
    let height = (ui.available_height() - 200.0).max(200.0);
    // The columns share the window's width.
    let column = ((ui.available_width() - 12.0 * 11.0) / 11.0).max(60.0);
    let Some(rec) = &state.rec else { return };
    let quarters = rec.sim.clock().quarters;
    let history = &rec.history;
    ScrollArea::vertical()
        .max_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, rows.len() + 1, |ui, range| {
            Grid::new("portfolio")
                .striped(true)
                .min_col_width(column)
                .show(ui, |ui| {
                    for (label, by) in [
                        ("col-customer", Some(SortBy::Name)),
                        ("col-segment", None),
                        ("col-touch", None),
                        ("col-arr", Some(SortBy::Arr)),
                        ("col-bought-as", None),
                        ("col-stage", Some(SortBy::Stage)),
                        ("col-renews", Some(SortBy::Renewal)),
                        ("col-health", Some(SortBy::Health)),
                        ("col-trend", None),
                        ("col-flags", None),
                        ("col-request", None),
                    ] {
                        let label = tr!(label);
                        match by {
                            Some(by) => {
                                let arrow = if state.sort == by {
                                    if state.descending {
                                        tr!("sorted-high-first")
                                    } else {
                                        tr!("sorted-low-first")
                                    }
                                } else {
                                    String::new()
                                };
                                if ui
                                    .button(RichText::new(format!("{label}{arrow}")).strong())
                                    .clicked()
                                {
                                    sort_by = Some(by);
                                }
                            }
                            None => {
                                ui.label(RichText::new(label).strong());
                            }
                        }
                    }
                    ui.end_row();
                    for c in rows
                        .iter()
                        .skip(range.start.saturating_sub(1))
                        .take(range.len())
                    {
                        if ui.link(&c.name).clicked() {
                            open = Some(c.id);
                        }
                        ui.label(&c.segment);
                        ui.label(label("touch", c.touch));
                        ui.label(format_money(c.arr));
                        ui.label(label("model-short", c.model))
                            .on_hover_text(label("model", c.model));
                        ui.label(label("stage", c.stage));
                        renewal_timing(ui, c, q, quarters);
                        let (colour, word) = band_style(c.health_band);
                        ui.colored_label(colour, format!("{:.0} {word}", c.health_shown()));
                        match history.get(&c.id) {
                            Some(h) => {
                                let values: Vec<f32> = h.iter().map(|s| s.health).collect();
                                super::widgets::sparkline(ui, &values, quarters, colour)
                                    .on_hover_text(tr!(
                                        "trend-why",
                                        scores = values
                                            .iter()
                                            .map(|v| format!("{v:.0}"))
                                            .collect::<Vec<_>>()
                                            .join(" → ")
                                    ));
                            }
                            None => {
                                ui.label("—");
                            }
                        }
                        risk_flags(ui, c);
                        match c.request {
                            Some(r) if handed.contains(&c.id) => ui.label(
                                RichText::new(tr!(
                                    "request-handed-short",
                                    request = label("request-short", r.kind)
                                ))
                                .weak(),
                            ),
                            Some(r) => ui.colored_label(
                                egui::Color32::from_rgb(230, 160, 60),
                                tr!(
                                    "request-hours-short",
                                    request = label("request-short", r.kind),
                                    hours = format!("{:.1}", r.hours)
                                ),
                            ),
                            None => ui.label("—"),
                        };
                        ui.end_row();
                    }
                });
        });
    if let Some(by) = sort_by {
        if state.sort == by {
            state.descending = !state.descending;
        } else {
            state.sort = by;
            state.descending = true;
        }
    }
    if let Some(id) = open {
        state.screen = Screen::Customer(id);
    }
    ui.separator();
    plan_ui(ui, state);
    ui.separator();
    one_to_many_ui(ui, state);
}

/// When the customer renews, counted from this quarter: soon is coloured, a renewal after
/// the scenario's end is said so; the quarter itself is on hover.
fn renewal_timing(ui: &mut Ui, c: &CustomerView, q: i16, quarters: u16) {
    if c.stage == crate::sim::types::Stage::Churned {
        ui.label(RichText::new(tr!("renews-churned")).weak());
        return;
    }
    if !c.active {
        // A customer still to sign: its contract starts later in the scenario.
        ui.label(RichText::new(tr!("renews-starts", quarter = c.customer_since)).weak());
        return;
    }
    let left = c.renewal_quarter - q;
    let text = if c.renewal_quarter > quarters as i16 {
        RichText::new(tr!("renews-after-scenario")).weak()
    } else if left <= 0 {
        RichText::new(tr!("renews-now"))
            .strong()
            .color(egui::Color32::from_rgb(198, 40, 40))
    } else {
        let t = RichText::new(tr!("renews-in", quarters = left));
        if left == 1 {
            t.color(egui::Color32::from_rgb(230, 140, 0))
        } else {
            t
        }
    };
    ui.label(text)
        .on_hover_text(tr!("quarter-short", quarter = c.renewal_quarter));
}

/// The risks the CSM knows of, as coloured chips: each known barrier, a known gap in the
/// baseline, and a health score that fell last quarter.
fn risk_flags(ui: &mut Ui, c: &CustomerView) {
    let red = egui::Color32::from_rgb(198, 40, 40);
    let amber = egui::Color32::from_rgb(196, 120, 0);
    let mut flags: Vec<(String, egui::Color32)> = c
        .known_barriers
        .iter()
        .map(|b| (label("barrier", b.kind), red))
        .collect();
    if let Some((gap, _)) = c.gap_known {
        flags.push((tr!("gap-short", gap = label("gap-short", gap)), amber));
    }
    if c.health_declined {
        flags.push((tr!("flag-health-fell"), amber));
    }
    if flags.is_empty() {
        ui.label("—");
        return;
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (text, colour) in flags {
            ui.label(
                RichText::new(format!(" {text} "))
                    .small()
                    .color(egui::Color32::WHITE)
                    .background_color(colour),
            );
        }
    });
}

/// How many customers the coach lists before "and N more".
const COACH_ROWS: usize = 8;

/// The coach (issue 12): what deserves attention this quarter and is not in the plan yet,
/// one line a customer; a customer's name opens its page. A checkbox turns it on and off,
/// except in a class, which plays without it.
fn coach_ui(ui: &mut Ui, state: &mut GuiState) {
    let GuiState {
        rec, coach_cache, ..
    } = state;
    let Some(rec) = rec else { return };
    let in_class = !rec.coach_allowed();
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!in_class, |ui| {
            ui.checkbox(&mut rec.coach, tr!("coach"))
                .on_hover_text(tr!("coach-why"))
                .on_disabled_hover_text(tr!("coach-class"));
        });
    });
    if !rec.coach {
        return;
    }
    let key = (
        rec.sim.seed(),
        rec.sim.clock().quarter,
        rec.sim.planned().len(),
        rec.sim.budget().left().to_bits(),
    );
    let coaching = match coach_cache {
        Some((k, c)) if *k == key => c.clone(),
        _ => {
            // None in a class or once the scenario is over.
            let Some(c) = rec.coaching() else { return };
            *coach_cache = Some((key, c.clone()));
            c
        }
    };
    let mut open = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        if coaching.is_empty() {
            ui.label(tr!("coach-nothing"));
            return;
        }
        ui.label(RichText::new(tr!("coach-heading")).strong());
        let lines = coaching.by_customer();
        for (n, said) in lines.iter().take(COACH_ROWS) {
            ui.horizontal_wrapped(|ui| {
                if ui.link(&n.name).clicked() {
                    open = Some(n.customer);
                }
                let said: Vec<String> = said.iter().map(crate::i18n::attention).collect();
                ui.label(said.join("; "));
            });
        }
        if lines.len() > COACH_ROWS {
            ui.label(tr!("coach-more", count = lines.len() - COACH_ROWS));
        }
        if let Some(line) = crate::i18n::digital_line(&coaching) {
            ui.label(line);
        }
    });
    if let Some(id) = open {
        state.screen = Screen::Customer(id);
    }
}

/// The quarter's plan, with a button to remove each action.
pub fn plan_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = state.rec.as_mut() else {
        return;
    };
    ui.label(RichText::new(tr!("quarter-plan")).strong());
    let planned: Vec<PlannedAction> = rec.sim.planned().to_vec();
    if planned.is_empty() {
        ui.label(tr!("nothing-planned"));
    }
    let mut remove = None;
    for (i, p) in planned.iter().enumerate() {
        let target = match p.target {
            ActionTarget::Customer(id) => rec
                .sim
                .customer(id)
                .map_or_else(|| format!("#{id}"), |c| c.name),
            ActionTarget::Segment(s) => {
                tr!(
                    "filter-segment",
                    segment = rec.sim.scenario().segments[usize::from(s)].id.as_str()
                )
            }
        };
        ui.horizontal(|ui| {
            ui.label(tr!(
                "planned-line",
                number = i + 1,
                action = crate::i18n::action_name(p.action),
                target = target.as_str(),
                objectives = p.action.spec().objectives.join(", ")
            ));
            if ui.small_button(tr!("remove")).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        match rec.sim.unplan(i) {
            Ok(_) => state.autosave(),
            Err(b) => state.message = Some(tr!("cannot-remove", reason = crate::i18n::blocker(b))),
        }
    }
}

fn one_to_many_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(rec) = state.rec.as_mut() else {
        return;
    };
    ui.label(RichText::new(tr!("one-to-many")).strong());
    let segments: Vec<(u16, String)> = rec
        .sim
        .scenario()
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                i as u16,
                tr!(
                    "segment-touch",
                    segment = s.id.as_str(),
                    touch = label("touch", s.touch)
                ),
            )
        })
        .collect();
    let mut changed = false;
    for spec in CATALOGUE.iter().filter(|s| s.one_to_many) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(
                "one-to-many-line",
                action = crate::i18n::action_name(spec.kind),
                hours = format!("{:.0}", spec.hours),
                objectives = spec.objectives.join(", ")
            ));
            for (i, name) in &segments {
                let planned = PlannedAction {
                    action: spec.kind,
                    target: ActionTarget::Segment(*i),
                };
                let check = rec.sim.check(planned);
                let button = ui.add_enabled(check.is_ok(), egui::Button::new(name));
                let button = match check {
                    Err(b) => button.on_disabled_hover_text(crate::i18n::blocker(b)),
                    Ok(_) => button.on_hover_text(crate::i18n::action_about(spec.kind)),
                };
                if button.clicked() && rec.sim.plan(planned).is_ok() {
                    changed = true;
                }
            }
        });
    }
    if changed {
        state.autosave();
    }
}
