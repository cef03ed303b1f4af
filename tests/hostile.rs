//! Input from a hostile but fair tester (issue 9): tampered saves, lost work, and files that
//! mislead or exhaust. Each test reproduces one reported defect.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_csm-sim"));
    // The tests read English, whatever the machine's locale or saved setting.
    c.env("CSM_SIM_LANG", "en")
        .env("CSM_SIM_SETTINGS", "/nonexistent/csm-sim-settings.ron");
    c.env(
        "CSM_SIM_STUDY",
        std::env::temp_dir().join("csm-hostile-study.ron"),
    );
    c
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("csm-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `csm-sim ARGS` in `dir` with `input` on standard input.
fn run_in(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// A tutorial game of one quarter saved at `dir/s.ron`, with one knowledge check answered.
fn saved_game(dir: &Path) -> PathBuf {
    let o = run_in(
        dir,
        &["play", "tutorial", "--save", "s.ron"],
        b"do build_success_plan northwind\ndo review_account_data contoso\nend\na\nskip\nquit\n",
    );
    assert!(o.status.success(), "{}", text(&o).1);
    dir.join("s.ron")
}

// 1. Resume verifies as replay does.
#[test]
fn resume_refuses_an_edited_session_and_leaves_it_alone() {
    let dir = temp_dir("resume-edit");
    let save = saved_game(&dir);
    let original = std::fs::read_to_string(&save).unwrap();
    let edited = original.replacen("\n    seed: 1,", "\n    seed: 2,", 1);
    assert_ne!(edited, original);
    std::fs::write(&save, &edited).unwrap();
    let o = run_in(&dir, &["play", "--resume", "s.ron"], b"quit\n");
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("does not reproduce"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&save).unwrap(),
        edited,
        "the file was rewritten"
    );
}

// 2. The hash covers answers and where actions went, not only the results.
#[test]
fn an_edited_answer_or_a_moved_action_no_longer_reproduces() {
    let dir = temp_dir("hash");
    let save = saved_game(&dir);
    let original = std::fs::read_to_string(&save).unwrap();
    let o = run_in(&dir, &["replay", "s.ron"], b"");
    assert!(o.status.success(), "{}", text(&o).1);
    let answer = original.find("choice: ").expect("an answer was saved");
    let digit = original.as_bytes()[answer + 8];
    let other = if digit == b'0' { '1' } else { '0' };
    let mut edited = original.clone();
    edited.replace_range(answer + 8..answer + 9, &other.to_string());
    let moved = original.replacen(
        "action: review_account_data,\n            customer: Some(\"contoso\")",
        "action: review_account_data,\n            customer: Some(\"fabrikam\")",
        1,
    );
    assert_ne!(
        moved, original,
        "the action to move was not found:\n{original}"
    );
    for (what, text_) in [("answer", edited), ("moved action", moved)] {
        std::fs::write(&save, &text_).unwrap();
        let o = run_in(&dir, &["replay", "s.ron"], b"");
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains("MISMATCH"), "{what}: {err}");
    }
}

// 3. A listed id that a generated customer will also get.
#[test]
fn a_listed_id_clashing_with_a_generated_one_is_located() {
    let dir = temp_dir("clash");
    std::fs::write(
        dir.join("c.ron"),
        r#"Scenario(id: "x", title: "x", quarters: 4, capacity_hours: 10, products: ["S"],
    segments: [Segment(id: "enterprise", touch: High)],
    generate: [Generate(segment: "enterprise", count: 10, size: Medium, arr: (min: 1000, max: 2000), licences: (min: 1, max: 10))],
    customers: [
        Customer(id: "enterprise-4", name: "x", segment: "enterprise", size: Large, contract: Contract(products: ["S"], licences: 1, arr: 100, start_quarter: 0, term_quarters: 4), stage: Adopt),
    ],
)"#,
    )
    .unwrap();
    let o = run_in(&dir, &["check", "c.ron"], b"");
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("c.ron:5:") && err.contains("generated customer"),
        "{err}"
    );
}

