//! The small vocabulary of the domain (touch models, stages, barrier kinds, …) shared by scenarios and the model.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How a customer is engaged (exam 1.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Touch {
    /// A named CSM (1.9.a).
    High,
    /// Low or virtual touch: pooled CSMs, remote meetings (1.9.b).
    Virtual,
    /// Tech or digital touch: one-to-many automation (1.9.c).
    Digital,
}

impl Touch {
    pub const ALL: [Touch; 3] = [Touch::High, Touch::Virtual, Touch::Digital];

    /// What share of a one-to-one action's hours this touch model needs.
    pub fn cost_factor(self) -> f32 {
        match self {
            Touch::High => 1.0,
            Touch::Virtual => 0.6,
            Touch::Digital => 0.35,
        }
    }

    /// How much an action's effect lands with this touch model: a digital-touch customer
    /// has fewer people paying attention to a one-to-one effort than a high-touch one.
    pub fn effect_factor(self) -> f32 {
        match self {
            Touch::High => 1.0,
            Touch::Virtual => 0.85,
            Touch::Digital => 0.7,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Touch::High => "high",
            Touch::Virtual => "virtual",
            Touch::Digital => "digital",
        }
    }
}

/// The customer's size segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SizeSegment {
    Small,
    Medium,
    Large,
    Enterprise,
}

/// How the customer buys (exam 1.6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsumptionModel {
    /// Perpetual or term software licences with support (1.6.a).
    Licence,
    /// Service subscription (1.6.b).
    #[default]
    Subscription,
    /// Enterprise agreement covering a portfolio (1.6.c).
    EnterpriseAgreement,
}

impl ConsumptionModel {
    /// A word for a table column.
    pub fn short(self) -> &'static str {
        match self {
            ConsumptionModel::Licence => "licences",
            ConsumptionModel::Subscription => "subscription",
            ConsumptionModel::EnterpriseAgreement => "agreement",
        }
    }

    /// What the trainee reads, with what the renewal puts at stake.
    pub fn label(self) -> &'static str {
        match self {
            ConsumptionModel::Licence => "licences (support renews; capital spent, 1.6.a)",
            ConsumptionModel::Subscription => {
                "subscription (all of it renews; operating spend, 1.6.b)"
            }
            ConsumptionModel::EnterpriseAgreement => {
                "enterprise agreement (one co-termed renewal; use above the entitlement is trued up, 1.6.c)"
            }
        }
    }
}

/// Where the customer is in its lifecycle (exam 1.3, `domain.md` §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    Onboard,
    Implement,
    Use,
    Adopt,
    /// Expand or renew: the contract boundary is near or outcomes have been achieved.
    ExpandRenew,
    Churned,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Onboard => "onboard",
            Stage::Implement => "implement",
            Stage::Use => "use",
            Stage::Adopt => "adopt",
            Stage::ExpandRenew => "expand/renew",
            Stage::Churned => "churned",
        }
    }
}

/// The common barriers of the exam's 3.4 a–e.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BarrierKind {
    /// 3.4.a
    StalledImplementation,
    /// 3.4.b
    LostSponsor,
    /// 3.4.c
    MissingFeature,
    /// 3.4.d
    QualityIssue,
    /// 3.4.e
    NotAFit,
}

impl BarrierKind {
    pub const ALL: [BarrierKind; 5] = [
        BarrierKind::StalledImplementation,
        BarrierKind::LostSponsor,
        BarrierKind::MissingFeature,
        BarrierKind::QualityIssue,
        BarrierKind::NotAFit,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn objective(self) -> &'static str {
        match self {
            BarrierKind::StalledImplementation => "3.4.a",
            BarrierKind::LostSponsor => "3.4.b",
            BarrierKind::MissingFeature => "3.4.c",
            BarrierKind::QualityIssue => "3.4.d",
            BarrierKind::NotAFit => "3.4.e",
        }
    }

    /// The category (exam 3.1) a barrier of this kind has unless a scenario says otherwise.
    pub fn default_category(self) -> BarrierCategory {
        match self {
            BarrierKind::StalledImplementation => BarrierCategory::Operational,
            BarrierKind::LostSponsor => BarrierCategory::Business,
            BarrierKind::MissingFeature => BarrierCategory::Technical,
            BarrierKind::QualityIssue => BarrierCategory::Technical,
            BarrierKind::NotAFit => BarrierCategory::Business,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BarrierKind::StalledImplementation => "stalled implementation",
            BarrierKind::LostSponsor => "lost executive sponsor",
            BarrierKind::MissingFeature => "missing product feature",
            BarrierKind::QualityIssue => "quality or performance issue",
            BarrierKind::NotAFit => "product not the best fit",
        }
    }
}

