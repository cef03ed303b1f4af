//! The GUI's real UI functions driven by egui_kittest: start a scenario, plan an action,
//! see the budget change, end a quarter, read the results, reach the debrief. No GPU needed.

#![cfg(feature = "gui")]

use csm_sim::gui::{GuiState, Screen, app_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, GuiState> {
    let mut state = GuiState::new();
    let dir = std::env::temp_dir().join(format!("csm-gui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    state.save_path = dir.join("session.ron");
    state.study_path = dir.join(format!("study-{:?}.ron", std::thread::current().id()));
    let _ = std::fs::remove_file(&state.study_path);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(app_ui, state)
}

/// Ends `n` quarters as planned, answering no questions; after the last, opens the debrief.
fn play_quarters(h: &mut Harness<GuiState>, n: usize) {
    for _ in 0..n {
        h.get_by_label("End quarter (E)").click();
        h.run();
        let label = if h.state().rec.as_ref().unwrap().sim.finished() {
            "See the debrief (N)"
        } else {
            "Next quarter (N)"
        };
        h.get_by_label(label).click();
        h.run();
    }
}

fn hours_left(h: &Harness<GuiState>) -> f32 {
    h.state().rec.as_ref().unwrap().sim.budget().left()
}

#[test]
fn the_main_loop_from_start_to_debrief() {
    let mut h = harness();
    h.run();
    // Start: the tutorial is chosen by default; its details are shown.
    h.get_by_label("Your first book of business");
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Portfolio);
    // Open a customer and plan an action: the budget goes down.
    h.get_by_label("Northwind Traders").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Customer(_)));
    let before = hours_left(&h);
    h.get_by_label_contains("Stakeholder conversation —")
        .click();
    h.run();
    assert!(hours_left(&h) < before, "planning did not spend hours");
    assert_eq!(h.state().rec.as_ref().unwrap().sim.planned().len(), 1);
    // End the quarter and read what happened.
    h.get_by_label("End quarter (E)").click();
    h.run();
    assert_eq!(h.state().screen, Screen::EndOfQuarter(1));
    h.get_by_label("What happened in quarter 1");
    // The session was saved at the quarter's end.
    assert!(h.state().save_path.exists());
    h.get_by_label("Next quarter (N)").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Portfolio);
    assert!(
        (hours_left(&h) - 60.0).abs() < 1e-3,
        "the budget did not refill"
    );
    // Play out the rest and reach the debrief.
    play_quarters(&mut h, 3);
    assert_eq!(h.state().screen, Screen::Debrief);
    h.get_by_label_contains("Exam readiness");
    h.get_by_label("Export HTML report");
}

#[test]
fn a_planned_action_can_be_removed() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    // The coach names Contoso too; the last link is the portfolio's row.
    h.get_all_by_label("Contoso Health").last().unwrap().click();
    h.run();
    let before = hours_left(&h);
    h.get_by_label_contains("Observe the customer —").click();
    h.run();
    h.get_by_label("Back to the portfolio").click();
    h.run();
    h.get_by_label("Remove").click();
    h.run();
    assert!((hours_left(&h) - before).abs() < 1e-3);
    assert!(h.state().rec.as_ref().unwrap().sim.planned().is_empty());
}

#[test]
fn the_coach_lists_what_is_waiting_and_can_be_turned_off() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    // The tutorial starts with the coach on: Fabrikam's renewal has no work yet.
    h.get_by_label("What deserves attention this quarter and is not in your plan yet");
    h.get_by_label_contains("renews in 1 quarter and no renewal work has started");
    // Its name opens the customer; planning for it takes it off the list.
    h.get_all_by_label("Fabrikam Manufacturing")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Customer(_)));
    h.get_by_label_contains("Renewal risk analysis —").click();
    h.run();
    h.get_by_label("Back to the portfolio").click();
    h.run();
    assert!(
        h.query_by_label_contains("renews in 1 quarter").is_none(),
        "a customer with an action planned is still listed"
    );
    // Off: the list goes. This quarter was coached (the list was shown); the next one,
    // played without it, is not.
    h.get_by_label("Coach").click();
    h.run();
    assert!(
        h.query_by_label("What deserves attention this quarter and is not in your plan yet")
            .is_none()
    );
    assert!(!h.state().rec.as_ref().unwrap().coach);
    h.get_by_label("End quarter (E)").click();
    h.run();
    h.get_by_label("Next quarter (N)").click();
    h.run();
    h.get_by_label("End quarter (E)").click();
    h.run();
    assert_eq!(h.state().rec.as_ref().unwrap().coached, vec![1]);
}

