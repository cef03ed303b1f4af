//! The model's mechanics and the exam objectives each one exercises: an action, an event or
//! a decision that changes what happens to a customer. Coverage counts an objective as
//! exercised by a scenario only when one of its mechanics happened in play there, read from
//! the journal; an objective a scenario only names (its learning objectives, a barrier's
//! category, a contract's consumption model) is a label, not a mechanic.
//!
//! The list is deliberately strict: an action counts for the objectives its effect embodies,
//! not every objective its catalogue entry mentions. Building the plan counts for its common
//! elements (2.7) and its business outcome (2.3), because those change outcomes; it does not
//! count for critical success factors (2.4), which it only ticks off. The RACI (2.9) counts
//! when a review rewrites one that named someone who had left, and the use cases (2.8) when
//! a plan targets the customer's own.

use crate::sim::actions::{ActionKind, ActionOutcome};
use crate::sim::barriers::Discovery;
use crate::sim::journal::Event;
use crate::sim::types::{CompanyRiskKind, ConsumptionModel, HealthDriver, Touch};

/// One mechanic of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mechanic {
    pub id: &'static str,
    /// What it does, in a line.
    pub what: &'static str,
    pub objectives: &'static [&'static str],
}

macro_rules! mechanics {
    ($($name:ident, $id:literal, [$($obj:literal),*], $what:literal;)*) => {
        $(pub const $name: Mechanic = Mechanic { id: $id, what: $what, objectives: &[$($obj),*] };)*
        /// Every mechanic, for listing.
        pub const ALL: &[Mechanic] = &[$($name),*];
    };
}

