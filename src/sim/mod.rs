//! The simulation: a CSM's portfolio stepped quarter by quarter. Everything in this module
//! runs without rendering; it never imports the command line or the GUI.
//!
//! A quarter is one run of the [`Quarter`] schedule, whose systems are chained in the order
//! of [`QuarterSystems`]. It runs only when asked ([`Simulation::end_quarter`]).

pub mod actions;
pub mod barriers;
pub mod clock;
pub mod coach;
pub mod customer;
mod events;
pub mod facts;
pub mod health;
pub mod journal;
mod lifecycle;
pub mod metrics;
pub mod profile;
pub mod renewal;
pub mod requests;
pub mod rng;
mod signals;
mod spawn;
pub mod summary;
pub mod types;
pub mod view;

use std::sync::Arc;

use bevy::ecs::schedule::{ScheduleLabel, SingleThreadedExecutor};
use bevy::prelude::*;

use crate::scenario::Scenario;
use actions::{ActionTarget, Blocker, Budget, Plan, PlannedAction};
use clock::Clock;
use customer::{CustomerId, CustomerRef};
use journal::Journal;
use metrics::{Metrics, Tally};
use rng::SimRng;
use types::Stage;

/// The schedule that plays one quarter.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quarter;

/// The steps of a quarter, in order. Each says what it may change.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuarterSystems {
    /// Scripted and random barriers begin; sponsors move on. Changes `Barriers`, `Stakeholders`.
    Events,
    /// Organic drift of usage, quality, sentiment and finances. Changes `Signals`, `Stakeholders`.
    Drift,
    /// Barriers do their damage and some surface by themselves. Changes `Signals`,
    /// `Stakeholders`, `Barriers`.
    Barriers,
    /// The trainee's plan is carried out. Changes any customer component and the `Tally`.
    Actions,
    /// Deployment, stage changes, business outcomes. Changes `Lifecycle`.
    Lifecycle,
    /// What the CSM sees next quarter. Changes `Observed`.
    Observe,
    /// Health scores. Changes `Health`.
    Health,
    /// Contracts that come due are renewed, downsold or lost. Changes `Contract`,
    /// `Lifecycle`, `Engagement` and the `Tally`.
    Renewals,
    /// Portfolio figures for the quarter. Changes `Metrics`.
    Metrics,
    /// The quarter closes: the clock moves on, the plan and budget start afresh, and the
    /// next quarter's inbound requests arrive. Changes `Engagement` (requests).
    Close,
}

impl QuarterSystems {
    /// The steps in the order a quarter runs them.
    pub const ORDER: [QuarterSystems; 10] = [
        QuarterSystems::Events,
        QuarterSystems::Drift,
        QuarterSystems::Barriers,
        QuarterSystems::Actions,
        QuarterSystems::Lifecycle,
        QuarterSystems::Observe,
        QuarterSystems::Health,
        QuarterSystems::Renewals,
        QuarterSystems::Metrics,
        QuarterSystems::Close,
    ];
}

/// The scenario being played, shared.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioRes(pub Arc<Scenario>);

/// Customer entities by stable id.
#[derive(Resource, Debug, Default, Clone)]
pub struct Roster {
    pub entities: Vec<Entity>,
}

/// Checks, in debug builds, that a query visits customers in id order. Customers are never
/// given or stripped of components after spawning, so they stay in one table in spawn
/// order; systems that draw random numbers rely on that for determinism.
#[inline]
pub(crate) fn debug_assert_in_id_order(last: &mut Option<CustomerId>, id: CustomerId) {
    debug_assert!(last.is_none_or(|l| l < id), "customers out of id order");
    *last = Some(id);
}

fn close_quarter(
    mut clock: ResMut<Clock>,
    mut plan: ResMut<Plan>,
    mut budget: ResMut<Budget>,
    mut tally: ResMut<Tally>,
    mut readings: ResMut<actions::Readings>,
) {
    clock.quarter += 1;
    plan.0.clear();
    readings.0.clear();
    budget.planned = 0.0;
    *tally = Tally::default();
}

