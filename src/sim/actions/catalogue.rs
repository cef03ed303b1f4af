//! The action catalogue: every action a CSM can take, its cost, its family, and the exam
//! objectives it practises.

use serde::{Deserialize, Serialize};

/// Every action the trainee can plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    // Learning about the account (4.2, 3.2, 3.3).
    ReviewAccountData,
    StakeholderConversation,
    SiteVisit,
    // The success plan (2.x).
    BuildSuccessPlan,
    ReviewSuccessPlan,
    // Onboarding and adoption (4.1).
    AdoptionPlan,
    Training,
    // Reviews (4.4, 4.5, 4.2.d).
    Qbr,
    CaptureSuccess,
    // Responses to barriers (3.4).
    PhasedReplan,
    EngageServices,
    ExecutiveEscalation,
    FindNewSponsor,
    ExecutiveAlignment,
    FeatureRequest,
    Workaround,
    EscalateToSupport,
    RecoveryPlan,
    RescopeUseCases,
    // Renewal (5.5, 5.6).
    RenewalRiskAnalysis,
    MitigationPlan,
    TransitionPlan,
    // Expansion (5.1, 5.2, 5.4).
    ProposeAdditionalFeatures,
    ProposeNewUseCases,
    ProposeAdditionalUserGroups,
    ProposeNewSolution,
    ProposeChangeManagement,
    // Advocacy (4.6): a reference, a case study, a talk at a user group.
    AdvocacyRequest,
    CaseStudy,
    UserGroupTalk,
    // One-to-many, for a whole segment (1.9.c, 5.3).
    AdoptionCampaign,
    OneToManyTraining,
    DigitalRenewalOutreach,
    // Inbound requests, handed to the team that answers them (1.4).
    HandToSupport,
    HandToServices,
    HandToAccountManager,
}

/// The families the catalogue is grouped in, for menus and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Family {
    Discover,
    Plan,
    Adopt,
    Review,
    Remedy,
    Renew,
    Grow,
    OneToMany,
    Reactive,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Family::Discover => "discover",
            Family::Plan => "success plan",
            Family::Adopt => "onboard & adopt",
            Family::Review => "review",
            Family::Remedy => "remedy a barrier",
            Family::Renew => "renewal",
            Family::Grow => "expansion & advocacy",
            Family::OneToMany => "one-to-many",
            Family::Reactive => "inbound requests",
        }
    }
}

/// What the catalogue says about one action.
#[derive(Debug, Clone, Copy)]
pub struct ActionSpec {
    pub kind: ActionKind,
    /// The id used in files and on the command line.
    pub id: &'static str,
    pub name: &'static str,
    pub family: Family,
    /// CSM hours for a high-touch customer; other touch models scale it (see `Touch::cost_factor`).
    /// For one-to-many actions, the hours for the whole segment.
    pub hours: f32,
    pub one_to_many: bool,
    pub objectives: &'static [&'static str],
    pub requires: &'static str,
    pub description: &'static str,
}

macro_rules! catalogue {
    ($($kind:ident, $id:literal, $name:literal, $family:ident, $hours:literal, $many:literal,
       [$($obj:literal),*], $requires:literal, $desc:literal;)*) => {
        /// The whole catalogue, in menu order.
        pub const CATALOGUE: &[ActionSpec] = &[
            $(ActionSpec {
                kind: ActionKind::$kind,
                id: $id,
                name: $name,
                family: Family::$family,
                hours: $hours,
                one_to_many: $many,
                objectives: &[$($obj),*],
                requires: $requires,
                description: $desc,
            },)*
        ];
    };
}

