//! Checks raw scenario values against the rules of the format and builds the runtime [`Scenario`].
//!
//! Every rule that fails adds a located problem; all problems are reported together so an
//! author can fix a file in one pass.

use std::collections::{BTreeMap, BTreeSet};

use super::locate::{FieldPath, locate};
use super::raw::{self, RawScenario};
use super::{
    CompanyRisk, CustomerSpec, GenerateSpec, LoadError, Located, RandomBarrier, Range, Scenario,
    ScriptedEvent, Segment, SegmentIndex, StakeholderSpec, Target, Targets,
};
use crate::sim::health::HealthModel;
use crate::sim::types::{HealthComponent, Stage};

/// The most quarters a scenario may run (ten years).
pub const MAX_QUARTERS: i64 = 40;
/// The most customers one scenario may hold.
/// The largest portfolio a scenario may hold. Every command on a portfolio this large stays
/// under 2 GiB of memory (measured in `docs/design.md`); 5,000,000 needed up to 4.8 GB.
pub const MAX_CUSTOMERS: u64 = 1_000_000;
const MAX_PRODUCTS: usize = 32;

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Located>,
    /// Problems found beyond `MAX_PROBLEMS`, counted only.
    more: usize,
}

/// Problems listed for one file; past this many only the count is given.
pub const MAX_PROBLEMS: usize = 50;

impl Checker<'_> {
    fn fail(&mut self, path: &FieldPath, message: impl Into<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        let (line, column) = locate(self.text, path);
        let mut message: String = message.into();
        // A value echoed from the file can be megabytes long: a message stays readable.
        if message.chars().count() > 600 {
            message = message.chars().take(600).collect::<String>() + "…";
        }
        let message = if path.0.is_empty() {
            message
        } else {
            format!("{path}: {message}")
        };
        self.problems.push(Located {
            file: self.file.to_owned(),
            line,
            column,
            message,
        });
    }

    /// A finite number within `lo..=hi`; NaN and infinities are rejected.
    fn number(&mut self, path: &FieldPath, value: f64, lo: f64, hi: f64, what: &str) -> f32 {
        if !value.is_finite() || value < lo || value > hi {
            self.fail(
                path,
                format!("{what} must be a number from {lo} to {hi}, but it is {value}"),
            );
            return lo as f32;
        }
        value as f32
    }

    fn whole(&mut self, path: &FieldPath, value: i64, lo: i64, hi: i64, what: &str) -> i64 {
        if value < lo || value > hi {
            self.fail(
                path,
                format!("{what} must be a whole number from {lo} to {hi}, but it is {value}"),
            );
            return lo;
        }
        value
    }

    fn range(&mut self, path: &FieldPath, r: raw::RawRange, lo: f64, hi: f64, what: &str) -> Range {
        let min = self.number(&path.field("min"), r.min, lo, hi, what);
        let max = self.number(&path.field("max"), r.max, lo, hi, what);
        if min > max {
            self.fail(
                path,
                format!("{what}: `min` ({min}) must not be greater than `max` ({max})"),
            );
        }
        Range { min, max }
    }

    fn products(&mut self, path: &FieldPath, names: &[String], catalogue: &[String]) -> u32 {
        let mut mask = 0u32;
        for (i, name) in names.iter().enumerate() {
            match catalogue.iter().position(|p| p == name) {
                Some(bit) => mask |= 1 << bit,
                None => self.fail(
                    &path.index(i),
                    format!(
                        "unknown product \"{name}\"; the scenario's products are: {}",
                        quoted(catalogue)
                    ),
                ),
            }
        }
        mask
    }

    fn segment(&mut self, path: &FieldPath, id: &str, segments: &[Segment]) -> SegmentIndex {
        match segments.iter().position(|s| s.id == id) {
            Some(i) => i as SegmentIndex,
            None => {
                let known: Vec<String> = segments.iter().map(|s| s.id.clone()).collect();
                self.fail(
                    path,
                    format!(
                        "unknown segment \"{id}\"; the scenario's segments are: {}",
                        quoted(&known)
                    ),
                );
                0
            }
        }
    }

    fn quarter(&mut self, path: &FieldPath, q: i64, quarters: i64) -> u16 {
        if q < 1 || q > quarters {
            self.fail(
                path,
                format!(
                    "quarter {q} is outside the scenario, which runs from quarter 1 to quarter {quarters}"
                ),
            );
            return 1;
        }
        q as u16
    }
}

