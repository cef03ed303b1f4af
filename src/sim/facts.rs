//! What a CSM can see of a customer, and conditions over it: the shared language of
//! playbooks (which act on it) and of the exam's judging rules (which judge decisions
//! made on it). Nothing here reveals hidden state.

use serde::Deserialize;

use super::actions::{CustomerRefItem, Eligibility};
use super::customer::Role;
use super::types::{Band, BarrierKind, GapKind, HealthDriver, RequestKind, Stage, Touch};

/// A condition on one customer, as the CSM sees it.
#[derive(Debug, Clone, Deserialize)]
pub enum Condition {
    Touch(Touch),
    Stage(Stage),
    Segment(String),
    HealthBelow(f32),
    HealthBand(Band),
    KnownBarrier(BarrierKind),
    AnyKnownBarrier,
    /// The renewal is at most this many quarters away (0: this quarter).
    RenewalWithin(i16),
    RenewalWorkStarted,
    MitigationPlanned,
    TransitionPlanned,
    /// Fewer than seven success-plan elements.
    PlanIncomplete,
    /// Not reviewed this or last quarter.
    PlanStale,
    PlanElementsAtLeast(u8),
    /// No CSM contact for at least this many quarters (or never).
    UntouchedFor(i16),
    /// No QBR for at least this many quarters (or never).
    NoQbrFor(i16),
    OutcomesAtLeast(u8),
    NewOutcomeToCapture,
    ExpansionOpportunity,
    /// The CSM believes there is an executive sponsor.
    SponsorBelieved,
    UtilisationBelow(f32),
    UtilisationAtLeast(f32),
    /// The share of the product's features in use (as measured) is at least this.
    FeatureShareAtLeast(f32),
    NpsAtLeast(f32),
    /// The executive sponsor's mood as the CSM tracks it (−1…1) is at least this; a sponsor
    /// known to be gone counts as −1.
    SponsorSentimentAtLeast(f32),
    ArrAtLeast(i64),
    /// The CSM has heard the customer's desired outcome from the executive sponsor (2.3).
    OutcomeHeard,
    /// The success plan aims at the vendor's goal (licences, features), not the customer's.
    PlanOutcomeVendorCentric,
    /// The success plan aims at something other than what the sponsor said (once heard).
    PlanOutcomeNotTheSponsors,
    /// The account's baseline has been measured from its data (2.5).
    BaselineMeasured,
    /// The CSM has seen with the champion which use case the customer's work depends on
    /// (2.8).
    UseCaseHeard,
    /// The success plan's use cases are the vendor's standard rollout, or not the one the
    /// champion showed (once seen).
    PlanUseCasesUntargeted,
    /// The success plan's RACI names a sponsor or champion the CSM knows has left, or misses
    /// one who has arrived since (2.9).
    RaciOutdated,
    /// The RACI has been outdated (as the model sees it) at the end of at least this many
    /// quarters before this one: the trainee has had that long to put it right.
    RaciOutdatedFor(i16),
    /// The dashboard's health score fell by 2 points or more last quarter (2.6).
    HealthDeclined,
    /// The dashboard shows this driver behind last quarter's health decline (2.6.a–d).
    HealthDrivenBy(HealthDriver),
    /// The customer has no champion (the last one left the company, 2.2).
    ChampionMissing,
    /// The customer has an inbound request of this kind open this quarter (1.4).
    RequestOpen(RequestKind),
    /// The expansion opportunity is written into the success plan (5.4).
    ExpansionInPlan,
    /// The CSM has found a gap of this kind in the account's baseline, still open (2.5).
    GapKnown(GapKind),
    /// A gap the CSM found at least this many quarters ago is still open (2.5).
    GapKnownFor(i16),
    Not(Box<Condition>),
    Any(Vec<Condition>),
}

