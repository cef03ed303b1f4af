//! `csm-sim batch`: many seeds of one scenario in parallel (one world per seed, worlds
//! spread over threads), reported as distributions.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use super::run::{Driver, driver, play_out};
use crate::exam::judge::Judge;
use crate::exam::score::readiness;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::sim::journal::{Detail, Journal};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario file or built-in name.
    file: String,
    /// How many seeds to run.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    seeds: u32,
    /// The first seed (default: the scenario's own); seeds run from here upwards.
    #[arg(long)]
    first_seed: Option<u64>,
    /// A RON list of actions to take in every run.
    #[arg(long, conflicts_with = "playbook")]
    actions: Option<PathBuf>,
    /// A playbook file, or `sensible` for the built-in one.
    #[arg(long)]
    playbook: Option<String>,
    /// Worker threads (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// One seed's results.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct SeedResult {
    pub seed: u64,
    pub nrr: f64,
    pub grr: f64,
    /// Share of the starting customers that churned.
    pub churn: f64,
    pub churned_arr: i64,
    pub expansion_arr: i64,
    /// NRR with every contract at its expected ARR at its next renewal.
    pub outlook_nrr: f64,
    /// CSM hours planned over the run.
    pub hours: f64,
    /// Overall exam readiness from the judged decisions (only when judged).
    pub readiness: Option<f64>,
    /// Whether every target of the scenario was met.
    pub targets_met: bool,
}

/// Mean, median and the 5th and 95th percentiles (nearest rank).
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Spread {
    pub mean: f64,
    pub median: f64,
    pub p5: f64,
    pub p95: f64,
}

impl Spread {
    pub fn of(values: impl Iterator<Item = f64>) -> Spread {
        let mut v: Vec<f64> = values.collect();
        if v.is_empty() {
            return Spread {
                mean: 0.0,
                median: 0.0,
                p5: 0.0,
                p95: 0.0,
            };
        }
        v.sort_by(f64::total_cmp);
        let rank = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
        Spread {
            mean: v.iter().sum::<f64>() / v.len() as f64,
            median: rank(0.5),
            p5: rank(0.05),
            p95: rank(0.95),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BatchReport {
    pub scenario: String,
    /// The playbook that drove every run ("none" without one, "actions" for an action file).
    pub playbook: String,
    pub seeds: u32,
    pub first_seed: u64,
    pub nrr: Spread,
    pub grr: Spread,
    pub churn: Spread,
    pub churned_arr: Spread,
    pub expansion_arr: Spread,
    pub outlook_nrr: Spread,
    pub hours: Spread,
}

/// Runs `count` seeds from `first` on `threads` threads; results come back in seed order,
/// whatever the number of threads.
pub fn run_seeds(
    scenario: &Arc<Scenario>,
    first: u64,
    count: u32,
    driver: &Driver,
    threads: usize,
    judged: bool,
) -> anyhow::Result<Vec<SeedResult>> {
    let count = count as usize;
    let next = AtomicUsize::new(0);
    // Each thread holds a world of the whole portfolio (about 1 KB a customer): no more
    // threads than fit in about 1,000,000 customers at once, so the largest scenario runs on
    // one thread and stays under 2 GiB.
    let fit = (1_000_000 / scenario.customer_count().max(1)).max(1) as usize;
    let threads = threads.clamp(1, count.max(1)).min(fit);
    let parts: Vec<anyhow::Result<Vec<(usize, SeedResult)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<Vec<(usize, SeedResult)>> {
                    let mut out = Vec::new();
                    let mut sim: Option<Simulation> = None;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count {
                            return Ok(out);
                        }
                        let seed = first.wrapping_add(i as u64);
                        let sim = match sim.as_mut() {
                            Some(s) => {
                                s.restart(seed);
                                s
                            }
                            None => sim.insert(Simulation::new(scenario.clone(), seed)),
                        };
                        if !judged {
                            // The judge reads the journal; the figures alone do not.
                            sim.world_mut()
                                .resource_mut::<Journal>()
                                .set_detail(Detail::Off);
                        }
                        let mut judge = judged.then(Judge::new);
                        play_out(sim, driver, judge.as_mut())?;
                        out.push((i, seed_result(sim, judge.as_ref())));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a worker thread panicked")))
            })
            .collect()
    });
    let mut results: Vec<Option<SeedResult>> = vec![None; count];
    for part in parts {
        for (i, r) in part? {
            results[i] = Some(r);
        }
    }
    Ok(results.into_iter().flatten().collect())
}

