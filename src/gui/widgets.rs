//! Small pieces the screens share: figure cards, health sparklines, and charts of one
//! measure over the quarters on a scale of its own.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Sense, Stroke, Ui, Vec2};
use egui_plot::{GridInput, GridMark, Line, Plot, PlotPoints, Points};

/// A figure on a card: the value large, what it is small beneath it. `colour` tints the
/// value (a band's colour, a target missed), `None` keeps the text colour.
pub fn card(ui: &mut Ui, value: &str, caption: &str, colour: Option<Color32>) {
    Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::symmetric(12, 6))
        .show(ui, |ui| {
            ui.vertical(|ui| {
                let mut text = RichText::new(value).size(20.0).strong();
                if let Some(c) = colour {
                    text = text.color(c);
                }
                ui.label(text);
                ui.label(RichText::new(caption).size(11.5).weak());
            });
        });
}

/// A small line of health scores over the quarters, the last point marked in its band's
/// colour. Every sparkline shares one scale, so rows compare: the quarters of the scenario
/// across, and health from [`SPARK_LOW`] to [`SPARK_HIGH`] up (scores beyond sit on the edge).
pub const SPARK_LOW: f32 = 30.0;
pub const SPARK_HIGH: f32 = 90.0;

pub fn sparkline(ui: &mut Ui, values: &[f32], quarters: u16, colour: Color32) -> egui::Response {
    let size = Vec2::new(84.0, 20.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect);
    let span = f32::from(quarters.max(1));
    let at = |i: usize, v: f32| {
        egui::pos2(
            rect.left() + 2.0 + (rect.width() - 4.0) * (i as f32 / span).min(1.0),
            rect.bottom()
                - 2.0
                - (rect.height() - 4.0)
                    * ((v.clamp(SPARK_LOW, SPARK_HIGH) - SPARK_LOW) / (SPARK_HIGH - SPARK_LOW)),
        )
    };
    // The middle of the scale, faint, so rising and falling read at a glance.
    let middle = (SPARK_LOW + SPARK_HIGH) / 2.0;
    painter.line_segment(
        [
            at(0, middle),
            egui::pos2(rect.right() - 2.0, at(0, middle).y),
        ],
        Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.4)),
    );
    let points: Vec<egui::Pos2> = values.iter().enumerate().map(|(i, v)| at(i, *v)).collect();
    if points.len() > 1 {
        painter.add(egui::Shape::line(
            points.clone(),
            Stroke::new(1.5, ui.visuals().text_color()),
        ));
    }
    if let Some(last) = points.last() {
        painter.circle_filled(*last, 3.0, colour);
    }
    response
}

/// One measure over the quarters: its own fixed scale (`lo` to `hi`), the quarters from 0
/// (the scenario's start) to its last, one line and a dot per quarter.
pub struct Measure<'a> {
    pub title: String,
    pub points: Vec<[f64; 2]>,
    pub lo: f64,
    pub hi: f64,
    pub colour: Color32,
    pub id: (&'a str, u32),
}

/// A plot of a fixed size that neither pans nor zooms: a chart to read, not to explore.
pub fn still_plot<'a>(id: impl egui::AsId, width: f32, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

pub fn measure_chart(ui: &mut Ui, m: Measure<'_>, quarters: u16, width: f32) {
    ui.vertical(|ui| {
        ui.set_width(width);
        let last = m.points.last().map_or_else(String::new, |p| {
            if m.hi - m.lo <= 10.0 {
                format!(": {:.1}", p[1])
            } else {
                format!(": {:.0}", p[1])
            }
        });
        ui.label(
            RichText::new(format!("{}{last}", m.title))
                .size(12.5)
                .strong(),
        );
        let points = m.points.clone();
        let name = m.title.clone();
        still_plot(m.id, width, 110.0)
            .show_x(false)
            .default_x_bounds(0.0, f64::from(quarters.max(1)))
            .default_y_bounds(m.lo, m.hi)
            .x_grid_spacer(quarter_marks)
            .y_grid_spacer(move |_| {
                [m.lo, (m.lo + m.hi) / 2.0, m.hi]
                    .into_iter()
                    .map(|value| GridMark {
                        value,
                        step_size: m.hi - m.lo,
                    })
                    .collect()
            })
            .x_axis_formatter(|mark, _| format!("Q{}", mark.value))
            .show(ui, move |plot| {
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(points.clone()))
                        .color(m.colour)
                        .width(2.0),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(m.colour)
                        .radius(3.0),
                );
            });
    });
}

/// A grid line and a label at every whole quarter in view, each strong enough to be
/// labelled (egui_plot labels only marks whose step is wide on screen).
pub fn quarter_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    (lo.ceil().max(0.0) as i64..=hi.floor() as i64)
        .map(|q| GridMark {
            value: q as f64,
            step_size: 100.0,
        })
        .collect()
}