/// What a CSM can see of a customer, copied out for the rules.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub id: u32,
    pub arr: i64,
    pub segment: u16,
    pub touch: Touch,
    pub stage: Stage,
    pub health: f32,
    pub band: Band,
    pub known_barriers: u8,
    pub sponsor_believed: bool,
    pub renewal_in: i16,
    pub renewal_work: bool,
    pub mitigation: bool,
    pub transition: bool,
    pub plan_elements: u8,
    pub plan_current: bool,
    pub untouched_for: i16,
    pub no_qbr_for: i16,
    pub outcomes: u8,
    pub new_outcome: bool,
    pub expansion_opportunity: bool,
    pub expansion_in_plan: bool,
    pub utilisation: f32,
    pub feature_share: f32,
    pub nps: f32,
    pub sponsor_sentiment: f32,
    pub outcome_heard: bool,
    /// The plan's outcome, as written.
    pub plan_outcome: Option<crate::sim::customer::BusinessOutcome>,
    /// The plan's outcome is not the one the sponsor gave (false until heard).
    pub plan_not_the_sponsors: bool,
    pub baseline: bool,
    pub use_case_heard: bool,
    /// The plan's use cases target nothing in particular, or not what the champion showed.
    pub plan_use_cases_untargeted: bool,
    pub raci_outdated: bool,
    /// For how many quarters the RACI has been outdated at the end of a quarter (−1: not).
    pub raci_outdated_for: i16,
    /// The dashboard score fell by [`crate::sim::health::DECLINE`] points or more.
    pub declined: bool,
    /// What the dashboard shows behind the decline.
    pub health_driver: Option<HealthDriver>,
    pub champion_missing: bool,
    /// The open gap in the baseline the CSM has found (2.5), and for how many quarters
    /// (−1: none known).
    pub gap_known: Option<GapKind>,
    pub gap_known_for: i16,
    /// What planning an action for this customer depends on.
    pub eligibility: Eligibility,
    /// The yes-or-no facts as bits (see [`Condition::flag`]), so rules can test many at once.
    pub flags: u64,
}

const FLAG_TOUCH: u32 = 0; // 3 bits
const FLAG_STAGE: u32 = 3; // 6 bits
const FLAG_KNOWN: u32 = 9; // 5 bits
const FLAG_BAND: u32 = 14; // 3 bits
const FLAG_ANY_KNOWN: u32 = 17;
const FLAG_RENEWAL_WORK: u32 = 18;
const FLAG_MITIGATION: u32 = 19;
const FLAG_TRANSITION: u32 = 20;
const FLAG_PLAN_INCOMPLETE: u32 = 21;
const FLAG_PLAN_STALE: u32 = 22;
const FLAG_NEW_OUTCOME: u32 = 23;
const FLAG_OPPORTUNITY: u32 = 24;
const FLAG_SPONSOR_BELIEVED: u32 = 25;
/// Renewal within 0, 1, 2 or 3 quarters: four bits.
const FLAG_RENEWAL_WITHIN: u32 = 26;
const FLAG_DECLINED: u32 = 30;
const FLAG_NO_CHAMPION: u32 = 31;
/// The kind of the open inbound request: four bits.
const FLAG_REQUEST: u32 = 32;
/// The kind of the known open gap in the baseline: three bits.
const FLAG_GAP: u32 = 36;
/// How many bits the flags use.
pub const FLAG_COUNT: usize = FLAG_GAP as usize + 3;