/// Names as a list for a message: at most ten, each cut to a readable length.
fn quoted(names: &[String]) -> String {
    const SHOWN: usize = 10;
    if names.is_empty() {
        return "(none)".to_owned();
    }
    let mut list = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{}\"", shorten(n)))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    list
}

/// A value from the file as it is echoed in a message: cut after 60 characters.
pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}… ({} characters)", s.chars().count())
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub(super) fn validate(file: &str, text: &str, raw: RawScenario) -> Result<Scenario, LoadError> {
    let mut c = Checker {
        file,
        text,
        problems: Vec::new(),
        more: 0,
    };
    let root = FieldPath::root();

    if !is_identifier(&raw.id) {
        c.fail(
            &root.field("id"),
            format!(
                "scenario id \"{}\" must be 1–64 characters of a–z, 0–9, '-' or '_'",
                raw.id
            ),
        );
    }
    if raw.title.trim().is_empty() {
        c.fail(&root.field("title"), "the title must not be empty");
    }
    let quarters = c.whole(
        &root.field("quarters"),
        raw.quarters,
        1,
        MAX_QUARTERS,
        "quarters",
    );
    let capacity_hours = c.number(
        &root.field("capacity_hours"),
        raw.capacity_hours,
        1.0,
        10_000.0,
        "capacity_hours (the CSM's hours per quarter)",
    );
    let health_model = health_model(&mut c, &root.field("health_model"), raw.health_model);
    let inbound_requests = c.number(
        &root.field("inbound_requests"),
        raw.inbound_requests,
        0.0,
        1.0,
        "inbound_requests (requests per high-touch account per quarter)",
    );
    let baseline_gaps = c.number(
        &root.field("baseline_gaps"),
        raw.baseline_gaps,
        0.0,
        1.0,
        "baseline_gaps (the share of customers whose baseline has a gap)",
    );

    // Products.
    let products_path = root.field("products");
    if raw.products.is_empty() {
        c.fail(
            &products_path,
            "list at least one product the customers buy",
        );
    }
    if raw.products.len() > MAX_PRODUCTS {
        c.fail(
            &products_path,
            format!(
                "at most {MAX_PRODUCTS} products are supported, found {}",
                raw.products.len()
            ),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, p) in raw.products.iter().enumerate() {
        if p.trim().is_empty() || !seen.insert(p.as_str()) {
            c.fail(
                &products_path.index(i),
                format!("product names must be non-empty and unique; \"{p}\" is not"),
            );
        }
    }
    let products: Vec<String> = raw.products.iter().take(MAX_PRODUCTS).cloned().collect();

    // Segments.
    let seg_path = root.field("segments");
    if raw.segments.is_empty() {
        c.fail(&seg_path, "list at least one segment");
    }
    let mut segments = Vec::with_capacity(raw.segments.len());
    let mut seen = BTreeSet::new();
    for (i, s) in raw.segments.iter().enumerate() {
        let p = seg_path.index(i);
        if !is_identifier(&s.id) || !seen.insert(s.id.as_str()) {
            c.fail(
                &p.field("id"),
                format!(
                    "segment id \"{}\" must be unique and 1–64 characters of a–z, 0–9, '-' or '_'",
                    s.id
                ),
            );
        }
        segments.push(Segment {
            id: s.id.clone(),
            name: if s.name.is_empty() {
                s.id.clone()
            } else {
                s.name.clone()
            },
            touch: s.touch,
            sponsor_turnover: c.number(
                &p.field("sponsor_turnover"),
                s.sponsor_turnover,
                0.0,
                1.0,
                "sponsor_turnover (a probability)",
            ),
            volatility: c.number(&p.field("volatility"), s.volatility, 0.0, 1.0, "volatility"),
        });
    }
    if segments.len() > usize::from(u16::MAX) {
        c.fail(&seg_path, "too many segments (at most 65535)");
    }

    // Listed customers.
    let cust_path = root.field("customers");
    let mut customers = Vec::with_capacity(raw.customers.len());
    let mut keys: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, rc) in raw.customers.iter().enumerate() {
        let p = cust_path.index(i);
        if !is_identifier(&rc.id) || keys.insert(rc.id.as_str(), i as u32).is_some() {
            c.fail(
                &p.field("id"),
                format!(
                    "customer id \"{}\" must be unique and 1–64 characters of a–z, 0–9, '-' or '_'",
                    shorten(&rc.id)
                ),
            );
        }
        customers.push(customer(&mut c, &p, rc, &segments, &products, quarters));
    }

    // Generated customers.
    let gen_path = root.field("generate");
    let mut generate = Vec::with_capacity(raw.generate.len());
    for (i, g) in raw.generate.iter().enumerate() {
        generate.push(generated(
            &mut c,
            &gen_path.index(i),
            g,
            &segments,
            &products,
        ));
    }
    // A listed id must not be one a generated customer will get (`SEGMENT-N`, N its place in
    // the portfolio): the portfolio would show it twice and sessions could not name it.
    let mut first = customers.len() as u64;
    let mut ranges = Vec::with_capacity(generate.len());
    for g in &generate {
        if let Some(seg) = segments.get(usize::from(g.segment)) {
            ranges.push((seg.id.as_str(), first, first + u64::from(g.count)));
        }
        first += u64::from(g.count);
    }
    for (i, rc) in raw.customers.iter().enumerate() {
        let clash = ranges.iter().find(|(seg, lo, hi)| {
            rc.id
                .strip_prefix(seg)
                .and_then(|r| r.strip_prefix('-'))
                .and_then(|n| n.parse::<u64>().ok())
                .is_some_and(|n| (*lo..*hi).contains(&n))
        });
        if let Some((seg, lo, hi)) = clash {
            c.fail(
                &cust_path.index(i).field("id"),
                format!(
                    "customer id \"{}\" is the id of a generated customer (segment \"{seg}\" generates {seg}-{lo} to {seg}-{}); choose another id",
                    shorten(&rc.id),
                    hi - 1
                ),
            );
        }
    }
    let total = customers.len() as u64 + generate.iter().map(|g| u64::from(g.count)).sum::<u64>();
    if total == 0 {
        c.fail(
            &root,
            "the scenario has no customers: list some under `customers` or add a `generate` entry",
        );
    } else if total > MAX_CUSTOMERS {
        c.fail(
            &gen_path,
            format!("the scenario has {total} customers; at most {MAX_CUSTOMERS} are supported"),
        );
    }

    // Scripted events.
    let ev_path = root.field("events");
    let mut events = Vec::with_capacity(raw.events.len());
    let mut known_customers: Option<String> = None;
    let mut target_of = |c: &mut Checker, p: &FieldPath, target: &raw::RawTarget| match target {
        raw::RawTarget::Customer(id) => match keys.get(id.as_str()) {
            Some(&index) => Target::Customer(index),
            None => {
                // Built once: a file may name thousands of unknown customers.
                let known = known_customers.get_or_insert_with(|| {
                    let ids: Vec<String> = keys.keys().take(11).map(|k| (*k).to_owned()).collect();
                    let mut list = quoted(&ids[..ids.len().min(10)]);
                    if keys.len() > 10 {
                        list = format!("{list} and {} more", keys.len() - 10);
                    }
                    list
                });
                let message = format!(
                    "unknown customer \"{}\"; listed customers are: {known}",
                    shorten(id)
                );
                c.fail(&p.field("target"), message);
                Target::All
            }
        },
        raw::RawTarget::Segment(id) => {
            Target::Segment(c.segment(&p.field("target"), id, &segments))
        }
        raw::RawTarget::All => Target::All,
    };
    for (i, e) in raw.events.iter().enumerate() {
        let p = ev_path.index(i);
        let target = target_of(&mut c, &p, &e.target);
        events.push(ScriptedEvent {
            quarter: c.quarter(&p.field("quarter"), e.quarter, quarters),
            target,
            barrier: e.barrier,
            category: e.category.unwrap_or_else(|| e.barrier.default_category()),
            severity: c.number(&p.field("severity"), e.severity, 0.05, 1.0, "severity"),
            probability: c.number(
                &p.field("probability"),
                e.probability,
                0.0,
                1.0,
                "probability",
            ),
            hidden: e.hidden,
            note: e.note.clone(),
        });
    }

    // Company risks.
    let cr_path = root.field("company_risks");
    let mut company_risks = Vec::with_capacity(raw.company_risks.len());
    for (i, r) in raw.company_risks.iter().enumerate() {
        let p = cr_path.index(i);
        let target = target_of(&mut c, &p, &r.target);
        company_risks.push(CompanyRisk {
            quarter: c.quarter(&p.field("quarter"), r.quarter, quarters),
            target,
            risk: r.risk,
            severity: c.number(&p.field("severity"), r.severity, 0.05, 1.0, "severity"),
            probability: c.number(
                &p.field("probability"),
                r.probability,
                0.0,
                1.0,
                "probability",
            ),
            note: r.note.clone(),
        });
    }

    // Random barriers.
    let rb_path = root.field("random_barriers");
    let mut random_barriers = Vec::with_capacity(raw.random_barriers.len());
    for (i, r) in raw.random_barriers.iter().enumerate() {
        let p = rb_path.index(i);
        let from_quarter = match r.from_quarter {
            Some(q) => c.quarter(&p.field("from_quarter"), q, quarters),
            None => 1,
        };
        let until_quarter = match r.until_quarter {
            Some(q) => c.quarter(&p.field("until_quarter"), q, quarters),
            None => quarters as u16,
        };
        if from_quarter > until_quarter {
            c.fail(&p, "from_quarter must not come after until_quarter");
        }
        random_barriers.push(RandomBarrier {
            barrier: r.barrier,
            probability: c.number(
                &p.field("probability"),
                r.probability,
                0.0,
                1.0,
                "probability (per customer per quarter)",
            ),
            segment: r
                .segment
                .as_ref()
                .map(|s| c.segment(&p.field("segment"), s, &segments)),
            severity: c.number(&p.field("severity"), r.severity, 0.05, 1.0, "severity"),
            from_quarter,
            until_quarter,
        });
    }

    // Targets.
    let tp = root.field("targets");
    let t = &raw.targets;
    let targets = Targets {
        // Targets keep the author's exact number (f64), once checked.
        nrr_min: t.nrr_min.inspect(|&v| {
            c.number(&tp.field("nrr_min"), v, 0.0, 5.0, "nrr_min (1.0 is 100 %)");
        }),
        grr_min: t.grr_min.inspect(|&v| {
            c.number(&tp.field("grr_min"), v, 0.0, 1.0, "grr_min (1.0 is 100 %)");
        }),
        max_churned_customers: t.max_churned_customers.map(|v| {
            c.whole(
                &tp.field("max_churned_customers"),
                v,
                0,
                MAX_CUSTOMERS as i64,
                "max_churned_customers",
            ) as u32
        }),
        max_time_to_value: t.max_time_to_value.map(|v| {
            f64::from(c.number(
                &tp.field("max_time_to_value"),
                v,
                0.0,
                MAX_QUARTERS as f64,
                "max_time_to_value (quarters)",
            ))
        }),
        plans_within_quarters: t.plans_within_quarters.map(|v| {
            c.whole(
                &tp.field("plans_within_quarters"),
                v,
                1,
                MAX_QUARTERS,
                "plans_within_quarters (quarters after purchase)",
            ) as u16
        }),
        expansion_min: t.expansion_min.inspect(|&v| {
            c.number(
                &tp.field("expansion_min"),
                v,
                0.0,
                5.0,
                "expansion_min (a share of the starting ARR, 0.1 is 10 %)",
            );
        }),
        advocates_min: t.advocates_min.map(|v| {
            c.whole(
                &tp.field("advocates_min"),
                v,
                0,
                MAX_CUSTOMERS as i64,
                "advocates_min (customers)",
            ) as u32
        }),
    };

    let knowledge_checks = c.whole(
        &root.field("knowledge_checks"),
        raw.knowledge_checks,
        0,
        5,
        "knowledge_checks (questions per quarter)",
    ) as u8;
    let blueprint = crate::exam::Blueprint::get();
    for (i, o) in raw.learning_objectives.iter().enumerate() {
        if !blueprint.contains(o) {
            c.fail(
                &root.field("learning_objectives").index(i),
                blueprint.unknown(o),
            );
        }
    }

    if c.more > 0 {
        let (file, more) = (c.file.to_owned(), c.more);
        c.problems.push(Located {
            file,
            line: 1,
            column: 1,
            message: format!(
                "and {more} more problem{} not listed (the first {MAX_PROBLEMS} are above); fix these and check again",
                if more == 1 { "" } else { "s" }
            ),
        });
    }
    if !c.problems.is_empty() {
        return Err(LoadError::Invalid(c.problems));
    }
    Ok(Scenario {
        id: raw.id,
        title: raw.title,
        description: raw.description,
        difficulty: raw.difficulty,
        learning_objectives: raw.learning_objectives,
        quarters: quarters as u16,
        seed: raw.seed,
        capacity_hours,
        health_model,
        products,
        segments,
        customers,
        generate,
        events,
        random_barriers,
        company_risks,
        inbound_requests,
        baseline_gaps,
        targets,
        knowledge_checks,
        coach: raw.coach,
        source: text.to_owned(),
        content_hash: super::content_hash(text),
    })
}

