//! Raw serde types that mirror a scenario's RON file one to one; `validate` turns them into runtime types.

use serde::Deserialize;
use std::collections::BTreeMap;

use crate::sim::types::{
    BarrierCategory, BarrierKind, ConsumptionModel, HealthComponent, SizeSegment, Stage, Touch,
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scenario")]
pub struct RawScenario {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub difficulty: Difficulty,
    #[serde(default)]
    pub learning_objectives: Vec<String>,
    pub quarters: i64,
    #[serde(default)]
    pub seed: u64,
    pub capacity_hours: f64,
    #[serde(default)]
    pub health_model: Option<RawHealthModel>,
    pub products: Vec<String>,
    pub segments: Vec<RawSegment>,
    #[serde(default)]
    pub customers: Vec<RawCustomer>,
    #[serde(default)]
    pub generate: Vec<RawGenerate>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
    #[serde(default)]
    pub random_barriers: Vec<RawRandomBarrier>,
    #[serde(default)]
    pub company_risks: Vec<RawCompanyRisk>,
    /// Inbound requests per high-touch account per quarter (the reactive load; 0: none).
    #[serde(default)]
    pub inbound_requests: f64,
    /// The share of customers whose baseline has a gap (tools, processes or staff; 0: none).
    #[serde(default)]
    pub baseline_gaps: f64,
    #[serde(default)]
    pub targets: RawTargets,
    /// Knowledge-check questions posed between quarters in interactive play (0: none).
    #[serde(default)]
    pub knowledge_checks: i64,
    /// Whether the coach (what deserves attention this quarter) is on when play starts.
    #[serde(default)]
    pub coach: bool,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
pub enum Difficulty {
    #[default]
    Beginner,
    Intermediate,
    Advanced,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RawHealthModel {
    /// A weighted average of components, banded into red, yellow and green.
    Weighted {
        weights: BTreeMap<HealthComponent, f64>,
        #[serde(default = "default_red_below")]
        red_below: f64,
        #[serde(default = "default_green_from")]
        green_from: f64,
    },
    /// The worst of the listed components decides.
    Worst {
        components: Vec<HealthComponent>,
        #[serde(default = "default_red_below")]
        red_below: f64,
        #[serde(default = "default_green_from")]
        green_from: f64,
    },
}

fn default_red_below() -> f64 {
    51.0
}
fn default_green_from() -> f64 {
    76.0
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Segment")]
pub struct RawSegment {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub touch: Touch,
    /// Probability per quarter that a customer's executive sponsor leaves.
    #[serde(default = "default_sponsor_turnover")]
    pub sponsor_turnover: f64,
    /// How much a customer's financial health wanders each quarter (0–1).
    #[serde(default = "default_volatility")]
    pub volatility: f64,
}

fn default_sponsor_turnover() -> f64 {
    0.03
}
fn default_volatility() -> f64 {
    0.05
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Customer")]
pub struct RawCustomer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    pub segment: String,
    pub size: SizeSegment,
    pub contract: RawContract,
    #[serde(default)]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub quarters_in_stage: i64,
    #[serde(default)]
    pub stakeholders: Option<RawStakeholders>,
    #[serde(default)]
    pub success_plan: Option<RawSuccessPlan>,
    #[serde(default)]
    pub signals: Option<RawSignals>,
    #[serde(default)]
    pub outcomes_achieved: i64,
    /// What the customer wants from the purchase (2.3); drawn if left out.
    #[serde(default)]
    pub desired_outcome: Option<crate::sim::customer::BusinessOutcome>,
    /// What the account manager's notes say was sold (4.3.b); drawn if left out.
    #[serde(default)]
    pub sold_outcome: Option<crate::sim::customer::BusinessOutcome>,
    /// The use case the customer's work depends on first (2.8), which the champion knows;
    /// drawn if left out.
    #[serde(default)]
    pub use_case: Option<crate::sim::customer::UseCase>,
    /// The gap in the account's baseline (2.5): `Some(Tools)`, `Some(Processes)`,
    /// `Some(Staff)`, or `Some(None)` for none; drawn by `baseline_gaps` if left out.
    #[serde(default)]
    pub gap: Option<Option<crate::sim::types::GapKind>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Contract")]
pub struct RawContract {
    pub products: Vec<String>,
    pub licences: i64,
    pub arr: f64,
    #[serde(default)]
    pub model: ConsumptionModel,
    /// The quarter the contract started; 1 is the scenario's first quarter, 0 and below are before it.
    #[serde(default = "default_start_quarter")]
    pub start_quarter: i64,
    /// Contract term in quarters (4 is one year).
    #[serde(default = "default_term")]
    pub term_quarters: i64,
    #[serde(default)]
    pub auto_renew: bool,
}

fn default_start_quarter() -> i64 {
    1
}
fn default_term() -> i64 {
    4
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Stakeholders")]
pub struct RawStakeholders {
    #[serde(default = "default_stakeholder")]
    pub executive_sponsor: RawStakeholder,
    #[serde(default = "default_stakeholder")]
    pub champion: RawStakeholder,
    #[serde(default = "default_stakeholder")]
    pub users: RawStakeholder,
    #[serde(default = "default_stakeholder")]
    pub account_manager: RawStakeholder,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Stakeholder")]
pub struct RawStakeholder {
    #[serde(default = "yes")]
    pub present: bool,
    /// From -1 (hostile) through 0 (neutral) to 1 (delighted).
    #[serde(default = "default_sentiment")]
    pub sentiment: f64,
}

fn yes() -> bool {
    true
}
fn default_sentiment() -> f64 {
    0.3
}
fn default_stakeholder() -> RawStakeholder {
    RawStakeholder {
        present: true,
        sentiment: default_sentiment(),
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "SuccessPlan")]
pub struct RawSuccessPlan {
    #[serde(default)]
    pub products: bool,
    #[serde(default)]
    pub stakeholder_roles: bool,
    #[serde(default)]
    pub validated_outcomes: bool,
    #[serde(default)]
    pub critical_success_factors: bool,
    #[serde(default)]
    pub kpis: bool,
    #[serde(default)]
    pub use_cases: bool,
    #[serde(default)]
    pub raci: bool,
    /// The last quarter the plan was reviewed with the customer (0 and below are before the scenario).
    #[serde(default)]
    pub last_reviewed: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Signals")]
pub struct RawSignals {
    /// Licence utilisation, 0–1.
    pub utilisation: f64,
    #[serde(default)]
    pub features_in_use: Option<i64>,
    #[serde(default = "default_features_total")]
    pub features_total: i64,
    #[serde(default)]
    pub open_quality_issues: i64,
    #[serde(default = "default_tickets")]
    pub support_tickets: i64,
    /// Support satisfaction, 1–5.
    #[serde(default = "default_csat")]
    pub csat: f64,
    /// Net promoter score, -100 to 100.
    #[serde(default = "default_nps")]
    pub nps: f64,
    /// Financial health, 0–1.
    #[serde(default = "default_financial")]
    pub financial_health: f64,
    /// Deployment progress, 0–1.
    #[serde(default)]
    pub deployment: Option<f64>,
}

pub fn default_features_total() -> i64 {
    10
}
pub fn default_tickets() -> i64 {
    2
}
pub fn default_csat() -> f64 {
    4.0
}
pub fn default_nps() -> f64 {
    20.0
}
pub fn default_financial() -> f64 {
    0.7
}

/// A range drawn uniformly for generated customers.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Range")]
pub struct RawRange {
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Generate")]
pub struct RawGenerate {
    pub segment: String,
    pub count: i64,
    #[serde(default = "default_prefix")]
    pub name_prefix: String,
    pub size: SizeSegment,
    pub arr: RawRange,
    pub licences: RawRange,
    #[serde(default = "default_utilisation")]
    pub utilisation: RawRange,
    #[serde(default = "default_sentiment_range")]
    pub sentiment: RawRange,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub model: ConsumptionModel,
    #[serde(default = "default_term")]
    pub term_quarters: i64,
    /// Contracts start spread evenly over this many quarters before the scenario begins.
    #[serde(default = "default_term")]
    pub start_spread: i64,
    #[serde(default)]
    pub auto_renew_share: f64,
    /// Share of customers with a sponsor present at the start.
    #[serde(default = "default_sponsor_share")]
    pub sponsor_share: f64,
    /// Share of customers with a complete, current success plan at the start.
    #[serde(default)]
    pub success_plan_share: f64,
}

fn default_prefix() -> String {
    "Customer".to_owned()
}
fn default_utilisation() -> RawRange {
    RawRange { min: 0.3, max: 0.8 }
}
fn default_sentiment_range() -> RawRange {
    RawRange { min: 0.0, max: 0.6 }
}
fn default_sponsor_share() -> f64 {
    0.9
}

/// Who a scripted event applies to.
#[derive(Debug, Clone, Deserialize)]
pub enum RawTarget {
    Customer(String),
    Segment(String),
    All,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Event")]
pub struct RawEvent {
    pub quarter: i64,
    pub target: RawTarget,
    pub barrier: BarrierKind,
    #[serde(default)]
    pub category: Option<BarrierCategory>,
    #[serde(default = "default_severity")]
    pub severity: f64,
    /// For a segment or `All`, each customer is hit with this probability.
    #[serde(default = "one")]
    pub probability: f64,
    /// Whether the CSM starts unaware of it.
    #[serde(default = "yes")]
    pub hidden: bool,
    #[serde(default)]
    pub note: String,
}

/// Something that happens to the customer's company rather than to its use of the product.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "CompanyRisk")]
pub struct RawCompanyRisk {
    pub quarter: i64,
    pub target: RawTarget,
    pub risk: crate::sim::types::CompanyRiskKind,
    #[serde(default = "default_severity")]
    pub severity: f64,
    /// For a segment or `All`, each customer is hit with this probability.
    #[serde(default = "one")]
    pub probability: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "RandomBarrier")]
pub struct RawRandomBarrier {
    pub barrier: BarrierKind,
    /// Probability per customer per quarter.
    pub probability: f64,
    #[serde(default)]
    pub segment: Option<String>,
    #[serde(default = "default_severity")]
    pub severity: f64,
    #[serde(default)]
    pub from_quarter: Option<i64>,
    #[serde(default)]
    pub until_quarter: Option<i64>,
}

fn default_severity() -> f64 {
    0.6
}
fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Targets")]
pub struct RawTargets {
    #[serde(default)]
    pub nrr_min: Option<f64>,
    #[serde(default)]
    pub grr_min: Option<f64>,
    #[serde(default)]
    pub max_churned_customers: Option<i64>,
    #[serde(default)]
    pub max_time_to_value: Option<f64>,
    #[serde(default)]
    pub plans_within_quarters: Option<i64>,
    #[serde(default)]
    pub expansion_min: Option<f64>,
    #[serde(default)]
    pub advocates_min: Option<i64>,
}