// 4. Resume saves to its own file; new games never overwrite another session.
#[test]
fn each_game_saves_to_its_own_file() {
    let dir = temp_dir("own-file");
    let o = run_in(&dir, &["play", "tutorial"], b"end\nskip\nskip\nquit\n");
    assert!(o.status.success(), "{}", text(&o).1);
    let first = dir.join("csm-tutorial.ron");
    let before = std::fs::read_to_string(&first).unwrap();
    // A second new game of the same scenario gets the next free name.
    let o = run_in(&dir, &["play", "tutorial"], b"quit\n");
    assert!(o.status.success());
    assert!(dir.join("csm-tutorial-2.ron").exists());
    assert_eq!(std::fs::read_to_string(&first).unwrap(), before);
    // Resuming the first saves back to it, and to nothing else.
    let o = run_in(
        &dir,
        &["play", "--resume", "csm-tutorial.ron"],
        b"end\nskip\nskip\nquit\n",
    );
    assert!(o.status.success(), "{}", text(&o).1);
    assert_ne!(std::fs::read_to_string(&first).unwrap(), before);
    assert!(!dir.join("csm-session.ron").exists());
    assert!(!dir.join("csm-tutorial-3.ron").exists());
}

// 6. A line that is not UTF-8 is an unknown command; a closed output still saves.
#[test]
fn a_bad_line_is_just_unknown_and_a_closed_pipe_still_saves() {
    let dir = temp_dir("bytes");
    let o = run_in(
        &dir,
        &["play", "tutorial", "--save", "s.ron"],
        b"\xff\xfe bogus\nplan\nquit\n",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Unknown command"), "{out}");
    assert!(dir.join("s.ron").exists());

    // Output closed before the game even starts: the work (a new game) is saved anyway.
    let mut child = bin()
        .current_dir(&dir)
        .args(["play", "tutorial", "--save", "p.ron"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(b"end\nend\n");
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(dir.join("p.ron").exists(), "{}", text(&o).1);
}

// 7. Temporaries of a crashed save are cleaned up by the next save.
#[test]
fn the_next_save_removes_a_crashed_saves_temporary() {
    let dir = temp_dir("tmp");
    std::fs::write(dir.join(".s.ron.tmp-4000000"), vec![b'x'; 1 << 20]).unwrap();
    let o = run_in(&dir, &["play", "tutorial", "--save", "s.ron"], b"quit\n");
    assert!(o.status.success());
    assert!(!dir.join(".s.ron.tmp-4000000").exists());
}

// 8. A closed pipe does not change check's verdict, and every file is checked.
#[test]
fn check_keeps_its_verdict_when_nobody_reads_its_output() {
    let dir = temp_dir("pipe");
    std::fs::write(dir.join("bad.ron"), "Scenario(id: 3)").unwrap();
    let mut child = bin()
        .current_dir(&dir)
        .args(["check", "tutorial", "sponsor-loss", "bad.ron"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o).1);
    assert!(text(&o).1.contains("bad.ron:1:"), "{}", text(&o).1);
}

// 9. Files over the limit are refused without being read into memory.
#[test]
fn a_file_over_64_mib_is_refused() {
    let dir = temp_dir("huge");
    let f = std::fs::File::create(dir.join("huge.ron")).unwrap();
    f.set_len(65 << 20).unwrap(); // sparse: costs no disk
    let o = run_in(&dir, &["check", "huge.ron"], b"");
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("larger than 64 MiB"), "{err}");
}

fn customers(n: usize, arr: &str) -> String {
    (0..n)
        .map(|i| format!("        Customer(id: \"c{i}\", name: \"C {i}\", segment: \"high\", size: Large, contract: Contract(products: [\"S\"], licences: 100, arr: {arr}, start_quarter: -3, term_quarters: 8), stage: Adopt),\n"))
        .collect()
}

const HEAD: &str = "Scenario(id: \"big\", title: \"Big\", quarters: 4, capacity_hours: 100, seed: 1,\n    products: [\"S\"],\n    segments: [Segment(id: \"high\", touch: High)],\n    customers: [\n";

// 10. Thousands of errors are located in one pass and listed briefly.
#[test]
fn thousands_of_errors_are_fast_and_brief() {
    let dir = temp_dir("many");
    let bad_arr = format!("{HEAD}{}    ],\n)\n", customers(20_000, "-5"));
    std::fs::write(dir.join("arr.ron"), bad_arr).unwrap();
    let events: String = (0..10_000)
        .map(|i| format!("        Event(quarter: 1, target: Customer(\"nobody{i}\"), barrier: LostSponsor, severity: 0.5),\n"))
        .collect();
    let bad_events = format!(
        "{HEAD}{}    ],\n    events: [\n{events}    ],\n)\n",
        customers(10_000, "5000")
    );
    std::fs::write(dir.join("events.ron"), bad_events).unwrap();
    for file in ["arr.ron", "events.ron"] {
        let start = Instant::now();
        let o = run_in(&dir, &["check", file], b"");
        let took = start.elapsed();
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(1));
        assert!(took < Duration::from_secs(10), "{file} took {took:?}");
        assert!(
            err.lines().count() <= 51,
            "{file}: {} lines",
            err.lines().count()
        );
        assert!(
            err.len() < 50_000,
            "{file}: {} bytes of messages",
            err.len()
        );
        assert!(err.contains("more problems not listed"), "{err}");
    }
}

// 12. Messages that mislead or lack a place.
#[test]
fn messages_say_where_and_what() {
    let dir = temp_dir("messages");
    let tutorial = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/tutorial.ron"
    ))
    .unwrap();
    // Not UTF-8 (as Shift_JIS would be), after the first line.
    let mut sjis = b"// x\nScenario(id: \"x\", title: \"".to_vec();
    sjis.extend_from_slice(&[0x82, 0xa0]);
    sjis.extend_from_slice(b"\")");
    std::fs::write(dir.join("sjis.ron"), sjis).unwrap();
    let o = run_in(&dir, &["check", "sjis.ron"], b"");
    let err = text(&o).1;
    assert!(
        err.contains("line 2, column 27") && err.contains("UTF-8"),
        "{err}"
    );
    // A byte-order mark is fine.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(tutorial.as_bytes());
    std::fs::write(dir.join("bom.ron"), bom).unwrap();
    assert!(run_in(&dir, &["check", "bom.ron"], b"").status.success());
    // A decimal where a whole number belongs.
    std::fs::write(
        dir.join("q.ron"),
        tutorial.replacen("quarters: 4,", "quarters: 4.0,", 1),
    )
    .unwrap();
    let err = text(&run_in(&dir, &["check", "q.ron"], b"")).1;
    assert!(
        err.contains("q.ron:") && err.contains("whole number"),
        "{err}"
    );
    // A component weighted twice.
    let twice = tutorial.replacen(
        "    products:",
        "    health_model: Weighted(weights: {Usage: 1.0, Usage: 0.0}),\n    products:",
        1,
    );
    std::fs::write(dir.join("twice.ron"), twice).unwrap();
    let err = text(&run_in(&dir, &["check", "twice.ron"], b"")).1;
    assert!(
        err.contains("twice.ron:") && err.contains("given twice"),
        "{err}"
    );
    // An actions file's problems name the file and the line.
    std::fs::write(
        dir.join("a.ron"),
        "[\n  (quarter: 9, action: qbr, customer: \"nobody\"),\n]",
    )
    .unwrap();
    let o = run_in(&dir, &["run", "tutorial", "--actions", "a.ron"], b"");
    let err = text(&o).1;
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("a.ron:2:"), "{err}");
    let err = text(&run_in(
        &dir,
        &["run", "tutorial", "--actions", "nope.ron"],
        b"",
    ))
    .1;
    assert!(err.contains("cannot read the actions file"), "{err}");
    // A huge id is not echoed whole.
    let long = "x".repeat(1_000_000);
    std::fs::write(
        dir.join("long.ron"),
        tutorial.replacen("id: \"northwind\"", &format!("id: \"{long}\""), 1),
    )
    .unwrap();
    let err = text(&run_in(&dir, &["check", "long.ron"], b"")).1;
    assert!(err.len() < 5_000, "{} bytes", err.len());
}