fn health_model(
    c: &mut Checker,
    path: &FieldPath,
    raw: Option<raw::RawHealthModel>,
) -> HealthModel {
    let Some(raw) = raw else {
        return HealthModel::default();
    };
    let (red_below, green_from) = match &raw {
        raw::RawHealthModel::Weighted {
            red_below,
            green_from,
            ..
        }
        | raw::RawHealthModel::Worst {
            red_below,
            green_from,
            ..
        } => (*red_below, *green_from),
    };
    let red = c.number(&path.field("red_below"), red_below, 0.0, 100.0, "red_below");
    let green = c.number(
        &path.field("green_from"),
        green_from,
        0.0,
        100.0,
        "green_from",
    );
    if red > green {
        c.fail(
            &path.field("green_from"),
            format!("green_from ({green}) must not be below red_below ({red})"),
        );
    }
    match raw {
        raw::RawHealthModel::Weighted { weights, .. } => {
            // RON keeps the last of a repeated key without a word: say so instead.
            for (key, line, column) in super::locate::repeated_keys(c.text, &path.field("weights"))
            {
                if c.problems.len() < MAX_PROBLEMS {
                    c.problems.push(Located {
                        file: c.file.to_owned(),
                        line,
                        column,
                        message: format!(
                            "{path}.weights: {} is given twice; give each component once",
                            shorten(&key)
                        ),
                    });
                }
            }
            let mut w = [0.0f32; HealthComponent::ALL.len()];
            for (component, weight) in &weights {
                w[component.index()] = c.number(
                    &path.field("weights").field(&format!("{component:?}")),
                    *weight,
                    0.0,
                    100.0,
                    "a weight",
                );
            }
            if w.iter().sum::<f32>() <= 0.0 {
                c.fail(
                    &path.field("weights"),
                    "give at least one component a weight above 0 (components: Usage, Quality, \
                     Sentiment, Financial, Nps, Csat, Engagement, Outcomes)",
                );
            }
            HealthModel::weighted(w, red, green)
        }
        raw::RawHealthModel::Worst { components, .. } => {
            if components.is_empty() {
                c.fail(&path.field("components"), "list at least one component");
            }
            let mut mask = [false; HealthComponent::ALL.len()];
            for comp in components {
                mask[comp.index()] = true;
            }
            HealthModel::Worst {
                components: mask,
                red_below: red,
                green_from: green,
            }
        }
    }
}

