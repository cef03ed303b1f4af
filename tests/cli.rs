//! The `csm-sim` program as a user runs it: exit codes, messages, JSON, play, save, replay.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_csm-sim"));
    // The tests read English, whatever the machine's locale or saved setting.
    c.env("CSM_SIM_LANG", "en")
        .env("CSM_SIM_SETTINGS", "/nonexistent/csm-sim-settings.ron");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("csm-sim-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A study record of the test's own, so that tests never write into the user's.
fn study_file() -> PathBuf {
    temp_dir("study").join(format!("study-{:?}.ron", std::thread::current().id()))
}

fn play(args: &[&str], input: &str) -> Output {
    let mut cmd = bin();
    cmd.arg("play")
        .env("CSM_SIM_STUDY", study_file())
        .args(args);
    with_input(cmd, input)
}

/// Runs a command with `input` on its standard input.
fn with_input(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Plays interactively: `reply` gets each prompt line (`Q3> ` or `… Your answer (…): `) and
/// returns the line to send, or `None` to close the input. Returns the exit status and all
/// of standard output.
fn play_driven(
    args: &[&str],
    mut reply: impl FnMut(&str) -> Option<String>,
) -> (std::process::ExitStatus, String) {
    use std::io::Read;
    let mut child = bin()
        .arg("play")
        .env("CSM_SIM_STUDY", study_file())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take().unwrap();
    let mut all = Vec::new();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).unwrap() == 1 {
        all.push(byte[0]);
        if byte[0] == b'\n' {
            line.clear();
            continue;
        }
        line.push(byte[0]);
        let text = String::from_utf8_lossy(&line);
        let game = text.starts_with('Q') && text.ends_with("> ");
        let question = text.contains("Your answer (") && text.ends_with("): ");
        if game || question {
            match (reply(&text), stdin.as_mut()) {
                (Some(l), Some(w)) => {
                    w.write_all(format!("{l}\n").as_bytes()).unwrap();
                    w.flush().unwrap();
                }
                _ => stdin = None,
            }
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    (status, String::from_utf8_lossy(&all).into_owned())
}

#[test]
fn no_command_opens_the_window_or_says_why_not() {
    // Without a display, the window cannot open: one clear line and a failure code.
    let o = bin()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let (_, err) = text(&o);
    if cfg!(feature = "gui") {
        assert_eq!(o.status.code(), Some(3), "{err}");
        assert!(err.contains("csm-sim play"), "{err}");
    } else {
        assert!(o.status.success(), "{err}");
    }
}

#[test]
fn check_accepts_every_shipped_scenario() {
    let files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    assert!(files.len() >= 5);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(out.matches(": ok").count(), files.len(), "{out}");
}

#[test]
fn check_rejects_a_broken_file_with_its_location() {
    let dir = temp_dir("check");
    let path = dir.join("bad.ron");
    std::fs::write(&path, "Scenario(\n  id: \"x\",\n  quarters: -1,\n)").unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.starts_with(&format!("{}:", path.display())), "{err}");
    assert!(err.contains(":1:") || err.contains(":4:"), "{err}");
}

#[test]
fn bad_input_exits_non_zero_with_a_clear_message() {
    let o = run(&["fly"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["run", "/no/such/file.ron"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("/no/such/file.ron: cannot read the file"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn run_json_has_the_promised_fields() {
    let o = run(&[
        "run",
        "sponsor-loss",
        "--seed",
        "3",
        "--playbook",
        "sensible",
        "--json",
    ]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "scenario",
        "seed",
        "quarters",
        "start_arr",
        "end_arr",
        "grr",
        "nrr",
        "churned_arr",
        "expansion_arr",
        "customers",
        "churned_customers",
        "per_quarter",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["seed"], 3);
    assert_eq!(v["per_quarter"].as_array().unwrap().len(), 6);
    // The same command gives the same bytes.
    assert_eq!(
        out,
        text(&run(&[
            "run",
            "sponsor-loss",
            "--seed",
            "3",
            "--playbook",
            "sensible",
            "--json"
        ]))
        .0
    );
}

#[test]
fn run_with_recorded_actions() {
    let dir = temp_dir("actions");
    let path = dir.join("actions.ron");
    std::fs::write(
        &path,
        r#"[
    (quarter: 1, action: build_success_plan, customer: "northwind"),
    (quarter: 2, action: qbr, customer: "northwind"),
    (quarter: 1, action: phased_replan, customer: "contoso"),
]"#,
    )
    .unwrap();
    let o = run(&[
        "run",
        "tutorial",
        "--actions",
        path.to_str().unwrap(),
        "--json",
    ]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("\"nrr\""));

    std::fs::write(
        &path,
        "[(quarter: 1, action: qbr, customer: \"northwind\")]",
    )
    .unwrap();
    let o = run(&["run", "tutorial", "--actions", path.to_str().unwrap()]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("cannot be planned") && err.contains("success plan"),
        "{err}"
    );
}

#[test]
fn batch_results_do_not_depend_on_the_number_of_threads() {
    let one = run(&[
        "batch",
        "sponsor-loss",
        "--seeds",
        "40",
        "--playbook",
        "sensible",
        "--threads",
        "1",
        "--json",
    ]);
    let two = run(&[
        "batch",
        "sponsor-loss",
        "--seeds",
        "40",
        "--playbook",
        "sensible",
        "--threads",
        "2",
        "--json",
    ]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let nrr = &v["nrr"];
    assert!(nrr["p5"].as_f64().unwrap() <= nrr["mean"].as_f64().unwrap());
    assert!(nrr["mean"].as_f64().unwrap() <= nrr["p95"].as_f64().unwrap());
    let median = nrr["median"].as_f64().unwrap();
    assert!(nrr["p5"].as_f64().unwrap() <= median && median <= nrr["p95"].as_f64().unwrap());
    assert_eq!(v["playbook"], "Sensible CSM");
    assert!(v["outlook_nrr"]["mean"].as_f64().is_some());
}

#[test]
fn compare_puts_playbooks_and_doing_nothing_side_by_side() {
    let dir = temp_dir("compare");
    let out = dir.join("cmp");
    let o = run(&[
        "compare",
        "sponsor-loss",
        "tutorial",
        "--playbook",
        "textbook",
        "--playbook",
        "wrong-remedies",
        "--seeds",
        "60",
        "--report",
        out.to_str().unwrap(),
    ]);
    let (text_out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    for name in [
        "Textbook CSM",
        "Wrong remedies",
        "Do nothing",
        "sponsor-loss",
        "tutorial",
    ] {
        assert!(text_out.contains(name), "{name} missing:\n{text_out}");
    }
    // Every playbook but the first has a paired difference with an interval.
    assert!(text_out.contains("first: Textbook CSM"), "{text_out}");
    let html = std::fs::read_to_string(dir.join("cmp.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("Wrong remedies"));
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "the page is self-contained"
    );

    let o = run(&[
        "compare",
        "quality-crisis",
        "--playbook",
        "textbook",
        "--playbook",
        "paperwork",
        "--seeds",
        "50",
        "--json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let books = v["scenarios"][0]["playbooks"].as_array().unwrap();
    assert_eq!(books.len(), 3, "textbook, paperwork and doing nothing");
    assert!(books[0]["vs_first"].is_null());
    let d = &books[1]["vs_first"]["nrr"];
    let (low, mean, high) = (
        d["low"].as_f64().unwrap(),
        d["mean"].as_f64().unwrap(),
        d["high"].as_f64().unwrap(),
    );
    assert!(low <= mean && mean <= high);
    // Paperwork does worse than the textbook on the same seeds.
    assert!(high < 0.0, "{d}");
    for key in ["mean", "median", "p5", "p95"] {
        assert!(books[0]["readiness"][key].as_f64().is_some(), "{key}");
    }
    assert!(books[0]["targets_met"].as_f64().unwrap() > 0.0);

    // Bad input: a broken playbook is located and refused, an unknown scenario named.
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "Playbook(name: \"x\", rules: [ForEach(action: teleport)])",
    )
    .unwrap();
    let o = run(&["compare", "tutorial", "--playbook", bad.to_str().unwrap()]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bad.ron:1:") && err.contains("teleport"),
        "{err}"
    );
    let o = run(&["compare", "no-such-scenario", "--playbook", "textbook"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_validates_playbooks_and_action_files_too() {
    let dir = temp_dir("check-kinds");
    // Every reference playbook is valid, and against a scenario too.
    let mut args: Vec<String> = vec!["check".into(), "--against".into(), "mixed-portfolio".into()];
    for entry in std::fs::read_dir("playbooks").unwrap() {
        args.push(entry.unwrap().path().display().to_string());
    }
    let o = bin().args(&args).output().unwrap();
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("ok — playbook \"Textbook CSM\""), "{out}");
    assert!(
        err.is_empty(),
        "no warnings for the shipped playbooks: {err}"
    );
    // A rule that can never plan anything is pointed at.
    let odd = dir.join("odd.ron");
    std::fs::write(
        &odd,
        "// one-to-many in a ForEach\nPlaybook(name: \"odd\", rules: [\n    ForEach(action: adoption_campaign),\n])",
    )
    .unwrap();
    let o = run(&["check", odd.to_str().unwrap()]);
    let (_, err) = text(&o);
    assert!(o.status.success());
    assert!(
        err.contains("odd.ron:3:") && err.contains("warning"),
        "{err}"
    );
    // Action files: a good one, and one whose target does not suit its action.
    let good = dir.join("good.ron");
    std::fs::write(
        &good,
        "[(quarter: 1, action: qbr, customer: \"northwind\")]",
    )
    .unwrap();
    let o = run(&["check", good.to_str().unwrap(), "--against", "tutorial"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("1 recorded actions"), "{out}");
    let wrong = dir.join("wrong.ron");
    std::fs::write(
        &wrong,
        "[\n  (quarter: 1, action: qbr, segment: \"enterprise\"),\n  (quarter: 9, action: qbr, customer: \"nobody\"),\n]",
    )
    .unwrap();
    let o = run(&["check", wrong.to_str().unwrap(), "--against", "tutorial"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("wrong.ron:2:") && err.contains("one-to-one"),
        "{err}"
    );
    assert!(
        err.contains("wrong.ron:3:") && err.contains("no customer \"nobody\""),
        "{err}"
    );
    assert!(err.contains("4 quarters"), "{err}");
}

#[test]
fn plan_with_an_action_plans_it_and_do_alone_says_how() {
    let dir = temp_dir("plan-alias");
    let save = dir.join("s.ron");
    let o = play(
        &["tutorial", "--save", save.to_str().unwrap()],
        "plan review_account_data northwind\ndo\nplan\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Planned Review account data"), "{out}");
    assert!(out.contains("Usage: do ACTION CUSTOMER|SEGMENT"), "{out}");
    assert!(!out.contains("Nothing planned yet this quarter"), "{out}");
}

#[test]
fn the_portfolio_sorts_by_health_arr_or_renewal() {
    let dir = temp_dir("portfolio-sort");
    let save = dir.join("s.ron");
    let o = play(
        &["mixed-portfolio", "--save", save.to_str().unwrap()],
        "portfolio by health\nportfolio by arr\nportfolio by colour\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let tables: Vec<&str> = out.split("Q1> ").collect();
    // A column of a table: the health score (before its band) or the ARR.
    let health: Vec<f64> = tables[1]
        .lines()
        .skip(1)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let band = w
                .iter()
                .position(|x| matches!(*x, "RED" | "yellow" | "green"))?;
            w[band - 1].parse().ok()
        })
        .collect();
    assert!(health.len() > 20, "{out}");
    assert!(health.windows(2).all(|p| p[0] <= p[1]), "{health:?}");
    let arr: Vec<i64> = tables[2]
        .lines()
        .skip(1)
        .filter_map(|l| {
            let w = l.split_whitespace().find(|x| x.starts_with('$'))?;
            w.trim_start_matches('$').replace(',', "").parse().ok()
        })
        .collect();
    assert!(arr.len() > 20, "{out}");
    assert!(arr.windows(2).all(|p| p[0] >= p[1]), "{arr:?}");
    assert!(out.contains("Cannot sort by \"colour\""), "{out}");
}

#[test]
fn a_customers_history_does_not_tell_of_barriers_not_yet_found() {
    // Quality-crisis's problems begin hidden in quarter 1; `show` after it must not say so.
    let dir = temp_dir("hidden-history");
    let save = dir.join("s.ron");
    let o = play(
        &["quality-crisis", "--save", save.to_str().unwrap()],
        "end\nskip\nskip\nshow coho\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(!out.contains("not yet visible to you"), "{out}");
}

#[test]
fn play_save_resume_and_replay() {
    let dir = temp_dir("play");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    let o = play(
        &["tutorial", "--save", save_arg],
        "help\nportfolio\nshow northwind\nactions northwind\ndo build_success_plan northwind\ndo teleport northwind\nplan\nend\nskip\nskip\ndo qbr northwind\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Northwind Traders"), "{out}");
    assert!(out.contains("Planned Build the success plan"), "{out}");
    assert!(out.contains("Unknown action \"teleport\""), "{out}");
    assert!(out.contains("What happened in quarter 1"), "{out}");
    assert!(out.contains("Saved to"), "{out}");

    let o = run(&["replay", save_arg]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("reproduced"), "{err}");

    // Resume: the pending QBR is still planned, and the game goes on to the end.
    let o = play(
        &["--resume", save_arg, "--save", save_arg],
        "plan\nend\nskip\nskip\nend\nskip\nskip\nend\nskip\nskip\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Quarterly success review"), "{out}");
    assert!(out.contains("The scenario is over"), "{out}");
    let o = run(&["replay", save_arg]);
    assert!(o.status.success(), "{}", text(&o).1);
}

#[test]
fn a_session_from_the_old_rules_is_refused_with_its_reason() {
    let dir = temp_dir("old-model");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    let o = play(&["tutorial", "--save", save_arg], "end\nquit\n");
    assert!(o.status.success(), "{}", text(&o).1);
    let saved = std::fs::read_to_string(&save).unwrap();
    let model = format!("model: {},", csm_sim::session::MODEL);
    assert!(saved.contains(&model), "{saved}");
    // A file written before the model had a version: it was played under version 1.
    let old = saved.replace(&model, "");
    std::fs::write(&save, &old).unwrap();
    for args in [vec!["replay", save_arg], vec!["play", "--resume", save_arg]] {
        let o = bin().args(&args).stdin(Stdio::null()).output().unwrap();
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("version 1") && err.contains("new session"),
            "{err}"
        );
    }
    // Nothing was overwritten.
    assert_eq!(std::fs::read_to_string(&save).unwrap(), old);
}

#[test]
fn a_tampered_session_is_caught() {
    let dir = temp_dir("tamper");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    let o = play(
        &["tutorial", "--save", save_arg],
        "do build_success_plan northwind\nend\nquit\n",
    );
    assert!(o.status.success());
    let original = std::fs::read_to_string(&save).unwrap();

    // A changed outcome hash: the replay does not reproduce it.
    let start = original.find("outcome_hash: \"").unwrap() + "outcome_hash: \"".len();
    let mut forged = original.clone();
    forged.replace_range(start..start + 4, "0000");
    std::fs::write(&save, &forged).unwrap();
    let o = run(&["replay", save_arg]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("MISMATCH"));

    // An edited scenario: the hash check refuses it.
    std::fs::write(
        &save,
        original.replacen("Northwind Traders", "Southwind Traders", 1),
    )
    .unwrap();
    let o = run(&["replay", save_arg]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).1.contains("does not match its hash"),
        "{}",
        text(&o).1
    );

    // Garbage: a located error, no panic.
    std::fs::write(&save, "Session(format: 1, \u{0}").unwrap();
    let o = run(&["replay", save_arg]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains(&format!("{save_arg}:1:")), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn a_failed_save_keeps_the_game_going_but_leaving_unsaved_is_an_error() {
    // The autosave after `end` fails and the game goes on; `quit` then cannot save either,
    // which is an error (exit 1), as is the end of input.
    for input in ["end\nskip\nskip\nquit\n", "end\nskip\nskip\n"] {
        let o = play(&["tutorial", "--save", "/no/such/dir/s.ron"], input);
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
        assert!(out.contains("Could not save"), "{out}");
        assert!(out.contains("What happened in quarter 1"), "{out}");
        assert!(err.contains("could not be saved"), "{err}");
    }
}

#[test]
fn bench_runs_small() {
    let o = run(&[
        "bench",
        "--customers",
        "2000",
        "--seeds",
        "20",
        "--quarters",
        "4",
        "--compare-seeds",
        "5",
        "--json",
    ]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // (a) the portfolio, (b) the batch without and with a playbook, (c) the compare.
    assert_eq!(v.as_array().unwrap().len(), 4);
    assert!(v[3]["name"].as_str().unwrap().contains("compare"));
    assert!(v[0]["customer_quarters_per_second"].as_f64().unwrap() > 0.0);
    // The bandwidth bound, from the bytes of a customer and a copy rate measured in the run.
    let bytes = v[0]["bytes_per_customer"].as_u64().unwrap();
    assert!((100..10_000).contains(&bytes), "{bytes} bytes per customer");
    let bound = v[0]["bandwidth_bound"].as_f64().unwrap();
    let rate = v[0]["copy_bytes_per_second"].as_f64().unwrap();
    assert!((bound - rate / bytes as f64).abs() < 1.0, "{out}");
    let share = v[0]["bound_share"].as_f64().unwrap();
    let speed = v[0]["customer_quarters_per_second"].as_f64().unwrap();
    assert!((share - speed / bound).abs() < 1e-9, "{out}");
    // Each workload is measured in a process of its own: every peak is known and its own.
    for m in v.as_array().unwrap() {
        let peak = m["peak_memory_bytes"].as_u64().unwrap();
        assert!(peak > 1 << 20 && peak < 1 << 31, "{m}");
    }
}

#[test]
fn a_closed_output_pipe_is_not_a_crash() {
    use std::io::Read;
    let mut child = bin()
        .args(["run", "mixed-portfolio", "--journal"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{err}");
}

#[test]
fn coverage_lists_every_objective_for_every_scenario() {
    let o = run(&["coverage"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("column 5: large-portfolio"), "{out}");
    assert!(out.contains("3.4.b ") && out.contains("5.6 "), "{out}");
    assert!(out.contains("of 91 objectives are exercised"), "{out}");
    let o = run(&["coverage", "/no/such.ron"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn coverage_counts_mechanics_in_play_not_names() {
    // A scenario that names an objective nothing in the model exercises (1.1, the drivers
    // of Customer Success) gets it as named only; the tutorial's stalled rollout, answered
    // in play, counts by mechanic.
    let dir = temp_dir("coverage");
    let tutorial = std::fs::read_to_string("scenarios/tutorial.ron").unwrap();
    let named = tutorial
        .replacen(
            "learning_objectives: [",
            "learning_objectives: [\"1.1\", ",
            1,
        )
        .replacen("id: \"tutorial\"", "id: \"named\"", 1);
    assert!(named.contains("\"1.1\"") && named.contains("\"named\""));
    let file = dir.join("named.ron");
    std::fs::write(&file, named).unwrap();
    let o = run(&["coverage", "--json", "tutorial", file.to_str().unwrap()]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let domains = v["domains"].as_array().unwrap();
    assert_eq!(domains.len(), 5);
    let objective = |id: &str| {
        domains
            .iter()
            .flat_map(|d| d["objectives"].as_array().unwrap())
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    let drivers = objective("1.1");
    assert_eq!(drivers["by_mechanic_in"], serde_json::json!([]));
    assert_eq!(drivers["named_only_in"], serde_json::json!(["named"]));
    let stall = objective("3.4.a");
    assert_eq!(
        stall["by_mechanic_in"],
        serde_json::json!(["tutorial", "named"]),
        "{stall}"
    );
    assert!(
        stall["mechanics"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("stall-answered"))
    );
    let mut total = 0;
    for d in domains {
        let listed = d["objectives"].as_array().unwrap();
        let counted = listed
            .iter()
            .filter(|o| !o["by_mechanic_in"].as_array().unwrap().is_empty())
            .count();
        assert_eq!(d["by_mechanic"], counted);
        assert_eq!(d["total"], listed.len());
        total += listed.len();
    }
    assert_eq!(v["total"], total);
    assert_eq!(total, 91);
}

#[test]
fn run_report_writes_a_debrief() {
    let dir = temp_dir("report");
    let out = dir.join("debrief");
    let o = run(&[
        "run",
        "tutorial",
        "--playbook",
        "sensible",
        "--report",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o).1);
    let html = std::fs::read_to_string(dir.join("debrief.html")).unwrap();
    assert!(html.contains("Exam readiness"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("debrief.json")).unwrap()).unwrap();
    assert!(json["readiness"]["overall"].as_f64().is_some());
}

#[test]
fn knowledge_checks_are_asked_saved_and_scored() {
    let dir = temp_dir("checks");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    // Six quarters; two questions after each: first "bogus" (re-asked), then an answer of
    // as many letters as the question asks for.
    let mut first = true;
    let mut commands = vec!["do stakeholder_conversation adatum".to_owned()];
    commands.extend(std::iter::repeat_n("end".to_owned(), 6));
    commands.reverse();
    let (o, out) = play_driven(&["sponsor-loss", "--save", save_arg], |prompt| {
        if prompt.contains("Your answer (") {
            if first {
                first = false;
                return Some("bogus".into());
            }
            first = true;
            return Some(
                if prompt.contains("2 letters") {
                    "a b"
                } else {
                    "b"
                }
                .into(),
            );
        }
        commands.pop()
    });
    assert!(o.success(), "{out}");
    assert!(out.contains("Knowledge check 1 of 2"), "{out}");
    assert!(
        out.contains("Answer with one letter") || out.contains("Choose 2:"),
        "{out}"
    );
    assert!(out.contains("The scenario is over"), "{out}");
    let session = std::fs::read_to_string(&save).unwrap();
    assert_eq!(session.matches("question:").count(), 12, "{session}");
    let o = run(&["replay", save_arg]);
    assert!(o.status.success(), "{}", text(&o).1);
    let debrief: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("s-debrief.json")).unwrap())
            .unwrap();
    assert_eq!(debrief["checks"].as_array().unwrap().len(), 12);
    let answered: u64 = debrief["readiness"]["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["answered"].as_u64().unwrap())
        .sum();
    assert!(answered >= 12);
}

#[cfg(feature = "gui")]
#[test]
fn without_a_display_the_window_says_so_in_one_line() {
    let o = bin()
        .arg("gui")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no display") && err.contains("csm-sim play"),
        "{err}"
    );
}

#[cfg(feature = "gui")]
#[test]
fn an_unreachable_display_is_one_line_not_a_panic() {
    let o = bin()
        .arg("gui")
        .env("DISPLAY", ":9999")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("csm-sim play"), "{err}");
}

fn study_cmd(args: &[&str], study: &std::path::Path, input: &str) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .env("CSM_SIM_STUDY", study)
        .env("CSM_SIM_TODAY", "20000");
    with_input(cmd, input)
}

#[test]
fn a_mock_exam_is_marked_per_domain_reviewed_and_recorded() {
    let dir = temp_dir("exam");
    let study = dir.join("study.ron");
    let _ = std::fs::remove_file(&study);
    // Ten questions: answer "a" (or "a b") to each; anything else is asked again.
    let input = "a\na b\n".repeat(10);
    let o = study_cmd(
        &["exam", "--questions", "10", "--seed", "4"],
        &study,
        &input,
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Question 1 of 10"), "{out}");
    assert!(out.contains("left"), "the time left is shown: {out}");
    assert!(out.contains("Score: "), "{out}");
    assert!(out.contains("pass line of 70 %"), "{out}");
    for d in ["Customer Success industry", "Managing barriers"] {
        assert!(out.contains(d), "{d}: {out}");
    }
    assert!(out.contains("Review:") && out.contains("\n10. ["), "{out}");
    let record = std::fs::read_to_string(&study).unwrap();
    assert!(
        record.contains("exams: [") && record.contains("score:"),
        "{record}"
    );
    // The same seed draws the same paper.
    let again = study_cmd(
        &["exam", "--questions", "10", "--seed", "4"],
        &dir.join("other.ron"),
        "quit\n",
    );
    let first_q = |s: &str| {
        s.lines()
            .skip_while(|l| !l.starts_with("Question 1 of"))
            .nth(1)
            .map(str::to_owned)
    };
    assert_eq!(first_q(&out), first_q(&text(&again).0));
}

#[test]
fn an_exam_ends_when_its_time_is_up() {
    let dir = temp_dir("exam-time");
    let study = dir.join("study.ron");
    let mut child = bin()
        .args([
            "exam",
            "--questions",
            "5",
            "--seed",
            "1",
            "--minutes",
            "0.005",
        ])
        .env("CSM_SIM_STUDY", &study)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // 0.3 s is past the 0.3 s allowed plus a margin: the answer comes too late.
    std::thread::sleep(std::time::Duration::from_millis(600));
    let _ = stdin.write_all(b"a\na b\n");
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(out.contains("Time is up"), "{out}");
    assert!(out.contains("Score: 0 of 5"), "{out}");
}

#[test]
fn quiz_brings_a_missed_question_back_first_and_names_what_to_study() {
    let dir = temp_dir("quiz");
    let study = dir.join("study.ron");
    let _ = std::fs::remove_file(&study);
    // Answer every question of domain 3 wrong-or-right by always choosing "a" / "a b".
    let o = study_cmd(
        &["quiz", "--domain", "3", "--count", "5", "--seed", "9"],
        &study,
        &"a\na b\n".repeat(5),
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Question 5 of 5"), "{out}");
    let record: String = std::fs::read_to_string(&study).unwrap();
    assert_eq!(record.matches("seen: 1").count(), 5, "{record}");
    let missed = out.contains("Not quite.");
    // The next practice starts with what was missed.
    let o = study_cmd(
        &["quiz", "--domain", "3", "--count", "1", "--seed", "10"],
        &study,
        "quit\n",
    );
    let (out2, _) = text(&o);
    if missed {
        assert!(out2.contains("missed last time"), "{out2}");
        assert!(out.contains("Study next:"), "{out}");
    }
    // Bad options and a corrupt record are refused, and the record is kept.
    let o = study_cmd(&["quiz", "--domain", "7"], &study, "");
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(&study, "not a record").unwrap();
    let o = study_cmd(&["quiz"], &study, "a\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("left as it is"));
    assert_eq!(std::fs::read_to_string(&study).unwrap(), "not a record");
}

#[test]
fn the_trainee_reads_a_health_decline_and_the_session_keeps_it() {
    let dir = temp_dir("read-health");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    // quality-crisis, seed 11: by quarter 3 Blue Sky's quality has collapsed.
    let o = play(
        &["quality-crisis", "--seed", "11", "--save", save_arg],
        "end\nskip\nskip\nend\nskip\nskip\nread bluesky quality\nread bluesky feelings\nread relecloud usage\nread\nend\nskip\nskip\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Health fell last quarter at"), "{out}");
    assert!(
        out.contains("You read the decline of Blue Sky Logistics as quality (2.6.b), 1 hour"),
        "{out}"
    );
    assert!(out.contains("No driver \"feelings\""), "{out}");
    assert!(
        out.contains("Cannot read it: the customer has churned"),
        "{out}"
    );
    assert!(out.contains("Usage: read CUSTOMER DRIVER"), "{out}");
    assert!(
        out.contains("Blue Sky Logistics: you read the health decline right: quality drove it"),
        "{out}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("driver: Quality"), "{saved}");
    let o = run(&["replay", save_arg]);
    assert!(o.status.success(), "{}", text(&o).1);
    // A reading moved to a quarter with no decline is refused, and says where.
    let moved = saved.replacen(
        "quarter: 3,\n            customer: \"bluesky\"",
        "quarter: 1,\n            customer: \"bluesky\"",
        1,
    );
    assert_ne!(moved, saved);
    std::fs::write(&save, moved).unwrap();
    let o = run(&["replay", save_arg]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(err.contains("health reading 0 cannot be made"), "{err}");
    assert!(err.contains("no decline to read"), "{err}");
}

#[test]
fn a_finished_game_resumes_as_finished_and_names_its_debrief_in_full() {
    let dir = temp_dir("finished");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    let input: String = (0..5).map(|_| "end\nskip\nskip\nskip\n").collect();
    let o = play(&["tutorial", "--save", save_arg], &input);
    assert!(o.status.success(), "{}", text(&o).1);
    let o = play(&["--resume", save_arg], "quit\n");
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("All 4 quarters played"), "{out}");
    assert!(!out.contains("Quarter 5 of 4"), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("Debrief written to "))
        .unwrap_or_else(|| panic!("{out}"));
    let path = line
        .trim_start_matches("Debrief written to ")
        .split(" (open")
        .next()
        .unwrap();
    assert!(std::path::Path::new(path).is_absolute(), "{line}");
    assert!(std::path::Path::new(path).exists(), "{line}");
}

#[test]
fn customers_and_segments_are_found_by_name_in_any_case() {
    let dir = temp_dir("names");
    let save = dir.join("s.ron");
    let o = play(
        &["sponsor-loss", "--save", save.to_str().unwrap()],
        "show WOODGROVE\nshow \"Woodgrove Bank\"\nportfolio Enterprise\nportfolio nosuch\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        out.matches("Woodgrove Bank (woodgrove) —").count(),
        2,
        "{out}"
    );
    assert!(out.contains("Adatum Corporation"), "{out}");
    assert!(out.contains("No filter or segment \"nosuch\""), "{out}");
    assert!(out.contains("enterprise (Enterprise)"), "{out}");
}

#[test]
fn the_action_catalogue_fits_a_screen_and_describes_one_action_on_request() {
    let dir = temp_dir("actions-catalogue");
    let save = dir.join("s.ron");
    let o = play(
        &["tutorial", "--save", save.to_str().unwrap()],
        "actions\nactions site_visit\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let catalogue: Vec<&str> = out
        .split("Q1> ")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    // With the prompt and the command typed, it fits a 50-line terminal.
    assert!(catalogue.len() <= 48, "{} lines:\n{out}", catalogue.len());
    // The id beside its name, so `site_visit` reads as "Observe the customer".
    assert!(
        out.contains("site_visit") && out.contains("Observe the customer"),
        "{out}"
    );
    assert!(
        out.contains("Observe the customer (site_visit) — 8.0 h"),
        "{out}"
    );
    assert!(
        out.contains("Watch how the customer works with the product"),
        "{out}"
    );
}

/// The coach in the terminal: on in the tutorial, listing what waits; `coach off` and
/// `coach on` change it, and the end and the debrief say in which quarters it helped.
#[test]
fn the_coach_is_on_in_the_tutorial_and_the_debrief_says_when() {
    let dir = temp_dir("coach");
    let save = dir.join("coached.ron");
    let save_arg = save.to_str().unwrap();
    let mut sent = Vec::new();
    let (status, out) = play_driven(&["tutorial", "--save", save_arg], |prompt| {
        let line = if prompt.contains("Your answer") {
            "skip"
        } else {
            match (prompt, sent.iter().filter(|l| **l == "end").count()) {
                ("Q1> ", 0) if !sent.contains(&"coach off") => "coach off",
                ("Q2> ", _) if !sent.contains(&"coach on") => "coach on",
                _ => "end",
            }
        };
        sent.push(line);
        Some(line.to_owned())
    });
    assert!(status.success(), "{out}");
    // At the first quarter's start, before any plan: Fabrikam's renewal waits.
    let start = out.split("Q1> ").next().unwrap();
    assert!(start.contains("Coach — what deserves attention"), "{start}");
    assert!(
        start.contains("Fabrikam Manufacturing (fabrikam, $90,000): renews in 1 quarter"),
        "{start}"
    );
    assert!(out.contains("The coach is off"), "{out}");
    assert!(out.contains("The coach is on"), "{out}");
    // Turned off in quarter 1, but its list was shown at that quarter's start, so the
    // quarter counts as coached; on again from quarter 2.
    assert!(out.contains("The coach was on in all 4 quarters"), "{out}");
    let session = csm_sim::session::Session::load(&save).unwrap();
    assert_eq!(session.coached, vec![1, 2, 3, 4]);
    let debrief = std::fs::read_to_string(dir.join("coached-debrief.json")).unwrap();
    assert!(debrief.contains("\"coached\""), "{debrief}");
    let html = std::fs::read_to_string(dir.join("coached-debrief.html")).unwrap();
    assert!(html.contains("The coach was on in all 4 quarters"));
}

#[test]
fn the_trainee_writes_the_use_case_a_plan_targets_and_the_session_keeps_it() {
    let dir = temp_dir("use-case");
    let save = dir.join("s.ron");
    let save_arg = save.to_str().unwrap();
    let o = play(
        &["tutorial", "--save", save_arg],
        "usecase\nusecase contoso dashboards\nusecase Contoso reporting\nshow contoso\nend\nskip\nskip\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Usage: usecase CUSTOMER USE_CASE"), "{out}");
    assert!(
        out.contains("every_feature") && out.contains("the vendor's standard rollout"),
        "{out}"
    );
    assert!(out.contains("No use case \"dashboards\""), "{out}");
    assert!(
        out.contains(
            "The success plan of Contoso Health now targets first: reporting and analytics on the operation"
        ),
        "{out}"
    );
    assert!(
        out.contains("Use cases: targets reporting and analytics on the operation first (2.8)"),
        "{out}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("use_case: reporting"), "{saved}");
    let o = run(&["replay", save_arg]);
    assert!(o.status.success(), "{}", text(&o).1);
}
