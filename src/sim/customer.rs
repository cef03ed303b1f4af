//! Customer components: identity, contract, lifecycle, stakeholders, success plan, signals,
//! engagement. Customers are plain ECS data; nothing here allocates after spawning.

use bevy::ecs::query::QueryData;
use bevy::prelude::*;

use super::barriers::Barriers;
use super::health::Health;
use super::types::{ConsumptionModel, SizeSegment, Stage, Touch};

/// The stable id of a customer: its index in the portfolio, in the order the scenario lists
/// and generates customers. Everything that must be deterministic orders by it.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CustomerId(pub u32);

/// Who the customer is. Strings are set once when the customer is spawned; the model's
/// systems never read them.
#[derive(Component, Debug, Clone)]
pub struct Profile {
    /// The id a scenario author gave the customer (or a generated one).
    pub key: String,
    pub name: String,
    pub industry: String,
}

/// How the customer is served: its segment and touch model. Small and separate from
/// [`Profile`] because the model reads it for every customer every quarter.
#[derive(Component, Debug, Clone, Copy)]
pub struct Account {
    pub segment: u16,
    pub size: SizeSegment,
    pub touch: Touch,
    /// What the customer truly wants from the purchase (2.3): hidden until the CSM hears
    /// it from the executive sponsor.
    pub desired: BusinessOutcome,
    /// What the account manager's notes say was sold and promised (4.3.b): known from the
    /// start, and not always what the customer wants.
    pub sold: BusinessOutcome,
    /// The use case the customer's work depends on first (2.8): the champion knows it, and
    /// shows it when the CSM observes the customer at work.
    pub use_case: UseCase,
}

/// A use case a success plan can target first (2.8). The first five are the work a customer
/// can depend on; the last is the vendor's standard rollout, every feature at once, which
/// targets nothing in particular.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UseCase {
    AutomateWorkflows,
    Reporting,
    SelfService,
    Integration,
    Monitoring,
    EveryFeature,
}

impl UseCase {
    pub const ALL: [UseCase; 6] = [
        UseCase::AutomateWorkflows,
        UseCase::Reporting,
        UseCase::SelfService,
        UseCase::Integration,
        UseCase::Monitoring,
        UseCase::EveryFeature,
    ];

    /// The use cases a customer's work can truly depend on.
    pub const CUSTOMER: [UseCase; 5] = [
        UseCase::AutomateWorkflows,
        UseCase::Reporting,
        UseCase::SelfService,
        UseCase::Integration,
        UseCase::Monitoring,
    ];

    /// The name used in commands and files.
    pub fn id(self) -> &'static str {
        match self {
            UseCase::AutomateWorkflows => "automate_workflows",
            UseCase::Reporting => "reporting",
            UseCase::SelfService => "self_service",
            UseCase::Integration => "integration",
            UseCase::Monitoring => "monitoring",
            UseCase::EveryFeature => "every_feature",
        }
    }

    pub fn from_id(id: &str) -> Option<UseCase> {
        let id = id.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        UseCase::ALL.into_iter().find(|u| u.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            UseCase::AutomateWorkflows => "automate a manual workflow",
            UseCase::Reporting => "reporting and analytics on the operation",
            UseCase::SelfService => "self-service for the customer's users",
            UseCase::Integration => "connect the systems the work runs on",
            UseCase::Monitoring => "monitor security and compliance",
            UseCase::EveryFeature => "every feature at once (the vendor's standard rollout)",
        }
    }

    /// The vendor's standard rollout rather than a use case of the customer's.
    pub fn untargeted(self) -> bool {
        self == UseCase::EveryFeature
    }

    /// A deterministic draw for a customer that was not given one: `u` in [0, 1).
    pub fn draw(u: f32) -> UseCase {
        let n = UseCase::CUSTOMER.len();
        UseCase::CUSTOMER[((u * n as f32) as usize).min(n - 1)]
    }
}

