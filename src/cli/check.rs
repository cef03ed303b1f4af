//! `csm-sim check`: validate scenarios, playbooks and action files, and summarise them.

use std::path::Path;
use std::process::ExitCode;

use crate::exam::{Blueprint, coverage};
use crate::playbook::{self, Playbook, Rule};
use crate::scenario::locate::{FieldPath, located};
use crate::scenario::{Located, Scenario};
use crate::session::{RecordedAction, load_actions};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario, playbook or action files (or built-in names) to check; the kind is told
    /// from the file: `Playbook(..)` is a playbook, a list `[..]` is an action file.
    #[arg(required = true)]
    files: Vec<String>,
    /// Also check playbooks and action files against this scenario: the segments and
    /// customers they name, and the quarters of actions.
    #[arg(long, value_name = "SCENARIO")]
    against: Option<String>,
}

/// What a file holds, told from its first token after comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    Playbook,
    Actions,
}

/// Tells a scenario, a playbook and an action file apart by how the text begins.
pub fn kind_of(text: &str) -> FileKind {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    if rest.starts_with('[') {
        FileKind::Actions
    } else if rest.starts_with("Playbook") {
        FileKind::Playbook
    } else {
        FileKind::Scenario
    }
}

/// Problems that make a playbook rule plan nothing, located in the text.
pub fn playbook_warnings(
    file: &str,
    text: &str,
    p: &Playbook,
    against: Option<&Scenario>,
) -> Vec<Located> {
    let mut out = Vec::new();
    for (i, rule) in p.rules.iter().enumerate() {
        let at = FieldPath::root().field("rules").index(i);
        match rule {
            Rule::ForEach { action, .. } if action.spec().one_to_many => out.push(located(
                file,
                text,
                &at.field("action"),
                format!(
                    "`{}` is a one-to-many action: ForEach plans it for no customer; use ForSegment or ForTouch",
                    action.spec().id
                ),
            )),
            Rule::ForSegment { action, .. } | Rule::ForTouch { action, .. }
                if !action.spec().one_to_many =>
            {
                out.push(located(
                    file,
                    text,
                    &at.field("action"),
                    format!(
                        "`{}` is a one-to-one action: a segment rule cannot plan it; use ForEach",
                        action.spec().id
                    ),
                ))
            }
            Rule::ForSegment { segment, .. } => {
                if let Some(s) = against
                    && s.segment_index(segment).is_none()
                {
                    out.push(located(
                        file,
                        text,
                        &at.field("segment"),
                        format!(
                            "scenario \"{}\" has no segment \"{segment}\"; it has: {}",
                            s.id,
                            s.segments.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// Problems in an action file, located in the text; with a scenario, the names and quarters.
pub fn action_problems(
    file: &str,
    text: &str,
    actions: &[RecordedAction],
    against: Option<&Scenario>,
) -> Vec<Located> {
    let mut out = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let at = FieldPath::root().index(i);
        let spec = a.action.spec();
        let mut problem = |field: &str, message: String| {
            out.push(located(file, text, &at.field(field), message));
        };
        if a.quarter == 0 {
            problem("quarter", "quarters are numbered from 1".to_owned());
        }
        match (&a.customer, &a.segment) {
            (Some(_), Some(_)) => problem(
                "segment",
                "name a customer or a segment, not both".to_owned(),
            ),
            (None, None) => problem(
                "action",
                format!(
                    "`{}` needs a {}",
                    spec.id,
                    if spec.one_to_many {
                        "segment"
                    } else {
                        "customer"
                    }
                ),
            ),
            (Some(_), None) if spec.one_to_many => problem(
                "customer",
                format!("`{}` is a one-to-many action: name a segment", spec.id),
            ),
            (None, Some(_)) if !spec.one_to_many => problem(
                "segment",
                format!("`{}` is a one-to-one action: name a customer", spec.id),
            ),
            _ => {}
        }
        if let Some(s) = against {
            if a.quarter > s.quarters {
                problem(
                    "quarter",
                    format!("scenario \"{}\" has {} quarters", s.id, s.quarters),
                );
            }
            if let Some(seg) = &a.segment
                && s.segment_index(seg).is_none()
            {
                problem(
                    "segment",
                    format!("scenario \"{}\" has no segment \"{seg}\"", s.id),
                );
            }
            if let Some(c) = &a.customer
                && !s.customers.iter().any(|l| &l.key == c)
                && !s.generated_key(c)
            {
                problem(
                    "customer",
                    format!("scenario \"{}\" has no customer \"{c}\"", s.id),
                );
            }
        }
    }
    out
}

/// Which exam objectives play of the scenario exercises by a mechanic, which it only names,
/// and which domains it leaves out.
fn coverage_lines(s: &Scenario) -> std::io::Result<()> {
    let named = coverage::exercised(s);
    let played = match coverage::by_mechanic(s) {
        Ok(m) => m,
        Err(e) => {
            outln!("  cannot be played by the reference playbooks: {e}")?;
            Default::default()
        }
    };
    outln!(
        "  exercises {} exam objectives by a mechanic in play: {}",
        played.len(),
        Blueprint::get()
            .ids()
            .filter(|id| played.contains_key(id))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    let only_named: Vec<&str> = named
        .iter()
        .copied()
        .filter(|o| !played.contains_key(o))
        .collect();
    if !only_named.is_empty() {
        outln!(
            "  names {} more that nothing in play exercises: {}",
            only_named.len(),
            only_named.join(", ")
        )?;
    }
    let untouched = coverage::untouched_domains(played.keys().copied());
    if !untouched.is_empty() {
        let names: Vec<String> = Blueprint::get()
            .domains
            .iter()
            .filter(|d| untouched.contains(&d.id.as_str()))
            .map(|d| format!("{} {} ({} % of the exam)", d.id, d.title, d.weight))
            .collect();
        outln!("  leaves untouched: {}", names.join("; "))?;
    }
    Ok(())
}

/// Checks a playbook or action file; returns whether it is free of errors.
fn check_other(
    file: &str,
    text: &str,
    kind: FileKind,
    against: Option<&Scenario>,
) -> anyhow::Result<bool> {
    match kind {
        FileKind::Playbook => match Playbook::parse(file, text) {
            Ok(p) => {
                // Output that cannot be written (a closed pipe) must not change the verdict.
                let _ = outln!(
                    "{file}: ok — playbook \"{}\", {} rules",
                    p.name,
                    p.rules.len()
                );
                for w in playbook_warnings(file, text, &p, against) {
                    eprintln!("{}:{}:{}: warning: {}", w.file, w.line, w.column, w.message);
                }
                Ok(true)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(false)
            }
        },
        FileKind::Actions => match load_actions(Path::new(file)) {
            Ok(actions) => {
                let problems = action_problems(file, text, &actions, against);
                if problems.is_empty() {
                    let _ = outln!("{file}: ok — {} recorded actions", actions.len());
                    Ok(true)
                } else {
                    for p in problems {
                        eprintln!("{p}");
                    }
                    Ok(false)
                }
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(false)
            }
        },
        FileKind::Scenario => unreachable!("scenarios are checked by the caller"),
    }
}

pub fn check(args: Args) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let against = match &args.against {
        Some(spec) => Some(Scenario::load(spec)?),
        None => None,
    };
    for file in &args.files {
        // Built-in playbooks by name, then files whose text says what they are.
        if let Some((name, text)) = playbook::BUILTIN.iter().find(|(n, _)| n == file)
            && !Path::new(file).exists()
        {
            let ok = check_other(
                &format!("builtin:{name}"),
                text,
                FileKind::Playbook,
                against.as_ref(),
            )?;
            failed |= !ok;
            continue;
        }
        // A file that exists is read, even if its name is also a built-in one.
        let path = Path::new(file);
        if path.exists() {
            match crate::scenario::read_text(path) {
                Ok(text) => {
                    let kind = kind_of(&text);
                    if kind != FileKind::Scenario {
                        failed |= !check_other(file, &text, kind, against.as_ref())?;
                        continue;
                    }
                }
                Err(message) => {
                    eprintln!("{file}: cannot read the file: {message}");
                    failed = true;
                    continue;
                }
            }
        }
        match Scenario::load(file) {
            Ok(s) => {
                let listed = s.customers.len();
                let generated = s.customer_count() - listed as u64;
                let _ = outln!(
                    "{file}: ok — \"{}\" ({}), {} quarters, {} customers ({listed} listed, {generated} generated), {} segments, {} scripted events, {} random barriers, {:.0} CSM hours a quarter",
                    s.title,
                    s.id,
                    s.quarters,
                    s.customer_count(),
                    s.segments.len(),
                    s.events.len(),
                    s.random_barriers.len(),
                    s.capacity_hours,
                );
                if !s.learning_objectives.is_empty() {
                    let _ = outln!(
                        "  learning objectives: {}",
                        s.learning_objectives.join(", ")
                    );
                }
                let _ = coverage_lines(&s);
            }
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