/// Builds the quarter schedule, single-threaded: a world of a few hundred customers gains
/// nothing from threads, and a batch runs worlds in parallel instead.
pub fn quarter_schedule() -> Schedule {
    let mut schedule = Schedule::new(Quarter);
    schedule.set_executor(SingleThreadedExecutor::new());
    // The one place the order of the steps is set.
    for pair in QuarterSystems::ORDER.windows(2) {
        schedule.configure_sets(pair[1].after(pair[0]));
    }
    schedule.add_systems((
        events::apply_scenario_events.in_set(QuarterSystems::Events),
        events::apply_company_risks
            .in_set(QuarterSystems::Events)
            .after(events::apply_scenario_events),
        signals::drift_signals.in_set(QuarterSystems::Drift),
        barriers::barrier_effects.in_set(QuarterSystems::Barriers),
        actions::carry_out_plan.in_set(QuarterSystems::Actions),
        lifecycle::progress_lifecycle.in_set(QuarterSystems::Lifecycle),
        signals::observe_signals.in_set(QuarterSystems::Observe),
        health::score_health.in_set(QuarterSystems::Health),
        renewal::decide_renewals.in_set(QuarterSystems::Renewals),
        metrics::sum_metrics.in_set(QuarterSystems::Metrics),
        close_quarter.in_set(QuarterSystems::Close),
        requests::receive_requests
            .in_set(QuarterSystems::Close)
            .after(close_quarter),
    ));
    profile::add_timers(&mut schedule);
    schedule
}

fn roster_len(world: &World) -> usize {
    world.resource::<Roster>().entities.len()
}

/// Puts a scenario into a world: resources, customers, starting health and metrics.
pub fn install(world: &mut World, scenario: Arc<Scenario>, seed: u64) {
    let mut rng = SimRng::new(seed);
    let entities = spawn::spawn_customers(world, &scenario, seed, &mut rng.generation);
    let mut by_segment = vec![Vec::new(); scenario.segments.len()];
    let mut accounts = world.query::<(&CustomerId, &customer::Account)>();
    for (id, account) in accounts.iter(world) {
        by_segment[usize::from(account.segment)].push(id.0);
    }
    world.insert_resource(events::Population {
        count: entities.len() as u32,
        by_segment,
    });
    world.insert_resource(Roster { entities });
    world.insert_resource(events::Injected::default());
    world.insert_resource(Clock {
        quarter: 1,
        quarters: scenario.quarters,
    });
    world.insert_resource(Budget {
        capacity: scenario.capacity_hours,
        planned: 0.0,
        reactive: 0.0,
    });
    world.insert_resource(Plan::default());
    world.insert_resource(actions::Readings::default());
    world.insert_resource(actions::Attempts::default());
    world.insert_resource(actions::Advocates::default());
    world.insert_resource(Journal::with_detail(
        if roster_len(world) > journal::FULL_DETAIL_UP_TO {
            journal::Detail::Exceptions
        } else {
            journal::Detail::Full
        },
    ));
    world.insert_resource(Tally::default());
    world.insert_resource(rng);
    world.insert_resource(ScenarioRes(scenario));
    // Score health once so the trainee sees a dashboard before the first quarter ends.
    world.insert_resource(health::FirstScoring);
    let _ = world.run_system_once(health::score_health);
    world.remove_resource::<health::FirstScoring>();
    // The first quarter's inbound requests, as every later quarter's arrive when the last
    // one closes.
    if world.resource::<ScenarioRes>().0.inbound_requests > 0.0 {
        let _ = world.run_system_once(requests::receive_requests);
    }
    let mut start_arr = 0;
    let mut start_customers = 0;
    let mut q = world.query::<(&customer::Contract, &customer::Lifecycle)>();
    for (contract, life) in q.iter(world) {
        if contract.in_start_cohort && life.stage != Stage::Churned {
            start_arr += contract.arr;
            start_customers += 1;
        }
    }
    world.insert_resource(Metrics {
        start_arr,
        start_customers,
        quarter_start_arr: start_arr,
        ..Default::default()
    });
}

/// Adds the simulation to a Bevy app: the quarter schedule and a scenario to play.
pub struct SimPlugin {
    pub scenario: Arc<Scenario>,
    pub seed: u64,
}

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        app.add_schedule(quarter_schedule());
        install(app.world_mut(), self.scenario.clone(), self.seed);
    }
}