impl Condition {
    /// The bit of [`Facts::flags`] that says whether a yes-or-no condition holds, if it is
    /// one.
    pub fn flag(&self) -> Option<u64> {
        let bit = match self {
            Condition::Touch(t) => FLAG_TOUCH + *t as u32,
            Condition::Stage(s) => FLAG_STAGE + *s as u32,
            Condition::KnownBarrier(k) => FLAG_KNOWN + k.index() as u32,
            Condition::HealthBand(b) => FLAG_BAND + *b as u32,
            Condition::AnyKnownBarrier => FLAG_ANY_KNOWN,
            Condition::RenewalWorkStarted => FLAG_RENEWAL_WORK,
            Condition::MitigationPlanned => FLAG_MITIGATION,
            Condition::TransitionPlanned => FLAG_TRANSITION,
            Condition::PlanIncomplete => FLAG_PLAN_INCOMPLETE,
            Condition::PlanStale => FLAG_PLAN_STALE,
            Condition::NewOutcomeToCapture => FLAG_NEW_OUTCOME,
            Condition::ExpansionOpportunity => FLAG_OPPORTUNITY,
            Condition::SponsorBelieved => FLAG_SPONSOR_BELIEVED,
            Condition::HealthDeclined => FLAG_DECLINED,
            Condition::ChampionMissing => FLAG_NO_CHAMPION,
            Condition::RequestOpen(k) => FLAG_REQUEST + k.index() as u32,
            Condition::GapKnown(g) => FLAG_GAP + g.index() as u32,
            Condition::RenewalWithin(n) if (0..=3).contains(n) => FLAG_RENEWAL_WITHIN + *n as u32,
            _ => return None,
        };
        Some(1 << bit)
    }
}

/// A rule's conditions, compiled: the yes-or-no ones as bit masks tested at once, the rest
/// kept to check one by one. `matches` gives the same answer as checking every condition
/// with [`Facts::meets`].
#[derive(Debug, Clone, Default)]
pub struct CompiledConditions {
    required: u64,
    forbidden: u64,
    /// Up to two groups of which at least one bit must be set (`Any` of yes-or-no
    /// conditions); 0 is no group.
    any_of: [u64; 2],
    rest: Vec<Condition>,
}

impl CompiledConditions {
    pub fn new(conditions: &[Condition]) -> CompiledConditions {
        let mut c = CompiledConditions::default();
        let mut groups = 0;
        for cond in conditions {
            match cond {
                _ if cond.flag().is_some() => c.required |= cond.flag().unwrap_or(0),
                Condition::Not(inner) if inner.flag().is_some() => {
                    c.forbidden |= inner.flag().unwrap_or(0)
                }
                Condition::Any(list)
                    if groups < 2
                        && !list.is_empty()
                        && list.iter().all(|x| x.flag().is_some()) =>
                {
                    c.any_of[groups] = list
                        .iter()
                        .filter_map(Condition::flag)
                        .fold(0, |m, b| m | b);
                    groups += 1;
                }
                other => c.rest.push(other.clone()),
            }
        }
        c
    }

    /// The same conditions and one more yes-or-no fact that must hold.
    pub fn and(mut self, condition: &Condition) -> CompiledConditions {
        match condition.flag() {
            Some(bit) => self.required |= bit,
            None => self.rest.push(condition.clone()),
        }
        self
    }

    pub fn matches(&self, f: &Facts, segment: &str) -> bool {
        self.matches_flags(f.flags) && self.matches_rest(f, || segment)
    }

    /// The flags every passing customer has.
    pub fn required(&self) -> u64 {
        self.required
    }

    /// The flags no passing customer has.
    pub fn forbidden(&self) -> u64 {
        self.forbidden
    }

    /// The groups of flags of which a passing customer has at least one (0: no group).
    pub fn any_of(&self) -> [u64; 2] {
        self.any_of
    }

    /// Whether any customer could pass, given the union of everyone's flags.
    pub fn possible(&self, any_flags: u64) -> bool {
        self.required & !any_flags == 0
    }

    /// The yes-or-no conditions alone, on a customer's flags: a few instructions.
    #[inline]
    pub fn matches_flags(&self, flags: u64) -> bool {
        (flags & self.required == self.required)
            & (flags & self.forbidden == 0)
            & ((self.any_of[0] == 0) | (flags & self.any_of[0] != 0))
            & ((self.any_of[1] == 0) | (flags & self.any_of[1] != 0))
    }

    /// The other conditions; the segment's id is looked up only if one needs it.
    pub fn matches_rest<'a>(&self, f: &Facts, segment: impl Fn() -> &'a str) -> bool {
        self.rest.iter().all(|c| f.meets(c, segment()))
    }
}