/// One finished run's results.
pub fn seed_result(sim: &Simulation, judge: Option<&Judge>) -> SeedResult {
    let m = sim.metrics();
    SeedResult {
        seed: sim.seed(),
        nrr: m.nrr(),
        grr: m.grr(),
        churn: f64::from(m.churned_customers()) / f64::from(m.start_customers.max(1)),
        churned_arr: m.churned_arr(),
        expansion_arr: m.expansion_arr(),
        outlook_nrr: sim.renewal_outlook().nrr,
        hours: m.quarters.iter().map(|q| q.hours_planned).sum(),
        readiness: judge.map(|j| readiness(&j.judgements, &[]).overall),
        targets_met: targets_met(sim),
    }
}

/// Whether a finished run met every target its scenario sets.
pub fn targets_met(sim: &Simulation) -> bool {
    sim.targets().iter().all(|t| t.met)
}

pub fn report(
    scenario: &Scenario,
    playbook: &str,
    first: u64,
    results: &[SeedResult],
) -> BatchReport {
    BatchReport {
        scenario: scenario.id.clone(),
        playbook: playbook.to_owned(),
        seeds: results.len() as u32,
        first_seed: first,
        nrr: Spread::of(results.iter().map(|r| r.nrr)),
        grr: Spread::of(results.iter().map(|r| r.grr)),
        churn: Spread::of(results.iter().map(|r| r.churn)),
        churned_arr: Spread::of(results.iter().map(|r| r.churned_arr as f64)),
        expansion_arr: Spread::of(results.iter().map(|r| r.expansion_arr as f64)),
        outlook_nrr: Spread::of(results.iter().map(|r| r.outlook_nrr)),
        hours: Spread::of(results.iter().map(|r| r.hours)),
    }
}

pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

pub fn batch(args: Args) -> anyhow::Result<ExitCode> {
    let scenario = super::load_scenario(Some(&args.file))?;
    let driver = driver(args.actions.as_ref(), args.playbook.as_deref())?;
    let first = args.first_seed.unwrap_or(scenario.seed);
    let threads = args.threads.map_or_else(default_threads, usize::from);
    let results = run_seeds(&scenario, first, args.seeds, &driver, threads, false)?;
    let r = report(&scenario, &driver.name(), first, &results);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&r)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{} — {} seeds from {}, playbook: {}",
        scenario.title,
        r.seeds,
        first,
        r.playbook
    )?;
    outln!(
        "{:<14} {:>10} {:>10} {:>10} {:>10}",
        "",
        "mean",
        "median",
        "5th pct",
        "95th pct"
    )?;
    let pct = |v: f64| format!("{:.1} %", v * 100.0);
    for (name, s) in [
        ("NRR", r.nrr),
        ("NRR outlook", r.outlook_nrr),
        ("GRR", r.grr),
        ("logo churn", r.churn),
    ] {
        outln!(
            "{name:<14} {:>10} {:>10} {:>10} {:>10}",
            pct(s.mean),
            pct(s.median),
            pct(s.p5),
            pct(s.p95)
        )?;
    }
    let money = |v: f64| super::format::money(v.round() as i64);
    for (name, s) in [
        ("churned ARR", r.churned_arr),
        ("expansion ARR", r.expansion_arr),
    ] {
        outln!(
            "{name:<14} {:>10} {:>10} {:>10} {:>10}",
            money(s.mean),
            money(s.median),
            money(s.p5),
            money(s.p95)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let s = Spread::of((1..=100).map(f64::from));
        assert_eq!((s.p5, s.p95), (5.0, 95.0));
        assert!((s.mean - 50.5).abs() < 1e-12);
        let one = Spread::of([3.0].into_iter());
        assert_eq!((one.p5, one.mean, one.p95), (3.0, 3.0, 3.0));
    }
}