// 13. Numbers at the edge of their type.
#[test]
fn extreme_counts_do_not_overflow() {
    let dir = temp_dir("edges");
    let save = saved_game(&dir);
    let original = std::fs::read_to_string(&save).unwrap();
    let at = original.find("quarters_played: ").unwrap();
    let end = at + original[at..].find(',').unwrap();
    let mut edited = original.clone();
    edited.replace_range(at..end, "quarters_played: 65535");
    std::fs::write(&save, edited).unwrap();
    let o = run_in(&dir, &["replay", "s.ron"], b"");
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("quarters_played is 65535"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // `every: 65535` is "once, in quarter 1", not every quarter.
    std::fs::write(
        dir.join("p.ron"),
        "Playbook(name: \"x\", description: \"x\", rules: [ForTouch(touch: High, action: adoption_campaign, every: 65535)])",
    )
    .unwrap();
    let o = run_in(
        &dir,
        &["run", "tutorial", "--playbook", "p.ron", "--journal"],
        b"",
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let campaigns = out
        .lines()
        .filter(|l| l.contains("Adoption campaign"))
        .count();
    assert!(campaigns <= 1, "{campaigns} campaigns:\n{out}");
}

// 14. A file that exists wins over a built-in of the same name.
#[test]
fn a_file_named_like_a_built_in_is_read() {
    let dir = temp_dir("shadow");
    let tutorial = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/tutorial.ron"
    ))
    .unwrap();
    std::fs::write(
        dir.join("tutorial"),
        tutorial.replacen("Your first book of business", "My own tutorial", 1),
    )
    .unwrap();
    let (out, _) = text(&run_in(&dir, &["check", "tutorial"], b""));
    assert!(out.contains("My own tutorial"), "{out}");
    let (out, _) = text(&run_in(&dir, &["check", "builtin:tutorial"], b""));
    assert!(out.contains("Your first book of business"), "{out}");
}