fn stakeholder(c: &mut Checker, path: &FieldPath, s: &raw::RawStakeholder) -> StakeholderSpec {
    StakeholderSpec {
        present: s.present,
        sentiment: c.number(
            &path.field("sentiment"),
            s.sentiment,
            -1.0,
            1.0,
            "sentiment",
        ),
    }
}

fn customer(
    c: &mut Checker,
    p: &FieldPath,
    rc: &raw::RawCustomer,
    segments: &[Segment],
    products: &[String],
    quarters: i64,
) -> CustomerSpec {
    let segment = c.segment(&p.field("segment"), &rc.segment, segments);
    let cp = p.field("contract");
    let k = &rc.contract;
    let product_mask = c.products(&cp.field("products"), &k.products, products);
    if k.products.is_empty() {
        c.fail(
            &cp.field("products"),
            "a contract must include at least one product",
        );
    }
    let licences = c.whole(&cp.field("licences"), k.licences, 1, 10_000_000, "licences");
    let arr = c.number(
        &cp.field("arr"),
        k.arr,
        1.0,
        1e10,
        "arr (annual recurring revenue)",
    );
    let term = c.whole(
        &cp.field("term_quarters"),
        k.term_quarters,
        1,
        20,
        "term_quarters",
    );
    let start = c.whole(
        &cp.field("start_quarter"),
        k.start_quarter,
        -MAX_QUARTERS,
        quarters,
        "start_quarter",
    );
    if start + term - 1 < 1 {
        c.fail(
            &cp.field("start_quarter"),
            format!(
                "the contract ends in quarter {} before the scenario starts; start_quarter + term_quarters must be at least 2",
                start + term - 1
            ),
        );
    }
    let stage = rc.stage.unwrap_or(if start >= 1 {
        Stage::Onboard
    } else {
        Stage::Use
    });
    if stage == Stage::Churned {
        c.fail(
            &p.field("stage"),
            "a customer cannot start churned; use Onboard, Implement, Use, Adopt or ExpandRenew",
        );
    }
    let quarters_in_stage = c.whole(
        &p.field("quarters_in_stage"),
        rc.quarters_in_stage,
        0,
        400,
        "quarters_in_stage",
    );

    let sh = rc.stakeholders.clone().unwrap_or(raw::RawStakeholders {
        executive_sponsor: raw::RawStakeholder {
            present: true,
            sentiment: 0.3,
        },
        champion: raw::RawStakeholder {
            present: true,
            sentiment: 0.3,
        },
        users: raw::RawStakeholder {
            present: true,
            sentiment: 0.3,
        },
        account_manager: raw::RawStakeholder {
            present: true,
            sentiment: 0.3,
        },
    });
    let sp = p.field("stakeholders");
    let stakeholders = [
        stakeholder(c, &sp.field("executive_sponsor"), &sh.executive_sponsor),
        stakeholder(c, &sp.field("champion"), &sh.champion),
        stakeholder(c, &sp.field("users"), &sh.users),
        stakeholder(c, &sp.field("account_manager"), &sh.account_manager),
    ];

    if rc.use_case.is_some_and(|u| u.untargeted()) {
        c.fail(
            &p.field("use_case"),
            "every_feature is the vendor's standard rollout, not a use case a customer's work depends on; name one of automate_workflows, reporting, self_service, integration, monitoring",
        );
    }
    let plan = rc.success_plan.clone().unwrap_or_default();
    let plan_elements = crate::sim::customer::SuccessPlan::mask_from_flags([
        plan.products,
        plan.stakeholder_roles,
        plan.validated_outcomes,
        plan.critical_success_factors,
        plan.kpis,
        plan.use_cases,
        plan.raci,
    ]);
    let plan_last_reviewed = plan.last_reviewed.map(|q| {
        c.whole(
            &p.field("success_plan").field("last_reviewed"),
            q,
            -MAX_QUARTERS,
            0,
            "last_reviewed (a quarter before the scenario, 0 or below)",
        ) as i16
    });

    let sig = p.field("signals");
    let s = rc.signals.clone().unwrap_or(raw::RawSignals {
        utilisation: 0.5,
        features_in_use: None,
        features_total: raw::default_features_total(),
        open_quality_issues: 0,
        support_tickets: raw::default_tickets(),
        csat: raw::default_csat(),
        nps: raw::default_nps(),
        financial_health: raw::default_financial(),
        deployment: None,
    });
    let utilisation = c.number(
        &sig.field("utilisation"),
        s.utilisation,
        0.0,
        1.0,
        "utilisation",
    );
    let features_total = c.whole(
        &sig.field("features_total"),
        s.features_total,
        1,
        64,
        "features_total",
    );
    let features_in_use = match s.features_in_use {
        Some(f) => c.whole(
            &sig.field("features_in_use"),
            f,
            0,
            features_total,
            "features_in_use",
        ),
        None => (utilisation as f64 * features_total as f64 * 0.6).round() as i64,
    };
    let deployment_default = match stage {
        Stage::Onboard => 0.0,
        Stage::Implement => 0.4,
        _ => 1.0,
    };
    CustomerSpec {
        key: rc.id.clone(),
        name: rc.name.clone(),
        industry: rc.industry.clone(),
        segment,
        size: rc.size,
        products: product_mask,
        licences: licences as u32,
        arr: f64::from(arr).round() as i64,
        model: k.model,
        start_quarter: start as i16,
        term_quarters: term as u8,
        auto_renew: k.auto_renew,
        stage,
        quarters_in_stage: quarters_in_stage as u16,
        stakeholders,
        plan_elements,
        plan_last_reviewed,
        desired_outcome: rc.desired_outcome,
        sold_outcome: rc.sold_outcome,
        use_case: rc.use_case,
        gap: rc.gap,
        utilisation,
        features_in_use: features_in_use as u8,
        features_total: features_total as u8,
        open_quality_issues: c.whole(
            &sig.field("open_quality_issues"),
            s.open_quality_issues,
            0,
            1000,
            "open_quality_issues",
        ) as u16,
        support_tickets: c.whole(
            &sig.field("support_tickets"),
            s.support_tickets,
            0,
            10_000,
            "support_tickets",
        ) as u16,
        csat: c.number(&sig.field("csat"), s.csat, 1.0, 5.0, "csat (1–5)"),
        nps: c.number(&sig.field("nps"), s.nps, -100.0, 100.0, "nps (-100 to 100)"),
        financial_health: c.number(
            &sig.field("financial_health"),
            s.financial_health,
            0.0,
            1.0,
            "financial_health",
        ),
        deployment: match s.deployment {
            Some(d) => c.number(&sig.field("deployment"), d, 0.0, 1.0, "deployment"),
            None => deployment_default,
        },
        outcomes_achieved: c.whole(
            &p.field("outcomes_achieved"),
            rc.outcomes_achieved,
            0,
            20,
            "outcomes_achieved",
        ) as u8,
    }
}

