//! The exam blueprint (`assets/blueprint.ron`): domains, weights, objectives and titles.
//! Every id the program uses is checked against it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::scenario::locate::{FieldPath, located};
use crate::scenario::{LoadError, read_ron};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Blueprint")]
struct RawBlueprint {
    exam: String,
    domains: Vec<Domain>,
}

/// One of the exam's five domains.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub title: String,
    /// Share of the exam, in percent.
    pub weight: u32,
    pub objectives: Vec<Objective>,
}

/// A numbered objective (`3.4`) or a lettered sub-objective (`3.4.b`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub title: String,
}

/// The blueprint, with an index by id.
#[derive(Debug, Clone)]
pub struct Blueprint {
    pub exam: String,
    pub domains: Vec<Domain>,
    /// Objective id → (domain index, objective index).
    index: BTreeMap<String, (usize, usize)>,
}

/// The blueprint compiled into the program.
pub const SOURCE: &str = include_str!("../../assets/blueprint.ron");

/// Whether an id has the shape `D.N` or `D.N.x`.
pub fn well_formed(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    let number = |s: &str| {
        !s.is_empty()
            && s.len() <= 2
            && s.chars().all(|c| c.is_ascii_digit())
            && !s.starts_with('0')
    };
    match parts.as_slice() {
        [d, n] => number(d) && number(n),
        [d, n, l] => {
            number(d) && number(n) && l.len() == 1 && l.chars().all(|c| c.is_ascii_lowercase())
        }
        _ => false,
    }
}

impl Blueprint {
    /// The built-in blueprint, parsed once.
    pub fn get() -> &'static Blueprint {
        static BLUEPRINT: OnceLock<Blueprint> = OnceLock::new();
        BLUEPRINT.get_or_init(|| {
            Blueprint::parse("assets/blueprint.ron", SOURCE).unwrap_or_else(|e| {
                panic!("the built-in blueprint is invalid (a build defect):\n{e}")
            })
        })
    }

    /// Parses and checks a blueprint: ids well-formed and unique, each objective inside
    /// its domain, each sub-objective under an objective listed before it, weights adding
    /// up to 100.
    pub fn parse(file: &str, text: &str) -> Result<Blueprint, LoadError> {
        let raw: RawBlueprint = read_ron(file, text)?;
        let mut problems = Vec::new();
        let mut fail = |path: FieldPath, message: String| {
            let message = format!("{path}: {message}");
            problems.push(located(file, text, &path, message));
        };
        let mut index = BTreeMap::new();
        let root = FieldPath::root().field("domains");
        for (d, domain) in raw.domains.iter().enumerate() {
            let dp = root.index(d);
            for (o, objective) in domain.objectives.iter().enumerate() {
                let op = dp.field("objectives").index(o).field("id");
                let id = &objective.id;
                if !well_formed(id) {
                    fail(
                        op,
                        format!("\"{id}\" is not an objective id like 3.4 or 3.4.b"),
                    );
                    continue;
                }
                if id.split('.').next() != Some(domain.id.as_str()) {
                    fail(
                        op,
                        format!("\"{id}\" does not belong to domain {}", domain.id),
                    );
                    continue;
                }
                if let Some(parent) = parent_of(id)
                    && !index.contains_key(parent)
                {
                    fail(
                        op.clone(),
                        format!("\"{id}\" comes before its objective \"{parent}\""),
                    );
                }
                if index.insert(id.clone(), (d, o)).is_some() {
                    fail(op, format!("\"{id}\" is listed twice"));
                }
            }
        }
        let total: u32 = raw.domains.iter().map(|d| d.weight).sum();
        if total != 100 {
            fail(root, format!("domain weights add up to {total}, not 100"));
        }
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        Ok(Blueprint {
            exam: raw.exam,
            domains: raw.domains,
            index,
        })
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        let &(d, o) = self.index.get(id)?;
        Some(&self.domains[d].objectives[o])
    }

    /// The domain an objective belongs to.
    pub fn domain_of(&self, id: &str) -> Option<&Domain> {
        self.index.get(id).map(|&(d, _)| &self.domains[d])
    }

    /// Every objective id, in blueprint order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.domains
            .iter()
            .flat_map(|d| d.objectives.iter().map(|o| o.id.as_str()))
    }

    /// Checks a list of objective ids at `path`: not empty, every id in the blueprint.
    pub fn check_ids(
        &self,
        ids: &[String],
        path: &FieldPath,
        mut fail: impl FnMut(FieldPath, String),
    ) {
        if ids.is_empty() {
            fail(path.clone(), "name at least one exam objective".to_owned());
        }
        for (j, id) in ids.iter().enumerate() {
            if !self.contains(id) {
                fail(path.index(j), self.unknown(id));
            }
        }
    }

    /// A message for an id the blueprint does not contain.
    pub fn unknown(&self, id: &str) -> String {
        if well_formed(id) {
            format!("\"{id}\" is not an objective of the exam blueprint (assets/blueprint.ron)")
        } else {
            format!("\"{id}\" is not an exam objective id; write ids like \"3.4\" or \"3.4.b\"")
        }
    }
}