#[test]
fn the_end_of_a_quarter_groups_judgements_by_rule() {
    let mut h = harness();
    h.run();
    h.get_by_label("mixed-portfolio").click();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    h.get_by_label("End quarter (E)").click();
    h.run();
    let q = h.state().rec.as_ref().unwrap();
    let judged: Vec<&str> = q
        .judge
        .judgements
        .iter()
        .filter(|j| j.quarter == 1)
        .map(|j| j.rule)
        .collect();
    let mut rules = judged.clone();
    rules.sort_unstable();
    rules.dedup();
    assert!(
        judged.len() > rules.len(),
        "no rule judged twice in quarter 1"
    );
    // One line a rule: as many "Well done" or "To do differently" lines as rules.
    let lines = h.query_all_by_label_contains("Well done:").count()
        + h.query_all_by_label_contains("To do differently:").count();
    assert_eq!(lines, rules.len());
    assert!(h.query_all_by_label_contains(" times: ").next().is_some());
}

#[test]
fn a_broken_scenario_file_shows_where_and_the_program_goes_on() {
    let dir = std::env::temp_dir().join(format!("csm-gui-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "Scenario(\n  id: \"x\",\n  quarters: \"four\",\n)").unwrap();
    let mut h = harness();
    h.state_mut().choose(bad.to_str().unwrap());
    h.run();
    let error = h.state().error.clone().unwrap();
    assert!(error.contains("bad.ron:3:"), "{error}");
    h.get_by_label_contains("Problem:");
    // Another scenario still starts.
    h.get_by_label("sponsor-loss").click();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Portfolio);
}

#[test]
fn knowledge_checks_are_answered_in_the_window() {
    let mut h = harness();
    h.run();
    h.get_by_label("sponsor-loss").click();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    h.get_by_label("End quarter (E)").click();
    h.run();
    assert!(!h.state().asking.is_empty());
    let asking = &h.state().asking[0];
    let first = format!("a) {}", asking.question.choices[asking.order[0]].text);
    let second = format!("b) {}", asking.question.choices[asking.order[1]].text);
    let two = asking.question.choose == 2;
    h.get_by_label(&first).click();
    h.run();
    if two {
        h.get_by_label(&second).click();
        h.run();
    }
    h.get_all_by_label("Answer").next().unwrap().click();
    h.run();
    assert_eq!(h.state().rec.as_ref().unwrap().answers.len(), 1);
    // The answer is explained at once.
    assert!(
        h.query_by_label_contains("Not quite.").is_some()
            || h.query_by_label_contains("Right.").is_some()
    );
}

#[test]
fn the_main_loop_works_from_the_keyboard() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    h.key_press(egui::Key::E);
    h.run();
    assert_eq!(h.state().screen, Screen::EndOfQuarter(1));
    h.key_press(egui::Key::N);
    h.run();
    assert_eq!(h.state().screen, Screen::Portfolio);
    assert_eq!(h.state().rec.as_ref().unwrap().sim.clock().quarter, 2);
    let scale = h.state().ui_scale;
    h.key_press(egui::Key::Plus);
    h.run();
    assert!(h.state().ui_scale > scale);
}

/// Ticks as many choices of the question on screen as it asks for and presses `button`.
fn answer_shown(h: &mut Harness<GuiState>, button: &str) {
    let p = h.state().practice.as_ref().unwrap();
    let asking = &p.questions[p.current];
    let labels: Vec<String> = (0..usize::from(asking.question.choose))
        .map(|k| {
            format!(
                "{}) {}",
                char::from(b'a' + k as u8),
                asking.question.choices[asking.order[k]].text
            )
        })
        .collect();
    for l in labels {
        h.get_by_label(&l).click();
        h.run();
    }
    h.get_by_label(button).click();
    h.run();
}

#[test]
fn practice_and_the_mock_exam_work_in_the_window() {
    let mut h = harness();
    h.run();
    h.get_by_label("Practise 10 questions").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Practice);
    h.get_by_label_contains("Question 1 of 10");
    answer_shown(&mut h, "Answer");
    assert!(
        h.query_by_label_contains("Not quite.").is_some()
            || h.query_by_label_contains("Right.").is_some()
    );
    h.get_by_label("Next").click();
    h.run();
    h.get_by_label_contains("Question 2 of 10");
    let record = std::fs::read_to_string(&h.state().study_path).unwrap();
    assert!(record.contains("seen: 1"), "{record}");
    h.get_by_label("Back to the start").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Start);

    h.get_by_label_contains("Mock exam: 60 questions").click();
    h.run();
    // The timer (a question's own text may say "left" too, so the exact label).
    assert!(
        h.query_by_label("90:00 left").is_some() || h.query_by_label("89:59 left").is_some(),
        "no timer shown"
    );
    h.get_by_label_contains("Question 1 of 60");
    answer_shown(&mut h, "Answer and next");
    h.get_by_label_contains("Question 2 of 60");
    h.get_by_label("Skip").click();
    h.run();
    h.get_by_label("Finish and mark").click();
    h.run();
    let marks = h.state().practice.as_ref().unwrap().marks.clone().unwrap();
    assert_eq!(marks.asked, 60);
    assert!(!marks.passed(), "one answer of 60 cannot pass");
    h.get_by_label_contains("Not passed");
    h.get_by_label("Review");
    let record = std::fs::read_to_string(&h.state().study_path).unwrap();
    assert!(record.contains("exams: ["), "{record}");
}