impl fmt::Display for BarrierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The barrier categories of the exam's 3.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BarrierCategory {
    Business,
    Operational,
    Technical,
    Cultural,
}

impl BarrierCategory {
    pub fn objective(self) -> &'static str {
        match self {
            BarrierCategory::Business => "3.1.a",
            BarrierCategory::Operational => "3.1.b",
            BarrierCategory::Technical => "3.1.c",
            BarrierCategory::Cultural => "3.1.d",
        }
    }
}

/// The components a health model can weigh (exam 2.6, `domain.md` §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HealthComponent {
    /// Sustained product use: licence utilisation and features in use (2.6.a).
    Usage,
    /// Open quality issues and support tickets (2.6.b).
    Quality,
    /// The CSM's tracking of stakeholder mood (2.6.c).
    Sentiment,
    /// The customer's financial health (2.6.d).
    Financial,
    /// Net promoter score, banded 60/30 as in `domain.md` §3.
    Nps,
    /// Support satisfaction on a 1–5 scale, banded 4/3.
    Csat,
    /// Regular contact and a current success plan.
    Engagement,
    /// Deployment and business outcomes achieved (return on investment).
    Outcomes,
}

impl HealthComponent {
    pub const ALL: [HealthComponent; 8] = [
        HealthComponent::Usage,
        HealthComponent::Quality,
        HealthComponent::Sentiment,
        HealthComponent::Financial,
        HealthComponent::Nps,
        HealthComponent::Csat,
        HealthComponent::Engagement,
        HealthComponent::Outcomes,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            HealthComponent::Usage => "usage",
            HealthComponent::Quality => "quality",
            HealthComponent::Sentiment => "sentiment",
            HealthComponent::Financial => "financial",
            HealthComponent::Nps => "NPS",
            HealthComponent::Csat => "CSAT",
            HealthComponent::Engagement => "engagement",
            HealthComponent::Outcomes => "outcomes",
        }
    }
}

/// A risk to the customer's company rather than to its use of the product (seed 001's
/// "company risk": financial trouble, a champion leaving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CompanyRiskKind {
    /// The customer's finances fail: a budget cut or a downturn (2.6.d).
    BudgetCut,
    /// The champion leaves the company (2.2).
    ChampionLeaves,
    /// The customer is merged or acquired: the budget is reviewed and the executive sponsor
    /// moves on.
    Merger,
}

impl CompanyRiskKind {
    pub fn label(self) -> &'static str {
        match self {
            CompanyRiskKind::BudgetCut => "its finances failed: a budget cut",
            CompanyRiskKind::ChampionLeaves => "its champion left the company",
            CompanyRiskKind::Merger => "it was merged into another company",
        }
    }

    pub fn objectives(self) -> &'static str {
        match self {
            CompanyRiskKind::BudgetCut => "2.6.d",
            CompanyRiskKind::ChampionLeaves => "2.2",
            CompanyRiskKind::Merger => "2.6.d, 3.4.b",
        }
    }
}

/// What can drive a decline in health, as the exam reads a health score (2.6.a–d): each
/// is a group of the score's components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HealthDriver {
    /// Product usage: utilisation and features in use (2.6.a).
    Usage,
    /// Product quality: open issues, tickets and support satisfaction (2.6.b).
    Quality,
    /// Customer sentiment: the people's mood and the NPS (2.6.c).
    Sentiment,
    /// The customer's financial health (2.6.d).
    Finances,
}

impl HealthDriver {
    pub const ALL: [HealthDriver; 4] = [
        HealthDriver::Usage,
        HealthDriver::Quality,
        HealthDriver::Sentiment,
        HealthDriver::Finances,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The components it groups.
    pub fn components(self) -> &'static [HealthComponent] {
        match self {
            HealthDriver::Usage => &[HealthComponent::Usage],
            HealthDriver::Quality => &[HealthComponent::Quality, HealthComponent::Csat],
            HealthDriver::Sentiment => &[HealthComponent::Sentiment, HealthComponent::Nps],
            HealthDriver::Finances => &[HealthComponent::Financial],
        }
    }

    /// The driver a component belongs to; engagement and outcomes are the CSM's own work
    /// and belong to none.
    pub fn of(c: HealthComponent) -> Option<HealthDriver> {
        HealthDriver::ALL
            .into_iter()
            .find(|d| d.components().contains(&c))
    }