/// A business outcome a success plan can aim at (2.3, 2.10). The first five are outcomes a
/// customer buys for; the last two are the vendor's goals written as if they were the
/// customer's (1.2: value the customer expects is its own business result, not the
/// vendor's adoption figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BusinessOutcome {
    ReduceCost,
    GrowRevenue,
    ReduceRisk,
    RaiseProductivity,
    ImproveExperience,
    LicencesActivated,
    FeaturesAdopted,
}

impl BusinessOutcome {
    pub const ALL: [BusinessOutcome; 7] = [
        BusinessOutcome::ReduceCost,
        BusinessOutcome::GrowRevenue,
        BusinessOutcome::ReduceRisk,
        BusinessOutcome::RaiseProductivity,
        BusinessOutcome::ImproveExperience,
        BusinessOutcome::LicencesActivated,
        BusinessOutcome::FeaturesAdopted,
    ];

    /// The outcomes a customer can truly want.
    pub const CUSTOMER: [BusinessOutcome; 5] = [
        BusinessOutcome::ReduceCost,
        BusinessOutcome::GrowRevenue,
        BusinessOutcome::ReduceRisk,
        BusinessOutcome::RaiseProductivity,
        BusinessOutcome::ImproveExperience,
    ];

    /// The vendor's goal rather than the customer's.
    pub fn vendor_centric(self) -> bool {
        matches!(
            self,
            BusinessOutcome::LicencesActivated | BusinessOutcome::FeaturesAdopted
        )
    }

    /// The name used in commands and files.
    pub fn id(self) -> &'static str {
        match self {
            BusinessOutcome::ReduceCost => "reduce_cost",
            BusinessOutcome::GrowRevenue => "grow_revenue",
            BusinessOutcome::ReduceRisk => "reduce_risk",
            BusinessOutcome::RaiseProductivity => "raise_productivity",
            BusinessOutcome::ImproveExperience => "improve_experience",
            BusinessOutcome::LicencesActivated => "licences_activated",
            BusinessOutcome::FeaturesAdopted => "features_adopted",
        }
    }

    pub fn from_id(id: &str) -> Option<BusinessOutcome> {
        let id = id.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        BusinessOutcome::ALL.into_iter().find(|o| o.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            BusinessOutcome::ReduceCost => "reduce operating cost",
            BusinessOutcome::GrowRevenue => "grow revenue",
            BusinessOutcome::ReduceRisk => "reduce risk and stay compliant",
            BusinessOutcome::RaiseProductivity => "raise staff productivity",
            BusinessOutcome::ImproveExperience => {
                "improve the customer's own customers' experience"
            }
            BusinessOutcome::LicencesActivated => "activate every licence",
            BusinessOutcome::FeaturesAdopted => "adopt every feature",
        }
    }

    /// The KPI that measures it, with what its baseline is (2.10).
    pub fn kpi(self) -> &'static str {
        match self {
            BusinessOutcome::ReduceCost => "cost per transaction against the baseline",
            BusinessOutcome::GrowRevenue => "revenue per customer against the baseline",
            BusinessOutcome::ReduceRisk => "audit findings and incidents against the baseline",
            BusinessOutcome::RaiseProductivity => "hours per process against the baseline",
            BusinessOutcome::ImproveExperience => "the customer's own NPS against the baseline",
            BusinessOutcome::LicencesActivated => "share of licences active",
            BusinessOutcome::FeaturesAdopted => "share of features in use",
        }
    }

    /// A deterministic draw for a customer that was not given one: `u` in [0, 1).
    pub fn draw_desired(u: f32) -> BusinessOutcome {
        let n = BusinessOutcome::CUSTOMER.len();
        BusinessOutcome::CUSTOMER[((u * n as f32) as usize).min(n - 1)]
    }

    /// What the account manager's notes say, given the truth: the same four times in ten,
    /// the vendor's adoption goal three and a half times in ten, another outcome otherwise.
    pub fn draw_sold(desired: BusinessOutcome, u: f32) -> BusinessOutcome {
        if u < 0.4 {
            desired
        } else if u < 0.575 {
            BusinessOutcome::LicencesActivated
        } else if u < 0.75 {
            BusinessOutcome::FeaturesAdopted
        } else {
            // The other four, in order, without an allocation (it runs for every customer).
            let n = BusinessOutcome::CUSTOMER.len() - 1;
            let k = ((((u - 0.75) / 0.25) * n as f32) as usize).min(n - 1);
            BusinessOutcome::CUSTOMER
                .into_iter()
                .filter(|o| *o != desired)
                .nth(k)
                .unwrap_or(desired)
        }
    }
}

