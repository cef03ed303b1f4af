//! The translation files: every language complete, well formed and using the same
//! arguments as English; every message the code asks for exists; the words for the domain's
//! vocabularies agree with the model's own.

use std::collections::{BTreeMap, BTreeSet};

use csm_sim::i18n::{self, FILES, FluentArgs};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Every message of a language: id → the variables it uses.
fn messages(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, files) = FILES
        .iter()
        .find(|(l, _)| *l == language)
        .unwrap_or_else(|| panic!("no language {language}"));
    let mut all = BTreeMap::new();
    for (file, text) in *files {
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
            panic!("assets/locales/{language}/{file} does not parse: {errors:?}")
        });
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        variables(p, &mut vars);
                    }
                    let id = m.id.name.to_owned();
                    assert!(
                        all.insert(id.clone(), vars).is_none(),
                        "assets/locales/{language}/{file}: {id} is defined twice"
                    );
                }
                Entry::Junk { content } => {
                    panic!("assets/locales/{language}/{file}: cannot read {content:?}")
                }
                _ => {}
            }
        }
    }
    all
}

fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn languages() -> Vec<&'static str> {
    FILES.iter().map(|(l, _)| *l).collect()
}

#[test]
fn english_and_japanese_are_there() {
    assert_eq!(languages(), ["en", "ja"]);
    let names: Vec<String> = i18n::languages().iter().map(|l| l.name()).collect();
    assert_eq!(names, ["English", "日本語"]);
}

