//! What each action does to a customer, depending on the customer's true state: the right
//! response to the right barrier works, the wrong one does little or harms.

use super::{ActionKind, ActionOutcome, Blocker, Family};
use crate::sim::barriers::{Discovery, on_barrier_end};
use crate::sim::customer::{CustomerMutItem, PlanElement, Role};
use crate::sim::health::{HealthModel, true_health};
use crate::sim::journal::{Event, Journal};
use crate::sim::rng::Stream;
use crate::sim::types::{Band, BarrierKind, GapKind, HealthDriver, Stage, Touch};

/// Chance that looking at the data finds a barrier whose symptoms are visible.
fn data_discovery_chance(severity: f32, visible_for: u16) -> f32 {
    (0.35 + 0.4 * severity + 0.15 * f32::from(visible_for)).min(0.95)
}

/// How likely each kind of looking finds each kind of barrier (exam 3.3: observation,
/// conversation, data). `None` means that source cannot see that barrier.
fn discovery_chance(how: Discovery, kind: BarrierKind) -> Option<f32> {
    use BarrierKind::*;
    match (how, kind) {
        (Discovery::Conversation, LostSponsor) => Some(0.95),
        (Discovery::Conversation, MissingFeature) => Some(0.7),
        (Discovery::Conversation, NotAFit) => Some(0.6),
        (Discovery::Conversation, StalledImplementation) => Some(0.5),
        (Discovery::Conversation, QualityIssue) => Some(0.4),
        (Discovery::Observation, StalledImplementation) => Some(0.8),
        (Discovery::Observation, NotAFit) => Some(0.5),
        (Discovery::Observation, QualityIssue) => Some(0.5),
        (Discovery::Observation, MissingFeature) => Some(0.4),
        (Discovery::Process, _) => Some(0.35),
        _ => None,
    }
}

/// The chance that an action, for a customer without a champion, finds a new one: a
/// conversation most often, users met in training or at work less.
fn champion_chance(action: ActionKind) -> Option<f32> {
    match action {
        ActionKind::StakeholderConversation => Some(0.5),
        ActionKind::Training => Some(0.35),
        ActionKind::SiteVisit => Some(0.3),
        _ => None,
    }
}

/// Looks for hidden barriers by one source; returns the kinds found as a bit mask.
fn discover(
    c: &mut CustomerMutItem,
    how: Discovery,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
) -> u8 {
    let mut found = 0u8;
    for kind in BarrierKind::ALL {
        let Some(b) = c.barriers.get(kind).copied() else {
            continue;
        };
        if b.discovered {
            continue;
        }
        let p = match how {
            Discovery::Data => match kind {
                BarrierKind::LostSponsor => None,
                _ if b.symptoms_visible(q) => {
                    Some(data_discovery_chance(b.severity, b.visible_for(q)))
                }
                _ => None,
            },
            // A review works from what has already shown: a barrier that began this
            // quarter has left no trace in it yet.
            Discovery::Process if !b.symptoms_visible(q) => None,
            _ => discovery_chance(how, kind),
        };
        if let Some(p) = p
            && rng.chance(p)
        {
            c.barriers.discover(kind, q);
            journal.push(q, c.id.0, Event::BarrierDiscovered { kind, how });
            found |= 1 << kind.index();
        }
    }
    found
}

/// Writes the plan's RACI with the people in place (2.9): only with the sponsor accountable
/// and the champion responsible both there; otherwise it keeps naming whoever it named.
/// A review rewrites a RACI the plan has; it does not add one.
fn write_raci(c: &mut CustomerMutItem, q: u16, journal: &mut Journal) {
    if !c.stakeholders.owners_present() {
        return;
    }
    if c.plan.raci_outdated(&c.stakeholders) {
        journal.push(q, c.id.0, Event::RaciUpdated);
    }
    c.plan.raci_at = c.stakeholders.changes();
}

/// Goes over the plan's outcome with the sponsor (present): validated if it is what the
/// sponsor wants; otherwise the sponsor corrects it, and it is validated at the next review.
/// Returns whether it was right.
fn validate_with_sponsor(c: &mut CustomerMutItem, q: u16, journal: &mut Journal) -> bool {
    c.plan.outcome_heard = true;
    if c.plan.aligned(c.account) {
        c.plan.add(PlanElement::ValidatedOutcomes);
        return true;
    }
    let from = c.plan.outcome;
    c.plan.outcome = Some(c.account.desired);
    c.plan.outcome_chosen = false;
    c.plan.remove(PlanElement::ValidatedOutcomes);
    journal.push(
        q,
        c.id.0,
        Event::OutcomeCorrected {
            from,
            to: c.account.desired,
        },
    );
    false
}

/// Checks a health reading against what the dashboard showed (2.6): a right one points the
/// CSM at the hidden barriers whose symptoms show in that driver, and may find them.
pub(super) fn check_reading(
    said: HealthDriver,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
) {
    let truth = c.health.main_driver();
    let mut found = 0u8;
    if truth == Some(said) {
        for &kind in said.barriers() {
            let Some(b) = c.barriers.get(kind).copied() else {
                continue;
            };
            if !b.discovered && b.symptoms_visible(q) && rng.chance(super::READING_FINDS) {
                c.barriers.discover(kind, q);
                journal.push(
                    q,
                    c.id.0,
                    Event::BarrierDiscovered {
                        kind,
                        how: Discovery::HealthReading,
                    },
                );
                found |= 1 << kind.index();
            }
        }
    }
    journal.push(q, c.id.0, Event::HealthRead { said, truth, found });
}

