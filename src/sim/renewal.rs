//! Renewals, downsell and churn (exam 1.8, 5.5, 5.6): decided at the end of the renewal
//! quarter from the customer's true health, its sponsor, open barriers and how early the
//! renewal was worked.

use bevy::prelude::*;
use serde::Serialize;

use super::ScenarioRes;
use super::barriers::Barriers;
use super::clock::Clock;
use super::customer::SuccessPlan;
use super::customer::{Contract, CustomerId, Engagement, Lifecycle, Role, Signals, Stakeholders};
use super::debug_assert_in_id_order;
use super::health::true_health;
use super::journal::{Event, Journal};
use super::metrics::Tally;
use super::rng::SimRng;
use super::types::{BarrierKind, ConsumptionModel, Stage};

/// The reasons behind a renewal decision, as bits, so the journal can explain it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Factors(pub u32);

impl Factors {
    pub const SPONSOR_MISSING: u32 = 1 << 0;
    pub const HEALTH_RED: u32 = 1 << 1;
    pub const HEALTH_GREEN: u32 = 1 << 2;
    pub const NO_RENEWAL_WORK: u32 = 1 << 3;
    pub const LATE_RENEWAL_WORK: u32 = 1 << 4;
    pub const EARLY_RENEWAL_WORK: u32 = 1 << 5;
    pub const MITIGATION_PLAN: u32 = 1 << 6;
    pub const RECENT_QBR: u32 = 1 << 7;
    pub const AUTO_RENEW: u32 = 1 << 8;
    pub const OUTCOMES: u32 = 1 << 9;
    pub const TRANSITION_PLAN: u32 = 1 << 10;
    pub const WEAK_FINANCES: u32 = 1 << 11;
    pub const LOW_UTILISATION: u32 = 1 << 12;
    pub const PUSHED: u32 = 1 << 13;
    pub const NO_CHAMPION: u32 = 1 << 14;
    /// Support on licences already paid for (CapEx spent): sticky (1.6.a, 1.6.d).
    pub const LICENCE: u32 = 1 << 15;
    /// Bits 16–20: a barrier of that kind was still open.
    pub const BARRIER_SHIFT: u32 = 16;
    /// A gap in the account's baseline was still open (2.5).
    pub const OPEN_GAP: u32 = 1 << 21;

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    fn set(&mut self, bit: u32) {
        self.0 |= bit;
    }

    pub fn open_barriers(self) -> impl Iterator<Item = BarrierKind> {
        BarrierKind::ALL
            .into_iter()
            .filter(move |k| self.0 & (1 << (Self::BARRIER_SHIFT + k.index() as u32)) != 0)
    }

    /// Whether anything stood against the renewal (what `i18n::factors` lists first).
    pub fn anything_against(self) -> bool {
        !self.sides().0.is_empty()
    }