/// What the customer bought and when it comes up for renewal (exam 1.6, 1.8).
#[derive(Component, Debug, Clone)]
pub struct Contract {
    /// A bit per product of the scenario's catalogue.
    pub products: u32,
    pub licences: u32,
    /// Annual recurring revenue, in whole currency units.
    pub arr: i64,
    pub model: ConsumptionModel,
    pub start_quarter: i16,
    pub term_quarters: u8,
    /// The quarter at whose end the renewal is decided.
    pub renewal_quarter: i16,
    pub auto_renew: bool,
    /// Whether the customer was already a customer when the scenario began (the cohort
    /// that GRR and NRR are measured on).
    pub in_start_cohort: bool,
    /// The quarter the first contract began; before it, this is not yet a customer.
    pub customer_since: i16,
}

impl Contract {
    /// Monthly recurring revenue.
    pub fn mrr(&self) -> f64 {
        self.arr as f64 / 12.0
    }

    /// Whether the customer's first contract has begun by quarter `q`.
    pub fn active_in(&self, q: i16) -> bool {
        self.customer_since <= q
    }
}

/// Where the customer is in its lifecycle, and what it has achieved.
#[derive(Component, Debug, Clone)]
pub struct Lifecycle {
    pub stage: Stage,
    pub quarters_in_stage: u16,
    /// Deployment progress, 0–1: activation and initial training.
    pub deployment: f32,
    pub outcomes_achieved: u8,
    /// The quarter the customer first bought (time to value counts from here).
    pub purchased: i16,
    /// Quarters from purchase to the first achieved business outcome.
    pub time_to_value: Option<u16>,
    /// The quarter the customer churned in.
    pub churned_in: Option<u16>,
    /// The open gap in the account's baseline (2.5), if any: none once closed.
    pub gap: Option<super::types::GapKind>,
    /// The quarter the CSM found the open gap.
    pub gap_found_in: Option<i16>,
}

impl Lifecycle {
    /// Whether this is a customer in quarter `q`: its first contract has begun and it has
    /// not churned. Read for every customer by most steps, so it needs only this component.
    #[inline]
    pub fn is_customer(&self, q: i16) -> bool {
        self.stage != Stage::Churned && self.purchased <= q
    }
}

/// The stakeholder roles the model tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    ExecutiveSponsor = 0,
    Champion = 1,
    Users = 2,
    /// The vendor's account manager.
    AccountManager = 3,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::ExecutiveSponsor,
        Role::Champion,
        Role::Users,
        Role::AccountManager,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::ExecutiveSponsor => "executive sponsor",
            Role::Champion => "champion",
            Role::Users => "users",
            Role::AccountManager => "account manager",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Stakeholder {
    pub present: bool,
    /// From -1 (hostile) to 1 (delighted).
    pub sentiment: f32,
}

/// The people around the account, and how many times the executive sponsor or the
/// champion has changed (someone left or someone new arrived), which tells whether a RACI
/// written earlier still names the people in place (2.9).
#[derive(Component, Debug, Clone)]
pub struct Stakeholders(pub [Stakeholder; 4], pub u8);

impl Stakeholders {
    pub fn get(&self, role: Role) -> &Stakeholder {
        &self.0[role as usize]
    }

    pub fn get_mut(&mut self, role: Role) -> &mut Stakeholder {
        &mut self.0[role as usize]
    }

    pub fn sponsor_present(&self) -> bool {
        self.get(Role::ExecutiveSponsor).present
    }

    /// How many times the sponsor or the champion has changed (wrapping).
    pub fn changes(&self) -> u8 {
        self.1
    }