/// A deterministic stream of numbers for the mutations below.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Mutates `text` a few bytes at a time: deletions, duplications, swaps and junk.
fn mutate(text: &str, rng: &mut Lcg) -> String {
    let mut b = text.as_bytes().to_vec();
    for _ in 0..=(rng.next() % 4) {
        if b.is_empty() {
            break;
        }
        let i = (rng.next() as usize) % b.len();
        match rng.next() % 5 {
            0 => {
                let n = (rng.next() as usize % 16).min(b.len() - i);
                b.drain(i..i + n);
            }
            1 => {
                let n = (rng.next() as usize % 32).min(b.len() - i);
                let piece = b[i..i + n].to_vec();
                b.splice(i..i, piece);
            }
            2 => b[i] = b"()[]{},:\"0-9.e"[rng.next() as usize % 14],
            3 => b.insert(i, (rng.next() % 256) as u8),
            _ => {
                let digits = format!("{}", rng.next() as i64 - (1 << 30));
                b.splice(i..i, digits.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Parsing never panics, whatever the file holds: scenarios, sessions, playbooks and action
/// lists, each mutated a thousand ways from a real one.
#[test]
fn parsers_never_panic_on_mutated_files() {
    use csm_sim::playbook::Playbook;
    use csm_sim::scenario::Scenario;
    use csm_sim::session::Session;
    let dir = temp_dir("fuzz");
    let save = saved_game(&dir);
    let session = std::fs::read_to_string(save).unwrap();
    let scenario = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/sponsor-loss.ron"
    ))
    .unwrap();
    let playbook = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/playbooks/sensible.ron"
    ))
    .unwrap();
    let actions = "[(quarter: 1, action: qbr, customer: \"northwind\"), (quarter: 2, action: adoption_campaign, segment: \"enterprise\")]";
    let actions_file = dir.join("a.ron");
    let mut rng = Lcg(7);
    for i in 0..1000 {
        let s = mutate(&scenario, &mut rng);
        let _ = Scenario::parse("s.ron", &s);
        let p = mutate(&playbook, &mut rng);
        let _ = Playbook::parse("p.ron", &p);
        let se = mutate(&session, &mut rng);
        // A session that still parses is replayed too: that is where bad numbers bite.
        if let Ok(parsed) = Session::parse("x.ron", &se) {
            let _ = parsed.verify("x.ron");
        }
        if i % 10 == 0 {
            std::fs::write(&actions_file, mutate(actions, &mut rng)).unwrap();
            let _ = csm_sim::session::load_actions(&actions_file);
        }
    }
}

/// Killing the program while it saves never leaves a save that does not load.
#[test]
fn a_kill_during_saving_keeps_a_save_that_loads() {
    let dir = temp_dir("kill");
    // A portfolio big enough that a save takes a moment: every save rewrites it.
    let mut scenario = String::from(HEAD);
    scenario.push_str(&customers(3_000, "5000"));
    scenario.push_str("    ],\n)\n");
    std::fs::write(dir.join("big.ron"), &scenario).unwrap();
    let first = run_in(&dir, &["play", "big.ron", "--save", "s.ron"], b"quit\n");
    assert!(first.status.success(), "{}", text(&first).1);
    let mut rng = Lcg(3);
    for _ in 0..8 {
        let mut child = bin()
            .current_dir(&dir)
            .args(["play", "--resume", "s.ron"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all("save\n".repeat(200).as_bytes());
        std::thread::sleep(Duration::from_millis(50 + rng.next() % 400));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let loaded =
            csm_sim::session::Session::load(&dir.join("s.ron")).and_then(|s| s.verify("s.ron"));
        assert!(loaded.is_ok(), "after a kill: {:?}", loaded.err());
    }
}
