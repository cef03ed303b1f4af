//! One test per kind of scenario error: each is rejected with FILE:LINE:COLUMN and a message
//! that says what is wrong and what would be accepted. Nothing panics, whatever the bytes.

use csm_sim::scenario::{Located, Scenario};

/// A valid scenario to break in one place at a time.
const BASE: &str = r#"Scenario(
    id: "t",
    title: "Test",
    quarters: 4,
    capacity_hours: 40,
    products: ["Suite"],
    segments: [Segment(id: "ent", touch: High)],
    customers: [
        Customer(id: "a", name: "A", segment: "ent", size: Large,
            contract: Contract(products: ["Suite"], licences: 100, arr: 1000)),
    ],
    events: [Event(quarter: 2, target: Customer("a"), barrier: LostSponsor)],
)"#;

fn problems(text: &str) -> Vec<Located> {
    match Scenario::parse("t.ron", text) {
        Ok(_) => panic!("expected the scenario to be rejected:\n{text}"),
        Err(e) => e.problems().to_vec(),
    }
}

/// Asserts one problem at `line`, whose message contains every fragment.
fn rejects(text: &str, line: usize, fragments: &[&str]) -> Located {
    let ps = problems(text);
    assert_eq!(ps.len(), 1, "expected one problem, got {ps:#?}");
    let p = ps[0].clone();
    assert_eq!(p.file, "t.ron");
    assert_eq!(p.line, line, "wrong line for {p}");
    assert!(p.column >= 1);
    for f in fragments {
        assert!(p.message.contains(f), "message {:?} lacks {f:?}", p.message);
    }
    let shown = p.to_string();
    assert!(
        shown.starts_with(&format!("t.ron:{line}:{}: ", p.column)),
        "{shown}"
    );
    p
}

#[test]
fn the_base_scenario_is_valid() {
    let s = Scenario::parse("t.ron", BASE).unwrap();
    assert_eq!(s.customer_count(), 1);
}

#[test]
fn syntax_error() {
    let text = BASE.replace("quarters: 4,", "quarters: 4,,");
    let p = &problems(&text)[0];
    assert_eq!(p.line, 4);
}

#[test]
fn unknown_field_lists_the_accepted_ones() {
    let text = BASE.replace(
        "capacity_hours: 40,",
        "capacity_hours: 40,\n    colour: \"red\",",
    );
    rejects(&text, 6, &["colour", "capacity_hours"]);
}

#[test]
fn wrong_type() {
    let text = BASE.replace("quarters: 4,", "quarters: \"four\",");
    rejects(&text, 4, &["whole number"]);
}

#[test]
fn missing_required_field() {
    let text = BASE.replace("    capacity_hours: 40,\n", "");
    let p = &problems(&text)[0];
    assert!(p.message.contains("capacity_hours"), "{p}");
}

#[test]
fn unknown_customer_in_an_event() {
    let text = BASE.replace("Customer(\"a\")", "Customer(\"zed\")");
    rejects(
        &text,
        12,
        &["events[0].target", "unknown customer \"zed\"", "\"a\""],
    );
}

#[test]
fn unknown_segment() {
    let text = BASE.replace("segment: \"ent\"", "segment: \"smb\"");
    rejects(&text, 9, &["customers[0].segment", "\"smb\"", "\"ent\""]);
}

#[test]
fn unknown_product() {
    let text = BASE.replace(
        "products: [\"Suite\"], licences",
        "products: [\"Suit\"], licences",
    );
    rejects(
        &text,
        10,
        &["customers[0].contract.products[0]", "\"Suite\""],
    );
}

#[test]
fn quarter_past_the_end() {
    let text = BASE.replace("Event(quarter: 2", "Event(quarter: 9");
    rejects(
        &text,
        12,
        &["events[0].quarter", "quarter 9", "1 to quarter 4"],
    );
}

#[test]
fn probability_outside_zero_to_one() {
    let text = BASE.replace(
        "barrier: LostSponsor)",
        "barrier: LostSponsor, probability: 1.5)",
    );
    rejects(&text, 12, &["events[0].probability", "0 to 1", "1.5"]);
}

#[test]
fn not_a_number_is_caught() {
    let text = BASE.replace("arr: 1000", "arr: NaN");
    rejects(&text, 10, &["customers[0].contract.arr", "NaN"]);
}

