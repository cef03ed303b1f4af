//! Renewals, downsell and churn (exam 1.8, 5.5, 5.6): decided at the end of the renewal
//! quarter from the customer's true health, its sponsor, open barriers and how early the
//! renewal was worked.

use bevy::prelude::*;
use serde::Serialize;

use super::ScenarioRes;
use super::barriers::Barriers;
use super::clock::Clock;
use super::customer::SuccessPlan;
use super::customer::{Contract, CustomerId, Engagement, Lifecycle, Signals, Stakeholders};
use super::debug_assert_in_id_order;
use super::health::true_health;
use super::journal::{Event, Journal};
use super::metrics::Tally;
use super::rng::SimRng;
use super::types::{BarrierKind, Stage};

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
    /// Bits 16–20: a barrier of that kind was still open.
    pub const BARRIER_SHIFT: u32 = 16;

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

    /// The reasons in words, with the objectives they belong to.
    pub fn explain(self) -> String {
        let mut against = Vec::new();
        let mut helped = Vec::new();
        for k in self.open_barriers() {
            against.push(format!("an unresolved {} ({})", k.label(), k.objective()));
        }
        let words: [(u32, bool, &str); 13] = [
            (Self::SPONSOR_MISSING, false, "no executive sponsor (3.4.b)"),
            (Self::HEALTH_RED, false, "red health (2.6)"),
            (
                Self::NO_RENEWAL_WORK,
                false,
                "no renewal risk analysis (5.5)",
            ),
            (
                Self::LATE_RENEWAL_WORK,
                false,
                "renewal work started less than 90 days before the renewal (5.5)",
            ),
            (Self::WEAK_FINANCES, false, "weak customer finances (2.6.d)"),
            (
                Self::LOW_UTILISATION,
                false,
                "low licence utilisation (2.6.a)",
            ),
            (Self::HEALTH_GREEN, true, "green health (2.6)"),
            (
                Self::EARLY_RENEWAL_WORK,
                true,
                "renewal work started a quarter or more ahead (5.5)",
            ),
            (Self::MITIGATION_PLAN, true, "a risk mitigation plan (5.6)"),
            (Self::RECENT_QBR, true, "a recent QBR (4.5)"),
            (Self::AUTO_RENEW, true, "auto-renewal (1.6.b)"),
            (Self::OUTCOMES, true, "achieved business outcomes (2.10)"),
            (
                Self::TRANSITION_PLAN,
                true,
                "an agreed transition plan (5.6)",
            ),
        ];
        for (bit, good, text) in words {
            if self.has(bit) {
                if good {
                    helped.push(text.to_owned())
                } else {
                    against.push(text.to_owned())
                }
            }
        }
        let mut out = String::new();
        if !against.is_empty() {
            out.push_str("; against it: ");
            out.push_str(&against.join(", "));
        }
        if !helped.is_empty() {
            out.push_str("; in its favour: ");
            out.push_str(&helped.join(", "));
        }
        out
    }
}

/// Everything the renewal decision looks at.
#[derive(Debug, Clone, Copy)]
pub struct RenewalInputs {
    pub true_health: f32,
    pub sponsor_present: bool,
    /// Effective severity of each open barrier, by kind.
    pub barriers: [f32; 5],
    /// Quarters between the start of renewal work and the renewal quarter (None: never).
    pub lead: Option<i16>,
    pub mitigation_plan: bool,
    pub transition_plan: bool,
    pub recent_qbr: bool,
    pub auto_renew: bool,
    pub outcomes: u8,
    pub financial_health: f32,
    pub utilisation: f32,
}

/// How much an open barrier of each kind weighs against renewal, per unit of severity.
fn barrier_weight(kind: BarrierKind) -> f32 {
    match kind {
        BarrierKind::StalledImplementation => 0.8,
        BarrierKind::LostSponsor => 0.5,
        BarrierKind::MissingFeature => 0.6,
        BarrierKind::QualityIssue => 1.0,
        BarrierKind::NotAFit => 1.5,
    }
}

