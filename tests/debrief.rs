//! The debrief of a known run: its scores, its sections, and the same bytes every time.

use std::sync::Arc;

use csm_sim::exam::debrief::Debrief;
use csm_sim::exam::judge::Judge;
use csm_sim::playbook::Playbook;
use csm_sim::scenario::Scenario;
use csm_sim::sim::Simulation;

fn known_run() -> (Simulation, Judge) {
    played("sponsor-loss", 3, "sensible")
}

/// A scenario played to its end by a playbook, judged.
fn played(scenario: &str, seed: u64, playbook: &str) -> (Simulation, Judge) {
    let scenario = Arc::new(Scenario::load(scenario).unwrap());
    let mut sim = Simulation::new(scenario, seed);
    let mut judge = Judge::new();
    let playbook = Playbook::load(playbook).unwrap();
    while !sim.finished() {
        playbook.plan_quarter(&mut sim);
        judge.end_quarter(&mut sim);
    }
    (sim, judge)
}

#[test]
fn the_debrief_of_a_known_run_has_the_expected_scores() {
    let (sim, judge) = known_run();
    let d = Debrief::new(&sim, &judge, &[]);
    let s = sim.summary();
    assert_eq!((d.business.grr, d.business.nrr), (s.grr, s.nrr));
    assert_eq!(d.business.targets.len(), 3);
    assert_eq!(d.per_quarter.len(), 6);
    // Pinned from this run; if the model or the rules change on purpose, update them.
    let mistakes: u32 = d.readiness.domains.iter().map(|x| x.mistakes).sum();
    let good: u32 = d.readiness.domains.iter().map(|x| x.good).sum();
    assert_eq!((good, mistakes), (76, 4), "judged evidence changed");
    assert!(
        (d.readiness.overall - 0.6998).abs() < 1e-3,
        "readiness {}",
        d.readiness.overall
    );
    assert_eq!(d.readiness.study_next.len(), 3);
    // Every renewal decision is explained.
    let renewals = sim
        .journal()
        .entries
        .iter()
        .filter(|e| {
            matches!(
                e.event,
                csm_sim::sim::journal::Event::Renewed { .. }
                    | csm_sim::sim::journal::Event::Downsold { .. }
                    | csm_sim::sim::journal::Event::Churned { .. }
            )
        })
        .count();
    let explained = d.outcomes.iter().filter(|o| o.kind != "expanded").count();
    assert_eq!(renewals, explained);
    assert!(d.outcomes.iter().all(|o| !o.why.is_empty()));
    // Every renewal decision carries the chance it was drawn against, in its story too;
    // expansions carry none.
    for o in &d.outcomes {
        match o.chance {
            Some(p) => {
                assert!((0.0..=1.0).contains(&p), "{o:?}");
                assert!(o.why.contains("renewal chance"), "{o:?}");
                let unlikely = (o.kind == "renewed") == (p < 0.5);
                assert_eq!(
                    o.why.contains("the unlikely branch came up"),
                    unlikely,
                    "{o:?}"
                );
            }
            None => assert_eq!(o.kind, "expanded", "{o:?}"),
        }
    }
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let (sim, judge) = known_run();
    let html = Debrief::new(&sim, &judge, &[]).to_html();
    for part in [
        "Business results",
        "Exam readiness",
        "Study next",
        "Your decisions, judged",
        "What happened, and why",
        "<svg",
    ] {
        assert!(html.contains(part), "missing {part}");
    }
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    let (sim2, judge2) = known_run();
    assert_eq!(html, Debrief::new(&sim2, &judge2, &[]).to_html());
    let json = serde_json::to_string(&Debrief::new(&sim, &judge, &[])).unwrap();
    assert_eq!(
        json,
        serde_json::to_string(&Debrief::new(&sim2, &judge2, &[])).unwrap()
    );
}

#[test]
fn a_saved_session_gives_the_same_debrief() {
    use csm_sim::exam::checks::{Answer, pick};
    use csm_sim::session::{Recorder, Session};
    use std::collections::BTreeSet;
    let scenario = Arc::new(Scenario::load("sponsor-loss").unwrap());
    let mut rec = Recorder::new(scenario, 5);
    let playbook = Playbook::load("sensible").unwrap();
    while !rec.sim.finished() {
        playbook.plan_quarter(&mut rec.sim);
        let q = rec.sim.clock().quarter;
        rec.end_quarter();
        // Answer the quarter's knowledge checks, alternating right and wrong.
        let asked: BTreeSet<String> = rec.answers.iter().map(|a| a.question.clone()).collect();
        for (k, question) in pick(&rec.sim, &rec.judge, q, &asked, 2)
            .into_iter()
            .enumerate()
        {
            let mut chosen = question.answers();
            if k == 1 {
                // One right choice swapped for a wrong one.
                chosen[0] = (0..question.choices.len())
                    .find(|i| !question.choices[*i].correct)
                    .unwrap();
            }
            rec.answers.push(Answer::new(q, &question.id, &chosen));
        }
    }
    let original = Debrief::new(&rec.sim, &rec.judge, &rec.answers);
    assert_eq!(original.checks.len(), 12);
    assert_eq!(original.checks.iter().filter(|c| c.correct).count(), 6);
    let text = ron::ser::to_string(&rec.to_session()).unwrap();
    let replayed = Session::parse("s.ron", &text)
        .unwrap()
        .replay("s.ron")
        .unwrap();
    let again = Debrief::new(&replayed.sim, &replayed.judge, &replayed.answers);
    assert_eq!(
        serde_json::to_string(&original).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

/// A 60-customer debrief reads in a couple of screens: routine renewals are counted by
/// quarter, not listed; what went well and the many exceptions are folded; the JSON keeps
/// every story.
#[test]
fn a_large_debrief_is_short_and_keeps_every_story() {
    let (sim, judge) = played("mixed-portfolio", 2024, "textbook");
    let d = Debrief::new(&sim, &judge, &[]);
    let routine: Vec<_> = d.outcomes.iter().filter(|o| o.routine).collect();
    assert!(!routine.is_empty(), "no routine renewal in 60 customers");
    for o in &routine {
        assert_eq!(o.kind, "renewed", "{o:?}");
        assert!(
            o.chance
                .is_some_and(|p| p >= csm_sim::exam::debrief::ROUTINE_CHANCE)
        );
        assert!(o.why.contains("nothing stood against it"), "{o:?}");
    }
    let html = d.to_html();
    // Outside the folded parts, only a few table rows remain.
    let mut open = String::new();
    let mut rest = html.as_str();
    while let Some(i) = rest.find("<details>") {
        open.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = &rest[rest.find("</details>").unwrap() + "</details>".len()..];
    }
    open.push_str(rest);
    let rows = open.matches("<tr").count();
    assert!(rows <= 30, "{rows} table rows shown open");
    assert!(html.contains(&format!("{} routine renewals", routine.len())));
    // A routine renewal is not told one by one in the page; every exception is.
    let told = html.matches("<tr class=\"renewed\">").count();
    let exceptions = d
        .outcomes
        .iter()
        .filter(|o| o.kind == "renewed" && !o.routine)
        .count();
    assert_eq!(told, exceptions);
}
