//! `csm-sim bench`: customer-quarters per second and peak memory for (a) one portfolio of a
//! million generated customers, with the bandwidth bound it is measured against, (b) a batch
//! of 10,000 seeds of 200 customers, without and with a playbook, and (c) a compare of six
//! playbooks. Each workload runs in a process of its own, so each peak is its own.

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
    /// Run only this workload, in this process, and print its measurement as JSON (the
    /// bench runs each workload so, in a process of its own).
    #[arg(long, hide = true, value_enum)]
    workload: Option<Workload>,
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

/// Peak resident memory of this process so far, in bytes (Linux). Each workload runs in a
/// process of its own, so this is that workload's peak, as outside tools see it too.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The memory copy rate of this machine now, in bytes copied a second: the best of five
/// copies of a 128 MiB buffer (each byte read once and written once).
fn copy_rate() -> f64 {
    const SIZE: usize = 128 << 20;
    let from = vec![1u8; SIZE];
    let mut to = vec![0u8; SIZE];
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        to.copy_from_slice(std::hint::black_box(&from));
        std::hint::black_box(&mut to);
        best = best.min(start.elapsed().as_secs_f64());
    }
    SIZE as f64 / best
}

/// One workload of the bench, run in a process of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Workload {
    /// (a) one large portfolio.
    Portfolio,
    /// (b) a batch of seeds with nobody at the wheel.
    Batch,
    /// (b) the same batch driven by the sensible playbook.
    BatchPlaybook,
    /// (c) six playbooks compared on mixed-portfolio.
    Compare,
}

#[derive(Debug, Serialize, serde::Deserialize)]
struct Measurement {
    name: String,
    customer_quarters: u64,
    /// Time to step every quarter (the customer-quarters).
    seconds: f64,
    customer_quarters_per_second: f64,
    /// Time to build the portfolio before the first quarter.
    setup_seconds: f64,
    /// The workload's own peak resident memory (it runs in a process of its own).
    peak_memory_bytes: Option<u64>,
    target_seconds: f64,
    target_memory_bytes: Option<u64>,
    met: bool,
    /// For (a): the bytes one customer's components take.
    #[serde(default)]
    bytes_per_customer: Option<u64>,
    /// For (a): the machine's memory copy rate measured in the same run, bytes a second.
    #[serde(default)]
    copy_bytes_per_second: Option<f64>,
    /// For (a): the bandwidth bound, customer-quarters a second if every quarter read and
    /// wrote each customer's bytes once at the copy rate, and the share of it reached.
    #[serde(default)]
    bandwidth_bound: Option<f64>,
    #[serde(default)]
    bound_share: Option<f64>,
    /// For (a): the portfolio's GRR at the end, a check that it did the work.
    #[serde(default)]
    grr: Option<f64>,
}

impl Measurement {
    fn new(name: String, customer_quarters: u64, seconds: f64) -> Measurement {
        Measurement {
            name,
            customer_quarters,
            seconds,
            customer_quarters_per_second: customer_quarters as f64 / seconds,
            setup_seconds: 0.0,
            peak_memory_bytes: None,
            target_seconds: 0.0,
            target_memory_bytes: None,
            met: false,
            bytes_per_customer: None,
            copy_bytes_per_second: None,
            bandwidth_bound: None,
            bound_share: None,
            grr: None,
        }
    }
}

fn portfolio(args: &Args) -> Measurement {
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
    let bytes = sim.bytes_per_customer() as u64;
    let grr = sim.metrics().grr();
    drop(sim);
    let rate = copy_rate();
    let mut m = Measurement::new(
        format!(
            "(a) one portfolio: {} customers × {} quarters",
            args.customers, args.quarters
        ),
        cq,
        seconds,
    );
    let bound = rate / bytes.max(1) as f64;
    m.setup_seconds = generation;
    m.peak_memory_bytes = peak;
    m.target_seconds = 2.0;
    m.target_memory_bytes = Some(1 << 30);
    m.met = !full_size || (seconds <= 2.0 && peak.is_none_or(|p| p <= 1 << 30));
    m.bytes_per_customer = Some(bytes);
    m.copy_bytes_per_second = Some(rate);
    m.bandwidth_bound = Some(bound);
    m.bound_share = Some(m.customer_quarters_per_second / bound);
    m.grr = Some(grr);
    m
}