fn found(mask: u8) -> ActionOutcome {
    if mask == 0 {
        ActionOutcome::NothingFound
    } else {
        ActionOutcome::Discovered(mask)
    }
}

/// The smallest step of progress that counts as a response to a barrier (§5, growth).
pub const REAL_RESPONSE: f32 = 0.2;

/// Moves a barrier towards resolution; the touch model scales how much lands.
fn progress(
    c: &mut CustomerMutItem,
    kind: BarrierKind,
    amount: f32,
    q: u16,
    by: ActionKind,
    journal: &mut Journal,
) -> ActionOutcome {
    let factor = c.account.touch.effect_factor();
    advance(
        c,
        kind,
        amount * factor,
        amount >= REAL_RESPONSE,
        q,
        by,
        journal,
    )
}

/// Adds progress that has landed to a barrier, resolving it at 1. A real response (not a
/// side effect of other work) keeps the barrier from growing (§5).
fn advance(
    c: &mut CustomerMutItem,
    kind: BarrierKind,
    landed: f32,
    real: bool,
    q: u16,
    by: ActionKind,
    journal: &mut Journal,
) -> ActionOutcome {
    let Some(b) = c.barriers.get_mut(kind) else {
        return ActionOutcome::NoEffect;
    };
    b.progress += landed;
    if real {
        b.last_response = Some(q);
    }
    if b.progress >= 1.0 {
        c.barriers.end(kind, q);
        on_barrier_end(kind, &mut c.stakeholders);
        journal.push(q, c.id.0, Event::BarrierResolved { kind, by: Some(by) });
        ActionOutcome::Resolved(kind)
    } else {
        ActionOutcome::Progressed(kind, b.progress)
    }
}

/// Applies a response that may address several barriers; reports the strongest result.
fn respond(
    c: &mut CustomerMutItem,
    targets: &[(BarrierKind, f32)],
    q: u16,
    by: ActionKind,
    journal: &mut Journal,
) -> ActionOutcome {
    let mut best = ActionOutcome::NoEffect;
    for &(kind, amount) in targets {
        let outcome = progress(c, kind, amount, q, by, journal);
        best = match (best, outcome) {
            (_, ActionOutcome::Resolved(k)) => ActionOutcome::Resolved(k),
            (ActionOutcome::NoEffect, o) => o,
            (b, _) => b,
        };
    }
    if best != ActionOutcome::NoEffect {
        return best;
    }
    superseded(c, targets.iter().map(|t| t.0), q).unwrap_or(best)
}

/// A response that found nothing to act on because its barrier ended earlier this quarter
/// (another right response resolved it, or a quality issue repaired itself): `Superseded`
/// rather than no effect, since it was right when planned.
fn superseded(
    c: &CustomerMutItem,
    kinds: impl IntoIterator<Item = BarrierKind>,
    q: u16,
) -> Option<ActionOutcome> {
    kinds
        .into_iter()
        .find(|&k| !c.barriers.has(k) && c.barriers.ended_in(k, q))
        .map(ActionOutcome::Superseded)
}

/// Carries out a one-to-one action on a customer. A remedy aimed at a problem the customer
/// does not have, while another barrier is open, costs goodwill: the customer sees the CSM
/// working on the wrong thing.
pub(super) fn apply(
    action: ActionKind,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
    model: &HealthModel,
    peer_proof: u8,
) -> ActionOutcome {
    let mut outcome = apply_action(action, c, q, rng, journal, model, peer_proof);
    if c.lifecycle.gap.is_some() && work_on_gap(action, outcome, c, q, rng, journal) {
        // The action's answer was the gap, not a barrier.
        if outcome == ActionOutcome::NoEffect {
            outcome = ActionOutcome::Done;
        }
    }
    if outcome == ActionOutcome::NoEffect
        && action.spec().family == Family::Remedy
        && c.barriers.active().next().is_some()
    {
        c.stakeholders.nudge(Role::Champion, -0.06);
        c.stakeholders.nudge(Role::ExecutiveSponsor, -0.04);
        c.stakeholders.nudge(Role::Users, -0.03);
        return ActionOutcome::Misdirected;
    }
    outcome
}

/// The chance that an action finds an open gap in the baseline of this kind (2.5): the data
/// shows missing integrations, watching the work shows unchanged processes (and who is
/// short of skills), the users tell of all three, what they lack in people and skills most
/// surely.
pub fn gap_finding_chance(action: ActionKind, gap: GapKind) -> Option<f32> {
    match (action, gap) {
        (ActionKind::ReviewAccountData, GapKind::Tools) => Some(0.6),
        (ActionKind::SiteVisit, GapKind::Processes) => Some(0.7),
        (ActionKind::SiteVisit, GapKind::Staff) => Some(0.3),
        (ActionKind::StakeholderConversation, GapKind::Staff) => Some(0.5),
        (ActionKind::StakeholderConversation, GapKind::Processes) => Some(0.3),
        (ActionKind::StakeholderConversation, GapKind::Tools) => Some(0.2),
        (ActionKind::Training, GapKind::Staff) => Some(0.5),
        _ => None,
    }
}

