//! The trainee's desktop window: Bevy's window and renderer with egui on top. UI code is
//! plain functions over [`GuiState`]; the one Bevy system here only fetches the egui
//! context and calls [`app::app_ui`]. No game rule lives in this module.

mod app;
mod customer;
mod debrief;
mod portfolio;
mod practice;
mod quarter;
mod question;
mod start;
mod state;
mod widgets;

use std::process::ExitCode;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

pub use app::app_ui;
pub use state::{GuiState, Screen};

/// A study screen to open the window on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Study {
    Quiz,
    Exam,
}

/// Opens the window. Without a display it says so in one line and returns a failure code.
pub fn run(
    scenario: Option<&str>,
    start: bool,
    resume: Option<&std::path::Path>,
    study: Option<Study>,
) -> anyhow::Result<ExitCode> {
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()));
    if !has_display {
        eprintln!("{}", tr!("no-display"));
        return Ok(ExitCode::from(3));
    }
    let mut state = GuiState::new();
    state.keep_settings = true;
    state.theme = crate::settings::Settings::load().theme.unwrap_or_default();
    if let Some(spec) = scenario {
        state.choose(spec);
    }
    if let Some(path) = resume {
        state.resume_path = path.display().to_string();
        state.resume();
    } else if start {
        state.start();
    }
    match study {
        Some(Study::Quiz) => state.start_quiz(10),
        Some(Study::Exam) => state.start_exam(
            crate::exam::practice::QUESTIONS,
            crate::exam::practice::MINUTES,
        ),
        None => {}
    }
    explain_graphics_failures();
    App::new()
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: tr!("window-title"),
                        ..default()
                    }),
                    ..default()
                })
                // A desktop program, not a server: only warnings and errors, and none of
                // the graphics stack's chatter (RUST_LOG still overrides this).
                .set(bevy::log::LogPlugin {
                    level: bevy::log::Level::WARN,
                    filter:
                        "wgpu=off,wgpu_hal=off,wgpu_core=off,naga=off,winit=error,bevy_render=error"
                            .to_owned(),
                    ..default()
                }),
        )
        .add_plugins(EguiPlugin::default())
        .insert_resource(state)
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, draw)
        .run();
    Ok(ExitCode::SUCCESS)
}

/// Turns the renderer's panic when no graphics driver can be used into one line that says
/// what is missing and what works instead, and a failure code; other panics keep the
/// standard report.
fn explain_graphics_failures() {
    let standard = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let graphics = ["GPU", "adapter", "graphics"]
            .iter()
            .any(|w| text.contains(w));
        // winit's words when it cannot reach the display server or load its libraries.
        let windowing = [
            "X11",
            "XOpenDisplay",
            "Wayland",
            "event loop",
            "EventLoop",
            "backend",
        ]
        .iter()
        .any(|w| text.contains(w));
        if graphics || windowing {
            eprintln!(
                "{}",
                if graphics {
                    tr!("no-graphics-driver")
                } else {
                    tr!("no-usable-display")
                }
            );
            std::process::exit(if graphics { 4 } else { 3 });
        }
        standard(info);
    }));
}

/// Fetches the egui context and draws the application into a full-window `Ui`.
fn draw(mut contexts: EguiContexts, mut state: ResMut<GuiState>) -> Result {
    let ctx = contexts.ctx_mut()?;
    // egui 0.36 shows panels inside a `Ui`: make one that covers the window.
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| app_ui(ui, &mut state));
    Ok(())
}