impl Facts {
    #[inline(always)]
    pub fn of(c: &CustomerRefItem, q: i16) -> Facts {
        Facts::with_flags(c, q, Facts::flags_of(c, q))
    }

    /// The yes-or-no facts as bits (the same as [`Facts::of`] gives), read straight from
    /// the customer without the rest.
    #[inline(always)]
    pub fn flags_of(c: &CustomerRefItem, q: i16) -> u64 {
        let bit = |on: bool, b: u32| u64::from(on) << b;
        let known = c.barriers.known_kinds();
        let sponsor_believed = c.stakeholders.get(Role::ExecutiveSponsor).present
            || known & (1 << BarrierKind::LostSponsor.index()) == 0;
        let renewal_in = c.contract.renewal_quarter - q;
        let within = |n: i16| {
            bit(
                (0..=n).contains(&renewal_in),
                FLAG_RENEWAL_WITHIN + n as u32,
            )
        };
        let gap = c
            .lifecycle
            .gap
            .filter(|_| c.lifecycle.gap_found_in.is_some());
        (1u64 << (FLAG_TOUCH + c.account.touch as u32))
            | 1 << (FLAG_STAGE + c.lifecycle.stage as u32)
            | u64::from(known) << FLAG_KNOWN
            | 1 << (FLAG_BAND + c.health.band as u32)
            | bit(known != 0, FLAG_ANY_KNOWN)
            | bit(c.engagement.renewal_work_from.is_some(), FLAG_RENEWAL_WORK)
            | bit(c.engagement.mitigation_plan.is_some(), FLAG_MITIGATION)
            | bit(c.engagement.transition_plan.is_some(), FLAG_TRANSITION)
            | bit(c.plan.elements.count_ones() < 7, FLAG_PLAN_INCOMPLETE)
            | bit(!c.plan.is_current(q), FLAG_PLAN_STALE)
            | bit(
                c.lifecycle.outcomes_achieved > c.engagement.success_captured,
                FLAG_NEW_OUTCOME,
            )
            | bit(c.engagement.expansion_opportunity, FLAG_OPPORTUNITY)
            | bit(sponsor_believed, FLAG_SPONSOR_BELIEVED)
            | within(0)
            | within(1)
            | within(2)
            | within(3)
            | bit(c.health.declined(), FLAG_DECLINED)
            | bit(
                !c.stakeholders.get(Role::Champion).present,
                FLAG_NO_CHAMPION,
            )
            | c.engagement
                .open_request(q)
                .map_or(0, |r| 1 << (FLAG_REQUEST + r.kind.index() as u32))
            | gap.map_or(0, |g| 1 << (FLAG_GAP + g.index() as u32))
    }