/// Whether an action closes a found gap of this kind: services put the integrations in
/// place, a phased re-plan with the process changes as milestones or change-management
/// services change the processes, training builds the skills.
pub fn closes_gap(action: ActionKind, outcome: ActionOutcome, gap: GapKind) -> bool {
    match (action, gap) {
        (ActionKind::EngageServices, GapKind::Tools) => true,
        (ActionKind::PhasedReplan, GapKind::Processes) => true,
        (ActionKind::ProposeChangeManagement, GapKind::Processes) => {
            matches!(outcome, ActionOutcome::ExpansionWon(_))
        }
        (ActionKind::Training, GapKind::Staff) => true,
        _ => false,
    }
}

/// Finds or closes the customer's open gap, if the action does either; returns whether it
/// closed it.
fn work_on_gap(
    action: ActionKind,
    outcome: ActionOutcome,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
) -> bool {
    let Some(gap) = c.lifecycle.gap else {
        return false;
    };
    if matches!(outcome, ActionOutcome::Blocked(_)) {
        return false;
    }
    match c.lifecycle.gap_found_in {
        None => {
            if let Some(p) = gap_finding_chance(action, gap)
                && rng.chance(p)
            {
                c.lifecycle.gap_found_in = Some(q as i16);
                journal.push(q, c.id.0, Event::GapFound { gap, by: action });
            }
            false
        }
        Some(_) if closes_gap(action, outcome, gap) => {
            c.lifecycle.gap = None;
            c.lifecycle.gap_found_in = None;
            journal.push(q, c.id.0, Event::GapClosed { gap, by: action });
            true
        }
        Some(_) => false,
    }
}