    /// The sponsor and the champion are both in place: a RACI written now names them.
    pub fn owners_present(&self) -> bool {
        self.get(Role::ExecutiveSponsor).present && self.get(Role::Champion).present
    }

    fn changed(&mut self, role: Role) {
        if matches!(role, Role::ExecutiveSponsor | Role::Champion) {
            self.1 = self.1.wrapping_add(1);
        }
    }

    /// Moves the sentiment of every present customer-side stakeholder.
    /// Someone in this role leaves the company.
    pub fn leave(&mut self, role: Role) {
        *self.get_mut(role) = Stakeholder {
            present: false,
            sentiment: 0.0,
        };
        self.changed(role);
    }

    /// Someone new takes up this role, with this mood.
    pub fn arrive(&mut self, role: Role, sentiment: f32) {
        *self.get_mut(role) = Stakeholder {
            present: true,
            sentiment,
        };
        self.changed(role);
    }

    pub fn nudge_customer_side(&mut self, by: f32) {
        for role in [Role::ExecutiveSponsor, Role::Champion, Role::Users] {
            self.nudge(role, by);
        }
    }

    pub fn nudge(&mut self, role: Role, by: f32) {
        let s = self.get_mut(role);
        if s.present {
            s.sentiment = (s.sentiment + by).clamp(-1.0, 1.0);
        }
    }

    /// The mean sentiment of the customer-side stakeholders who are present.
    pub fn mean_customer_sentiment(&self) -> f32 {
        let mut sum = 0.0;
        let mut n = 0.0;
        for role in [Role::ExecutiveSponsor, Role::Champion, Role::Users] {
            let s = self.get(role);
            if s.present {
                sum += s.sentiment;
                n += 1.0;
            }
        }
        if n > 0.0 { sum / n } else { -1.0 }
    }
}

/// The elements of a success plan (exam 2.1–2.10, 2.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PlanElement {
    /// 2.1
    Products = 0,
    /// 2.2
    StakeholderRoles = 1,
    /// 2.3
    ValidatedOutcomes = 2,
    /// 2.4
    CriticalSuccessFactors = 3,
    /// 2.10
    Kpis = 4,
    /// 2.8
    UseCases = 5,
    /// 2.9
    Raci = 6,
}

impl PlanElement {
    pub const ALL: [PlanElement; 7] = [
        PlanElement::Products,
        PlanElement::StakeholderRoles,
        PlanElement::ValidatedOutcomes,
        PlanElement::CriticalSuccessFactors,
        PlanElement::Kpis,
        PlanElement::UseCases,
        PlanElement::Raci,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanElement::Products => "purchased products (2.1)",
            PlanElement::StakeholderRoles => "stakeholder roles (2.2)",
            PlanElement::ValidatedOutcomes => "validated business outcomes (2.3)",
            PlanElement::CriticalSuccessFactors => "critical success factors (2.4)",
            PlanElement::Kpis => "KPIs and metrics (2.10)",
            PlanElement::UseCases => "targeted use cases (2.8)",
            PlanElement::Raci => "RACI (2.9)",
        }
    }
}

/// The customer's success plan: which elements it has and when it was last reviewed.
#[derive(Component, Debug, Clone)]
pub struct SuccessPlan {
    pub elements: u8,
    pub last_reviewed: Option<i16>,
    /// The business outcome the plan aims at, as the CSM wrote it (2.3).
    pub outcome: Option<BusinessOutcome>,
    /// The trainee chose the outcome: building the plan keeps it.
    pub outcome_chosen: bool,
    /// The CSM has heard the customer's desired outcome from the executive sponsor.
    pub outcome_heard: bool,
    /// The account's baseline has been measured from its data, so the KPIs have something
    /// to be compared with (2.5, 2.10).
    pub baseline: bool,
    /// The quarter the plan first had five or more elements (the lifecycle window of a plan
    /// within 90 days of purchase, seed 002).
    pub ready_in: Option<i16>,
    /// The use case the plan targets first, as the CSM wrote it (2.8).
    pub use_case: Option<UseCase>,
    /// [`Stakeholders::changes`] when the RACI was last written (a plan a scenario starts
    /// with names the people there at the start): when it differs, the RACI names someone
    /// who has left or misses someone who has arrived (2.9).
    pub raci_at: u8,
    /// The quarter the RACI was first seen outdated at the end of a quarter, while it is.
    pub raci_outdated_since: Option<i16>,
    /// The trainee chose the use case: building the plan keeps it.
    pub use_case_chosen: bool,
    /// The CSM has seen, with the champion, which use case the customer's work depends on.
    pub use_case_heard: bool,
}