fn generated(
    c: &mut Checker,
    p: &FieldPath,
    g: &raw::RawGenerate,
    segments: &[Segment],
    products: &[String],
) -> GenerateSpec {
    let segment = c.segment(&p.field("segment"), &g.segment, segments);
    let mask = if g.products.is_empty() {
        u32::from(!products.is_empty())
    } else {
        c.products(&p.field("products"), &g.products, products)
    };
    GenerateSpec {
        segment,
        count: c.whole(&p.field("count"), g.count, 1, MAX_CUSTOMERS as i64, "count") as u32,
        name_prefix: g.name_prefix.clone(),
        size: g.size,
        arr: c.range(&p.field("arr"), g.arr, 1.0, 1e10, "arr"),
        licences: c.range(
            &p.field("licences"),
            g.licences,
            1.0,
            10_000_000.0,
            "licences",
        ),
        utilisation: c.range(
            &p.field("utilisation"),
            g.utilisation,
            0.0,
            1.0,
            "utilisation",
        ),
        sentiment: c.range(&p.field("sentiment"), g.sentiment, -1.0, 1.0, "sentiment"),
        products: mask,
        model: g.model,
        term_quarters: c.whole(
            &p.field("term_quarters"),
            g.term_quarters,
            1,
            20,
            "term_quarters",
        ) as u8,
        start_spread: c.whole(
            &p.field("start_spread"),
            g.start_spread,
            1,
            20,
            "start_spread",
        ) as u8,
        auto_renew_share: c.number(
            &p.field("auto_renew_share"),
            g.auto_renew_share,
            0.0,
            1.0,
            "auto_renew_share",
        ),
        sponsor_share: c.number(
            &p.field("sponsor_share"),
            g.sponsor_share,
            0.0,
            1.0,
            "sponsor_share",
        ),
        success_plan_share: c.number(
            &p.field("success_plan_share"),
            g.success_plan_share,
            0.0,
            1.0,
            "success_plan_share",
        ),
    }
}