mechanics! {
    BARRIER, "barrier", ["3.1"],
        "A barrier of one of five kinds begins, hidden or known, and drags health, deployment and the renewal until it is answered.";
    RIGHT_RESPONSE, "right-response", ["3.4"],
        "A barrier is resolved by the responses that fit it; the wrong ones waste hours and cost goodwill.";
    STALL_ANSWERED, "stall-answered", ["3.4.a"],
        "A stalled implementation is resolved by re-planning with phased milestones or specialists.";
    SPONSOR_REPLACED, "sponsor-replaced", ["3.4.b", "2.2"],
        "A lost executive sponsor is replaced; without one, outcomes cannot be validated nor QBRs held.";
    FEATURE_ANSWERED, "feature-answered", ["3.4.c"],
        "A missing feature is answered with a workaround and a feature request.";
    QUALITY_ANSWERED, "quality-answered", ["3.4.d"],
        "A quality problem is answered by escalation to support and a recovery plan.";
    FIT_ANSWERED, "fit-answered", ["3.4.e"],
        "A product that does not fit is answered by re-scoping to the use cases it serves.";
    WRONG_REMEDY, "wrong-remedy", ["3.4"],
        "A remedy aimed at a problem the customer does not have costs goodwill.";
    FOUND_IN_DATA, "found-in-data", ["3.2", "3.2.a", "3.3", "3.3.c"],
        "Telemetry and account data find barriers whose symptoms have shown.";
    FOUND_IN_CONVERSATION, "found-in-conversation", ["3.2", "3.2.c", "3.3", "3.3.b"],
        "Talking with the customer's people finds what data cannot: a sponsor gone, a feature missing.";
    FOUND_BY_OBSERVATION, "found-by-observation", ["3.3", "3.3.a"],
        "Watching the customer at work finds stalls and poor fit.";
    FOUND_BY_PROCESS, "found-by-process", ["3.2", "3.2.b", "3.3"],
        "A structured process (a QBR, a renewal risk analysis, the plan's build) surfaces barriers.";
    ACCOUNT_MANAGER, "account-manager", ["4.3", "4.3.b"],
        "The vendor's account manager, kept in the loop, passes on that the sponsor has left.";
    TOOLS_GAP_FOUND, "tools-gap-found", ["2.5", "2.5.a"],
        "The account data shows a tools gap in the baseline (integrations and tooling not in place) that slows deployment and holds use back.";
    PROCESSES_GAP_FOUND, "processes-gap-found", ["2.5", "2.5.b"],
        "Watching the customer at work, or its users, shows a processes gap: workflows not changed to use the product.";
    STAFF_GAP_FOUND, "staff-gap-found", ["2.5", "2.5.c"],
        "The users say what people and skills they lack: a staff gap in the baseline.";
    GAP_CLOSED, "gap-closed", ["2.5", "2.10"],
        "A found gap is closed by its answer (services for tools; a phased re-plan or change management for processes; training for staff), and deployment, use and outcomes recover.";
    REQUEST_TO_SUPPORT, "request-to-support", ["1.4", "4.3.d"],
        "A technical request handed to support is answered there and frees the CSM's hours; the case may show the quality problem behind it.";
    REQUEST_TO_SERVICES, "request-to-services", ["1.4", "4.3.d"],
        "A how-to request handed to services is answered there and frees the CSM's hours; services may see the rollout has stalled.";
    REQUEST_TO_SALES, "request-to-account-manager", ["1.4", "4.3.b"],
        "A commercial request handed to the account manager is answered there and frees the CSM's hours.";
    REQUEST_MISROUTED, "request-misrouted", ["1.4"],
        "A request handed to a team that does not answer its kind comes back bigger, and the customer's people notice; a strategic one handed on cools the sponsor.";
    STRATEGIC_KEPT, "strategic-request-kept", ["1.4", "4.3.a"],
        "A strategic request from the sponsor, answered by the CSM, warms the sponsor; support's, services' or sales' work done by the CSM only takes the hours.";
    HEALTH_READ, "health-read", ["2.6", "1.7", "1.7.a"],
        "The CSM says what drives a customer's health decline, judged against the dashboard; health is the leading indicator of the renewal.";
    USAGE_READ, "usage-read", ["2.6.a"], "A decline driven by product usage, read.";
    QUALITY_READ, "quality-read", ["2.6.b"], "A decline driven by product quality, read.";
    SENTIMENT_READ, "sentiment-read", ["2.6.c"], "A decline driven by customer sentiment, read.";
    FINANCES_READ, "finances-read", ["2.6.d"], "A decline driven by the customer's finances, read.";
    FOUND_BY_READING, "found-by-reading", ["3.2", "3.2.a"],
        "A right reading of the health score points at the hidden barrier behind it.";
    BUDGET_CUT, "budget-cut", ["2.6.d"],
        "The customer's finances fail (a budget cut, a merger's review): its financial health falls, and with it the renewal.";
    CHAMPION_LEFT, "champion-left", ["2.2"],
        "The champion leaves: adoption loses its driver inside and the renewal its advocate until a new one is found.";
    CHAMPION_FOUND, "champion-found", ["2.2", "4.3.c"],
        "Talking with the customer's people or training its users turns one of them into a new champion.";
    LICENCE_RENEWAL, "licence-renewal", ["1.6", "1.6.a", "1.6.d"],
        "Support on licences already bought comes up for renewal: sticky, the capital spent; lost, it is mostly dropped on the unused licences; short of money, the customer cuts operating spend first.";
    SUBSCRIPTION_RENEWAL, "subscription-renewal", ["1.6", "1.6.b", "1.6.d"],
        "A subscription comes up for renewal: the whole of it is operating spend at stake, right-sized to what is used.";
    AGREEMENT_RENEWAL, "agreement-renewal", ["1.6", "1.6.c"],
        "An enterprise agreement over a portfolio comes up for renewal on one co-termed date: hard to unwind.";
    TRUE_UP, "true-up", ["1.6.c", "1.8.b"],
        "An enterprise agreement renews with a true-up for the use beyond its entitlement.";
    STAGE, "lifecycle-stage", ["1.3"],
        "A customer moves through the lifecycle's stages; what an action can do depends on the stage.";
    OUTCOME_ACHIEVED, "outcome-achieved", ["2.10"],
        "A validated business outcome is achieved, which lifts health, the renewal and the case for expansion.";
    OUTCOME_CORRECTED, "outcome-corrected", ["2.3"],
        "A plan aimed at the wrong outcome is put right by the sponsor; until then it is not validated.";
    PLAN_BUILT, "plan-built", ["2.7", "2.3"],
        "The success plan is written, aimed at an outcome; only one the sponsor wants is validated.";
    PLAN_REVIEWED, "plan-reviewed", ["4.2", "4.2.e"],
        "The plan is kept current with the customer and its outcome re-validated.";
    DATA_REVIEWED, "data-reviewed", ["4.2", "4.2.c", "2.5"],
        "Account data reviewed: the baseline that value is later shown against.";
    CONVERSATION, "conversation", ["4.2", "4.2.b"],
        "A conversation lifts sentiment and hears what the sponsor wants.";
    OBSERVATION, "observation", ["4.2", "4.2.a"],
        "Watching the customer at work.";
    ADOPTION_FOCUSED, "adoption-focused", ["4.1", "4.1.b", "4.1.c", "4.1.d"],
        "An adoption plan focused on the outcome the customer wants turns on the features it needs first and sets a timeline to it: faster deployment and a sooner first outcome.";
    ADOPTION_PLAN, "adoption-plan", ["4.1", "4.1.a"],
        "An adoption plan speeds deployment before adoption.";
    USERS_TRAINED, "users-trained", ["4.3", "4.3.c"],
        "Users trained: more utilisation, more features in use, happier users.";
    QBR_HELD, "qbr-held", ["4.4", "4.5", "4.3.a", "2.10"],
        "A QBR shows value to the sponsor, in full only against a baseline and the right outcome, and opens expansion.";
    SUCCESS_CAPTURED, "success-captured", ["4.2", "4.2.d"],
        "A moment of success told to the stakeholders.";
    EXECUTIVES_ALIGNED, "executives-aligned", ["4.3", "4.3.a"],
        "Executives meet executives to replace or strengthen a sponsor.";
    SERVICES_ENGAGED, "services-engaged", ["4.3", "4.3.d"],
        "Services, support or a partner brought in on a barrier.";
    BUSINESS_UNIT, "business-unit", ["4.3", "4.3.e"],
        "The product team takes a missing feature with the customer's business case.";
    USE_CASES_TARGETED, "use-cases-targeted", ["2.8", "2.2"],
        "A success plan targets first the use case the champion showed the customer's work depends on: a faster rollout and likelier outcomes.";
    RACI_UPDATED, "raci-updated", ["2.9", "2.2"],
        "A RACI that named a sponsor or champion who left is rewritten with the people in place, so outcomes have owners again.";
    USE_CASES_RESCOPED, "use-cases-rescoped", ["2.8"],
        "The work is re-scoped to the use cases the product serves well.";
    RISK_ANALYSIS, "risk-analysis", ["5.5"],
        "Renewal work starts: the earlier, the better its effect on the renewal.";
    MITIGATION, "mitigation", ["5.6"],
        "A mitigation plan against the renewal risks found and being worked on.";
    TRANSITION, "transition", ["5.6"],
        "An honest right-sizing for a customer who will not renew at full size.";
    EXPANSION_PROPOSED, "expansion-proposed", ["5.2"],
        "An expansion proposed: it lands where it fits and value has been seen, and a decline closes the door.";
    EXPANSION_WON, "expansion-won", ["5.1", "5.2", "1.8.b"],
        "An expansion lands and adds ARR.";
    FEATURES_SOLD, "features-sold", ["5.1.a"], "Additional features sold.";
    USE_CASES_SOLD, "use-cases-sold", ["5.1.b"], "New use cases sold.";
    USER_GROUPS_SOLD, "user-groups-sold", ["5.1.c"], "Additional user groups sold.";
    SOLUTION_SOLD, "solution-sold", ["5.1.d"], "A new solution sold.";
    CHANGE_MANAGEMENT_SOLD, "change-management-sold", ["5.1.e"], "Change-management services sold.";
    EXPANSION_PLANNED, "expansion-planned", ["5.4", "5.2"],
        "An expansion opportunity agreed into the success plan with the sponsor: the next fitting proposal is likelier to land.";
    ADVOCACY, "advocacy", ["4.6"],
        "A customer asked for a reference, a case study or a user-group talk: welcome from promoters (a case study once there are results), harmful from the unhappy; each form given is peer proof that helps the segment's other customers buy.";
    ADOPTION_CAMPAIGN, "adoption-campaign", ["5.3", "1.9.c"],
        "A one-to-many campaign lifts a segment's utilisation and surfaces expansion.";
    WEBINAR, "webinar", ["1.9.c", "4.3.c"],
        "Recorded training for a whole segment.";
    RENEWAL_OUTREACH, "renewal-outreach", ["1.9.c", "5.5"],
        "Automated renewal touchpoints for a segment's renewals.";
    HIGH_TOUCH, "high-touch", ["1.9", "1.9.a"],
        "Work with a high-touch customer: a named CSM's hours land in full.";
    VIRTUAL_TOUCH, "virtual-touch", ["1.9", "1.9.b"],
        "Work with a virtual-touch customer: cheaper, and less of it lands.";
    DIGITAL_TOUCH, "digital-touch", ["1.9", "1.9.c"],
        "One-to-one work with a digital-touch customer: little lands for the hours.";
    RENEWAL, "renewal", ["1.8", "1.8.c", "2.6"],
        "A contract comes up for renewal; its chance follows health, the sponsor, open barriers and renewal work.";
    CHURN, "churn", ["1.8", "1.8.a"],
        "A customer leaves or renews smaller.";
}