fn apply_action(
    action: ActionKind,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
    model: &HealthModel,
    peer_proof: u8,
) -> ActionOutcome {
    use ActionKind as A;
    let qi = q as i16;
    if c.lifecycle.stage == Stage::Churned {
        return ActionOutcome::Blocked(Blocker::Churned);
    }
    let f = c.account.touch.effect_factor();
    // A hand-off is a note to another team, not time with the customer.
    if action != A::ReviewAccountData && crate::sim::requests::team_of(action).is_none() {
        c.engagement.last_touch = Some(qi);
    }
    let sponsor_present = c.stakeholders.sponsor_present();
    // Without a champion, meeting the customer's people is how a new one is found (2.2).
    if !c.stakeholders.get(Role::Champion).present
        && let Some(p) = champion_chance(action)
        && rng.chance(p)
    {
        c.stakeholders.arrive(Role::Champion, 0.1);
        journal.push(q, c.id.0, Event::ChampionFound { by: action });
    }
    match action {
        A::HandToSupport | A::HandToServices | A::HandToAccountManager => {
            let team = crate::sim::requests::team_of(action).expect("a hand-off");
            let open = c.engagement.open_request(qi);
            if !crate::sim::requests::hand_off(team, c, q, rng, journal) {
                return ActionOutcome::Blocked(Blocker::NoOpenRequest);
            }
            match open {
                Some(r) if r.kind.right_team() == team => ActionOutcome::Done,
                _ => ActionOutcome::Misrouted,
            }
        }
        A::ReviewAccountData => {
            // The data is the account's baseline (2.5).
            c.plan.baseline = true;
            found(discover(c, Discovery::Data, q, rng, journal))
        }
        A::StakeholderConversation => {
            c.stakeholders.nudge_customer_side(0.05 * f);
            // The sponsor says what the business wants from the purchase (2.3).
            if sponsor_present {
                c.plan.outcome_heard = true;
            }
            // The champion says which work the outcome depends on first (2.8).
            if c.stakeholders.get(Role::Champion).present {
                c.plan.use_case_heard = true;
            }
            found(discover(c, Discovery::Conversation, q, rng, journal))
        }
        A::SiteVisit => {
            c.stakeholders.nudge(Role::Champion, 0.05 * f);
            // The champion shows the work the customer's outcome depends on first (2.8).
            if c.stakeholders.get(Role::Champion).present {
                c.plan.use_case_heard = true;
            }
            found(discover(c, Discovery::Observation, q, rng, journal))
        }
        A::BuildSuccessPlan => {
            // The RACI with the people in place (2.9); without them it names whoever it did.
            write_raci(c, q, journal);
            for e in [
                PlanElement::Products,
                PlanElement::StakeholderRoles,
                PlanElement::CriticalSuccessFactors,
                PlanElement::Kpis,
                PlanElement::UseCases,
                PlanElement::Raci,
            ] {
                c.plan.add(e);
            }
            c.plan.last_reviewed = Some(qi);
            // The plan aims at what the CSM has learned: the sponsor's outcome if heard, the
            // account manager's notes of what was sold if not, the trainee's own choice if
            // one was written (2.3).
            if !c.plan.outcome_chosen || c.plan.outcome.is_none() {
                c.plan.outcome = Some(c.plan.best_known(c.account));
            }
            // Its use cases: the champion's if seen, the vendor's standard rollout if not, the
            // trainee's own choice if one was written (2.8).
            if !c.plan.use_case_chosen || c.plan.use_case.is_none() {
                c.plan.use_case = Some(c.plan.best_known_use_case(c.account));
            }
            if let Some(use_case) = c.plan.use_case {
                journal.push(
                    q,
                    c.id.0,
                    Event::UseCasesWritten {
                        use_case,
                        targeted: c.plan.use_cases_targeted(c.account),
                    },
                );
            }
            if sponsor_present {
                // Validated only if it is what the sponsor wants.
                if c.plan.aligned(c.account) {
                    c.plan.add(PlanElement::ValidatedOutcomes);
                    c.stakeholders.nudge(Role::ExecutiveSponsor, 0.05 * f);
                } else {
                    c.plan.remove(PlanElement::ValidatedOutcomes);
                }
            } else if c.barriers.discover(BarrierKind::LostSponsor, q) {
                journal.push(
                    q,
                    c.id.0,
                    Event::BarrierDiscovered {
                        kind: BarrierKind::LostSponsor,
                        how: Discovery::Process,
                    },
                );
            }
            ActionOutcome::Done
        }
        A::ReviewSuccessPlan => {
            if c.plan.elements.count_ones() < 3 {
                return ActionOutcome::Blocked(Blocker::NeedsSuccessPlan);
            }
            c.plan.last_reviewed = Some(qi);
            if sponsor_present {
                validate_with_sponsor(c, q, journal);
                // An opportunity surfaced is agreed into the plan with the sponsor (5.4), once
                // no known problem stands in its way.
                if c.engagement.expansion_opportunity
                    && !c.engagement.expansion_in_plan
                    && c.barriers.known().next().is_none()
                {
                    c.engagement.expansion_in_plan = true;
                    journal.push(q, c.id.0, Event::ExpansionPlanned);
                }
            } else {
                // Outcomes validated with a sponsor who has gone are no longer validated, nor
                // the expansion agreed with them.
                c.plan.remove(PlanElement::ValidatedOutcomes);
                c.engagement.expansion_in_plan = false;
            }
            if c.plan.has(PlanElement::Raci) {
                write_raci(c, q, journal);
            }
            // The use cases are put right once the champion has told what the work depends
            // on (2.8): a review goes over the plan with the customer's people.
            if c.plan.use_case_heard
                && c.plan.has(PlanElement::UseCases)
                && c.plan.use_case != Some(c.account.use_case)
            {
                c.plan.use_case = Some(c.account.use_case);
                c.plan.use_case_chosen = false;
                journal.push(
                    q,
                    c.id.0,
                    Event::UseCasesWritten {
                        use_case: c.account.use_case,
                        targeted: true,
                    },
                );
            }
            // Re-validating outcomes is part of answering a stall (domain.md §4), a small part.
            match respond(
                c,
                &[(BarrierKind::StalledImplementation, 0.1)],
                q,
                action,
                journal,
            ) {
                ActionOutcome::NoEffect => ActionOutcome::Done,
                o => o,
            }
        }
        A::AdoptionPlan => {
            c.engagement.adoption_plan = Some(qi);
            // Its prioritised success focus is the plan's outcome (4.1.b): aimed at what the
            // customer wants, the feature matrix turns on the features that outcome needs
            // first (4.1.d) and the time-to-value timeline aims at it (4.1.c); aimed at
            // nothing or the wrong thing, it rolls out at half the pace.
            let focused = c.plan.aligned(c.account);
            c.engagement.adoption_focused = focused;
            let lift = if focused { 0.2 } else { 0.1 };
            // A stalled rollout does not move for a plan; it needs the stall answered first.
            let stalled = c
                .barriers
                .get(BarrierKind::StalledImplementation)
                .map_or(0.0, |b| b.effective());
            c.lifecycle.deployment = (c.lifecycle.deployment + lift * f * (1.0 - stalled)).min(1.0);
            c.signals.utilisation = (c.signals.utilisation + 0.03 * f).min(1.0);
            if focused {
                c.signals.features_in_use =
                    (c.signals.features_in_use + 1).min(c.signals.features_total);
            }
            journal.push(
                q,
                c.id.0,
                Event::AdoptionPlanned {
                    focus: c.plan.outcome,
                    focused,
                },
            );
            // An onboarding plan, not a remedy: a stalled rollout needs re-planning (3.4.a).
            ActionOutcome::Done
        }
        A::Training => {
            c.signals.utilisation = (c.signals.utilisation + 0.06 * f).min(1.0);
            c.signals.features_in_use =
                (c.signals.features_in_use + 1).min(c.signals.features_total);
            c.stakeholders.nudge(Role::Users, 0.1 * f);
            // Training helps people use what works; it fixes no barrier.
            ActionOutcome::Done
        }
        A::Qbr => {
            if !sponsor_present {
                if c.barriers.discover(BarrierKind::LostSponsor, q) {
                    journal.push(
                        q,
                        c.id.0,
                        Event::BarrierDiscovered {
                            kind: BarrierKind::LostSponsor,
                            how: Discovery::Process,
                        },
                    );
                }
                return ActionOutcome::Blocked(Blocker::SponsorGone);
            }
            if !(c.plan.is_current(qi) && c.plan.elements.count_ones() >= 5) {
                return ActionOutcome::Blocked(Blocker::NeedsCurrentPlan);
            }
            // Value shown against what the sponsor wants, measured from a baseline, lands
            // in full; a review of the vendor's goals, or of results with nothing to compare
            // them with, much less (2.10, 4.5).
            let aligned = validate_with_sponsor(c, q, journal);
            let shown = match (aligned, c.plan.baseline) {
                (true, true) => 1.0,
                (true, false) => 0.7,
                (false, _) => 0.4,
            };
            c.stakeholders
                .nudge(Role::ExecutiveSponsor, 0.2 * f * shown);
            c.stakeholders.nudge(Role::Champion, 0.1 * f);
            c.plan.last_reviewed = Some(qi);
            c.engagement.last_qbr = Some(qi);
            let mask = discover(c, Discovery::Process, q, rng, journal);
            if c.lifecycle.outcomes_achieved > 0 && !c.barriers.any_known() {
                c.engagement.expansion_opportunity = true;
            }
            if mask == 0 {
                ActionOutcome::Done
            } else {
                ActionOutcome::Discovered(mask)
            }
        }
        A::CaptureSuccess => {
            if c.lifecycle.outcomes_achieved <= c.engagement.success_captured {
                return ActionOutcome::Blocked(Blocker::NoNewOutcome);
            }
            c.engagement.success_captured = c.lifecycle.outcomes_achieved;
            // A success told against a baseline and the outcome the customer wanted is a
            // story the sponsor retells; without them it is a pleasant anecdote (4.2.d).
            let told = if c.plan.baseline && c.plan.aligned(c.account) {
                1.0
            } else {
                0.5
            };
            c.stakeholders.nudge(Role::ExecutiveSponsor, 0.1 * f * told);
            c.stakeholders.nudge(Role::Champion, 0.1 * f * told);
            c.signals.nps = (c.signals.nps + 5.0 * told).min(100.0);
            ActionOutcome::Done
        }
        A::PhasedReplan => respond(
            c,
            &[(BarrierKind::StalledImplementation, 0.5)],
            q,
            action,
            journal,
        ),
        A::EngageServices => respond(
            c,
            &[(BarrierKind::StalledImplementation, 0.6)],
            q,
            action,
            journal,
        ),
        A::ExecutiveEscalation => {
            let o = respond(
                c,
                &[
                    (BarrierKind::StalledImplementation, 0.3),
                    (BarrierKind::QualityIssue, 0.35),
                ],
                q,
                action,
                journal,
            );
            if o == ActionOutcome::NoEffect {
                // Escalating when nothing is wrong spends credibility with both sides.
                c.stakeholders.nudge(Role::AccountManager, -0.1);
                c.stakeholders.nudge(Role::ExecutiveSponsor, -0.1);
                ActionOutcome::Backfired
            } else {
                o
            }
        }
        A::FindNewSponsor => {
            if !c.barriers.has(BarrierKind::LostSponsor) {
                return superseded(c, [BarrierKind::LostSponsor], q)
                    .unwrap_or(ActionOutcome::NoEffect);
            }
            let champion = *c.stakeholders.get(Role::Champion);
            let amount = if champion.present {
                0.6 * (0.7 + 0.3 * champion.sentiment.max(0.0))
            } else {
                0.35
            };
            respond(c, &[(BarrierKind::LostSponsor, amount)], q, action, journal)
        }
        A::ExecutiveAlignment => {
            if sponsor_present {
                c.plan.outcome_heard = true;
                c.stakeholders.nudge(Role::ExecutiveSponsor, 0.15 * f);
                ActionOutcome::Done
            } else {
                respond(c, &[(BarrierKind::LostSponsor, 0.4)], q, action, journal)
            }
        }
        A::FeatureRequest => {
            let o = respond(
                c,
                &[(BarrierKind::MissingFeature, 0.35)],
                q,
                action,
                journal,
            );
            if o != ActionOutcome::NoEffect {
                c.stakeholders.nudge(Role::Champion, 0.05 * f);
            }
            o
        }
        A::Workaround => {
            let o = respond(c, &[(BarrierKind::MissingFeature, 0.4)], q, action, journal);
            if o != ActionOutcome::NoEffect {
                c.signals.features_in_use =
                    (c.signals.features_in_use + 1).min(c.signals.features_total);
            }
            o
        }
        A::EscalateToSupport => {
            let o = respond(c, &[(BarrierKind::QualityIssue, 0.5)], q, action, journal);
            if o != ActionOutcome::NoEffect {
                c.signals.csat = (c.signals.csat + 0.2).min(5.0);
            }
            o
        }
        A::RecoveryPlan => {
            let o = respond(c, &[(BarrierKind::QualityIssue, 0.4)], q, action, journal);
            if o != ActionOutcome::NoEffect {
                c.stakeholders.nudge(Role::Users, 0.05 * f);
                c.stakeholders.nudge(Role::ExecutiveSponsor, 0.05 * f);
            }
            o
        }
        A::RescopeUseCases => {
            let o = respond(
                c,
                &[
                    (BarrierKind::NotAFit, 0.5),
                    (BarrierKind::MissingFeature, 0.3),
                ],
                q,
                action,
                journal,
            );
            if o != ActionOutcome::NoEffect {
                c.plan.add(PlanElement::UseCases);
                if !c.plan.use_case_chosen || c.plan.use_case.is_none() {
                    c.plan.use_case = Some(c.plan.best_known_use_case(c.account));
                }
            }
            o
        }
        A::RenewalRiskAnalysis => {
            c.engagement.renewal_work_from =
                Some(c.engagement.renewal_work_from.map_or(qi, |w| w.min(qi)));
            found(discover(c, Discovery::Process, q, rng, journal))
        }
        A::MitigationPlan => {
            if c.engagement.renewal_work_from.is_none() {
                return ActionOutcome::Blocked(Blocker::NeedsRiskAnalysis);
            }
            // It mitigates the renewal risks found (§9); it fixes no barrier by itself.
            c.engagement.mitigation_plan = Some(qi);
            c.stakeholders.nudge(Role::ExecutiveSponsor, 0.05 * f);
            ActionOutcome::Done
        }
        A::TransitionPlan => {
            c.engagement.transition_plan = Some(qi);
            c.stakeholders.nudge(Role::ExecutiveSponsor, 0.05 * f);
            ActionOutcome::Done
        }
        A::ProposeAdditionalFeatures
        | A::ProposeNewUseCases
        | A::ProposeAdditionalUserGroups
        | A::ProposeNewSolution
        | A::ProposeChangeManagement => propose_expansion(action, c, qi, rng, model, peer_proof),
        A::AdvocacyRequest | A::CaseStudy | A::UserGroupTalk => ask_for_advocacy(action, c),
        A::AdoptionCampaign | A::OneToManyTraining | A::DigitalRenewalOutreach => {
            ActionOutcome::Blocked(Blocker::NeedsSegmentTarget)
        }
    }
}