    /// What stood against the renewal and what helped it, each a word `i18n::factors` puts
    /// into the reader's language.
    pub fn sides(self) -> (Vec<FactorWord>, Vec<FactorWord>) {
        let mut against = Vec::new();
        let mut helped = Vec::new();
        for k in self.open_barriers() {
            against.push(FactorWord::Barrier(k));
        }
        // Each bit, whether it helped, and the message that names it.
        let words: [(u32, bool, &'static str); 17] = [
            (Self::OPEN_GAP, false, "factor-open-gap"),
            (Self::PUSHED, false, "factor-pushed"),
            (Self::SPONSOR_MISSING, false, "factor-no-sponsor"),
            (Self::HEALTH_RED, false, "factor-red"),
            (Self::NO_RENEWAL_WORK, false, "factor-no-renewal-work"),
            (Self::LATE_RENEWAL_WORK, false, "factor-late-renewal-work"),
            (Self::WEAK_FINANCES, false, "factor-weak-finances"),
            (Self::NO_CHAMPION, false, "factor-no-champion"),
            (Self::LICENCE, true, "factor-licence"),
            (Self::LOW_UTILISATION, false, "factor-low-utilisation"),
            (Self::HEALTH_GREEN, true, "factor-green"),
            (Self::EARLY_RENEWAL_WORK, true, "factor-early-renewal-work"),
            (Self::MITIGATION_PLAN, true, "factor-mitigation-plan"),
            (Self::RECENT_QBR, true, "factor-recent-qbr"),
            (Self::AUTO_RENEW, true, "factor-auto-renew"),
            (Self::OUTCOMES, true, "factor-outcomes"),
            (Self::TRANSITION_PLAN, true, "factor-transition-plan"),
        ];
        for (bit, good, id) in words {
            if self.has(bit) {
                if good {
                    helped.push(FactorWord::Word(id))
                } else {
                    against.push(FactorWord::Word(id))
                }
            }
        }
        (against, helped)
    }
}

/// One reason behind a renewal: an open barrier, or a message id for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactorWord {
    Barrier(BarrierKind),
    Word(&'static str),
}

/// Everything the renewal decision looks at.
#[derive(Debug, Clone, Copy)]
pub struct RenewalInputs {
    pub true_health: f32,
    pub sponsor_present: bool,
    /// Effective severity of each open barrier, by kind.
    pub barriers: [f32; 5],
    /// The open barriers the CSM has found and answered with a right response this term, a
    /// bit per kind: the risks a mitigation plan can mitigate.
    pub known_barriers: u8,
    /// Quarters between the start of renewal work and the renewal quarter (None: never).
    pub lead: Option<i16>,
    pub mitigation_plan: bool,
    pub transition_plan: bool,
    pub recent_qbr: bool,
    /// An ill-fitting expansion was pushed this term.
    pub pushed: bool,
    pub auto_renew: bool,
    pub outcomes: u8,
    pub financial_health: f32,
    pub utilisation: f32,
    pub champion_present: bool,
    pub consumption: ConsumptionModel,
    /// A gap in the account's baseline is still open (2.5).
    pub gap_open: bool,
}

/// How much an open barrier of each kind weighs against renewal, per unit of severity.
pub fn barrier_weight(kind: BarrierKind) -> f32 {
    match kind {
        BarrierKind::StalledImplementation => 1.0,
        BarrierKind::LostSponsor => 0.2,
        BarrierKind::MissingFeature => 0.8,
        BarrierKind::QualityIssue => 1.0,
        BarrierKind::NotAFit => 1.5,
    }
}

/// The logit lost per unit of `weight × effective severity` of an open barrier.
pub const BARRIER_PENALTY: f32 = 5.0;
/// The logit lost at renewal when an expansion that did not fit was pushed this term.
pub const PUSHED_PENALTY: f32 = 0.6;
/// Progress at which the CSM's right responses count as working a barrier.
pub const WORKED_PROGRESS: f32 = 0.25;
/// The logit a support renewal on licences already bought gains: the capital is spent and
/// replacing the software would cost more (1.6.a).
pub const LICENCE_STICKINESS: f32 = 0.5;
/// The logit an enterprise agreement's renewal gains: it covers a portfolio, co-termed to
/// one date, and is hard to unwind (1.6.c).
pub const AGREEMENT_STICKINESS: f32 = 0.3;
/// Utilisation above which an enterprise agreement's renewal trues up the overuse.
pub const TRUE_UP_FROM: f32 = 0.9;

/// The ARR an enterprise agreement adds at renewal for use beyond its entitlement: twice the
/// overuse share, at most a fifth (1.6.c).
pub fn true_up(arr: i64, utilisation: f32) -> i64 {
    let over = (utilisation - TRUE_UP_FROM).max(0.0);
    ((arr as f32) * (2.0 * over).min(0.2)).round() as i64
}

/// The logit lost at renewal by a customer with no champion to argue for it inside.
pub const NO_CHAMPION_PENALTY: f32 = 0.3;
/// The logit lost at renewal by a customer whose baseline still has a gap: it never got
/// to where it bought the product to go (2.5).
pub const GAP_PENALTY: f32 = 2.0;
/// The share of a known barrier's penalty that a risk mitigation plan wins back.
pub const MITIGATION_SHARE: f32 = 0.3;

/// The probability of renewal and the reasons behind it (see `docs/model.md` §9).
pub fn renewal_chance(i: &RenewalInputs) -> (f32, Factors) {
    let mut f = Factors::default();
    let mut z = 0.6 + 0.05 * (i.true_health - 60.0);
    if i.true_health < 51.0 {
        f.set(Factors::HEALTH_RED);
    } else if i.true_health >= 76.0 {
        f.set(Factors::HEALTH_GREEN);
    }
    if i.sponsor_present {
        z += 0.8;
    } else {
        z -= 1.2;
        f.set(Factors::SPONSOR_MISSING);
    }
    let mut known_penalty = 0.0;
    for kind in BarrierKind::ALL {
        let s = i.barriers[kind.index()];
        if s > 0.0 {
            let penalty = BARRIER_PENALTY * barrier_weight(kind) * s;
            z -= penalty;
            if i.known_barriers & (1 << kind.index()) != 0 {
                known_penalty += penalty;
            }
            f.set(1 << (Factors::BARRIER_SHIFT + kind.index() as u32));
        }
    }
    match i.lead {
        Some(lead) if lead >= 1 => {
            z += 0.2;
            f.set(Factors::EARLY_RENEWAL_WORK);
        }
        Some(_) => {
            z += 0.1;
            f.set(Factors::LATE_RENEWAL_WORK);
        }
        None => f.set(Factors::NO_RENEWAL_WORK),
    }
    if i.mitigation_plan {
        // A plan agreed against the risks the CSM has found and is working on; with none,
        // little.
        z += 0.1 + MITIGATION_SHARE * known_penalty;
        f.set(Factors::MITIGATION_PLAN);
    }
    if i.recent_qbr {
        // A QBR shows realised value; without outcomes there is little to show.
        z += 0.05 + 0.1 * f32::from(i.outcomes.min(2));
        f.set(Factors::RECENT_QBR);
    }
    if i.pushed {
        z -= PUSHED_PENALTY;
        f.set(Factors::PUSHED);
    }
    if i.auto_renew {
        z += 0.4;
        f.set(Factors::AUTO_RENEW);
    }
    if i.outcomes > 0 {
        z += 0.3 * f32::from(i.outcomes.min(2));
        f.set(Factors::OUTCOMES);
    }
    if i.transition_plan {
        f.set(Factors::TRANSITION_PLAN);
    }
    // Money short, a customer cuts operating spend (subscriptions, agreements) first; the
    // capital of a licence is spent already (1.6.d).
    let opex = if i.consumption == ConsumptionModel::Licence {
        0.5
    } else {
        1.0
    };
    z += opex * (i.financial_health - 0.5);
    match i.consumption {
        ConsumptionModel::Licence => {
            z += LICENCE_STICKINESS;
            f.set(Factors::LICENCE);
        }
        ConsumptionModel::EnterpriseAgreement => z += AGREEMENT_STICKINESS,
        ConsumptionModel::Subscription => {}
    }
    if i.financial_health < 0.35 {
        f.set(Factors::WEAK_FINANCES);
    }
    if !i.champion_present {
        z -= NO_CHAMPION_PENALTY;
        f.set(Factors::NO_CHAMPION);
    }
    if i.gap_open {
        z -= GAP_PENALTY;
        f.set(Factors::OPEN_GAP);
    }
    if i.utilisation < 0.4 {
        f.set(Factors::LOW_UTILISATION);
    }
    let p = 1.0 / (1.0 + libm::expf(-z));
    (p, f)
}

/// If a renewal is lost without a transition plan, the chance it is a downsell rather
/// than a churn: a healthy enough customer who still uses part of what they bought.
pub fn downsell_chance(i: &RenewalInputs) -> f32 {
    let mut p: f32 = 0.15;
    // A licence customer who will not renew support drops it on the unused licences
    // rather than on all of them.
    if i.consumption == ConsumptionModel::Licence {
        p += 0.3;
    }
    if i.true_health >= 40.0 {
        p += 0.15;
    }
    if i.utilisation >= 0.3 {
        p += 0.1;
    }
    p
}

/// The share of ARR a downsell keeps: the customer right-sizes to what it uses.
pub fn downsell_share(utilisation: f32) -> f32 {
    (0.4 + 0.5 * utilisation).min(0.9)
}

/// With an agreed transition plan the contract is right-sized at renewal: it renews at this
/// share of its ARR, whether or not the customer would have renewed in full.
pub fn transition_share(utilisation: f32) -> f32 {
    (0.45 + 0.5 * utilisation).min(0.9)
}

/// With an agreed transition plan, the chance the right-sized contract renews at all: the
/// plan wins back most, not all, of a renewal that would have been lost.
pub fn transition_chance(renewal_chance: f32) -> f32 {
    renewal_chance + (1.0 - renewal_chance) * 0.7
}

/// The share of its ARR a contract is expected to keep at its renewal with these inputs.
pub fn expected_retention(i: &RenewalInputs) -> f32 {
    let (p, _) = renewal_chance(i);
    let lost = downsell_chance(i) * downsell_share(i.utilisation);
    if i.transition_plan {
        let t = transition_chance(p);
        t * transition_share(i.utilisation) + (1.0 - t) * lost
    } else {
        p + (1.0 - p) * lost
    }
}

/// What the renewal step reads of one customer.
#[allow(clippy::too_many_arguments)]
pub fn inputs_of(
    model: &super::health::HealthModel,
    plan: &SuccessPlan,
    people: &Stakeholders,
    barriers: &Barriers,
    signals: &Signals,
    contract: &Contract,
    life: &Lifecycle,
    engagement: &Engagement,
    qi: i16,
) -> RenewalInputs {
    let mut open = [0.0; 5];
    let mut known = 0u8;
    for b in barriers.active() {
        open[b.kind.index()] = b.effective();
        // Being worked: right responses this term have made real progress.
        let worked = b.progress >= WORKED_PROGRESS
            && b.last_response
                .is_some_and(|r| i32::from(r) >= i32::from(contract.start_quarter));
        if b.discovered && worked {
            known |= 1 << b.kind.index();
        }
    }
    RenewalInputs {
        true_health: true_health(model, signals, people, engagement, plan, life, qi),
        sponsor_present: people.sponsor_present(),
        barriers: open,
        known_barriers: known,
        lead: engagement
            .renewal_work_from
            .map(|w| contract.renewal_quarter - w),
        mitigation_plan: engagement.mitigation_plan.is_some(),
        transition_plan: engagement.transition_plan.is_some(),
        recent_qbr: engagement.last_qbr.is_some_and(|t| qi - t <= 1),
        pushed: engagement.pushed_this_term,
        auto_renew: contract.auto_renew,
        outcomes: life.outcomes_achieved,
        financial_health: signals.financial_health,
        utilisation: signals.utilisation,
        champion_present: people.get(Role::Champion).present,
        consumption: contract.model,
        gap_open: life.gap.is_some(),
    }
}

/// The renewal step: every contract whose renewal quarter is this one is renewed, downsold or lost.
pub(super) fn decide_renewals(
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut tally: ResMut<Tally>,
    scenario: Res<ScenarioRes>,
    mut customers: Query<(
        &CustomerId,
        &SuccessPlan,
        &Stakeholders,
        &Barriers,
        &Signals,
        &mut Contract,
        &mut Lifecycle,
        &mut Engagement,
    )>,
) {
    let q = clock.quarter;
    let qi = q as i16;
    let rng = &mut rng.renewals;
    let mut last = None;
    let model = &scenario.0.health_model;
    for (id, plan, people, barriers, signals, mut contract, mut life, mut engagement) in
        &mut customers
    {
        debug_assert_in_id_order(&mut last, *id);
        if life.stage == Stage::Churned || contract.renewal_quarter != qi {
            continue;
        }
        let inputs = inputs_of(
            model,
            plan,
            people,
            barriers,
            signals,
            &contract,
            &life,
            &engagement,
            qi,
        );
        let (chance, factors) = renewal_chance(&inputs);
        let arr = contract.arr;
        let cohort = contract.in_start_cohort;
        tally.atr += arr;
        tally.renewals_due += 1;
        let [u_renew, u_downsell] = [rng.unit(), rng.unit()];
        let transition = inputs.transition_plan;
        let renews = if transition {
            u_renew < transition_chance(chance)
        } else {
            u_renew < chance
        };
        if renews && !transition {
            tally.renewed_arr += arr;
            journal.push(
                q,
                id.0,
                Event::Renewed {
                    arr,
                    chance,
                    factors,
                },
            );
            // An enterprise agreement trues up the use beyond its entitlement.
            let added = if contract.model == ConsumptionModel::EnterpriseAgreement {
                true_up(arr, inputs.utilisation)
            } else {
                0
            };
            if added > 0 {
                contract.arr += added;
                tally.add_expansion(added, cohort);
                journal.push(q, id.0, Event::TrueUp { added });
            }
        } else if renews || u_downsell < downsell_chance(&inputs) {
            // Right-sized by an agreed transition plan, or a lost renewal that downsells.
            let share = if renews {
                transition_share(inputs.utilisation)
            } else {
                downsell_share(inputs.utilisation)
            };
            let to = ((arr as f32) * share).round() as i64;
            contract.licences = ((contract.licences as f32) * share).ceil() as u32;
            contract.arr = to;
            tally.add_contraction(arr - to, cohort);
            tally.renewed_arr += to;
            tally.downsold_customers += 1;
            journal.push(
                q,
                id.0,
                Event::Downsold {
                    from: arr,
                    to,
                    chance,
                    factors,
                },
            );
        } else {
            contract.arr = 0;
            life.stage = Stage::Churned;
            life.churned_in = Some(q);
            life.quarters_in_stage = 0;
            tally.add_churn(arr, cohort);
            journal.push(
                q,
                id.0,
                Event::Churned {
                    arr,
                    chance,
                    factors,
                },
            );
            continue;
        }
        // A new term begins next quarter; renewal work starts over.
        contract.start_quarter = qi + 1;
        contract.renewal_quarter = qi + i16::from(contract.term_quarters);
        engagement.renewal_work_from = None;
        engagement.mitigation_plan = None;
        engagement.transition_plan = None;
        engagement.expansions_proposed = 0;
        engagement.pushed_this_term = false;
        engagement.expansion_closed_until = None;
        if life.stage == Stage::ExpandRenew {
            life.stage = Stage::Adopt;
            life.quarters_in_stage = 0;
        }
    }
}

/// Where the starting cohort's contracts stand at the end of a run: every active contract
/// counts at the ARR it is expected to keep at its next renewal, given its chance now, so
/// a customer neglected (or pushed) late in the run still shows in the results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Outlook {
    /// ARR of the cohort's active contracts, all of which renew again after the scenario.
    pub pending_arr: i64,
    /// What that ARR is expected to keep at the next renewal.
    pub expected_pending_arr: i64,
    /// That expected ARR over the cohort's start ARR.
    pub nrr: f64,
}