fn batch(args: &Args, with_playbook: bool) -> anyhow::Result<Measurement> {
    let small = Arc::new(generated_scenario(args.batch_customers, args.quarters));
    let threads = default_threads();
    let full_size = args.seeds == 10_000 && args.batch_customers == 200 && args.quarters == 12;
    let driver = if with_playbook {
        Driver::Playbook(Playbook::load("sensible")?)
    } else {
        Driver::Nobody
    };
    let start = Instant::now();
    let runs = run_seeds(&small, 1, args.seeds, &driver, threads, false)?;
    let seconds = start.elapsed().as_secs_f64();
    let cq = u64::from(args.batch_customers) * u64::from(args.quarters) * runs.len() as u64;
    let note = if with_playbook {
        ", sensible playbook"
    } else {
        ", no CSM actions"
    };
    let mut m = Measurement::new(
        format!(
            "(b) batch: {} seeds × {} customers × {} quarters on {threads} threads{note}",
            args.seeds, args.batch_customers, args.quarters,
        ),
        cq,
        seconds,
    );
    m.peak_memory_bytes = peak_rss();
    // The playbook's target is set against the batch without actions, by the caller.
    m.target_seconds = 5.0;
    m.met = !full_size || seconds <= 5.0;
    Ok(m)
}

fn compare(args: &Args) -> anyhow::Result<Measurement> {
    let threads = default_threads();
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
    let mut m = Measurement::new(
        format!(
            "(c) compare: {} playbooks × {} seeds of mixed-portfolio on {threads} threads, judged",
            playbooks.len(),
            args.compare_seeds
        ),
        cq,
        seconds,
    );
    m.peak_memory_bytes = peak_rss();
    m.target_seconds = 3.0;
    m.met = args.compare_seeds != 1_000 || seconds <= 3.0;
    Ok(m)
}

fn run_workload(args: &Args, w: Workload) -> anyhow::Result<Measurement> {
    match w {
        Workload::Portfolio => Ok(portfolio(args)),
        Workload::Batch => batch(args, false),
        Workload::BatchPlaybook => batch(args, true),
        Workload::Compare => compare(args),
    }
}

/// Runs one workload in a child process of this program, so that its peak memory is its
/// own and nothing of one workload's allocations is left for the next.
fn in_child(args: &Args, w: Workload) -> anyhow::Result<Measurement> {
    use anyhow::Context;
    let exe = std::env::current_exe().context("cannot find this program to run a workload")?;
    let name = clap::ValueEnum::to_possible_value(&w)
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default();
    // The same sizes, with the workload named: the child prints one measurement.
    let mut argv: Vec<String> = vec![
        "bench".into(),
        "--customers".into(),
        args.customers.to_string(),
        "--seeds".into(),
        args.seeds.to_string(),
        "--batch-customers".into(),
        args.batch_customers.to_string(),
        "--quarters".into(),
        args.quarters.to_string(),
        "--compare-seeds".into(),
        args.compare_seeds.to_string(),
        "--workload".into(),
        name.clone(),
    ];
    if args.profile {
        argv.push("--profile".into());
    }
    let out = std::process::Command::new(&exe)
        .args(&argv)
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run the {name} workload"))?;
    anyhow::ensure!(
        out.status.success(),
        "the {name} workload failed ({})",
        out.status
    );
    serde_json::from_slice(&out.stdout)
        .with_context(|| format!("the {name} workload's measurement could not be read"))
}

pub fn bench(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(w) = args.workload {
        let m = run_workload(&args, w)?;
        outln!("{}", serde_json::to_string(&m)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if cfg!(debug_assertions) && !args.json {
        eprintln!("note: this is a debug build; measure with `cargo run --release -- bench`");
    }
    let mut results = Vec::new();
    for w in [
        Workload::Portfolio,
        Workload::Batch,
        Workload::BatchPlaybook,
        Workload::Compare,
    ] {
        results.push(in_child(&args, w)?);
    }
    // The playbook-driven batch may cost at most 1.5 times the batch without actions.
    let without = results[1].seconds;
    let with = &mut results[2];
    let ratio = with.seconds / without;
    with.name = format!("{} ({ratio:.2} × the batch without actions)", with.name);
    with.target_seconds = 1.5 * without;
    with.met = ratio <= 1.5;

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
            if let (Some(bytes), Some(rate), Some(bound), Some(share)) = (
                m.bytes_per_customer,
                m.copy_bytes_per_second,
                m.bandwidth_bound,
                m.bound_share,
            ) {
                outln!(
                    "  {bytes} bytes per customer; memory copies at {:.1} GB/s here now, so reading and writing each customer once a quarter bounds stepping at {:.1} million customer-quarters per second: {:.0} % of it reached",
                    rate / 1e9,
                    bound / 1e6,
                    share * 100.0
                )?;
            }
        }
        if let Some(grr) = results[0].grr {
            outln!("(portfolio (a) ended with GRR {:.1} %)", grr * 100.0)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