/// Whether a QBR refused for a stale or thin plan will find it current when it runs: a build
/// of the plan, or a review of a plan of five elements or more, planned earlier this quarter
/// (actions run in the order they were planned).
fn plan_made_current_first(plan: &[PlannedAction], qbr: PlannedAction, plan_elements: u8) -> bool {
    let earlier = |action| {
        plan.contains(&PlannedAction {
            action,
            target: qbr.target,
        })
    };
    qbr.action == actions::ActionKind::Qbr
        && (earlier(actions::ActionKind::BuildSuccessPlan)
            || (earlier(actions::ActionKind::ReviewSuccessPlan) && plan_elements >= 5))
}

/// Whether the plan already hands this customer's request to some team: one request, one
/// hand-off (a second would free its hours twice).
fn handed_on_already(plan: &[PlannedAction], planned: PlannedAction) -> bool {
    requests::team_of(planned.action).is_some()
        && plan
            .iter()
            .any(|p| p.target == planned.target && requests::team_of(p.action).is_some())
}

/// A bit per action kind, for sets of kinds.
fn kind_bit(action: actions::ActionKind) -> u64 {
    1 << (action as u32)
}

/// A quarter's planning done in one go, for playbooks: the plan, the hours and the refusals
/// are taken out of the world once, and put back when this is dropped, so that each decision
/// costs no look into the world. It decides exactly as [`Simulation::plan`] would (a test
/// plans every shipped playbook both ways).
pub struct Planning<'s> {
    world: &'s mut World,
    clock: Clock,
    budget: Budget,
    segments: usize,
    plan: Vec<PlannedAction>,
    /// The kinds of action planned for some customer this quarter, a bit each: a candidate
    /// needs looking up among the planned only if its kind is here.
    kinds: u64,
    refused: Vec<actions::Attempt>,
    readings: Vec<actions::HealthReading>,
}

impl Planning<'_> {
    /// Says what drives a customer's health decline, as [`Simulation::read_health`] does;
    /// the facts must be this quarter's.
    pub fn read_health(
        &mut self,
        f: &facts::Facts,
        driver: types::HealthDriver,
    ) -> Result<f32, Blocker> {
        debug_assert_eq!(f.eligibility.quarter, self.clock.q(), "stale facts");
        if f.eligibility.churned {
            return Err(Blocker::Churned);
        }
        if !f.eligibility.active {
            return Err(Blocker::NotYetACustomer);
        }
        if !f.declined {
            return Err(Blocker::NoDecline);
        }
        record_reading(&mut self.readings, &mut self.budget, f.id, driver)
    }

    /// The hours left this quarter.
    pub fn left(&self) -> f32 {
        self.budget.left()
    }

    /// Plans one action for each of these customers in turn, as [`Simulation::plan`] would,
    /// stopping after `max` successes or when the hours run out; returns how many were
    /// planned and their hours. Refusals are recorded as `plan` records them. The facts
    /// must be this quarter's (planning changes no customer, so they stay true while the
    /// quarter is planned).
    pub fn plan_each<'a>(
        &mut self,
        action: actions::ActionKind,
        customers: impl IntoIterator<Item = &'a facts::Facts>,
        max: Option<u32>,
    ) -> (u32, f32) {
        if action.spec().one_to_many {
            return (0, 0.0);
        }
        let mut count = 0;
        let mut total = 0.0;
        let cheapest = actions::cost(action, Some(types::Touch::Digital));
        // The customers this action is planned for already (a candidate may be a repeat):
        // sorted once, so each candidate costs a binary search, not a scan of the plan.
        let mut already: Vec<u32> = Vec::new();
        if self.kinds & kind_bit(action) != 0 {
            already.extend(
                self.plan
                    .iter()
                    .filter(|p| p.action == action)
                    .filter_map(|p| match p.target {
                        ActionTarget::Customer(id) => Some(id),
                        ActionTarget::Segment(_) => None,
                    }),
            );
            already.sort_unstable();
        }
        for f in customers {
            if max.is_some_and(|m| count >= m) || self.budget.left() + 1e-4 < cheapest {
                break;
            }
            debug_assert_eq!(f.eligibility.quarter, self.clock.q(), "stale facts");
            // The hours first: the cheapest test, and the one that fails most.
            let hours = actions::cost(action, Some(f.eligibility.touch));
            let released = f.eligibility.released(action);
            if hours > self.budget.left() + released + 1e-4 {
                continue;
            }
            let planned = PlannedAction {
                action,
                target: ActionTarget::Customer(f.id),
            };
            // A QBR after a plan review or build planned earlier this quarter will find the
            // plan current, as `plan` allows.
            let checked = match f.eligibility.check(action) {
                Err(actions::Blocker::NeedsCurrentPlan)
                    if plan_made_current_first(
                        &self.plan,
                        planned,
                        f.eligibility.plan_elements,
                    ) =>
                {
                    Ok(())
                }
                other => other,
            };
            if let Err(blocker) = checked {
                if blocker.is_judgement() {
                    self.refused.push(actions::Attempt {
                        quarter: self.clock.quarter,
                        planned,
                        blocker,
                    });
                }
                continue;
            }
            if !already.is_empty() && already.binary_search(&f.id).is_ok() {
                continue;
            }
            if released > 0.0 && handed_on_already(&self.plan, planned) {
                continue;
            }
            self.plan.push(planned);
            self.budget.planned += hours;
            self.budget.reactive -= released;
            total += hours;
            count += 1;
        }
        if count > 0 {
            self.kinds |= kind_bit(action);
        }
        (count, total)
    }

    /// Plans a one-to-many action for a segment, as [`Simulation::plan`] would.
    pub fn plan_segment(
        &mut self,
        action: actions::ActionKind,
        segment: u16,
    ) -> Result<f32, Blocker> {
        let planned = PlannedAction {
            action,
            target: ActionTarget::Segment(segment),
        };
        let hours = check_segment(planned, self.segments, &self.plan, &self.budget)?;
        self.plan.push(planned);
        self.budget.planned += hours;
        Ok(hours)
    }
}