catalogue! {
    ReviewAccountData, "review_account_data", "Review account data", Discover, 2.0, false,
        ["4.2.c", "3.2.a", "3.3.c", "2.6"], "",
        "Read telemetry, consumption and support data for symptoms of barriers. Finds stalls, quality problems and poor fit once their symptoms reach the data (a quarter after they begin).";
    StakeholderConversation, "stakeholder_conversation", "Stakeholder conversation", Discover, 4.0, false,
        ["4.2.b", "3.3.b", "3.2.c", "4.3.a"], "",
        "Talk with the customer's people. The surest way to learn that a sponsor left, a feature is missing or the product does not fit; lifts sentiment a little.";
    SiteVisit, "site_visit", "Observe the customer", Discover, 8.0, false,
        ["4.2.a", "3.3.a", "3.2.b"], "",
        "Watch how the customer works with the product. Finds stalled implementations and poor fit.";
    BuildSuccessPlan, "build_success_plan", "Build the success plan", Plan, 12.0, false,
        ["2.1", "2.2", "2.3", "2.4", "2.7", "2.8", "2.9", "2.10"], "",
        "Write down products, stakeholder roles, business outcomes (validated only with an executive sponsor), critical success factors, KPIs, the use cases to target first (the champion's, once heard) and a RACI.";
    ReviewSuccessPlan, "review_success_plan", "Review the success plan", Plan, 3.0, false,
        ["4.2.e", "2.3", "2.8", "2.9", "5.4"], "a success plan with at least three elements",
        "Walk through the plan with the customer, keep it current, re-validate outcomes with the sponsor, put the use cases right once the champion has named them and the RACI once the people have changed.";
    AdoptionPlan, "adoption_plan", "Adoption plan", Adopt, 8.0, false,
        ["4.1.a", "4.1.b", "4.1.c", "4.1.d"], "a customer not yet past adoption",
        "Agree an adoption plan, a prioritised success focus, a time-to-value timeline and a feature matrix. Its focus is the success plan's outcome: aimed at what the customer wants, it speeds deployment and the first outcome; with no outcome written, or the wrong one, it moves at half the pace.";
    Training, "training", "Product training", Adopt, 6.0, false,
        ["4.3.c", "4.1.a", "3.4.a"], "",
        "Train users: more utilisation, more features in use, happier users.";
    Qbr, "qbr", "Quarterly success review (QBR)", Review, 10.0, false,
        ["4.4", "4.5", "4.3.a"], "a current success plan with at least five elements, and an executive sponsor to meet",
        "Present realised value to decision makers, validate outcomes, surface expansion when outcomes are achieved.";
    CaptureSuccess, "capture_success", "Capture a moment of success", Review, 2.0, false,
        ["4.2.d"], "a business outcome achieved since the last capture",
        "Celebrate an achieved outcome with the stakeholders.";
    PhasedReplan, "phased_replan", "Re-plan with phased milestones", Remedy, 8.0, false,
        ["3.4.a", "4.1.c"], "",
        "The response to a stalled implementation: smaller milestones the customer can reach.";
    EngageServices, "engage_services", "Bring in services or a partner", Remedy, 4.0, false,
        ["3.4.a", "4.3.d"], "",
        "Specialists unblock a stalled implementation.";
    ExecutiveEscalation, "executive_escalation", "Executive escalation", Remedy, 6.0, false,
        ["3.4.a", "3.4.d", "4.3.b"], "",
        "Escalate inside the vendor for a stalled implementation or a quality crisis. Used for nothing, it costs goodwill.";
    FindNewSponsor, "find_new_sponsor", "Find and brief a new sponsor", Remedy, 8.0, false,
        ["3.4.b", "2.2"], "a known loss of the executive sponsor",
        "The response to a lost sponsor; easier with a champion on your side.";
    ExecutiveAlignment, "executive_alignment", "Executive-to-executive alignment", Remedy, 6.0, false,
        ["3.4.b", "4.3.a"], "",
        "Your executives meet theirs: helps replace a lost sponsor, strengthens a present one.";
    FeatureRequest, "feature_request", "Feature request to the business unit", Remedy, 3.0, false,
        ["3.4.c", "4.3.e"], "",
        "Take a missing feature to the product team with the customer's business case.";
    Workaround, "workaround", "Design a workaround", Remedy, 5.0, false,
        ["3.4.c", "2.8"], "",
        "Meet the need another way while the feature is missing.";
    EscalateToSupport, "escalate_to_support", "Escalate to support and engineering", Remedy, 3.0, false,
        ["3.4.d", "4.3.d"], "",
        "Root-cause analysis for a quality or performance problem.";
    RecoveryPlan, "recovery_plan", "Quality recovery plan", Remedy, 6.0, false,
        ["3.4.d", "5.6"], "",
        "A recovery plan with regular status communication during a quality crisis.";
    RescopeUseCases, "rescope_use_cases", "Re-scope to use cases that fit", Remedy, 6.0, false,
        ["3.4.e", "2.8", "3.4.c"], "",
        "The response to a product that is not the best fit: focus on the use cases it serves well.";
    RenewalRiskAnalysis, "renewal_risk_analysis", "Renewal risk analysis", Renew, 4.0, false,
        ["5.5", "1.8.c"], "",
        "Start renewal work: review health, sponsor, barriers and usage against the renewal date. Best done a quarter or more (90+ days) ahead.";
    MitigationPlan, "mitigation_plan", "Risk mitigation plan", Renew, 6.0, false,
        ["5.6"], "a renewal risk analysis this term",
        "Agree actions with the customer against each renewal risk.";
    TransitionPlan, "transition_plan", "Honest transition plan", Renew, 5.0, false,
        ["5.6", "3.4.e"], "",
        "Right-size the contract with the customer: a downsell rather than a surprise churn.";
    ProposeAdditionalFeatures, "propose_additional_features", "Propose additional features", Grow, 6.0, false,
        ["5.1.a", "5.2", "5.4"], "",
        "Expansion by features; lands when most features are already in use (+10 % ARR).";
    ProposeNewUseCases, "propose_new_use_cases", "Propose new use cases", Grow, 6.0, false,
        ["5.1.b", "5.2", "5.4"], "",
        "Expansion by use cases; lands when the plan has use cases and an outcome is achieved (+15 % ARR).";
    ProposeAdditionalUserGroups, "propose_additional_user_groups", "Propose additional user groups", Grow, 6.0, false,
        ["5.1.c", "5.2", "5.4"], "",
        "Expansion by licences; lands when utilisation is high (+20 % ARR and licences).";
    ProposeNewSolution, "propose_new_solution", "Propose a new solution", Grow, 8.0, false,
        ["5.1.d", "5.2", "5.4"], "",
        "Cross-sell another product; lands with two outcomes and a warm sponsor (+30 % ARR).";
    ProposeChangeManagement, "propose_change_management", "Propose change-management services", Grow, 5.0, false,
        ["5.1.e", "5.2"], "",
        "Services that help people adopt; lands when adoption lags and a sponsor backs it (+8 % ARR).";
    AdvocacyRequest, "advocacy_request", "Ask for a reference", Grow, 2.0, false,
        ["4.6"], "",
        "Ask the customer to take reference calls from prospects and peers. Welcome from promoters; asking an unhappy customer backfires. References help other customers in the segment buy.";
    CaseStudy, "case_study", "Ask for a case study", Grow, 4.0, false,
        ["4.6", "2.10"], "",
        "Write up, with the customer, the outcomes reached and their measured results. Needs a promoter with an outcome achieved; asked before there are results, it backfires. Counts twice as peer proof.";
    UserGroupTalk, "user_group_talk", "Invite to speak at the user group", Grow, 3.0, false,
        ["4.6", "4.3.c"], "a champion to give the talk",
        "The champion presents the team's work to other customers. Welcome from promoters, and it warms the champion and the users.";
    AdoptionCampaign, "adoption_campaign", "Adoption campaign (segment)", OneToMany, 10.0, true,
        ["5.3", "1.9.c", "5.2"], "a segment as the target",
        "One-to-many utilisation campaign for a whole segment; surfaces expansion opportunities where utilisation is high.";
    OneToManyTraining, "one_to_many_training", "Webinar training (segment)", OneToMany, 8.0, true,
        ["4.3.c", "1.9.c"], "a segment as the target",
        "Recorded training and webinars for every customer in a segment.";
    DigitalRenewalOutreach, "digital_renewal_outreach", "Digital renewal outreach (segment)", OneToMany, 4.0, true,
        ["5.5", "1.9.c", "1.8.c"], "a segment as the target",
        "Automated 90/60/30-day renewal touchpoints for every customer in the segment renewing within two quarters.";
    HandToSupport, "hand_to_support", "Hand the request to support", Reactive, 0.5, false,
        ["1.4", "4.3.d"], "an open inbound request",
        "Open a support case for the customer's request and let support and engineering answer it. Right for something broken or slow; the case may show the quality problem behind it. Frees the hours the request would take.";
    HandToServices, "hand_to_services", "Hand the request to services", Reactive, 0.5, false,
        ["1.4", "4.3.d"], "an open inbound request",
        "Pass the request to professional services or a partner. Right for help to configure, integrate or roll out; they may see the rollout has stalled. Frees the hours the request would take.";
    HandToAccountManager, "hand_to_account_manager", "Hand the request to the account manager", Reactive, 0.5, false,
        ["1.4", "4.3.b"], "an open inbound request",
        "Pass the request to the vendor's account manager. Right for licences, invoices and quotes. Frees the hours the request would take.";
}