    /// The facts, given the flags [`Facts::flags_of`] gave for this customer and quarter.
    #[inline(always)]
    pub fn with_flags(c: &CustomerRefItem, q: i16, flags: u64) -> Facts {
        let known_barriers = c.barriers.known_kinds();
        let sponsor_believed = c.stakeholders.get(Role::ExecutiveSponsor).present
            || known_barriers & (1 << BarrierKind::LostSponsor.index()) == 0;
        let plan_elements = c.plan.elements.count_ones() as u8;
        let plan_current = c.plan.is_current(q);
        let renewal_work = c.engagement.renewal_work_from.is_some();
        let new_outcome = c.lifecycle.outcomes_achieved > c.engagement.success_captured;
        let open_request = c.engagement.open_request(q);
        let champion_missing = !c.stakeholders.get(Role::Champion).present;
        // The same as `Eligibility::of`, from what is read here already (a test keeps the
        // two equal).
        let eligibility = Eligibility {
            quarter: q,
            churned: c.lifecycle.stage == Stage::Churned,
            active: c.contract.active_in(q),
            stage: c.lifecycle.stage,
            touch: c.account.touch,
            plan_elements,
            plan_current,
            sponsor_believed,
            renewal_work,
            new_outcome,
            expansions_proposed: c.engagement.expansions_proposed,
            expansion_closed_until: c.engagement.expansion_closed_until,
            advocacy: c.engagement.advocacy,
            champion_missing,
            request: open_request.map(|r| r.kind),
            request_hours: open_request.map_or(0.0, |r| r.hours),
        };
        let facts = Facts {
            id: c.id.0,
            arr: c.contract.arr,
            segment: c.account.segment,
            touch: c.account.touch,
            stage: c.lifecycle.stage,
            health: c.health.score,
            band: c.health.band,
            known_barriers,
            sponsor_believed,
            renewal_in: c.contract.renewal_quarter - q,
            renewal_work,
            mitigation: c.engagement.mitigation_plan.is_some(),
            transition: c.engagement.transition_plan.is_some(),
            plan_elements,
            plan_current,
            // A customer never contacted in the scenario counts as contacted just before it.
            untouched_for: q - c.engagement.last_touch.unwrap_or(0),
            no_qbr_for: c.engagement.last_qbr.map_or(i16::MAX, |t| q - t),
            outcomes: c.lifecycle.outcomes_achieved,
            new_outcome,
            expansion_opportunity: c.engagement.expansion_opportunity,
            expansion_in_plan: c.engagement.expansion_in_plan,
            utilisation: c.observed.signals.utilisation,
            feature_share: c.observed.signals.feature_share(),
            nps: c.observed.signals.nps,
            sponsor_sentiment: if sponsor_believed {
                c.stakeholders.get(Role::ExecutiveSponsor).sentiment
            } else {
                -1.0
            },
            outcome_heard: c.plan.outcome_heard,
            plan_outcome: c.plan.outcome,
            plan_not_the_sponsors: c.plan.outcome_heard
                && c.plan.outcome.is_some()
                && !c.plan.aligned(c.account),
            baseline: c.plan.baseline,
            use_case_heard: c.plan.use_case_heard,
            plan_use_cases_untargeted: c.plan.has(crate::sim::customer::PlanElement::UseCases)
                && c.plan.use_case.is_some_and(|u| {
                    // As far as the CSM can know: the vendor's rollout, a use case written
                    // before hearing the champion, or not the one the champion named.
                    u.untargeted() || !c.plan.use_case_heard || u != c.account.use_case
                }),
            // Known to the CSM, which does not count a sponsor loss not yet found.
            raci_outdated: c.plan.raci_outdated_known(c.stakeholders, c.barriers),
            raci_outdated_for: c.plan.raci_outdated_since.map_or(-1, |s| q - s),
            declined: c.health.declined(),
            health_driver: c.health.main_driver(),
            champion_missing,
            gap_known: c
                .lifecycle
                .gap
                .filter(|_| c.lifecycle.gap_found_in.is_some()),
            gap_known_for: match (c.lifecycle.gap, c.lifecycle.gap_found_in) {
                (Some(_), Some(found)) => q - found,
                _ => -1,
            },
            eligibility,
            flags,
        };
        debug_assert_eq!(
            facts.flags,
            facts.derived_flags(),
            "flags_of and the facts disagree"
        );
        facts
    }

    /// The yes-or-no facts as bits, from the facts (what [`Facts::flags_of`] must agree
    /// with; a test and debug builds check it).
    pub fn derived_flags(&self) -> u64 {
        let bit = |on: bool, b: u32| u64::from(on) << b;
        let within = |n: i16| {
            bit(
                (0..=n).contains(&self.renewal_in),
                FLAG_RENEWAL_WITHIN + n as u32,
            )
        };
        (1u64 << (FLAG_TOUCH + self.touch as u32))
            | 1 << (FLAG_STAGE + self.stage as u32)
            | u64::from(self.known_barriers) << FLAG_KNOWN
            | 1 << (FLAG_BAND + self.band as u32)
            | bit(self.known_barriers != 0, FLAG_ANY_KNOWN)
            | bit(self.renewal_work, FLAG_RENEWAL_WORK)
            | bit(self.mitigation, FLAG_MITIGATION)
            | bit(self.transition, FLAG_TRANSITION)
            | bit(self.plan_elements < 7, FLAG_PLAN_INCOMPLETE)
            | bit(!self.plan_current, FLAG_PLAN_STALE)
            | bit(self.new_outcome, FLAG_NEW_OUTCOME)
            | bit(self.expansion_opportunity, FLAG_OPPORTUNITY)
            | bit(self.sponsor_believed, FLAG_SPONSOR_BELIEVED)
            | within(0)
            | within(1)
            | within(2)
            | within(3)
            | bit(self.declined, FLAG_DECLINED)
            | bit(self.champion_missing, FLAG_NO_CHAMPION)
            | self
                .eligibility
                .request
                .map_or(0, |k| 1 << (FLAG_REQUEST + k.index() as u32))
            | self
                .gap_known
                .map_or(0, |g| 1 << (FLAG_GAP + g.index() as u32))
    }