impl Drop for Planning<'_> {
    fn drop(&mut self) {
        self.world.resource_mut::<Plan>().0 = std::mem::take(&mut self.plan);
        *self.world.resource_mut::<Budget>() = self.budget;
        self.world.resource_mut::<actions::Readings>().0 = std::mem::take(&mut self.readings);
        if !self.refused.is_empty() {
            let refused = std::mem::take(&mut self.refused);
            self.world
                .resource_mut::<actions::Attempts>()
                .0
                .extend(refused);
        }
    }
}

/// Notes a health reading among the quarter's: a second for the same customer replaces the
/// first at no cost, a first takes its hour if there is one. Returns the hours it took.
fn record_reading(
    readings: &mut Vec<actions::HealthReading>,
    budget: &mut Budget,
    customer: u32,
    driver: types::HealthDriver,
) -> Result<f32, Blocker> {
    if let Some(r) = readings.iter_mut().find(|r| r.customer == customer) {
        r.driver = driver;
        return Ok(0.0);
    }
    if actions::READING_HOURS > budget.left() + 1e-4 {
        return Err(Blocker::OverBudget);
    }
    readings.push(actions::HealthReading { customer, driver });
    budget.planned += actions::READING_HOURS;
    Ok(actions::READING_HOURS)
}

/// The checks of [`Simulation::check`] for a one-to-many action.
fn check_segment(
    planned: PlannedAction,
    segments: usize,
    plan: &[PlannedAction],
    budget: &Budget,
) -> Result<f32, Blocker> {
    let ActionTarget::Segment(s) = planned.target else {
        return Err(Blocker::NeedsSegmentTarget);
    };
    if usize::from(s) >= segments {
        return Err(Blocker::UnknownSegment);
    }
    if !planned.action.spec().one_to_many {
        return Err(Blocker::NeedsCustomerTarget);
    }
    let hours = actions::cost(planned.action, None);
    if plan.contains(&planned) {
        return Err(Blocker::AlreadyPlanned);
    }
    if hours > budget.left() + 1e-4 {
        return Err(Blocker::OverBudget);
    }
    Ok(hours)
}

/// A simulation in its own world, driven directly: the CLI, batch runs and tests use it.
pub struct Simulation {
    world: World,
    seed: u64,
    /// Read access to customers, built once: no archetype is added after spawning.
    customers: QueryState<CustomerRef>,
}

use bevy::ecs::system::RunSystemOnce;