/// The bit of a form of advocacy in `Engagement::advocacy` (0: not advocacy).
pub fn advocacy_bit(action: ActionKind) -> u8 {
    match action {
        ActionKind::AdvocacyRequest => 1,
        ActionKind::CaseStudy => 2,
        ActionKind::UserGroupTalk => 4,
        _ => 0,
    }
}

/// How much peer proof a customer's advocacy gives the others in its segment: a reference
/// or a talk one point, a case study with measured results two.
pub fn peer_points(advocacy: u8) -> u8 {
    (advocacy & 1) + (advocacy >> 1 & 1) * 2 + (advocacy >> 2 & 1)
}

/// Peer proof counts up to this many points; each adds [`PEER_PROOF`] to the chance that a
/// fitting expansion is bought.
pub const PEER_PROOF_CAP: u8 = 3;
pub const PEER_PROOF: f32 = 0.04;

/// Whether the customer is ready to advocate, truly (4.6): a promoter (NPS 50 or more),
/// its people warm (mean mood 0.4 or more), and no barrier open, found or not.
fn ready_to_advocate(c: &CustomerMutItem) -> bool {
    c.signals.nps >= 50.0
        && c.stakeholders.mean_customer_sentiment() >= 0.4
        && c.barriers.active().next().is_none()
}

