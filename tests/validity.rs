//! The first law, tested: on every shipped scenario the simulation rewards what a good CSM
//! does. The reference playbooks in `playbooks/` run on the same seeds; a textbook CSM must
//! clearly beat doing nothing, wrong remedies must keep little of its gain, and no
//! degenerate playbook (paperwork, expansion spam, no diagnosis) may reach it. Every
//! condition is checked on NRR over the scenario and on NRR with the renewal outlook
//! (every contract at its expected ARR at its next renewal, `docs/model.md` §11).

use csm_sim::cli::compare::{PlaybookResult, ScenarioComparison, compare_playbooks};
use csm_sim::scenario::builtin;

/// Seeds per scenario: enough for means stable to well under a point.
fn seeds_for(scenario: &str) -> u32 {
    match scenario {
        "large-portfolio" => 20,
        "mixed-portfolio" => 400,
        _ => 1000,
    }
}

const PLAYBOOKS: [&str; 7] = [
    "textbook",
    "do-nothing",
    "wrong-remedies",
    "paperwork",
    "expansion-spam",
    "no-diagnosis",
    "sensible",
];

fn by_name<'a>(sc: &'a ScenarioComparison, source: &str) -> &'a PlaybookResult {
    sc.playbooks
        .iter()
        .find(|p| p.source == source)
        .unwrap_or_else(|| panic!("{source} missing from the comparison"))
}

/// Checks the first law on one measure; returns every violation in words.
fn violations(
    sc: &ScenarioComparison,
    measure: &str,
    get: fn(&PlaybookResult) -> csm_sim::cli::batch::Spread,
) -> Vec<String> {
    let mut out = Vec::new();
    let textbook = get(by_name(sc, "textbook"));
    let nothing = get(by_name(sc, "do-nothing"));
    let gain = textbook.mean - nothing.mean;
    let id = &sc.scenario;
    if gain < 0.03 {
        out.push(format!(
            "{id}: textbook {measure} {:.3} is not 3 points above doing nothing's {:.3}",
            textbook.mean, nothing.mean
        ));
    }
    if textbook.p5 <= nothing.median {
        out.push(format!(
            "{id}: textbook's 5th percentile {measure} {:.3} is not above doing nothing's median {:.3}",
            textbook.p5, nothing.median
        ));
    }
    let wrong = get(by_name(sc, "wrong-remedies"));
    if wrong.mean - nothing.mean > gain / 3.0 {
        out.push(format!(
            "{id}: wrong remedies keep {:.0} % of textbook's {measure} gain (at most a third)",
            (wrong.mean - nothing.mean) / gain * 100.0
        ));
    }
    for degenerate in [
        "wrong-remedies",
        "paperwork",
        "expansion-spam",
        "no-diagnosis",
    ] {
        let d = get(by_name(sc, degenerate));
        if d.mean >= textbook.mean {
            out.push(format!(
                "{id}: {degenerate} reaches textbook's mean {measure} ({:.3} ≥ {:.3})",
                d.mean, textbook.mean
            ));
        }
    }
    out
}

#[test]
fn good_play_wins_on_every_shipped_scenario() {
    let playbooks: Vec<String> = PLAYBOOKS.iter().map(|s| s.to_string()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut problems = Vec::new();
    let mut table = String::new();
    for (name, _) in builtin::ALL {
        let c = compare_playbooks(
            &[name.to_string()],
            &playbooks,
            seeds_for(name),
            None,
            threads,
            false,
            false,
        )
        .unwrap();
        let sc = &c.scenarios[0];
        for p in &sc.playbooks {
            table.push_str(&format!(
                "{name:<16} {:<16} NRR {:6.1} % (p5 {:6.1}, median {:6.1})  outlook {:6.1} % (p5 {:6.1}, median {:6.1})\n",
                p.source,
                p.nrr.mean * 100.0,
                p.nrr.p5 * 100.0,
                p.nrr.median * 100.0,
                p.outlook_nrr.mean * 100.0,
                p.outlook_nrr.p5 * 100.0,
                p.outlook_nrr.median * 100.0,
            ));
        }
        problems.extend(violations(sc, "NRR", |p| p.nrr));
        problems.extend(violations(sc, "outlook NRR", |p| p.outlook_nrr));
    }
    println!("{table}");
    assert!(
        problems.is_empty(),
        "the simulation does not reward good play:\n{}\n\n{table}",
        problems.join("\n")
    );
}