impl Simulation {
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        let mut world = World::new();
        world.add_schedule(quarter_schedule());
        install(&mut world, scenario, seed);
        let customers = world.query::<CustomerRef>();
        Simulation {
            world,
            seed,
            customers,
        }
    }

    /// Starts the same scenario again with another seed, reusing the world and its
    /// schedule (batch runs do this thousands of times).
    pub fn restart(&mut self, seed: u64) {
        let scenario = self.scenario().clone();
        let entities = std::mem::take(&mut self.world.resource_mut::<Roster>().entities);
        for e in entities {
            self.world.despawn(e);
        }
        // Bevy keeps a record of every removed component until trackers are cleared; a
        // batch restarting a world thousands of times would keep them all.
        self.world.clear_trackers();
        install(&mut self.world, scenario, seed);
        self.customers.update_archetypes(&self.world);
        self.seed = seed;
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.world.resource::<ScenarioRes>().0
    }

    pub fn clock(&self) -> Clock {
        *self.world.resource::<Clock>()
    }

    pub fn finished(&self) -> bool {
        self.clock().finished()
    }

    pub fn budget(&self) -> Budget {
        *self.world.resource::<Budget>()
    }

    pub fn planned(&self) -> &[PlannedAction] {
        &self.world.resource::<Plan>().0
    }

    /// Actions the trainee tried that the situation did not allow (see [`Blocker::is_judgement`]).
    pub fn attempts(&self) -> &[actions::Attempt] {
        &self.world.resource::<actions::Attempts>().0
    }

    pub fn journal(&self) -> &Journal {
        self.world.resource::<Journal>()
    }

    pub fn metrics(&self) -> &Metrics {
        self.world.resource::<Metrics>()
    }

    pub fn world(&self) -> &World {
        &self.world
    }

    /// The bytes one customer's components take (its row in the ECS tables), or 0 with no
    /// customers.
    pub fn bytes_per_customer(&self) -> usize {
        let Some(&entity) = self.world.resource::<Roster>().entities.first() else {
            return 0;
        };
        let Ok(location) = self.world.entities().get_spawned(entity) else {
            return 0;
        };
        let Some(archetype) = self.world.archetypes().get(location.archetype_id) else {
            return 0;
        };
        archetype
            .components()
            .iter()
            .filter_map(|&id| self.world.components().get_info(id))
            .map(|info| info.layout().size())
            .sum()
    }

    pub fn customer_count(&self) -> u32 {
        self.world.resource::<Roster>().entities.len() as u32
    }

    /// The stable id of the customer with this scenario key.
    /// The entity of the customer with this stable id.
    fn entity_of(&self, id: u32) -> Result<Entity, Blocker> {
        self.world
            .resource::<Roster>()
            .entities
            .get(id as usize)
            .copied()
            .ok_or(Blocker::UnknownCustomer)
    }

    /// Changes what the trainee writes into a customer's success plan: refused once the
    /// scenario is over, for a churned customer and one whose contract has not begun.
    fn write_plan(
        &mut self,
        id: u32,
        write: impl FnOnce(&mut customer::SuccessPlan),
    ) -> Result<(), Blocker> {
        if self.finished() {
            return Err(Blocker::ScenarioOver);
        }
        let q = self.clock().q();
        let entity = self.entity_of(id)?;
        let mut e = self.world.entity_mut(entity);
        match e.get::<customer::Lifecycle>() {
            Some(l) if l.stage == Stage::Churned => return Err(Blocker::Churned),
            Some(l) if l.purchased > q => return Err(Blocker::NotYetACustomer),
            Some(_) => {}
            None => return Err(Blocker::UnknownCustomer),
        }
        let mut plan = e
            .get_mut::<customer::SuccessPlan>()
            .ok_or(Blocker::UnknownCustomer)?;
        write(&mut plan);
        Ok(())
    }

    /// Writes the business outcome the customer's success plan aims at (2.3): the trainee's
    /// own choice, kept when the plan is built. Free and immediate, like any paperwork; a
    /// changed outcome is no longer validated until it is reviewed with the sponsor.
    pub fn write_plan_outcome(
        &mut self,
        id: u32,
        outcome: customer::BusinessOutcome,
    ) -> Result<(), Blocker> {
        self.write_plan(id, |plan| {
            if plan.outcome != Some(outcome) {
                plan.remove(customer::PlanElement::ValidatedOutcomes);
            }
            plan.outcome = Some(outcome);
            plan.outcome_chosen = true;
        })
    }

    /// Writes the use case the customer's success plan targets first (2.8): the trainee's
    /// own choice, kept when the plan is built. Free and immediate, like the outcome.
    pub fn write_plan_use_case(
        &mut self,
        id: u32,
        use_case: customer::UseCase,
    ) -> Result<(), Blocker> {
        self.write_plan(id, |plan| {
            plan.use_case = Some(use_case);
            plan.use_case_chosen = true;
        })
    }

    /// Says what drives a customer's health decline (2.6): checked against the dashboard
    /// when the quarter is carried out, and if right, it points at the barriers behind it.
    /// Only for a customer whose dashboard score fell by [`health::DECLINE`] points or
    /// more last quarter; one reading a customer a quarter (a second replaces the first, at
    /// no further cost). Returns the hours it took.
    pub fn read_health(&mut self, id: u32, driver: types::HealthDriver) -> Result<f32, Blocker> {
        if self.finished() {
            return Err(Blocker::ScenarioOver);
        }
        let q = self.clock().q();
        let entity = self.entity_of(id)?;
        let e = self.world.entity(entity);
        match (
            e.get::<customer::Lifecycle>(),
            e.get::<customer::Contract>(),
        ) {
            (Some(l), _) if l.stage == Stage::Churned => return Err(Blocker::Churned),
            (Some(l), Some(c)) if l.purchased > q || !c.active_in(q) => {
                return Err(Blocker::NotYetACustomer);
            }
            (Some(_), Some(_)) => {}
            _ => return Err(Blocker::UnknownCustomer),
        }
        if !e.get::<health::Health>().is_some_and(|h| h.declined()) {
            return Err(Blocker::NoDecline);
        }
        let mut budget = *self.world.resource::<Budget>();
        let hours = record_reading(
            &mut self.world.resource_mut::<actions::Readings>().0,
            &mut budget,
            id,
            driver,
        )?;
        *self.world.resource_mut::<Budget>() = budget;
        Ok(hours)
    }

    /// The health readings made this quarter.
    pub fn readings(&self) -> &[actions::HealthReading] {
        &self.world.resource::<actions::Readings>().0
    }

    /// Adds a barrier to start this quarter, as a scenario event would (an instructor's live
    /// injection); it begins when the quarter ends, like every event of the quarter.
    pub fn inject(&mut self, mut event: crate::scenario::ScriptedEvent) {
        event.quarter = self.clock().quarter;
        self.world.resource_mut::<events::Injected>().0.push(event);
    }

    pub fn find_customer(&self, key: &str) -> Option<u32> {
        let roster = self.world.resource::<Roster>();
        roster
            .entities
            .iter()
            .position(|&e| {
                self.world
                    .get::<customer::Profile>(e)
                    .is_some_and(|p| p.key == key)
            })
            .map(|i| i as u32)
    }

    /// Checks whether an action could be planned now, and what it would cost.
    pub fn check(&self, planned: PlannedAction) -> Result<f32, Blocker> {
        self.check_and_release(planned).map(|(hours, _)| hours)
    }

    /// The reserved hours a planned action gives back (a hand-off frees its request's).
    fn released(&self, planned: PlannedAction) -> f32 {
        let ActionTarget::Customer(id) = planned.target else {
            return 0.0;
        };
        let Ok(entity) = self.entity_of(id) else {
            return 0.0;
        };
        let q = self.clock().q();
        self.customers
            .get_manual(&self.world, entity)
            .map_or(0.0, |c| {
                actions::Eligibility::of(&c, q).released(planned.action)
            })
    }

    /// [`Simulation::check`], with the reserved hours the action would give back.
    fn check_and_release(&self, planned: PlannedAction) -> Result<(f32, f32), Blocker> {
        let clock = self.world.resource::<Clock>();
        if clock.finished() {
            return Err(Blocker::ScenarioOver);
        }
        let q = clock.q();
        let released;
        let hours = match planned.target {
            ActionTarget::Customer(id) => {
                let entity = self.entity_of(id)?;
                let c = self
                    .customers
                    .get_manual(&self.world, entity)
                    .map_err(|_| Blocker::UnknownCustomer)?;
                match actions::check_customer_action(planned.action, &c, q) {
                    Err(actions::Blocker::NeedsCurrentPlan)
                        if plan_made_current_first(
                            &self.world.resource::<Plan>().0,
                            planned,
                            c.plan.elements.count_ones() as u8,
                        ) => {}
                    other => other?,
                }
                released = actions::Eligibility::of(&c, q).released(planned.action);
                actions::cost(planned.action, Some(c.account.touch))
            }
            ActionTarget::Segment(_) => {
                return check_segment(
                    planned,
                    self.scenario().segments.len(),
                    &self.world.resource::<Plan>().0,
                    self.world.resource::<Budget>(),
                )
                .map(|hours| (hours, 0.0));
            }
        };
        let plan = &self.world.resource::<Plan>().0;
        if plan.contains(&planned) || handed_on_already(plan, planned) {
            return Err(Blocker::AlreadyPlanned);
        }
        if hours > self.world.resource::<Budget>().left() + released + 1e-4 {
            return Err(Blocker::OverBudget);
        }
        Ok((hours, released))
    }

    /// Plans an action for the current quarter; returns its cost in hours.
    pub fn plan(&mut self, planned: PlannedAction) -> Result<f32, Blocker> {
        let (hours, released) = match self.check_and_release(planned) {
            Ok(checked) => checked,
            Err(blocker) => {
                if blocker.is_judgement() {
                    let quarter = self.clock().quarter;
                    self.world
                        .resource_mut::<actions::Attempts>()
                        .0
                        .push(actions::Attempt {
                            quarter,
                            planned,
                            blocker,
                        });
                }
                return Err(blocker);
            }
        };
        self.world.resource_mut::<Plan>().0.push(planned);
        let mut budget = self.world.resource_mut::<Budget>();
        budget.planned += hours;
        budget.reactive -= released;
        Ok(hours)
    }

    /// Starts planning the rest of the quarter in one go (see [`Planning`]); `None` once the
    /// scenario is over.
    pub fn planning(&mut self) -> Option<Planning<'_>> {
        let clock = *self.world.resource::<Clock>();
        if clock.finished() {
            return None;
        }
        let plan = std::mem::take(&mut self.world.resource_mut::<Plan>().0);
        let kinds = plan
            .iter()
            .filter(|p| matches!(p.target, ActionTarget::Customer(_)))
            .fold(0, |m, p| m | kind_bit(p.action));
        Some(Planning {
            clock,
            budget: *self.world.resource::<Budget>(),
            segments: self.scenario().segments.len(),
            plan,
            kinds,
            refused: Vec::new(),
            readings: std::mem::take(&mut self.world.resource_mut::<actions::Readings>().0),
            world: &mut self.world,
        })
    }

    /// The hand-off planned this quarter for a customer's inbound request, if any.
    pub fn handed_on(&self, id: u32) -> Option<actions::ActionKind> {
        self.planned()
            .iter()
            .find(|p| {
                p.target == ActionTarget::Customer(id) && requests::team_of(p.action).is_some()
            })
            .map(|p| p.action)
    }

    /// Removes a planned action before the quarter ends, giving its hours back; a hand-off
    /// whose freed hours are planned for other work stays.
    pub fn unplan(&mut self, index: usize) -> Result<PlannedAction, Blocker> {
        let planned = *self.planned().get(index).ok_or(Blocker::NotPlanned)?;
        let released = self.released(planned);
        if released > self.budget().left() + actions::cost(planned.action, None) + 1e-4 {
            return Err(Blocker::HoursInUse);
        }
        let touch = match planned.target {
            ActionTarget::Customer(id) => {
                let e = self.world.resource::<Roster>().entities[id as usize];
                self.world.get::<customer::Account>(e).map(|a| a.touch)
            }
            ActionTarget::Segment(_) => None,
        };
        self.world.resource_mut::<Plan>().0.remove(index);
        let hours = actions::cost(planned.action, touch);
        let mut budget = self.world.resource_mut::<Budget>();
        budget.planned = (budget.planned - hours).max(0.0);
        budget.reactive += released;
        Ok(planned)
    }

    /// Plays the current quarter to its end. Does nothing once the scenario is over.
    pub fn end_quarter(&mut self) {
        if !self.finished() {
            self.world.run_schedule(Quarter);
        }
    }

    pub(crate) fn customer_query(&self) -> &QueryState<CustomerRef> {
        &self.customers
    }

    pub fn world_mut(&mut self) -> &mut World {
        &mut self.world
    }
}