/// A request for advocacy (4.6). A customer ready to advocate gives it, and the relationship
/// warms; one that is not (unhappy, or with a problem open) feels used, and a case study
/// asked before there are results to tell costs goodwill too.
fn ask_for_advocacy(action: ActionKind, c: &mut CustomerMutItem) -> ActionOutcome {
    use ActionKind as A;
    let bit = advocacy_bit(action);
    if c.engagement.advocacy & bit != 0 {
        return ActionOutcome::Blocked(Blocker::AdvocacyGiven);
    }
    if action == A::UserGroupTalk && !c.stakeholders.get(Role::Champion).present {
        return ActionOutcome::Blocked(Blocker::NeedsChampion);
    }
    let ready = ready_to_advocate(c);
    let results = c.lifecycle.outcomes_achieved >= 1;
    match action {
        A::CaseStudy if ready && results => {
            c.engagement.advocacy |= bit;
            c.stakeholders.nudge(Role::ExecutiveSponsor, 0.08);
            c.stakeholders.nudge(Role::Champion, 0.05);
            ActionOutcome::Done
        }
        // A promoter with nothing measured to tell yet: the ask comes too early.
        A::CaseStudy if ready => {
            c.stakeholders.nudge(Role::ExecutiveSponsor, -0.06);
            ActionOutcome::Backfired
        }
        A::UserGroupTalk if ready => {
            c.engagement.advocacy |= bit;
            c.stakeholders.nudge(Role::Champion, 0.1);
            c.stakeholders.nudge(Role::Users, 0.04);
            ActionOutcome::Done
        }
        _ if ready => {
            c.engagement.advocacy |= bit;
            c.stakeholders.nudge(Role::ExecutiveSponsor, 0.05);
            ActionOutcome::Done
        }
        _ => {
            c.stakeholders.nudge(Role::ExecutiveSponsor, -0.1);
            c.stakeholders.nudge(Role::Champion, -0.1);
            ActionOutcome::Backfired
        }
    }
}