#[test]
fn a_trainee_joins_a_class_from_the_window_and_syncs() {
    let dir = std::env::temp_dir().join(format!("csm-gui-class-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("class.db");
    let scenario = csm_sim::scenario::Scenario::load("sponsor-loss").unwrap();
    let (class, _) = csm_sim::class::server::open_class(&db, Some(&scenario), None).unwrap();
    let addr = csm_sim::class::server::spawn(db, "127.0.0.1:0".parse().unwrap()).unwrap();
    let mut h = harness();
    h.run();
    h.state_mut().join_address = addr.to_string();
    h.state_mut().join_code = class.code.clone();
    h.state_mut().join_name = "Window trainee".into();
    h.get_by_label("Join").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Portfolio, "{:?}", h.state().error);
    assert!(h.state().rec.as_ref().unwrap().class.is_some());
    h.get_by_label("End quarter (E)").click();
    h.run();
    let message = h.state().message.clone().unwrap_or_default();
    assert!(
        message.contains("Synced with the class (quarter 1)"),
        "{message}"
    );
}

#[test]
fn the_window_has_glyphs_for_japanese_and_arrows() {
    let mut h = harness();
    h.run();
    h.run();
    let font = egui::FontId::proportional(14.0);
    for text in [
        "株式会社ノースウィンド",
        "はじめての担当",
        "$900,000 → $725,597",
    ] {
        let ok = h.ctx.fonts_mut(|f| f.has_glyphs(&font, text));
        assert!(ok, "no glyphs for {text:?}");
    }
}

#[test]
fn a_health_decline_is_read_in_the_window() {
    use csm_sim::scenario::Scenario;
    use csm_sim::session::Recorder;
    use csm_sim::sim::types::HealthDriver;
    let mut h = harness();
    {
        // quality-crisis, seed 11, at quarter 3: Blue Sky's quality has collapsed.
        let mut rec = Recorder::new(
            std::sync::Arc::new(Scenario::load("quality-crisis").unwrap()),
            11,
        );
        rec.end_quarter();
        rec.end_quarter();
        let state = h.state_mut();
        state.rec = Some(rec);
        state.screen = Screen::Portfolio;
    }
    h.run();
    h.get_by_label_contains("Health fell last quarter at");
    h.get_by_label_contains("Health fell (").click();
    h.run();
    h.get_by_label("Blue Sky Logistics").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Customer(_)));
    let before = hours_left(&h);
    h.get_by_label("quality").click();
    h.run();
    let sim = &h.state().rec.as_ref().unwrap().sim;
    assert_eq!(sim.readings().len(), 1);
    assert_eq!(sim.readings()[0].driver, HealthDriver::Quality);
    assert!((before - hours_left(&h) - 1.0).abs() < 1e-3);
    h.get_by_label_contains("You read it as quality");
}

#[test]
fn the_use_case_a_plan_targets_is_chosen_on_the_customer_page_and_recorded() {
    use csm_sim::sim::customer::UseCase;
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    h.get_all_by_label("Contoso Health").last().unwrap().click();
    h.run();
    h.get_by_label("Use cases: none written yet (2.8)");
    h.get_by_label_contains("Bought as: subscription");
    // The second "choose…" is the use case's (the first is the outcome's).
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("reporting and analytics on the operation")
        .click();
    h.run();
    h.get_by_label("Use cases: targets reporting and analytics on the operation first (2.8)");
    let rec = h.state().rec.as_ref().unwrap();
    assert_eq!(rec.use_cases.len(), 1);
    assert_eq!(rec.use_cases[0].use_case, UseCase::Reporting);
    assert_eq!(rec.use_cases[0].customer, "contoso");
}