    pub fn objective(self) -> &'static str {
        match self {
            HealthDriver::Usage => "2.6.a",
            HealthDriver::Quality => "2.6.b",
            HealthDriver::Sentiment => "2.6.c",
            HealthDriver::Finances => "2.6.d",
        }
    }

    /// The name a trainee types, and the one shown.
    pub fn id(self) -> &'static str {
        match self {
            HealthDriver::Usage => "usage",
            HealthDriver::Quality => "quality",
            HealthDriver::Sentiment => "sentiment",
            HealthDriver::Finances => "finances",
        }
    }

    pub fn from_id(s: &str) -> Option<HealthDriver> {
        let s = s.trim().to_lowercase();
        HealthDriver::ALL
            .into_iter()
            .find(|d| d.id() == s || (s == "financial" && *d == HealthDriver::Finances))
    }

    /// The barriers whose symptoms show in this driver (`docs/model.md` §5), which a right
    /// reading points the CSM at. A lost sponsor leaves no trace in the data; finances have
    /// no barrier of their own.
    pub fn barriers(self) -> &'static [BarrierKind] {
        match self {
            HealthDriver::Usage => &[
                BarrierKind::StalledImplementation,
                BarrierKind::NotAFit,
                BarrierKind::MissingFeature,
            ],
            HealthDriver::Quality => &[BarrierKind::QualityIssue, BarrierKind::MissingFeature],
            HealthDriver::Sentiment => &[
                BarrierKind::StalledImplementation,
                BarrierKind::MissingFeature,
                BarrierKind::NotAFit,
            ],
            HealthDriver::Finances => &[],
        }
    }
}

/// A health colour band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    Red,
    Yellow,
    Green,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
        }
    }
}

/// What a customer asks the CSM for, unprompted: the reactive part of the job (seed 001:
/// 80 % proactive, 20 % reactive). Each kind has a team that answers it best (1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RequestKind {
    /// Something is broken or slow: a case for support.
    Technical,
    /// Help to configure, integrate or roll out: work for services or a partner.
    HowTo,
    /// Licences, an invoice, a quote: the account manager's business.
    Commercial,
    /// The executive sponsor wants to talk about whether the outcomes are on track: the
    /// CSM's own work.
    Strategic,
}

impl RequestKind {
    pub const ALL: [RequestKind; 4] = [
        RequestKind::Technical,
        RequestKind::HowTo,
        RequestKind::Commercial,
        RequestKind::Strategic,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Technical => "a technical problem (something broken or slow)",
            RequestKind::HowTo => "help to configure, integrate or roll out",
            RequestKind::Commercial => "licences, an invoice or a quote",
            RequestKind::Strategic => "the sponsor asks whether the outcomes are on track",
        }
    }

    /// A short name for lists.
    pub fn short(self) -> &'static str {
        match self {
            RequestKind::Technical => "technical",
            RequestKind::HowTo => "how-to",
            RequestKind::Commercial => "commercial",
            RequestKind::Strategic => "strategic",
        }
    }

    /// The team that answers it best.
    pub fn right_team(self) -> Team {
        match self {
            RequestKind::Technical => Team::Support,
            RequestKind::HowTo => Team::Services,
            RequestKind::Commercial => Team::AccountManager,
            RequestKind::Strategic => Team::Csm,
        }
    }

    /// CSM hours it takes a high-touch customer's CSM to answer it alone (other touch
    /// models scale it like actions).
    pub fn hours(self) -> f32 {
        match self {
            RequestKind::Technical => 3.0,
            RequestKind::HowTo => 4.0,
            RequestKind::Commercial => 2.0,
            RequestKind::Strategic => 3.0,
        }
    }
}

/// Who answered an inbound request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Team {
    /// The CSM, in the hours the request took.
    Csm,
    /// Technical support and engineering.
    Support,
    /// Professional services or a partner.
    Services,
    /// The vendor's account manager (sales).
    AccountManager,
}

impl Team {
    pub fn label(self) -> &'static str {
        match self {
            Team::Csm => "the CSM",
            Team::Support => "support",
            Team::Services => "services",
            Team::AccountManager => "the account manager",
        }
    }
}

/// A gap in the account's baseline (2.5): what stands between the customer and the
/// outcome it bought the product for, found by analysing the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GapKind {
    /// Tools: integrations, data and tooling the product depends on are not in place
    /// (2.5.a).
    Tools,
    /// Processes: the customer's workflows have not been changed to use the product
    /// (2.5.b).
    Processes,
    /// Staff: too few people, or people without the skills (2.5.c).
    Staff,
}

impl GapKind {
    pub const ALL: [GapKind; 3] = [GapKind::Tools, GapKind::Processes, GapKind::Staff];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            GapKind::Tools => "a tools gap (integrations and tooling not in place)",
            GapKind::Processes => "a processes gap (workflows not changed to use the product)",
            GapKind::Staff => "a staff gap (too few people, or without the skills)",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            GapKind::Tools => "tools",
            GapKind::Processes => "processes",
            GapKind::Staff => "staff",
        }
    }

    pub fn objective(self) -> &'static str {
        match self {
            GapKind::Tools => "2.5.a",
            GapKind::Processes => "2.5.b",
            GapKind::Staff => "2.5.c",
        }
    }
}