/// The bit of an expansion kind in `Engagement::expansions_proposed`.
pub fn expansion_bit(action: ActionKind) -> u8 {
    match action {
        ActionKind::ProposeAdditionalFeatures => 1,
        ActionKind::ProposeNewUseCases => 2,
        ActionKind::ProposeAdditionalUserGroups => 4,
        ActionKind::ProposeNewSolution => 8,
        ActionKind::ProposeChangeManagement => 16,
        _ => 0,
    }
}

/// Whether an expansion of this kind fits the customer's state (5.1 a–e). Every kind but
/// change management also needs value the customer has seen: a business outcome.
fn expansion_fits(action: ActionKind, c: &CustomerMutItem) -> bool {
    let sponsor = c.stakeholders.get(Role::ExecutiveSponsor);
    let value_seen = c.lifecycle.outcomes_achieved >= 1;
    match action {
        ActionKind::ProposeAdditionalFeatures => value_seen && c.signals.feature_share() >= 0.7,
        ActionKind::ProposeNewUseCases => value_seen && c.plan.has(PlanElement::UseCases),
        ActionKind::ProposeAdditionalUserGroups => value_seen && c.signals.utilisation >= 0.85,
        ActionKind::ProposeNewSolution => {
            c.lifecycle.outcomes_achieved >= 2 && sponsor.present && sponsor.sentiment > 0.3
        }
        ActionKind::ProposeChangeManagement => {
            sponsor.present
                && sponsor.sentiment > 0.0
                && c.lifecycle.stage >= Stage::Implement
                && (c.signals.utilisation < 0.6
                    || c.barriers.has(BarrierKind::StalledImplementation))
        }
        _ => false,
    }
}

/// The share of ARR an accepted expansion of this kind adds.
pub fn expansion_uplift(action: ActionKind) -> f32 {
    match action {
        ActionKind::ProposeAdditionalFeatures => 0.10,
        ActionKind::ProposeNewUseCases => 0.15,
        ActionKind::ProposeAdditionalUserGroups => 0.20,
        ActionKind::ProposeNewSolution => 0.30,
        ActionKind::ProposeChangeManagement => 0.08,
        _ => 0.0,
    }
}

/// What an expansion opportunity written into the success plan adds to a fitting
/// proposal's chance.
pub const EXPANSION_IN_PLAN: f32 = 0.1;

/// Quarters after a declined or ill-fitting proposal during which the door stays closed.
pub const EXPANSION_DOOR_CLOSED: i16 = 2;

fn propose_expansion(
    action: ActionKind,
    c: &mut CustomerMutItem,
    q: i16,
    rng: &mut Stream,
    model: &HealthModel,
    peer_proof: u8,
) -> ActionOutcome {
    if c.engagement.expansions_proposed & expansion_bit(action) != 0 {
        return ActionOutcome::Blocked(Blocker::ProposedThisTerm);
    }
    if c.engagement.expansion_closed_until.is_some_and(|u| q <= u) {
        return ActionOutcome::Blocked(Blocker::ExpansionDoorClosed);
    }
    c.engagement.expansions_proposed |= expansion_bit(action);
    // A customer fighting an open barrier is not buying more, whatever else fits; only
    // change management is itself an answer to a stalled rollout (5.1.e).
    let troubled = c.barriers.active().any(|b| {
        b.effective() > 0.15
            && !(action == ActionKind::ProposeChangeManagement
                && b.kind == BarrierKind::StalledImplementation)
    });
    let fits = expansion_fits(action, c) && !troubled;
    let true_band_green = true_health(
        model,
        &c.signals,
        &c.stakeholders,
        &c.engagement,
        &c.plan,
        &c.lifecycle,
        q,
    ) >= 76.0;
    // An ill-fitting proposal is never bought.
    let p = if fits {
        (0.25
            + if c.engagement.expansion_opportunity {
                0.25
            } else {
                0.0
            }
            + 0.1 * f32::from(c.lifecycle.outcomes_achieved.min(2))
            + if true_band_green { 0.15 } else { 0.0 }
            // An opportunity the customer agreed into its success plan (5.4).
            + if c.engagement.expansion_in_plan { EXPANSION_IN_PLAN } else { 0.0 }
            // Other customers in the segment who vouch for the product (4.6).
            + PEER_PROOF * f32::from(peer_proof.min(PEER_PROOF_CAP)))
        .clamp(0.02, 0.9)
    } else {
        0.0
    };
    if p > 0.0 && rng.chance(p) {
        let added = (c.contract.arr as f32 * expansion_uplift(action)).round() as i64;
        c.contract.arr += added;
        if action == ActionKind::ProposeAdditionalUserGroups {
            c.contract.licences += (c.contract.licences as f32 * 0.2).ceil() as u32;
            // The same people use more seats less intensely at first.
            c.signals.utilisation /= 1.2;
        }
        c.engagement.expansion_opportunity = false;
        c.engagement.expansion_in_plan = false;
        return ActionOutcome::ExpansionWon(added);
    }
    // Declined: the door closes for a while, and the opportunity (if any) is spent.
    c.engagement.expansion_closed_until = Some(q + EXPANSION_DOOR_CLOSED);
    c.engagement.expansion_opportunity = false;
    c.engagement.expansion_in_plan = false;
    if troubled || c.health.band == Band::Red || !fits {
        // Pitching what does not fit, or to a customer with open problems, reads as not
        // listening: goodwill falls, the door stays shut for the term, and the customer
        // remembers it at the renewal (§9).
        c.stakeholders.nudge(Role::ExecutiveSponsor, -0.12);
        c.stakeholders.nudge(Role::Champion, -0.08);
        c.engagement.pushed_this_term = true;
        c.engagement.expansion_closed_until =
            Some(c.contract.renewal_quarter.max(q + EXPANSION_DOOR_CLOSED));
        ActionOutcome::Backfired
    } else {
        c.stakeholders.nudge(Role::ExecutiveSponsor, -0.03);
        ActionOutcome::ExpansionDeclined
    }
}