#[test]
fn the_window_speaks_japanese_when_chosen_and_switches_to_the_light_theme() {
    // The choice stays on this test's thread (with_language), not the others'.
    csm_sim::i18n::with_language("en", || {
        let mut h = harness();
        h.run();
        h.get_by_label("Built-in scenarios");
        h.get_all_by_role(egui::accesskit::Role::ComboBox)
            .next()
            .unwrap()
            .click();
        h.run();
        h.get_by_label("日本語").click();
        h.run();
        assert_eq!(csm_sim::i18n::current().id, "ja");
        h.run();
        h.get_by_label("組み込みシナリオ");
        h.get_by_label("開始").click();
        h.run();
        h.get_by_label("ポートフォリオ (P)");
        // No settings file is written by a test's window.
        assert!(!h.state().keep_settings);
        assert_eq!(h.state().theme, csm_sim::settings::Theme::Dark);
        h.get_by_label("ライト").click();
        h.run();
        assert_eq!(h.state().theme, csm_sim::settings::Theme::Light);
        assert!(
            h.ctx.global_style().visuals.window_fill.r() > 128,
            "not light"
        );
    });
}

#[test]
fn a_customers_charts_start_at_the_scenarios_start_and_survive_a_resume() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    for _ in 0..2 {
        h.get_by_label("End quarter (E)").click();
        h.run();
        h.get_by_label("Next quarter (N)").click();
        h.run();
    }
    let played = h.state().rec.as_ref().unwrap().history.clone();
    let id = *played.keys().next().unwrap();
    let quarters: Vec<u16> = played[&id].iter().map(|s| s.quarter).collect();
    assert_eq!(quarters, [0, 1, 2], "the charts do not start at quarter 0");
    // A new window resumes the saved game: the same history, rebuilt by replaying it.
    let path = h.state().save_path.clone();
    let mut again = harness();
    again.state_mut().resume_path = path.display().to_string();
    again.state_mut().resume();
    again.run();
    let resumed = &again.state().rec.as_ref().unwrap().history;
    assert_eq!(resumed.len(), played.len());
    for (c, snaps) in &played {
        let back: Vec<(u16, f32)> = resumed[c].iter().map(|s| (s.quarter, s.health)).collect();
        let before: Vec<(u16, f32)> = snaps.iter().map(|s| (s.quarter, s.health)).collect();
        assert_eq!(back, before, "customer {c}'s history changed on resume");
    }
    // Each measure has a chart of its own, titled with its scale and its latest value.
    again.get_by_label("Northwind Traders").click();
    again.run();
    for title in [
        "Health (0–100): ",
        "Utilisation % (0–100): ",
        "NPS (−100 to 100): ",
        "CSAT (1–5): ",
    ] {
        again.get_by_label_contains(title);
    }
}

#[test]
fn the_portfolio_shows_renewal_timing_and_the_top_bar_shows_figures_as_cards() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    // The tutorial: Fabrikam renews at the end of quarter 2, Contoso of quarter 3.
    h.get_by_label("next quarter");
    h.get_by_label("in 2 quarters");
    h.get_by_label("ATR this quarter (0 renewals)");
    h.get_by_label("customers yellow");
    h.get_by_label("ARR at the quarter's start");
    // A quarter later Fabrikam renews this quarter and the card counts it.
    h.get_by_label("End quarter (E)").click();
    h.run();
    h.get_by_label("Next quarter (N)").click();
    h.run();
    h.get_by_label("this quarter");
    h.get_by_label("ATR this quarter (1 renewal)");
}

#[test]
fn the_debrief_tells_the_stories_and_folds_what_went_well() {
    let mut h = harness();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    // Fabrikam renews at the end of quarter 2: work started a quarter ahead is judged good.
    h.get_all_by_label("Fabrikam Manufacturing")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("Renewal risk analysis —").click();
    h.run();
    play_quarters(&mut h, 4);
    assert_eq!(h.state().screen, Screen::Debrief);
    h.get_by_label("Business results");
    h.get_by_label("ARR at the end of each quarter");
    h.get_by_label("What happened, and why");
    // Every renewal decision of the tutorial is told with its chance.
    let told = h.query_all_by_label_contains("renewal chance ").count()
        + h.query_all_by_label_contains("routine renewal").count();
    assert!(told > 0, "no outcome told");
    // What went well is folded: its rules show once opened.
    h.get_by_label_contains("What you did well (");
    let header = (1..40)
        .flat_map(|n| [format!("{n} kind"), format!("{n} kinds")])
        .find(|l| h.query_by_label(l).is_some())
        .expect("what went well is not folded under \"N kinds\"");
    let before = h.query_all_by_label_contains(" once").count()
        + h.query_all_by_label_contains(" times").count();
    // Below the fold: clicked as a screen reader would.
    h.get_by_label(&header).click_accesskit();
    h.run();
    let after = h.query_all_by_label_contains(" once").count()
        + h.query_all_by_label_contains(" times").count();
    assert!(after > before, "opening what went well showed nothing");
}
