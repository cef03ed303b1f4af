//! Scenarios: the RON files that set up a portfolio, its barriers and its targets.
//!
//! Text is parsed into the raw types of [`raw`] and then checked by [`validate`] into a
//! [`Scenario`]; every rejection names the file, line and column.

pub mod builtin;
mod error;
pub mod locate;
pub mod raw;
mod validate;

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use error::{LoadError, Located};
pub use raw::Difficulty;

use crate::sim::health::HealthModel;
use crate::sim::types::{
    BarrierCategory, BarrierKind, ConsumptionModel, SizeSegment, Stage, Touch,
};

/// A validated scenario, ready to start a simulation.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub description: String,
    pub difficulty: Difficulty,
    pub learning_objectives: Vec<String>,
    pub quarters: u16,
    pub seed: u64,
    pub capacity_hours: f32,
    pub health_model: HealthModel,
    pub products: Vec<String>,
    pub segments: Vec<Segment>,
    pub customers: Vec<CustomerSpec>,
    pub generate: Vec<GenerateSpec>,
    pub events: Vec<ScriptedEvent>,
    pub random_barriers: Vec<RandomBarrier>,
    pub targets: Targets,
    /// Knowledge-check questions posed between quarters in interactive play (0: none).
    pub knowledge_checks: u8,
    /// The text the scenario was read from, kept so a session can carry it.
    pub source: String,
    /// SHA-256 of `source`, in hex.
    pub content_hash: String,
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub id: String,
    pub name: String,
    pub touch: Touch,
    pub sponsor_turnover: f32,
    pub volatility: f32,
}

/// Index of a segment in [`Scenario::segments`].
pub type SegmentIndex = u16;

#[derive(Debug, Clone)]
pub struct StakeholderSpec {
    pub present: bool,
    pub sentiment: f32,
}

#[derive(Debug, Clone)]
pub struct CustomerSpec {
    pub key: String,
    pub name: String,
    pub industry: String,
    pub segment: SegmentIndex,
    pub size: SizeSegment,
    pub products: u32,
    pub licences: u32,
    pub arr: i64,
    pub model: ConsumptionModel,
    pub start_quarter: i16,
    pub term_quarters: u8,
    pub auto_renew: bool,
    pub stage: Stage,
    pub quarters_in_stage: u16,
    /// Executive sponsor, champion, users, account manager.
    pub stakeholders: [StakeholderSpec; 4],
    pub plan_elements: u8,
    pub plan_last_reviewed: Option<i16>,
    pub utilisation: f32,
    pub features_in_use: u8,
    pub features_total: u8,
    pub open_quality_issues: u16,
    pub support_tickets: u16,
    pub csat: f32,
    pub nps: f32,
    pub financial_health: f32,
    pub deployment: f32,
    pub outcomes_achieved: u8,
}

#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub min: f32,
    pub max: f32,
}

#[derive(Debug, Clone)]
pub struct GenerateSpec {
    pub segment: SegmentIndex,
    pub count: u32,
    pub name_prefix: String,
    pub size: SizeSegment,
    pub arr: Range,
    pub licences: Range,
    pub utilisation: Range,
    pub sentiment: Range,
    pub products: u32,
    pub model: ConsumptionModel,
    pub term_quarters: u8,
    pub start_spread: u8,
    pub auto_renew_share: f32,
    pub sponsor_share: f32,
    pub success_plan_share: f32,
}

/// Who an event hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A listed customer, by its index in [`Scenario::customers`].
    Customer(u32),
    Segment(SegmentIndex),
    All,
}

#[derive(Debug, Clone)]
pub struct ScriptedEvent {
    pub quarter: u16,
    pub target: Target,
    pub barrier: BarrierKind,
    pub category: BarrierCategory,
    pub severity: f32,
    pub probability: f32,
    pub hidden: bool,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct RandomBarrier {
    pub barrier: BarrierKind,
    pub probability: f32,
    pub segment: Option<SegmentIndex>,
    pub severity: f32,
    pub from_quarter: u16,
    pub until_quarter: u16,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Targets {
    pub nrr_min: Option<f64>,
    pub grr_min: Option<f64>,
    pub max_churned_customers: Option<u32>,
    pub max_time_to_value: Option<f64>,
}

impl Scenario {
    /// Reads and validates a scenario from a file, or from a built-in name such as `tutorial`.
    pub fn load(spec: &str) -> Result<Scenario, LoadError> {
        if let Some(text) = builtin::find(spec) {
            return Scenario::parse(&format!("builtin:{spec}"), text);
        }
        let path = Path::new(spec);
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            file: spec.to_owned(),
            message: source.to_string(),
        })?;
        Scenario::parse(spec, &text)
    }

    /// Parses and validates scenario text; `file` is only used in messages.
    pub fn parse(file: &str, text: &str) -> Result<Scenario, LoadError> {
        let raw: raw::RawScenario = read_ron(file, text)?;
        validate::validate(file, text, raw)
    }

    /// Whether `key` is the id of a generated customer (`SEGMENT-N`, N its number in the
    /// portfolio).
    pub fn generated_key(&self, key: &str) -> bool {
        let mut id = self.customers.len() as u64;
        for g in &self.generate {
            let segment = &self.segments[usize::from(g.segment)].id;
            if let Some(n) = key
                .strip_prefix(segment.as_str())
                .and_then(|r| r.strip_prefix('-'))
                .and_then(|n| n.parse::<u64>().ok())
                && (id..id + u64::from(g.count)).contains(&n)
            {
                return true;
            }
            id += u64::from(g.count);
        }
        false
    }

    /// How many customers the scenario starts with, listed and generated.
    pub fn customer_count(&self) -> u64 {
        self.customers.len() as u64
            + self
                .generate
                .iter()
                .map(|g| u64::from(g.count))
                .sum::<u64>()
    }

    pub fn segment_index(&self, id: &str) -> Option<SegmentIndex> {
        self.segments
            .iter()
            .position(|s| s.id == id)
            .map(|i| i as SegmentIndex)
    }

    pub fn product_names(&self, mask: u32) -> Vec<&str> {
        self.products
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, p)| p.as_str())
            .collect()
    }
}

/// How every RON file of the program is read: `Some(..)` may be left out, and nesting is
/// limited so that hostile input is an error rather than a stack overflow.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(64)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads RON text of any of the program's file kinds, reporting a syntax or type error
/// as one located problem.
pub fn read_ron<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    ron_options().from_str(text).map_err(|e| {
        LoadError::Invalid(vec![Located {
            file: file.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: error::describe_ron_error(&e.code),
        }])
    })
}

/// SHA-256 of a text, in hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