/// Progress a one-to-many programme makes on one customer's barrier, scaled by its reach.
fn campaign_progress(
    c: &mut CustomerMutItem,
    kind: BarrierKind,
    amount: f32,
    q: u16,
    by: ActionKind,
    journal: &mut Journal,
) {
    // A programme counts as answering the barrier for the tail it is built for.
    let real = c.account.touch == Touch::Digital;
    advance(c, kind, amount, real, q, by, journal);
}

/// How strongly a one-to-many action reaches a customer of this touch model: it is built
/// for the digital tail (1.9.c); named accounts hardly notice a webinar.
pub fn one_to_many_reach(touch: Touch) -> f32 {
    match touch {
        Touch::Digital => 1.0,
        Touch::Virtual => 0.5,
        Touch::High => 0.15,
    }
}

/// Carries out a one-to-many action for one customer of the segment; returns whether it
/// surfaced an expansion opportunity.
pub(super) fn apply_one_to_many(
    action: ActionKind,
    c: &mut CustomerMutItem,
    q: u16,
    rng: &mut Stream,
    journal: &mut Journal,
) -> bool {
    let qi = q as i16;
    // One-to-many reaches people with less force than a named CSM would.
    let reach = one_to_many_reach(c.account.touch);
    match action {
        ActionKind::AdoptionCampaign => {
            let u = c.signals.utilisation;
            c.signals.utilisation = (u + 0.06 * reach * (1.0 - u)).min(1.0);
            // The digital tail's answer to a stalled rollout: guided onboarding at scale.
            campaign_progress(
                c,
                BarrierKind::StalledImplementation,
                0.2 * reach,
                q,
                action,
                journal,
            );
            if c.signals.utilisation >= 0.75 && c.barriers.active().next().is_none() {
                c.engagement.expansion_opportunity = true;
                return true;
            }
            false
        }
        ActionKind::OneToManyTraining => {
            c.signals.utilisation = (c.signals.utilisation + 0.02 * reach).min(1.0);
            if rng.chance(0.5 * reach) {
                c.signals.features_in_use =
                    (c.signals.features_in_use + 1).min(c.signals.features_total);
            }
            c.stakeholders.nudge(Role::Users, 0.05 * reach);
            // Recorded how-tos carry the workarounds for a missing feature to the tail.
            campaign_progress(
                c,
                BarrierKind::MissingFeature,
                0.15 * reach,
                q,
                action,
                journal,
            );
            false
        }
        ActionKind::DigitalRenewalOutreach => {
            // Automated touchpoints are renewal work for the digital tail only; a named or
            // pooled CSM's customer expects a person to work the renewal (5.5).
            if c.account.touch == Touch::Digital && c.contract.renewal_quarter - qi <= 1 {
                c.engagement.renewal_work_from =
                    Some(c.engagement.renewal_work_from.map_or(qi, |w| w.min(qi)));
                c.engagement.last_touch = Some(qi);
            }
            false
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_discovery_grows_with_severity_and_time_and_is_capped() {
        assert!(data_discovery_chance(0.9, 1) > data_discovery_chance(0.2, 1));
        assert!(data_discovery_chance(0.5, 3) > data_discovery_chance(0.5, 1));
        assert!(data_discovery_chance(1.0, 10) <= 0.95);
    }

    #[test]
    fn conversation_finds_a_lost_sponsor_and_data_cannot() {
        assert!(discovery_chance(Discovery::Conversation, BarrierKind::LostSponsor).unwrap() > 0.9);
        assert_eq!(
            discovery_chance(Discovery::Data, BarrierKind::LostSponsor),
            None
        );
    }

    #[test]
    fn bigger_expansions_add_more() {
        assert!(
            expansion_uplift(ActionKind::ProposeNewSolution)
                > expansion_uplift(ActionKind::ProposeAdditionalFeatures)
        );
        assert_eq!(expansion_uplift(ActionKind::Qbr), 0.0);
    }
}