impl super::Simulation {
    /// The renewal outlook of the starting cohort as things stand (see `docs/model.md` §11).
    /// Renewal work not yet started counts as if it will be done on time, so the outlook
    /// judges the accounts' condition, not the calendar.
    pub fn renewal_outlook(&self) -> Outlook {
        let model = &self.scenario().health_model;
        let qi = (self.clock().quarter.saturating_sub(1)).max(1) as i16;
        let mut pending = 0i64;
        let mut expected = 0f64;
        self.each_customer(|c| {
            if !c.contract.in_start_cohort || c.lifecycle.stage == Stage::Churned {
                return;
            }
            let mut i = inputs_of(
                model,
                c.plan,
                c.stakeholders,
                c.barriers,
                c.signals,
                c.contract,
                c.lifecycle,
                c.engagement,
                qi,
            );
            if i.lead.is_none() {
                i.lead = Some(1);
            }
            pending += c.contract.arr;
            expected += c.contract.arr as f64 * f64::from(expected_retention(&i));
        });
        let expected_pending_arr = expected.round() as i64;
        let start = self.metrics().start_arr;
        Outlook {
            pending_arr: pending,
            expected_pending_arr,
            nrr: if start > 0 {
                expected_pending_arr as f64 / start as f64
            } else {
                0.0
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn healthy() -> RenewalInputs {
        RenewalInputs {
            true_health: 78.0,
            sponsor_present: true,
            barriers: [0.0; 5],
            known_barriers: 0,
            lead: Some(2),
            mitigation_plan: false,
            transition_plan: false,
            recent_qbr: true,
            pushed: false,
            auto_renew: false,
            outcomes: 1,
            financial_health: 0.7,
            utilisation: 0.7,
            champion_present: true,
            consumption: ConsumptionModel::Subscription,
            gap_open: false,
        }
    }

    #[test]
    fn a_healthy_worked_renewal_is_likely() {
        let (p, f) = renewal_chance(&healthy());
        assert!(p > 0.9, "{p}");
        assert!(f.has(Factors::HEALTH_GREEN) && f.has(Factors::EARLY_RENEWAL_WORK));
    }

    #[test]
    fn each_risk_factor_lowers_the_chance() {
        let (base, _) = renewal_chance(&healthy());
        let mut no_sponsor = healthy();
        no_sponsor.sponsor_present = false;
        let mut late = healthy();
        late.lead = Some(0);
        let mut never = healthy();
        never.lead = None;
        let mut barrier = healthy();
        barrier.barriers[BarrierKind::NotAFit.index()] = 0.8;
        for worse in [no_sponsor, late, never, barrier] {
            assert!(renewal_chance(&worse).0 < base);
        }
        assert!(renewal_chance(&late).0 > renewal_chance(&never).0);
        let (_, f) = renewal_chance(&barrier);
        assert_eq!(
            f.open_barriers().collect::<Vec<_>>(),
            vec![BarrierKind::NotAFit]
        );
    }

    #[test]
    fn a_transition_plan_pays_only_where_the_renewal_was_lost_anyway() {
        // A poor fit in red health: right-sizing keeps more than hoping for a full renewal.
        let mut poor = healthy();
        poor.true_health = 30.0;
        poor.sponsor_present = false;
        poor.barriers[BarrierKind::NotAFit.index()] = 0.7;
        poor.utilisation = 0.35;
        let mut planned = poor;
        planned.transition_plan = true;
        assert!(expected_retention(&planned) > expected_retention(&poor) + 0.1);
        // A healthy customer who would have renewed gives up ARR for nothing.
        let mut wasted = healthy();
        wasted.transition_plan = true;
        assert!(expected_retention(&wasted) < expected_retention(&healthy()) - 0.1);
    }

    #[test]
    fn a_mitigation_plan_helps_in_proportion_to_the_risks_found() {
        let mut risky = healthy();
        risky.barriers[BarrierKind::QualityIssue.index()] = 0.6;
        let mut found = risky;
        found.known_barriers = 1 << BarrierKind::QualityIssue.index();
        let gain = |i: RenewalInputs| {
            let mut m = i;
            m.mitigation_plan = true;
            renewal_chance(&m).0 - renewal_chance(&i).0
        };
        assert!(
            gain(found) > 2.0 * gain(risky),
            "{} {}",
            gain(found),
            gain(risky)
        );
        // Never enough to outweigh the barrier itself.
        let mut fixed = healthy();
        fixed.mitigation_plan = false;
        let mut mitigated = found;
        mitigated.mitigation_plan = true;
        assert!(renewal_chance(&mitigated).0 < renewal_chance(&fixed).0);
    }

    #[test]
    fn explanations_name_objectives() {
        let mut i = healthy();
        i.sponsor_present = false;
        i.lead = Some(0);
        let (_, f) = renewal_chance(&i);
        let text = crate::i18n::with_language("en", || crate::i18n::factors(f));
        assert!(text.contains("3.4.b"), "{text}");
        assert!(text.contains("90 days"), "{text}");
    }
}