/// What the mechanics of an entry depend on about its customer.
#[derive(Debug, Clone, Copy)]
pub struct Who {
    pub touch: Touch,
    pub model: ConsumptionModel,
}

/// The consumption model's part in a renewal.
fn renewal_of(model: Option<ConsumptionModel>) -> Option<Mechanic> {
    model.map(|m| match m {
        ConsumptionModel::Licence => LICENCE_RENEWAL,
        ConsumptionModel::Subscription => SUBSCRIPTION_RENEWAL,
        ConsumptionModel::EnterpriseAgreement => AGREEMENT_RENEWAL,
    })
}

/// The mechanics one journal entry shows at work. `who` is what matters of the entry's
/// customer (unknown for segment-wide entries).
pub fn of_event(event: &Event, who: Option<Who>) -> Vec<Mechanic> {
    let touch = who.map(|w| w.touch);
    use ActionKind as A;
    use ActionOutcome as O;
    let mut out = Vec::new();
    match *event {
        Event::BarrierAppeared { .. } => out.push(BARRIER),
        Event::BarrierDiscovered { how, .. } => match how {
            Discovery::Data => out.push(FOUND_IN_DATA),
            Discovery::Conversation => out.push(FOUND_IN_CONVERSATION),
            Discovery::Observation => out.push(FOUND_BY_OBSERVATION),
            Discovery::Process => out.push(FOUND_BY_PROCESS),
            Discovery::AccountManager => out.push(ACCOUNT_MANAGER),
            Discovery::HealthReading => out.push(FOUND_BY_READING),
            Discovery::SupportCase => out.push(REQUEST_TO_SUPPORT),
            Discovery::ServicesTeam => out.push(REQUEST_TO_SERVICES),
            Discovery::Known | Discovery::CustomerEscalation => {}
        },
        Event::BarrierResolved { kind, by: Some(_) } => {
            use crate::sim::types::BarrierKind as K;
            out.push(RIGHT_RESPONSE);
            out.push(match kind {
                K::StalledImplementation => STALL_ANSWERED,
                K::LostSponsor => SPONSOR_REPLACED,
                K::MissingFeature => FEATURE_ANSWERED,
                K::QualityIssue => QUALITY_ANSWERED,
                K::NotAFit => FIT_ANSWERED,
            });
        }
        Event::BarrierResolved { by: None, .. } => {}
        Event::StageChanged { .. } => out.push(STAGE),
        Event::CompanyRisk { risk, .. } => match risk {
            CompanyRiskKind::BudgetCut | CompanyRiskKind::Merger => out.push(BUDGET_CUT),
            CompanyRiskKind::ChampionLeaves => out.push(CHAMPION_LEFT),
        },
        Event::ChampionFound { .. } => out.push(CHAMPION_FOUND),
        Event::GapFound { gap, .. } => out.push(match gap {
            crate::sim::types::GapKind::Tools => TOOLS_GAP_FOUND,
            crate::sim::types::GapKind::Processes => PROCESSES_GAP_FOUND,
            crate::sim::types::GapKind::Staff => STAFF_GAP_FOUND,
        }),
        Event::GapClosed { .. } => out.push(GAP_CLOSED),
        Event::AdoptionPlanned { focused: true, .. } => out.push(ADOPTION_FOCUSED),
        Event::AdoptionPlanned { focused: false, .. } => {}
        Event::ExpansionPlanned => out.push(EXPANSION_PLANNED),
        Event::RequestReceived { .. } => {}
        Event::RequestClosed { kind, by, right } => {
            use crate::sim::types::{RequestKind, Team};
            match (by, right) {
                (Team::Support, true) => out.push(REQUEST_TO_SUPPORT),
                (Team::Services, true) => out.push(REQUEST_TO_SERVICES),
                (Team::AccountManager, true) => out.push(REQUEST_TO_SALES),
                (Team::Csm, _) if kind == RequestKind::Strategic => out.push(STRATEGIC_KEPT),
                (Team::Csm, _) => {}
                (_, _) => out.push(REQUEST_MISROUTED),
            }
        }
        Event::OutcomeAchieved { .. } => out.push(OUTCOME_ACHIEVED),
        Event::OutcomeCorrected { .. } => out.push(OUTCOME_CORRECTED),
        Event::RaciUpdated => out.push(RACI_UPDATED),
        Event::UseCasesWritten { targeted, .. } => {
            if targeted {
                out.push(USE_CASES_TARGETED)
            }
        }
        Event::Action { action, outcome } => {
            // An action that could not happen exercises nothing.
            if matches!(outcome, O::Blocked(_)) {
                return out;
            }
            let worked = !matches!(outcome, O::NoEffect | O::Misdirected);
            if outcome == O::Misdirected {
                out.push(WRONG_REMEDY);
            }
            let effect = match action {
                A::BuildSuccessPlan => Some(PLAN_BUILT),
                A::ReviewSuccessPlan => Some(PLAN_REVIEWED),
                A::ReviewAccountData => Some(DATA_REVIEWED),
                A::StakeholderConversation => Some(CONVERSATION),
                A::SiteVisit => Some(OBSERVATION),
                A::AdoptionPlan => Some(ADOPTION_PLAN),
                A::Training => Some(USERS_TRAINED),
                A::Qbr => Some(QBR_HELD),
                A::CaptureSuccess => Some(SUCCESS_CAPTURED),
                A::ExecutiveAlignment if worked => Some(EXECUTIVES_ALIGNED),
                A::EngageServices | A::EscalateToSupport if worked => Some(SERVICES_ENGAGED),
                A::FeatureRequest if worked => Some(BUSINESS_UNIT),
                A::RescopeUseCases if worked => Some(USE_CASES_RESCOPED),
                A::RenewalRiskAnalysis => Some(RISK_ANALYSIS),
                A::MitigationPlan => Some(MITIGATION),
                A::TransitionPlan => Some(TRANSITION),
                A::AdvocacyRequest | A::CaseStudy | A::UserGroupTalk => Some(ADVOCACY),
                A::ProposeAdditionalFeatures
                | A::ProposeNewUseCases
                | A::ProposeAdditionalUserGroups
                | A::ProposeNewSolution
                | A::ProposeChangeManagement => Some(EXPANSION_PROPOSED),
                _ => None,
            };
            out.extend(effect);
            if let O::ExpansionWon(_) = outcome {
                out.push(EXPANSION_WON);
                out.extend(match action {
                    A::ProposeAdditionalFeatures => Some(FEATURES_SOLD),
                    A::ProposeNewUseCases => Some(USE_CASES_SOLD),
                    A::ProposeAdditionalUserGroups => Some(USER_GROUPS_SOLD),
                    A::ProposeNewSolution => Some(SOLUTION_SOLD),
                    A::ProposeChangeManagement => Some(CHANGE_MANAGEMENT_SOLD),
                    _ => None,
                });
            }
            out.extend(touch.map(|t| match t {
                Touch::High => HIGH_TOUCH,
                Touch::Virtual => VIRTUAL_TOUCH,
                Touch::Digital => DIGITAL_TOUCH,
            }));
        }
        // A reading is a decision judged against the dashboard, right or wrong; a right one
        // points at the barriers behind the decline.
        Event::HealthRead { truth, .. } => {
            out.push(HEALTH_READ);
            if let Some(t) = truth {
                out.push(match t {
                    HealthDriver::Usage => USAGE_READ,
                    HealthDriver::Quality => QUALITY_READ,
                    HealthDriver::Sentiment => SENTIMENT_READ,
                    HealthDriver::Finances => FINANCES_READ,
                });
            }
        }
        Event::Campaign {
            action, reached, ..
        } if reached > 0 => out.extend(match action {
            A::AdoptionCampaign => Some(ADOPTION_CAMPAIGN),
            A::OneToManyTraining => Some(WEBINAR),
            A::DigitalRenewalOutreach => Some(RENEWAL_OUTREACH),
            _ => None,
        }),
        Event::Campaign { .. } | Event::ContractStarted { .. } => {}
        Event::Renewed { .. } => {
            out.push(RENEWAL);
            out.extend(renewal_of(who.map(|w| w.model)));
        }
        Event::Downsold { .. } | Event::Churned { .. } => {
            out.push(RENEWAL);
            out.push(CHURN);
            out.extend(renewal_of(who.map(|w| w.model)));
        }
        Event::TrueUp { .. } => out.push(TRUE_UP),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::Blueprint;

    #[test]
    fn every_mechanic_names_real_objectives_and_a_unique_id() {
        let blueprint = Blueprint::get();
        let mut ids = std::collections::BTreeSet::new();
        for m in ALL {
            assert!(ids.insert(m.id), "duplicate mechanic {}", m.id);
            assert!(!m.objectives.is_empty(), "{} exercises nothing", m.id);
            for o in m.objectives {
                assert!(
                    blueprint.objective(o).is_some(),
                    "{}: no objective {o}",
                    m.id
                );
            }
        }
    }

    #[test]
    fn the_exam_guide_lists_every_mechanic() {
        let guide = include_str!("../../docs/exam.md");
        for m in ALL {
            assert!(
                guide.contains(&format!("| `{}` |", m.id)),
                "docs/exam.md does not list the mechanic {}",
                m.id
            );
        }
    }

    #[test]
    fn a_blocked_action_exercises_nothing_and_a_wrong_remedy_only_its_cost() {
        use crate::sim::actions::Blocker;
        let blocked = Event::Action {
            action: ActionKind::Qbr,
            outcome: ActionOutcome::Blocked(Blocker::NeedsCurrentPlan),
        };
        let who = Who {
            touch: Touch::High,
            model: ConsumptionModel::Subscription,
        };
        assert!(of_event(&blocked, Some(who)).is_empty());
        let wrong = Event::Action {
            action: ActionKind::FeatureRequest,
            outcome: ActionOutcome::Misdirected,
        };
        let ids: Vec<&str> = of_event(&wrong, None).iter().map(|m| m.id).collect();
        assert_eq!(ids, ["wrong-remedy"]);
    }
}