/// The numbered objective a lettered sub-objective belongs to (`3.4` for `3.4.b`).
pub fn parent_of(id: &str) -> Option<&str> {
    let (head, last) = id.rsplit_once('.')?;
    (last.chars().all(|c| c.is_ascii_lowercase()) && head.contains('.')).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_blueprint_has_five_weighted_domains() {
        let b = Blueprint::get();
        let weights: Vec<(&str, u32)> = b
            .domains
            .iter()
            .map(|d| (d.id.as_str(), d.weight))
            .collect();
        assert_eq!(
            weights,
            [("1", 15), ("2", 25), ("3", 25), ("4", 20), ("5", 15)]
        );
        // Every id is well-formed, and the numbered objectives match domain.md §1.
        assert!(b.ids().all(well_formed));
        let numbered = |d: &str| {
            b.ids()
                .filter(|id| id.split('.').next() == Some(d) && parent_of(id).is_none())
                .count()
        };
        assert_eq!(
            [
                numbered("1"),
                numbered("2"),
                numbered("3"),
                numbered("4"),
                numbered("5")
            ],
            [10, 10, 4, 6, 6]
        );
        for id in ["1.6.d", "2.5.c", "3.4.e", "4.3.e", "5.1.e", "1.10", "2.10"] {
            assert!(b.contains(id), "{id} missing");
        }
        assert_eq!(b.ids().count(), 24 + 17 + 19 + 20 + 11);
        assert_eq!(b.domain_of("3.4.b").unwrap().title, "Managing barriers");
        assert!(!b.contains("3.5"));
    }

    #[test]
    fn ids_and_parents() {
        assert!(well_formed("3.4") && well_formed("3.4.b") && well_formed("1.10"));
        for bad in [
            "3", "3.", "3.4.", "3.4.B", "3.4.bb", "03.4", "x.1", "3.4.b.c", "",
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
        assert_eq!(parent_of("3.4.b"), Some("3.4"));
        assert_eq!(parent_of("3.4"), None);
    }

    #[test]
    fn a_broken_blueprint_is_located() {
        let text = SOURCE.replace("Objective(id: \"3.4.b\"", "Objective(id: \"4.4.b\"");
        let err = Blueprint::parse("b.ron", &text).unwrap_err();
        let p = &err.problems()[0];
        assert!(p.message.contains("does not belong to domain 3"), "{p}");
        assert!(p.line > 50, "{p}");
        let text = SOURCE.replace("weight: 15, objectives", "weight: 16, objectives");
        assert!(
            Blueprint::parse("b.ron", &text)
                .unwrap_err()
                .to_string()
                .contains("add up to")
        );
    }
}