/// The probability of renewal and the reasons behind it (see `docs/model.md`).
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
    for kind in BarrierKind::ALL {
        let s = i.barriers[kind.index()];
        if s > 0.0 {
            z -= 1.2 * barrier_weight(kind) * s;
            f.set(1 << (Factors::BARRIER_SHIFT + kind.index() as u32));
        }
    }
    match i.lead {
        Some(lead) if lead >= 1 => {
            z += 0.6;
            f.set(Factors::EARLY_RENEWAL_WORK);
        }
        Some(_) => {
            z += 0.2;
            f.set(Factors::LATE_RENEWAL_WORK);
        }
        None => f.set(Factors::NO_RENEWAL_WORK),
    }
    if i.mitigation_plan {
        z += 0.5;
        f.set(Factors::MITIGATION_PLAN);
    }
    if i.recent_qbr {
        z += 0.3;
        f.set(Factors::RECENT_QBR);
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
    z += i.financial_health - 0.5;
    if i.financial_health < 0.35 {
        f.set(Factors::WEAK_FINANCES);
    }
    if i.utilisation < 0.4 {
        f.set(Factors::LOW_UTILISATION);
    }
    let p = 1.0 / (1.0 + libm::expf(-z));
    (p, f)
}

/// If a renewal is lost, the chance it is a downsell rather than a churn: an honest
/// transition plan, or a healthy enough customer who still uses part of what they bought.
pub fn downsell_chance(i: &RenewalInputs) -> f32 {
    let mut p: f32 = 0.15;
    if i.transition_plan {
        p += 0.55;
    }
    if i.true_health >= 40.0 {
        p += 0.15;
    }
    if i.utilisation >= 0.3 {
        p += 0.1;
    }
    p.min(0.9)
}

/// The share of ARR a downsell keeps: the customer right-sizes to what it uses.
pub fn downsell_share(utilisation: f32) -> f32 {
    (0.4 + 0.5 * utilisation).min(0.9)
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
        let mut open = [0.0; 5];
        for b in barriers.active() {
            open[b.kind.index()] = b.effective();
        }
        let inputs = RenewalInputs {
            true_health: true_health(model, signals, people, &engagement, plan, &life, qi),
            sponsor_present: people.sponsor_present(),
            barriers: open,
            lead: engagement.renewal_work_from.map(|w| qi - w),
            mitigation_plan: engagement.mitigation_plan.is_some(),
            transition_plan: engagement.transition_plan.is_some(),
            recent_qbr: engagement.last_qbr.is_some_and(|t| qi - t <= 1),
            auto_renew: contract.auto_renew,
            outcomes: life.outcomes_achieved,
            financial_health: signals.financial_health,
            utilisation: signals.utilisation,
        };
        let (chance, factors) = renewal_chance(&inputs);
        let arr = contract.arr;
        let cohort = contract.in_start_cohort;
        tally.atr += arr;
        tally.renewals_due += 1;
        let [u_renew, u_downsell] = [rng.unit(), rng.unit()];
        if u_renew < chance {
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
        } else if u_downsell < downsell_chance(&inputs) {
            let to = ((arr as f32) * downsell_share(inputs.utilisation)).round() as i64;
            contract.licences =
                ((contract.licences as f32) * downsell_share(inputs.utilisation)).ceil() as u32;
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
        if life.stage == Stage::ExpandRenew {
            life.stage = Stage::Adopt;
            life.quarters_in_stage = 0;
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
            lead: Some(2),
            mitigation_plan: false,
            transition_plan: false,
            recent_qbr: true,
            auto_renew: false,
            outcomes: 1,
            financial_health: 0.7,
            utilisation: 0.7,
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
    fn a_transition_plan_turns_churn_into_downsell() {
        let mut i = healthy();
        i.true_health = 30.0;
        let without = downsell_chance(&i);
        i.transition_plan = true;
        assert!(downsell_chance(&i) > without + 0.5);
    }

    #[test]
    fn explanations_name_objectives() {
        let mut i = healthy();
        i.sponsor_present = false;
        i.lead = Some(0);
        let (_, f) = renewal_chance(&i);
        let text = f.explain();
        assert!(text.contains("3.4.b"), "{text}");
        assert!(text.contains("90 days"), "{text}");
    }
}
