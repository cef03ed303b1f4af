//! The question bank is worth studying: large, spread over the exam like the exam, and not
//! answerable without reading the question (issue 8, point 3).

use std::collections::BTreeMap;

use csm_sim::exam::Blueprint;
use csm_sim::exam::checks::presentation_order;
use csm_sim::exam::questions::{Bank, Question};

fn lengths(q: &Question) -> Vec<usize> {
    q.choices.iter().map(|c| c.text.chars().count()).collect()
}

/// Whether the right answer can be found by picking the longest choice (or, for "choose
/// two", the two longest).
fn longest_is_right(q: &Question) -> bool {
    let lens = lengths(q);
    let mut by_length: Vec<usize> = (0..lens.len()).collect();
    by_length.sort_by(|&a, &b| lens[b].cmp(&lens[a]).then(a.cmp(&b)));
    let k = usize::from(q.choose);
    if k == 1 {
        let max = lens.iter().max().copied().unwrap_or(0);
        // Tied for longest counts: a guesser picking "the longest" would get it.
        lens[q.answer()] == max
    } else {
        let mut top: Vec<usize> = by_length[..k].to_vec();
        top.sort_unstable();
        top == q.answers()
    }
}

#[test]
fn the_bank_has_200_questions_and_every_objective_twice() {
    let bank = Bank::get();
    assert!(bank.0.len() >= 200, "only {} questions", bank.0.len());
    let mut tagged: BTreeMap<&str, u32> = BTreeMap::new();
    for q in &bank.0 {
        for o in &q.objectives {
            *tagged.entry(o.as_str()).or_default() += 1;
        }
    }
    let thin: Vec<(&str, u32)> = Blueprint::get()
        .ids()
        .map(|id| (id, tagged.get(id).copied().unwrap_or(0)))
        .filter(|(_, n)| *n < 2)
        .collect();
    assert!(
        thin.is_empty(),
        "objectives with fewer than two questions: {thin:?}"
    );
}

#[test]
fn domain_shares_follow_the_exam_within_two_points() {
    let bank = Bank::get();
    let n = bank.0.len() as f64;
    for d in &Blueprint::get().domains {
        let share = bank.0.iter().filter(|q| q.domain() == d.id).count() as f64 / n * 100.0;
        assert!(
            (share - f64::from(d.weight)).abs() <= 2.0,
            "domain {} is {share:.1} % of the bank, the exam {} %",
            d.id,
            d.weight
        );
    }
}

#[test]
fn the_longest_answer_is_right_at_most_30_percent_of_the_time() {
    let bank = Bank::get();
    let biased = bank.0.iter().filter(|q| longest_is_right(q)).count();
    let share = biased as f64 / bank.0.len() as f64;
    assert!(
        share <= 0.30,
        "picking the longest answer is right in {biased} of {} questions ({:.0} %)",
        bank.0.len(),
        share * 100.0
    );
}

#[test]
fn choices_are_of_comparable_length_with_no_throwaways() {
    for q in &Bank::get().0 {
        let lens = lengths(q);
        let (min, max) = (lens.iter().min().unwrap(), lens.iter().max().unwrap());
        assert!(
            *min as f64 >= 0.4 * *max as f64,
            "{}: choice lengths {lens:?}; the shortest looks like a throwaway",
            q.id
        );
        for c in &q.choices {
            assert!(
                c.explanation.chars().count() >= 30,
                "{}: explanation too short: {:?}",
                q.id,
                c.explanation
            );
        }
    }
}

#[test]
fn right_answers_are_spread_over_positions_in_the_files_and_on_screen() {
    let bank = Bank::get();
    // In the files (for anyone reading them) ...
    let mut in_file: BTreeMap<usize, f64> = BTreeMap::new();
    // ... and as shown, over a few seeds.
    let mut shown: BTreeMap<usize, f64> = BTreeMap::new();
    let mut shown_total = 0.0;
    for q in &bank.0 {
        let answers = q.answers();
        let weight = 1.0 / answers.len() as f64;
        for &a in &answers {
            *in_file.entry(a).or_default() += weight;
        }
        for seed in 1..=5 {
            let order = presentation_order(seed, q);
            for &a in &answers {
                let p = order.iter().position(|&i| i == a).unwrap();
                *shown.entry(p).or_default() += weight;
            }
            shown_total += 1.0;
        }
    }
    let n = bank.0.len() as f64;
    for (p, count) in &in_file {
        assert!(
            count / n <= 0.40,
            "position {p} holds {:.0} % of the right answers in the files: {in_file:?}",
            count / n * 100.0
        );
    }
    for p in 0..4 {
        let share = shown.get(&p).copied().unwrap_or(0.0) / shown_total;
        assert!(
            (0.15..=0.35).contains(&share),
            "position {p} shows {:.0} % of the right answers: {shown:?}",
            share * 100.0
        );
    }
}

#[test]
fn some_questions_ask_for_two_answers_and_ids_and_prompts_are_unique() {
    let bank = Bank::get();
    let two = bank.0.iter().filter(|q| q.choose == 2).count();
    assert!(two >= 10, "only {two} choose-two questions");
    for q in bank.0.iter().filter(|q| q.choose == 2) {
        assert!(
            q.prompt.contains("Choose two"),
            "{}: a choose-two question must say so",
            q.id
        );
    }
    let mut prompts: Vec<&str> = bank.0.iter().map(|q| q.prompt.as_str()).collect();
    prompts.sort_unstable();
    let before = prompts.len();
    prompts.dedup();
    assert_eq!(before, prompts.len(), "a prompt is used twice");
}

#[test]
fn keys_agree_with_the_seeds_on_the_points_reviewers_found() {
    let bank = Bank::get();
    // CSAT is the support experience (mind map), never a measure of product quality.
    for q in &bank.0 {
        for c in q.choices.iter().filter(|c| c.correct) {
            let t = c.text.to_lowercase();
            assert!(
                !(t.contains("csat") && t.contains("product quality")),
                "{}: a key calls CSAT product quality",
                q.id
            );
        }
    }
    // The success plan's elements include the adoption plan (partner deck).
    assert!(
        bank.0
            .iter()
            .any(|q| q.objectives.iter().any(|o| o == "2.7")
                && q.choices
                    .iter()
                    .any(|c| c.correct && c.text.to_lowercase().contains("adoption"))),
        "no key lists the adoption plan among the success plan's elements"
    );
    // "Transition plan" means one thing: an honest right-sizing. Every key that recommends
    // one says so (right-size, downsell, smaller, fit); none offers it as risk mitigation.
    let mut keys_with_transition = 0;
    for q in &bank.0 {
        for c in q.choices.iter().filter(|c| c.correct) {
            let t = format!("{} {}", c.text, c.explanation).to_lowercase();
            if !t.contains("transition") {
                continue;
            }
            keys_with_transition += 1;
            assert!(
                ["right-siz", "downsell", "smaller", "fit"]
                    .iter()
                    .any(|w| t.contains(w)),
                "{}: a key names a transition plan without saying it right-sizes: {}",
                q.id,
                c.text
            );
        }
    }
    assert!(
        keys_with_transition > 0,
        "no question teaches the transition plan"
    );
}