impl SuccessPlan {
    /// How many quarters a reviewed plan stays current.
    pub const CURRENT_FOR: i16 = 2;

    pub fn mask_from_flags(flags: [bool; 7]) -> u8 {
        flags
            .iter()
            .enumerate()
            .fold(0, |m, (i, &f)| if f { m | (1 << i) } else { m })
    }

    pub fn has(&self, e: PlanElement) -> bool {
        self.elements & (1 << e as u8) != 0
    }

    pub fn add(&mut self, e: PlanElement) {
        self.elements |= 1 << e as u8;
    }

    pub fn remove(&mut self, e: PlanElement) {
        self.elements &= !(1 << e as u8);
    }

    /// Whether the plan aims at what the customer wants (hidden: the model's view).
    pub fn aligned(&self, account: &Account) -> bool {
        self.outcome == Some(account.desired)
    }

    /// The outcome the CSM would write from what it knows: the sponsor's if heard, the
    /// account manager's notes otherwise.
    pub fn best_known(&self, account: &Account) -> BusinessOutcome {
        if self.outcome_heard {
            account.desired
        } else {
            account.sold
        }
    }

    /// The use case the CSM would write from what it knows: the champion's if seen, the
    /// vendor's standard rollout otherwise.
    pub fn best_known_use_case(&self, account: &Account) -> UseCase {
        if self.use_case_heard {
            account.use_case
        } else {
            UseCase::EveryFeature
        }
    }

    /// The RACI names someone who has left, or misses someone who has arrived since it was
    /// written (2.9).
    pub fn raci_outdated(&self, people: &Stakeholders) -> bool {
        self.has(PlanElement::Raci) && self.raci_at != people.changes()
    }

    /// The same as far as the CSM can know: a sponsor's departure still hidden (a lost
    /// sponsor not yet found) is not counted.
    pub fn raci_outdated_known(&self, people: &Stakeholders, barriers: &Barriers) -> bool {
        self.has(PlanElement::Raci)
            && self.raci_at
                != people
                    .changes()
                    .wrapping_sub(u8::from(barriers.sponsor_loss_hidden()))
    }

    /// Whether the plan's use cases target the work the customer depends on (hidden: the
    /// model's view).
    pub fn use_cases_targeted(&self, account: &Account) -> bool {
        self.has(PlanElement::UseCases) && self.use_case == Some(account.use_case)
    }

    /// Share of the seven elements present, 0–1.
    pub fn completeness(&self) -> f32 {
        self.elements.count_ones() as f32 / 7.0
    }

    /// Reviewed within the last two quarters (counting the current one).
    pub fn is_current(&self, q: i16) -> bool {
        self.last_reviewed
            .is_some_and(|r| q - r < Self::CURRENT_FOR)
    }

    pub fn missing(&self) -> impl Iterator<Item = PlanElement> + '_ {
        PlanElement::ALL.into_iter().filter(|e| !self.has(*e))
    }
}

/// Usage, quality, sentiment and financial signals (exam 2.6, 1.7).
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    /// Licence utilisation, 0–1.
    pub utilisation: f32,
    pub features_in_use: u8,
    pub features_total: u8,
    pub open_quality_issues: u16,
    pub support_tickets: u16,
    /// Support satisfaction, 1–5.
    pub csat: f32,
    /// Net promoter score, -100 to 100.
    pub nps: f32,
    /// 0–1.
    pub financial_health: f32,
}

