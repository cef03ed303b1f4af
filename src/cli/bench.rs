//! `csm-sim bench`: customer-quarters per second and peak memory for (a) one portfolio of a
//! million generated customers and (b) a batch of 10,000 seeds of 200 customers.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;

use super::batch::{default_threads, run_seeds};
use super::run::Driver;
use crate::playbook::Playbook;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::sim::profile::{STEPS, StepTimes};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Customers in the single large portfolio (a).
    #[arg(long, default_value_t = 1_000_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    customers: u32,
    /// Seeds in the batch (b).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    seeds: u32,
    /// Customers per seed in the batch.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch_customers: u32,
    /// Quarters in both runs.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u16).range(1..=40))]
    quarters: u16,
    /// Seeds per playbook in the compare workload (c).
    #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    compare_seeds: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Also print the time spent in each step of the quarter for portfolio (a).
    #[arg(long)]
    profile: bool,
}

/// A generated scenario of `n` customers in three touch models, with random barriers.
pub fn generated_scenario(n: u32, quarters: u16) -> Scenario {
    let high = n / 50;
    let virt = n / 5;
    let digital = n - high - virt;
    let generate = |segment: &str, count: u32, arr: (u32, u32)| {
        if count == 0 {
            return String::new();
        }
        format!(
            "Generate(segment: \"{segment}\", count: {count}, size: Medium, arr: (min: {}, max: {}), licences: (min: 10, max: 1000), auto_renew_share: 0.4, success_plan_share: 0.3),",
            arr.0, arr.1
        )
    };
    let text = format!(
        r#"Scenario(
    id: "bench-{n}",
    title: "Benchmark portfolio of {n} customers",
    quarters: {quarters},
    seed: 1,
    capacity_hours: 480,
    products: ["Suite"],
    segments: [
        Segment(id: "high", touch: High),
        Segment(id: "virtual", touch: Virtual),
        Segment(id: "digital", touch: Digital),
    ],
    generate: [{} {} {}],
    random_barriers: [
        RandomBarrier(barrier: StalledImplementation, probability: 0.02),
        RandomBarrier(barrier: MissingFeature, probability: 0.02),
        RandomBarrier(barrier: QualityIssue, probability: 0.02),
        RandomBarrier(barrier: NotAFit, probability: 0.01),
    ],
)"#,
        generate("high", high, (200_000, 1_000_000)),
        generate("virtual", virt, (30_000, 200_000)),
        generate("digital", digital, (2_000, 30_000)),
    );
    Scenario::parse("bench", &text).expect("the benchmark scenario is valid")
}

/// Peak resident memory of this process so far, in bytes (Linux), and a way to reset it.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn reset_peak_rss() {
    // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0+).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

#[derive(Debug, Serialize)]
struct Measurement {
    name: String,
    customer_quarters: u64,
    /// Time to step every quarter (the customer-quarters).
    seconds: f64,
    customer_quarters_per_second: f64,
    /// Time to build the portfolio before the first quarter.
    setup_seconds: f64,
    peak_memory_bytes: Option<u64>,
    target_seconds: f64,
    target_memory_bytes: Option<u64>,
    met: bool,
}