#[test]
fn impossible_sizes() {
    let text = BASE.replace("licences: 100", "licences: 0");
    rejects(&text, 10, &["licences", "1 to 10000000", "0"]);
    let text = BASE.replace("quarters: 4,", "quarters: 0,");
    let ps = problems(&text);
    assert!(
        ps.iter()
            .any(|p| p.line == 4 && p.message.contains("quarters")),
        "{ps:#?}"
    );
    let text = BASE.replace("capacity_hours: 40", "capacity_hours: -3");
    rejects(&text, 5, &["capacity_hours"]);
}

#[test]
fn a_scenario_without_customers() {
    let start = BASE.find("    customers:").unwrap();
    let end = BASE.find("    events:").unwrap();
    let text = format!("{}{}", &BASE[..start], &BASE[end..]).replace("Customer(\"a\")", "All");
    rejects(&text, 1, &["no customers"]);
}

#[test]
fn duplicate_ids() {
    let text = BASE.replace(
        "    ],\n    events",
        "        Customer(id: \"a\", name: \"B\", segment: \"ent\", size: Small, contract: Contract(products: [\"Suite\"], licences: 1, arr: 1)),\n    ],\n    events",
    );
    rejects(&text, 11, &["customers[1].id", "unique"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = BASE
        .replace("licences: 100", "licences: 0")
        .replace("Event(quarter: 2", "Event(quarter: 99");
    assert_eq!(problems(&text).len(), 2);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = BASE
        .replace("learning_objectives", "x")
        .replace("quarters: 4,", &format!("quarters: 4, products2: {deep},"));
    assert!(!problems(&text).is_empty());
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A small deterministic fuzz: mutate the base scenario byte by byte.
    let base = BASE.as_bytes();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut bytes = base.to_vec();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % bytes.len();
            bytes[at] = (state >> 32) as u8;
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = Scenario::parse("fuzz.ron", &text);
    }
}

#[test]
fn a_missing_file_says_so() {
    let err = Scenario::load("/nonexistent/dir/x.ron").unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("/nonexistent/dir/x.ron: cannot read the file"),
        "{text}"
    );
}

#[test]
fn every_shipped_scenario_is_valid() {
    for (name, text) in csm_sim::scenario::builtin::ALL {
        Scenario::parse(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn learning_objectives_must_be_in_the_blueprint() {
    let text = BASE.replace(
        "quarters: 4,",
        "quarters: 4,\n    learning_objectives: [\"3.4.b\", \"3.9\", \"banana\"],",
    );
    let ps = problems(&text);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(
        ps[0].message.contains("learning_objectives[1]") && ps[0].message.contains("blueprint"),
        "{}",
        ps[0]
    );
    assert!(ps[1].message.contains("write ids like"), "{}", ps[1]);
    assert_eq!(ps[0].line, 5);
}

#[test]
fn every_action_and_barrier_names_objectives_of_the_blueprint() {
    use csm_sim::exam::Blueprint;
    use csm_sim::sim::actions::CATALOGUE;
    use csm_sim::sim::types::BarrierKind;
    let b = Blueprint::get();
    for spec in CATALOGUE {
        for id in spec.objectives {
            assert!(b.contains(id), "{} names {id}", spec.id);
        }
    }
    for kind in BarrierKind::ALL {
        assert!(b.contains(kind.objective()));
        assert!(b.contains(kind.default_category().objective()));
    }
}

#[test]
fn company_risks_are_checked_where_they_stand() {
    let with = |risk: &str| {
        BASE.replace(
            "    events: [",
            &format!("    company_risks: [{risk}],\n    events: ["),
        )
    };
    let ok = with("CompanyRisk(quarter: 2, target: Customer(\"a\"), risk: ChampionLeaves)");
    let s = Scenario::parse("t.ron", &ok).unwrap();
    assert_eq!(s.company_risks.len(), 1);
    assert_eq!(s.company_risks[0].severity, 0.6);
    rejects(
        &with("CompanyRisk(quarter: 2, target: Customer(\"zed\"), risk: BudgetCut)"),
        12,
        &["company_risks[0].target", "unknown customer \"zed\""],
    );
    rejects(
        &with("CompanyRisk(quarter: 2, target: All, risk: BudgetCut, severity: 3.0)"),
        12,
        &["company_risks[0].severity", "from 0.05 to 1"],
    );
    rejects(
        &with("CompanyRisk(quarter: 2, target: All, risk: Bankruptcy)"),
        12,
        &["Bankruptcy", "BudgetCut", "ChampionLeaves", "Merger"],
    );
}