impl Signals {
    pub fn active_users(&self, licences: u32) -> u32 {
        (self.utilisation * licences as f32).round() as u32
    }

    pub fn feature_share(&self) -> f32 {
        f32::from(self.features_in_use) / f32::from(self.features_total.max(1))
    }
}

/// What the CSM sees of the signals: last quarter's values with measurement noise.
#[derive(Component, Debug, Clone, Copy)]
pub struct Observed {
    pub signals: Signals,
    /// The true signals at the end of the previous quarter, shown next quarter.
    pub lagged: Signals,
}

/// The CSM's work with the account, as far as the model needs to remember it.
#[derive(Component, Debug, Clone, Default)]
pub struct Engagement {
    pub last_touch: Option<i16>,
    pub last_qbr: Option<i16>,
    /// The first quarter of renewal work (risk analysis) for the current term.
    pub renewal_work_from: Option<i16>,
    pub mitigation_plan: Option<i16>,
    pub transition_plan: Option<i16>,
    pub adoption_plan: Option<i16>,
    /// A QBR or campaign has surfaced an expansion opportunity (5.2, 5.3).
    pub expansion_opportunity: bool,
    /// The expansion opportunity is written into the success plan (5.4).
    pub expansion_in_plan: bool,
    /// The forms of advocacy the customer has given, a bit per form (4.6; see
    /// `effects::advocacy_bit`).
    pub advocacy: u8,
    /// The last outcome a success moment was captured for (4.2.d).
    pub success_captured: u8,
    /// Hours of CSM time spent on this customer so far.
    pub hours: f32,
    /// Kinds of expansion proposed this term, a bit per kind (each at most once a term).
    pub expansions_proposed: u8,
    /// After a declined or ill-fitting proposal, no new proposal until after this quarter.
    pub expansion_closed_until: Option<i16>,
    /// An expansion that did not fit was pushed this term: the customer felt sold to.
    pub pushed_this_term: bool,
    /// The customer's open inbound request, if any (one at a time).
    pub request: Option<Request>,
    /// The last adoption plan was focused on the outcome the customer wants (4.1.b): its
    /// feature matrix and time-to-value timeline aim at it.
    pub adoption_focused: bool,
}

impl Engagement {
    /// The inbound request open in quarter `q` (one handed to the wrong team is open again
    /// only from the quarter after).
    #[inline]
    pub fn open_request(&self, q: i16) -> Option<Request> {
        self.request.filter(|r| r.open_from <= q)
    }
}

/// An inbound request: it takes its hours out of the CSM's quarter unless handed to the team
/// that answers it (`docs/model.md` §5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Request {
    pub kind: super::types::RequestKind,
    /// The CSM hours it takes to answer alone, for this customer's touch model.
    pub hours: f32,
    /// The first quarter it is open in (a request handed to the wrong team comes back the
    /// quarter after).
    pub open_from: i16,
    /// How often it was handed to the wrong team and came back.
    pub bounces: u8,
}

/// Read access to everything about one customer.
#[derive(QueryData)]
pub struct CustomerRef {
    pub id: &'static CustomerId,
    pub profile: &'static Profile,
    pub account: &'static Account,
    pub contract: &'static Contract,
    pub lifecycle: &'static Lifecycle,
    pub stakeholders: &'static Stakeholders,
    pub plan: &'static SuccessPlan,
    pub signals: &'static Signals,
    pub observed: &'static Observed,
    pub barriers: &'static Barriers,
    pub health: &'static Health,
    pub engagement: &'static Engagement,
}

/// Write access to the parts of a customer that actions and the model change.
#[derive(QueryData)]
#[query_data(mutable)]
pub struct CustomerMut {
    pub id: &'static CustomerId,
    pub account: &'static Account,
    pub contract: &'static mut Contract,
    pub lifecycle: &'static mut Lifecycle,
    pub stakeholders: &'static mut Stakeholders,
    pub plan: &'static mut SuccessPlan,
    pub signals: &'static mut Signals,
    pub barriers: &'static mut Barriers,
    pub health: &'static Health,
    pub engagement: &'static mut Engagement,
}