pub fn bench(args: Args) -> anyhow::Result<ExitCode> {
    if cfg!(debug_assertions) && !args.json {
        eprintln!("note: this is a debug build; measure with `cargo run --release -- bench`");
    }
    let mut results = Vec::new();

    // (a) One large portfolio.
    reset_peak_rss();
    let scenario = Arc::new(generated_scenario(args.customers, args.quarters));
    let start = Instant::now();
    let mut sim = Simulation::new(scenario, 1);
    let generation = start.elapsed().as_secs_f64();
    if args.profile {
        sim.world_mut().insert_resource(StepTimes::default());
    }
    while !sim.finished() {
        sim.end_quarter();
    }
    let seconds = start.elapsed().as_secs_f64() - generation;
    if let Some(times) = sim.world().get_resource::<StepTimes>() {
        for (step, t) in STEPS.iter().zip(times.totals) {
            eprintln!("    {:<10} {:>7.3} s", format!("{step:?}"), t.as_secs_f64());
        }
    }
    let cq = u64::from(args.customers) * u64::from(args.quarters);
    let peak = peak_rss();
    let full_size = args.customers == 1_000_000 && args.quarters == 12;
    results.push(Measurement {
        name: format!(
            "(a) one portfolio: {} customers × {} quarters",
            args.customers, args.quarters
        ),
        customer_quarters: cq,
        seconds,
        customer_quarters_per_second: cq as f64 / seconds,
        setup_seconds: generation,
        peak_memory_bytes: peak,
        target_seconds: 2.0,
        target_memory_bytes: Some(1 << 30),
        met: !full_size || (seconds <= 2.0 && peak.is_none_or(|p| p <= 1 << 30)),
    });
    let grr = sim.metrics().grr();
    drop(sim);

    // (b) Many seeds of a small portfolio, with nobody at the wheel and then driven by the
    // sensible playbook: the second may cost at most 1.5 times the first.
    let small = Arc::new(generated_scenario(args.batch_customers, args.quarters));
    let threads = default_threads();
    let full_size = args.seeds == 10_000 && args.batch_customers == 200 && args.quarters == 12;
    let mut without = 0.0;
    for with_playbook in [false, true] {
        reset_peak_rss();
        let driver = if with_playbook {
            Driver::Playbook(Playbook::load("sensible")?)
        } else {
            Driver::Nobody
        };
        let start = Instant::now();
        let batch = run_seeds(&small, 1, args.seeds, &driver, threads, false)?;
        let seconds = start.elapsed().as_secs_f64();
        let cq = u64::from(args.batch_customers) * u64::from(args.quarters) * batch.len() as u64;
        let (target, met, note) = if with_playbook {
            let ratio = seconds / without;
            (
                1.5 * without,
                ratio <= 1.5,
                format!(", sensible playbook ({ratio:.2} × the batch without actions)"),
            )
        } else {
            without = seconds;
            (
                5.0,
                !full_size || seconds <= 5.0,
                ", no CSM actions".to_owned(),
            )
        };
        results.push(Measurement {
            name: format!(
                "(b) batch: {} seeds × {} customers × {} quarters on {threads} threads{note}",
                args.seeds, args.batch_customers, args.quarters,
            ),
            customer_quarters: cq,
            seconds,
            customer_quarters_per_second: cq as f64 / seconds,
            setup_seconds: 0.0,
            peak_memory_bytes: peak_rss(),
            target_seconds: target,
            target_memory_bytes: None,
            met,
        });
    }

    // (c) The compare workload: six playbooks on the same seeds of mixed-portfolio, judged
    // for exam readiness as `csm-sim compare` does.
    reset_peak_rss();
    let playbooks: Vec<String> = [
        "textbook",
        "sensible",
        "wrong-remedies",
        "paperwork",
        "expansion-spam",
        "no-diagnosis",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let start = Instant::now();
    let c = super::compare::compare_playbooks(
        &["mixed-portfolio".to_owned()],
        &playbooks,
        args.compare_seeds,
        None,
        threads,
        false,
        true,
    )?;
    let seconds = start.elapsed().as_secs_f64();
    let runs: u64 = c.scenarios[0]
        .playbooks
        .iter()
        .map(|p| p.runs.len() as u64)
        .sum();
    let mixed = Scenario::load("mixed-portfolio")?;
    let cq = runs * mixed.customer_count() * u64::from(mixed.quarters);
    results.push(Measurement {
        name: format!(
            "(c) compare: {} playbooks × {} seeds of mixed-portfolio on {threads} threads, judged",
            playbooks.len(),
            args.compare_seeds
        ),
        customer_quarters: cq,
        seconds,
        customer_quarters_per_second: cq as f64 / seconds,
        setup_seconds: 0.0,
        peak_memory_bytes: peak_rss(),
        target_seconds: 3.0,
        target_memory_bytes: None,
        met: args.compare_seeds != 1_000 || seconds <= 3.0,
    });

    if args.json {
        outln!("{}", serde_json::to_string_pretty(&results)?)?;
    } else {
        for m in &results {
            outln!("{}", m.name)?;
            outln!(
                "  {:.2} s, {:.2} million customer-quarters per second, peak memory {}; target ≤ {} s{} — {}",
                m.seconds,
                m.customer_quarters_per_second / 1e6,
                m.peak_memory_bytes
                    .map_or("unknown".to_owned(), |b| format!(
                        "{:.0} MiB",
                        b as f64 / 1048576.0
                    )),
                (m.target_seconds * 100.0).round() / 100.0,
                m.target_memory_bytes
                    .map_or(String::new(), |b| format!(" and ≤ {} MiB", b >> 20)),
                if m.met { "met" } else { "MISSED" }
            )?;
            if m.setup_seconds > 0.0 {
                outln!(
                    "  building the portfolio first took {:.2} s more ({:.2} s in all)",
                    m.setup_seconds,
                    m.setup_seconds + m.seconds
                )?;
            }
        }
        outln!("(portfolio (a) ended with GRR {:.1} %)", grr * 100.0)?;
    }
    Ok(ExitCode::SUCCESS)
}