#[test]
fn every_language_has_every_english_message_with_the_same_arguments() {
    let english = messages("en");
    let rules: BTreeSet<String> = csm_sim::exam::judge::Rules::get()
        .0
        .iter()
        .map(|r| format!("rule-{}", r.id))
        .collect();
    let objectives: BTreeSet<String> = csm_sim::exam::Blueprint::get()
        .domains
        .iter()
        .flat_map(|d| {
            std::iter::once(d.id.clone()).chain(d.objectives.iter().map(|o| o.id.clone()))
        })
        .map(|id| format!("objective-{}", id.replace('.', "-")))
        .collect();
    // The question bank: a prompt, and a text and an explanation for every choice.
    let questions: BTreeSet<String> = csm_sim::exam::questions::Bank::get()
        .0
        .iter()
        .flat_map(|q| {
            let id = q.id.clone();
            std::iter::once(format!("q-{id}-prompt")).chain(
                (1..=q.choices.len())
                    .flat_map(move |k| [format!("q-{id}-{k}"), format!("q-{id}-{k}-why")]),
            )
        })
        .collect();
    for language in languages().into_iter().filter(|l| *l != "en") {
        let other = messages(language);
        let mut problems = Vec::new();
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{language} lacks {id}")),
                Some(v) if v != vars => problems.push(format!(
                    "{language}: {id} uses {v:?} where English uses {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !english.contains_key(id)
                && !rules.contains(id)
                && !objectives.contains(id)
                && !questions.contains(id)
            {
                problems.push(format!("{language} has {id}, which English does not"));
            }
        }
        // The rules' explanations and the blueprint's titles are English in their RON files;
        // every other language has them all.
        for id in rules.iter().chain(&objectives).chain(&questions) {
            if !other.contains_key(id) {
                problems.push(format!("{language} lacks {id}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    for language in i18n::languages() {
        for id in language.ids() {
            let english = messages("en");
            let vars = english.get(&id).cloned().unwrap_or_default();
            // Each argument once as 1 and once as 2, so that both plural forms are tried.
            for n in [1, 2] {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.clone(), n);
                }
                let text = language
                    .check(&id, Some(&args))
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(
                    !text.trim().is_empty() || id.starts_with("sorted-"),
                    "{id} is empty"
                );
                assert!(!text.contains('\u{2068}'), "{id} has direction marks in it");
            }
        }
    }
}

#[test]
fn the_terminals_command_list_stays_in_its_columns_in_every_language() {
    for language in i18n::languages() {
        let help = language.check("play-help", None).unwrap();
        let lines: Vec<&str> = help.lines().collect();
        // Fluent drops the indent of a line that begins with a placeable: every line after
        // the heading is indented, so the list reads as one table.
        for line in &lines[1..] {
            assert!(
                line.starts_with("  "),
                "{}: `{line}` lost its indent",
                language.id
            );
        }
    }
}

/// Every `tr!("id"` in the source, including ids written on the line after the bracket and
/// both ids of `tr!(if … { "a" } else { "b" }`.
fn ids_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/mod.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("tr!(") {
                // `include_str!(` ends the same way.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = text[at + 4..].trim_start();
                let rest = rest.strip_prefix("if ").map_or(rest, |r| {
                    // tr!(if cond { "a" } else { "b" }, …)
                    let a = r.find('"').map(|i| &r[i..]).unwrap_or("");
                    if let Some(id) = a[1..].split('"').next() {
                        ids.insert(id.to_owned());
                    }
                    let b = a.find("else").map(|i| &a[i..]).unwrap_or("");
                    b.find('"').map_or("", |i| &b[i..])
                });
                if let Some(lit) = rest.strip_prefix('"') {
                    let id = lit.split('"').next().unwrap();
                    ids.insert(id.to_owned());
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_exists_in_english() {
    let english = messages("en");
    let used = ids_in_code();
    assert!(
        used.len() > 150,
        "only {} ids found: the scan is broken",
        used.len()
    );
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "used in src/ but not in assets/locales/en: {missing:?}"
    );
}

#[test]
fn the_words_for_the_vocabularies_agree_with_the_model() {
    use csm_sim::sim::actions::CATALOGUE;
    use csm_sim::sim::customer::{BusinessOutcome, Role, UseCase};
    use csm_sim::sim::types::{BarrierKind, GapKind, HealthComponent, RequestKind, Touch};
    i18n::with_language("en", || {
        for spec in CATALOGUE {
            assert_eq!(i18n::action_name(spec.kind), spec.name);
            assert_eq!(i18n::action_about(spec.kind), spec.description);
        }
        for k in BarrierKind::ALL {
            assert_eq!(i18n::label("barrier", k), k.label());
        }
        for t in Touch::ALL {
            assert_eq!(i18n::label("touch", t), t.label());
        }
        for h in HealthComponent::ALL {
            assert_eq!(i18n::label("health-part", h), h.label());
        }
        for r in RequestKind::ALL {
            assert_eq!(i18n::label("request", r), r.label());
        }
        for g in GapKind::ALL {
            assert_eq!(i18n::label("gap", g), g.label());
        }
        for u in UseCase::ALL {
            assert_eq!(i18n::label("use-case", u), u.label());
        }
        for o in BusinessOutcome::ALL {
            assert_eq!(i18n::label("outcome", o), o.label());
            assert_eq!(i18n::label("kpi", o), o.kpi());
        }
        for e in csm_sim::sim::customer::PlanElement::ALL {
            assert_eq!(i18n::plan_element(e), e.label());
        }
        for r in Role::ALL {
            assert_eq!(i18n::role(r.label()), r.label());
        }
    });
    // And in Japanese they are Japanese, not English left in place.
    i18n::with_language("ja", || {
        for k in BarrierKind::ALL {
            assert_ne!(i18n::label("barrier", k), k.label());
        }
        assert_ne!(i18n::action_name(CATALOGUE[0].kind), CATALOGUE[0].name);
        assert_ne!(i18n::role("executive sponsor"), "executive sponsor");
    });
}

#[test]
fn a_flag_naming_a_language_the_program_lacks_is_refused() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csm-sim"))
        .args(["--lang", "tlh", "scenarios"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tlh") && err.contains("ja (日本語)"), "{err}");
}

#[test]
fn a_session_played_in_japanese_verifies_in_english() {
    use csm_sim::scenario::Scenario;
    use csm_sim::session::Recorder;
    let scenario = std::sync::Arc::new(Scenario::load("sponsor-loss").unwrap());
    let session = i18n::with_language("ja", || {
        // To the end: renewals, churn and their reasons are in what the hash covers.
        let mut rec = Recorder::new(scenario, 7);
        while !rec.sim.finished() {
            rec.end_quarter();
        }
        rec.to_session()
    });
    i18n::with_language("en", || session.verify("played in Japanese"))
        .unwrap_or_else(|e| panic!("{e}"));
    i18n::with_language("ja", || session.verify("played in Japanese")).unwrap();
}

/// Runs the program with `args`, its settings and study record kept in `dir` (never the
/// user's); it must succeed, and its standard output is returned.
fn csm_sim(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csm-sim"))
        .args(args)
        .env("CSM_SIM_SETTINGS", dir.join("csm-no-settings.ron"))
        .env("CSM_SIM_STUDY", dir.join("csm-no-study.ron"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn run_speaks_the_chosen_language_and_writes_its_debrief_in_it() {
    let dir = std::env::temp_dir().join(format!("csm-lang-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |lang: &str| {
        let report = dir.join(lang).display().to_string();
        let stdout = csm_sim(
            &dir,
            &["--lang", lang, "run", "sponsor-loss", "--report", &report],
        );
        let page = std::fs::read_to_string(dir.join(lang).with_extension("html")).unwrap();
        let json = std::fs::read_to_string(dir.join(lang).with_extension("json")).unwrap();
        (stdout, page, json)
    };
    let (en, en_page, en_json) = run("en");
    assert!(en.contains("(seed 7)") && en.contains("ARR (end)"), "{en}");
    assert!(en_page.contains("<html lang=\"en\">") && en_page.contains("What happened, and why"));
    let (ja, ja_page, ja_json) = run("ja");
    assert!(
        ja.contains("（シード 7）") && ja.contains("期末 ARR"),
        "{ja}"
    );
    assert!(
        !ja.contains("ARR (end)") && !ja.contains("Renewals, churn"),
        "{ja}"
    );
    assert!(ja_page.contains("<html lang=\"ja\">") && ja_page.contains("試験準備度"));
    assert!(!ja_page.contains("What happened, and why") && !ja_page.contains("Business results"));
    // The JSON debrief is data: the same in every language.
    assert_eq!(en_json, ja_json);
}

#[test]
fn coverage_speaks_the_chosen_language_with_the_blueprints_titles() {
    let coverage = |lang: &str| csm_sim(&std::env::temp_dir(), &["--lang", lang, "coverage"]);
    let en = coverage("en");
    assert!(
        en.contains("  column 1: tutorial") && en.contains("(15 % of the exam)"),
        "{en}"
    );
    let ja = coverage("ja");
    assert!(
        ja.contains("  列 1: tutorial") && ja.contains("（試験の 15%）"),
        "{ja}"
    );
    // The blueprint's Japanese titles (seed 000), not the English ones.
    assert!(ja.contains("カスタマーライフサイクルジャーニー"), "{ja}");
    assert!(
        !ja.contains("The customer lifecycle journey") && !ja.contains("column"),
        "{ja}"
    );
    // The same marks in both: only the words differ.
    let marks = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("  1.") || l.starts_with("  5."))
            .map(|l| l.chars().take(40).collect())
            .collect()
    };
    assert_eq!(marks(&en), marks(&ja));
}