    pub fn meets(&self, c: &Condition, segment: &str) -> bool {
        match c {
            Condition::Touch(t) => self.touch == *t,
            Condition::Stage(s) => self.stage == *s,
            Condition::Segment(s) => segment == s,
            Condition::HealthBelow(h) => self.health < *h,
            Condition::HealthBand(b) => self.band == *b,
            Condition::KnownBarrier(k) => self.known_barriers & (1 << k.index()) != 0,
            Condition::AnyKnownBarrier => self.known_barriers != 0,
            Condition::RenewalWithin(n) => (0..=*n).contains(&self.renewal_in),
            Condition::RenewalWorkStarted => self.renewal_work,
            Condition::MitigationPlanned => self.mitigation,
            Condition::TransitionPlanned => self.transition,
            Condition::PlanIncomplete => self.plan_elements < 7,
            Condition::PlanStale => !self.plan_current,
            Condition::PlanElementsAtLeast(n) => self.plan_elements >= *n,
            Condition::UntouchedFor(n) => self.untouched_for >= *n,
            Condition::NoQbrFor(n) => self.no_qbr_for >= *n,
            Condition::OutcomesAtLeast(n) => self.outcomes >= *n,
            Condition::NewOutcomeToCapture => self.new_outcome,
            Condition::ExpansionOpportunity => self.expansion_opportunity,
            Condition::ExpansionInPlan => self.expansion_in_plan,
            Condition::SponsorBelieved => self.sponsor_believed,
            Condition::UtilisationBelow(u) => self.utilisation < *u,
            Condition::UtilisationAtLeast(u) => self.utilisation >= *u,
            Condition::FeatureShareAtLeast(x) => self.feature_share >= *x,
            Condition::NpsAtLeast(n) => self.nps >= *n,
            Condition::SponsorSentimentAtLeast(x) => self.sponsor_sentiment >= *x,
            Condition::ArrAtLeast(a) => self.arr >= *a,
            Condition::OutcomeHeard => self.outcome_heard,
            Condition::PlanOutcomeVendorCentric => {
                self.plan_outcome.is_some_and(|o| o.vendor_centric())
            }
            Condition::PlanOutcomeNotTheSponsors => self.plan_not_the_sponsors,
            Condition::BaselineMeasured => self.baseline,
            Condition::UseCaseHeard => self.use_case_heard,
            Condition::PlanUseCasesUntargeted => self.plan_use_cases_untargeted,
            Condition::RaciOutdated => self.raci_outdated,
            Condition::RaciOutdatedFor(n) => self.raci_outdated_for >= *n,
            Condition::HealthDeclined => self.declined,
            Condition::HealthDrivenBy(d) => self.health_driver == Some(*d),
            Condition::ChampionMissing => self.champion_missing,
            Condition::RequestOpen(k) => self.eligibility.request == Some(*k),
            Condition::GapKnown(g) => self.gap_known == Some(*g),
            Condition::GapKnownFor(n) => self.gap_known_for >= *n,
            Condition::Not(inner) => !self.meets(inner, segment),
            Condition::Any(list) => list.iter().any(|c| self.meets(c, segment)),
        }
    }
}
