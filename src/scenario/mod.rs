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
    pub company_risks: Vec<CompanyRisk>,
    /// Inbound requests per high-touch account per quarter (the reactive load, 1.4);
    /// virtual-touch accounts raise 0.6 of it, digital-touch ones none.
    pub inbound_requests: f32,
    /// The share of customers whose baseline has a gap (2.5), where a customer names none.
    pub baseline_gaps: f32,
    pub targets: Targets,
    /// Knowledge-check questions posed between quarters in interactive play (0: none).
    pub knowledge_checks: u8,
    /// Whether the coach is on when play starts (a trainee may turn it on or off; a class
    /// session has it off).
    pub coach: bool,
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
    /// What the customer wants and what the account manager noted as sold; drawn from the
    /// scenario's seed and the customer's id where not given.
    pub desired_outcome: Option<crate::sim::customer::BusinessOutcome>,
    pub sold_outcome: Option<crate::sim::customer::BusinessOutcome>,
    /// The use case the customer depends on first; drawn where not given.
    pub use_case: Option<crate::sim::customer::UseCase>,
    /// The gap in the baseline as the scenario names it (`Some(None)`: none); drawn by
    /// `baseline_gaps` where not given.
    pub gap: Option<Option<crate::sim::types::GapKind>>,
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

/// A company risk (a budget cut, a champion who leaves, a merger) scripted for a quarter.
#[derive(Debug, Clone)]
pub struct CompanyRisk {
    pub quarter: u16,
    pub target: Target,
    pub risk: crate::sim::types::CompanyRiskKind,
    pub severity: f32,
    pub probability: f32,
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
    /// Every customer that buys during the scenario has a success plan of five or more
    /// elements within this many quarters of its purchase (seed 002: 90 days, one quarter).
    pub plans_within_quarters: Option<u16>,
    /// Expansion ARR of the starting customers, as a share of their starting ARR (5.1).
    pub expansion_min: Option<f64>,
    /// Customers who gave some form of advocacy by the end (4.6).
    pub advocates_min: Option<u32>,
}

impl Scenario {
    /// Reads and validates a scenario from a file, or from a built-in name such as `tutorial`.
    /// A file that exists wins over a built-in of the same name; `builtin:NAME` always
    /// means the built-in.
    pub fn load(spec: &str) -> Result<Scenario, LoadError> {
        let name = spec.strip_prefix("builtin:");
        if let Some(text) = builtin::find(name.unwrap_or(spec))
            && (name.is_some() || !Path::new(spec).exists())
        {
            return Scenario::parse(&format!("builtin:{}", name.unwrap_or(spec)), text);
        }
        let text = read_text(Path::new(spec)).map_err(|message| LoadError::Io {
            file: spec.to_owned(),
            message,
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

/// The largest file csm-sim reads (scenarios, sessions, playbooks, action lists, study
/// records): 64 MiB. A 1,000,000-customer scenario written out in full is about 200 MB, so
/// portfolios that large are generated (`generate:`), not listed.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Reads a text file the way every file of the program is read: at most
/// [`MAX_FILE_BYTES`], a UTF-8 byte-order mark dropped, and text that is not UTF-8 refused
/// with the line and column of the first bad byte. The error is a message without the
/// file name (callers add it).
pub fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err("it is a folder, not a file".to_owned());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is larger than {} MiB, the most csm-sim reads; generate large portfolios with `generate:` instead of listing every customer",
            MAX_FILE_BYTES >> 20
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = &body[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(format!(
                "line {line}, column {column}: the file is not UTF-8 text (byte 0x{:02X}); save it as UTF-8 (an editor saving Shift_JIS or another legacy encoding needs to be told)",
                body[e.valid_up_to()]
            ))
        }
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
            message: ron_message(text, &e),
        }])
    })
}

/// A `ron` error in words for an author, looking at the text where it stopped: `4.0` where
/// a whole number belongs stops `ron` at the `.` ("Expected comma").
pub fn ron_message(text: &str, e: &ron::error::SpannedError) -> String {
    let at = text
        .lines()
        .nth(e.span.start.line.saturating_sub(1))
        .map(|l| {
            l.chars()
                .skip(e.span.start.col.saturating_sub(1))
                .collect::<String>()
        })
        .unwrap_or_default();
    if matches!(
        e.code,
        ron::Error::ExpectedComma | ron::Error::ExpectedStructLikeEnd
    ) && at.starts_with('.')
        && at[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return "expected a whole number here (like 4), not a decimal".to_owned();
    }
    error::describe_ron_error(&e.code)
}

/// SHA-256 of a text, in hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