impl ActionKind {
    pub fn spec(self) -> &'static ActionSpec {
        // The catalogue lists the kinds in declaration order (a test checks it).
        &CATALOGUE[self as usize]
    }

    pub fn from_id(id: &str) -> Option<ActionKind> {
        CATALOGUE.iter().find(|s| s.id == id).map(|s| s.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_unique_id_costs_and_objectives() {
        let mut ids = std::collections::BTreeSet::new();
        for (i, spec) in CATALOGUE.iter().enumerate() {
            assert_eq!(
                spec.kind as usize, i,
                "{} is out of declaration order",
                spec.id
            );
            assert!(ids.insert(spec.id), "duplicate id {}", spec.id);
            assert!(spec.hours > 0.0);
            assert!(!spec.objectives.is_empty(), "{} has no objective", spec.id);
            assert_eq!(ActionKind::from_id(spec.id), Some(spec.kind));
            assert_eq!(spec.kind.spec().id, spec.id);
            // The serde name matches the catalogue id.
            let ron = ron::to_string(&spec.kind).unwrap();
            assert_eq!(ron, spec.id);
        }
    }

    #[test]
    fn catalogue_covers_every_barrier_response_domain() {
        for obj in [
            "3.4.a", "3.4.b", "3.4.c", "3.4.d", "3.4.e", "5.5", "5.6", "4.4", "4.6", "5.3",
        ] {
            assert!(
                CATALOGUE.iter().any(|s| s.objectives.contains(&obj)),
                "no action practises {obj}"
            );
        }
    }
}
