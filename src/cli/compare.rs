//! `csm-sim compare`: several playbooks, and doing nothing, side by side on one or more
//! scenarios, every playbook on the same seeds, with paired differences to the first.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use super::batch::{SeedResult, Spread, default_threads, run_seeds};
use super::run::Driver;
use crate::playbook::Playbook;
use crate::session::write_atomically;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files or built-in names.
    #[arg(required = true, value_name = "SCENARIO")]
    scenarios: Vec<String>,
    /// A playbook file or built-in name (textbook, sensible, wrong-remedies, paperwork,
    /// expansion-spam, no-diagnosis, do-nothing); repeat it. The first is the reference.
    #[arg(long = "playbook", required = true, value_name = "PLAYBOOK")]
    playbooks: Vec<String>,
    /// How many seeds each playbook runs (the same seeds for all).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    seeds: u32,
    /// The first seed (default: each scenario's own); seeds run from here upwards.
    #[arg(long)]
    first_seed: Option<u64>,
    /// Worker threads (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
    /// Leave out the do-nothing baseline that is otherwise added last.
    #[arg(long)]
    no_baseline: bool,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    json: bool,
    /// Also write an HTML page with charts of the distributions to OUT.html.
    #[arg(long, value_name = "OUT")]
    report: Option<PathBuf>,
}

/// A paired difference to the reference playbook: the mean of the per-seed differences and
/// its 95 % interval (normal approximation).
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Diff {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

impl Diff {
    pub fn paired(a: &[f64], b: &[f64]) -> Diff {
        let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
        let n = d.len() as f64;
        if d.is_empty() {
            return Diff {
                mean: 0.0,
                low: 0.0,
                high: 0.0,
            };
        }
        let mean = d.iter().sum::<f64>() / n;
        let var = if d.len() > 1 {
            d.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        let half = 1.96 * (var / n).sqrt();
        Diff {
            mean,
            low: mean - half,
            high: mean + half,
        }
    }
}

/// Paired differences of each measure to the first playbook.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Paired {
    pub against: String,
    pub nrr: Diff,
    pub outlook_nrr: Diff,
    pub grr: Diff,
    pub churn: Diff,
    pub expansion_arr: Diff,
    pub hours: Diff,
    pub readiness: Diff,
    pub targets_met: Diff,
}

/// One playbook's results on one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct PlaybookResult {
    pub name: String,
    /// The file or built-in name it came from ("none" for the baseline).
    pub source: String,
    pub nrr: Spread,
    pub outlook_nrr: Spread,
    pub grr: Spread,
    pub churn: Spread,
    pub expansion_arr: Spread,
    pub hours: Spread,
    pub readiness: Spread,
    /// Share of runs that met every target of the scenario.
    pub targets_met: f64,
    /// Differences to the first playbook (none for the first itself).
    pub vs_first: Option<Paired>,
    #[serde(skip)]
    pub runs: Vec<SeedResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioComparison {
    pub scenario: String,
    pub title: String,
    pub first_seed: u64,
    pub seeds: u32,
    pub playbooks: Vec<PlaybookResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub scenarios: Vec<ScenarioComparison>,
}

fn column(runs: &[SeedResult], f: impl Fn(&SeedResult) -> f64) -> Vec<f64> {
    runs.iter().map(f).collect()
}

fn measures() -> [(&'static str, fn(&SeedResult) -> f64); 8] {
    [
        ("nrr", |r| r.nrr),
        ("outlook_nrr", |r| r.outlook_nrr),
        ("grr", |r| r.grr),
        ("churn", |r| r.churn),
        ("expansion_arr", |r| r.expansion_arr as f64),
        ("hours", |r| r.hours),
        ("readiness", |r| r.readiness.unwrap_or(0.0)),
        ("targets_met", |r| f64::from(u8::from(r.targets_met))),
    ]
}

/// Summarises one playbook's runs, paired with the reference's runs on the same seeds.
pub fn summarise(
    name: &str,
    source: &str,
    runs: Vec<SeedResult>,
    first: Option<(&str, &[SeedResult])>,
) -> PlaybookResult {
    let spread = |f: fn(&SeedResult) -> f64| Spread::of(runs.iter().map(f));
    let [
        nrr,
        outlook,
        grr,
        churn,
        expansion,
        hours,
        readiness,
        targets,
    ] = measures();
    let vs_first = first.map(|(against, base)| {
        let d = |f: fn(&SeedResult) -> f64| Diff::paired(&column(base, f), &column(&runs, f));
        Paired {
            against: against.to_owned(),
            nrr: d(nrr.1),
            outlook_nrr: d(outlook.1),
            grr: d(grr.1),
            churn: d(churn.1),
            expansion_arr: d(expansion.1),
            hours: d(hours.1),
            readiness: d(readiness.1),
            targets_met: d(targets.1),
        }
    });
    PlaybookResult {
        name: name.to_owned(),
        source: source.to_owned(),
        nrr: spread(nrr.1),
        outlook_nrr: spread(outlook.1),
        grr: spread(grr.1),
        churn: spread(churn.1),
        expansion_arr: spread(expansion.1),
        hours: spread(hours.1),
        readiness: spread(readiness.1),
        targets_met: Spread::of(runs.iter().map(targets.1)).mean,
        vs_first,
        runs,
    }
}

/// Runs every playbook (and, unless left out, doing nothing) on every scenario.
pub fn compare_playbooks(
    scenarios: &[String],
    playbooks: &[String],
    seeds: u32,
    first_seed: Option<u64>,
    threads: usize,
    baseline: bool,
    judged: bool,
) -> anyhow::Result<Comparison> {
    let mut drivers: Vec<(String, Driver)> = Vec::new();
    for spec in playbooks {
        let p = Playbook::load(spec)?;
        drivers.push((spec.clone(), Driver::Playbook(p)));
    }
    let has_nothing = drivers
        .iter()
        .any(|(_, d)| matches!(d, Driver::Playbook(p) if p.rules.is_empty()));
    if baseline && !has_nothing {
        drivers.push(("none".to_owned(), Driver::Nobody));
    }
    let mut out = Vec::new();
    for spec in scenarios {
        let scenario = super::load_scenario(Some(spec))?;
        let first = first_seed.unwrap_or(scenario.seed);
        let mut results: Vec<PlaybookResult> = Vec::new();
        for (source, driver) in &drivers {
            let runs = run_seeds(&scenario, first, seeds, driver, threads, judged)
                .with_context(|| format!("playbook {source} on {}", scenario.id))?;
            let name = match driver {
                Driver::Nobody => "Do nothing".to_owned(),
                d => d.name(),
            };
            let reference = results
                .first()
                .map(|r| (r.name.as_str(), r.runs.as_slice()));
            let r = summarise(&name, source, runs, reference);
            results.push(r);
        }
        out.push(ScenarioComparison {
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            first_seed: first,
            seeds,
            playbooks: results,
        });
    }
    Ok(Comparison { scenarios: out })
}

fn pct(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

/// The revenue figures of one playbook, as the table and the page show them: NRR mean,
/// median, p5 and p95, outlook, GRR, logo churn and expansion ARR.
fn revenue_cells(p: &PlaybookResult) -> [String; 8] {
    [
        pct(p.nrr.mean),
        pct(p.nrr.median),
        pct(p.nrr.p5),
        pct(p.nrr.p95),
        pct(p.outlook_nrr.mean),
        pct(p.grr.mean),
        pct(p.churn.mean),
        super::format::money(p.expansion_arr.mean.round() as i64),
    ]
}

fn points(d: &Diff) -> String {
    format!(
        "{:+.1} ({:+.1} to {:+.1})",
        d.mean * 100.0,
        d.low * 100.0,
        d.high * 100.0
    )
}

/// The side-by-side tables, as printed.
pub fn tables(c: &Comparison) -> String {
    let mut s = String::new();
    for sc in &c.scenarios {
        let width = sc
            .playbooks
            .iter()
            .map(|p| p.name.chars().count())
            .max()
            .unwrap_or(8)
            .max(8);
        let _ = writeln!(
            s,
            "{} ({}) — {} seeds from {}, the same seeds for every playbook",
            sc.title, sc.scenario, sc.seeds, sc.first_seed
        );
        let _ = writeln!(
            s,
            "{:<width$}  {:>8} {:>8} {:>8} {:>8}  {:>8}  {:>8}  {:>7}  {:>10}",
            "playbook", "NRR", "median", "p5", "p95", "outlook", "GRR", "churn", "expansion"
        );
        for p in &sc.playbooks {
            let [mean, median, p5, p95, outlook, grr, churn, expansion] = revenue_cells(p);
            let _ = writeln!(
                s,
                "{:<width$}  {mean:>8} {median:>8} {p5:>8} {p95:>8}  {outlook:>8}  {grr:>8}  {churn:>7}  {expansion:>10}",
                p.name,
            );
        }
        let against = sc.playbooks.first().map_or("", |p| p.name.as_str());
        let _ = writeln!(
            s,
            "{:<width$}  {:>6}  {:>9}  {:>7}  {:<27}  {:<27}",
            "",
            "hours",
            "readiness",
            "targets",
            "NRR vs first (95 % CI)",
            "outlook vs first (95 % CI)"
        );
        for p in &sc.playbooks {
            let (d_nrr, d_outlook) = match &p.vs_first {
                Some(v) => (points(&v.nrr), points(&v.outlook_nrr)),
                None => (format!("first: {against}"), String::new()),
            };
            let _ = writeln!(
                s,
                "{:<width$}  {:>6.0}  {:>9}  {:>7}  {:<27}  {:<27}",
                p.name,
                p.hours.mean,
                pct(p.readiness.mean),
                format!("{:.0} %", p.targets_met * 100.0),
                d_nrr,
                d_outlook
            );
        }
        let _ = writeln!(s);
        s.push_str(&detail(sc, width));
    }
    let _ = writeln!(
        s,
        "Differences are in points, paired by seed. NRR and GRR are over the scenario's quarters; outlook values\nevery contract at its expected ARR at its next renewal (docs/model.md §11). Readiness is judged from the\ndecisions alone, without knowledge checks."
    );
    s
}

/// Every measure's distribution and its paired difference to the first playbook, a block
/// per measure.
fn detail(sc: &ScenarioComparison, width: usize) -> String {
    type Pick = fn(&PlaybookResult) -> Spread;
    type PickDiff = fn(&Paired) -> Diff;
    let money = |v: f64| super::format::money(v.round() as i64);
    let hours = |v: f64| format!("{v:.0}");
    let measures: [(
        &str,
        Pick,
        PickDiff,
        &dyn Fn(f64) -> String,
        &dyn Fn(&Diff) -> String,
    ); 7] = [
        ("NRR", |p| p.nrr, |d| d.nrr, &pct, &points),
        (
            "NRR with outlook",
            |p| p.outlook_nrr,
            |d| d.outlook_nrr,
            &pct,
            &points,
        ),
        ("GRR", |p| p.grr, |d| d.grr, &pct, &points),
        ("logo churn", |p| p.churn, |d| d.churn, &pct, &points),
        (
            "expansion ARR",
            |p| p.expansion_arr,
            |d| d.expansion_arr,
            &money,
            &|d: &Diff| {
                format!(
                    "{} ({} to {})",
                    super::format::money(d.mean.round() as i64),
                    super::format::money(d.low.round() as i64),
                    super::format::money(d.high.round() as i64)
                )
            },
        ),
        ("hours", |p| p.hours, |d| d.hours, &hours, &|d: &Diff| {
            format!("{:+.0} ({:+.0} to {:+.0})", d.mean, d.low, d.high)
        }),
        ("readiness", |p| p.readiness, |d| d.readiness, &pct, &points),
    ];
    let mut s = String::new();
    for (name, pick, pick_diff, value, diff) in measures {
        let _ = writeln!(
            s,
            "{name:<w$}  {:>11} {:>11} {:>11} {:>11}  vs first (95 % CI)",
            "mean",
            "median",
            "p5",
            "p95",
            w = width + 2
        );
        for p in &sc.playbooks {
            let sp = pick(p);
            let d = p
                .vs_first
                .as_ref()
                .map_or_else(|| "—".to_owned(), |v| diff(&pick_diff(v)));
            let _ = writeln!(
                s,
                "  {:<w$}  {:>11} {:>11} {:>11} {:>11}  {d}",
                p.name,
                value(sp.mean),
                value(sp.median),
                value(sp.p5),
                value(sp.p95),
                w = width
            );
        }
    }
    let _ = writeln!(s, "{:<w$}  share of runs", "targets met", w = width + 2);
    for p in &sc.playbooks {
        let d = p.vs_first.as_ref().map_or_else(String::new, |v| {
            format!("  vs first {}", points(&v.targets_met))
        });
        let _ = writeln!(
            s,
            "  {:<w$}  {:>11}{d}",
            p.name,
            format!("{:.0} %", p.targets_met * 100.0),
            w = width
        );
    }
    let _ = writeln!(s);
    s
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const COLOURS: [&str; 8] = [
    "#1f6feb", "#d1495b", "#2a9d8f", "#e9a03b", "#7b5ea7", "#6c757d", "#3d405b", "#8ab17d",
];

/// One range chart: a row per playbook from p5 to p95, the median as a bar, the mean as a dot.
fn range_chart(title: &str, rows: &[(&str, Spread)], as_pct: bool) -> String {
    let lo = rows.iter().map(|(_, s)| s.p5).fold(f64::INFINITY, f64::min);
    let hi = rows
        .iter()
        .map(|(_, s)| s.p95)
        .fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo - 0.05, hi + 0.05)
    } else {
        let pad = (hi - lo) * 0.05;
        (lo - pad, hi + pad)
    };
    // Shares do not go below nothing, and readiness not above all.
    let lo = if rows.iter().all(|(_, s)| s.p5 >= 0.0) {
        lo.max(0.0)
    } else {
        lo
    };
    let hi = if rows.iter().all(|(_, s)| s.p95 <= 1.0) && as_pct && title.contains("readiness") {
        hi.min(1.0)
    } else {
        hi
    };
    let (w, left, row_h) = (720.0, 170.0, 26.0);
    let h = 40.0 + row_h * rows.len() as f64;
    let x = |v: f64| left + (v - lo) / (hi - lo) * (w - left - 20.0);
    let fmt = |v: f64| {
        if as_pct {
            format!("{:.0} %", v * 100.0)
        } else {
            format!("{v:.0}")
        }
    };
    let mut s = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">",
        escape(title),
        escape(title)
    );
    for i in 0..=4 {
        let v = lo + (hi - lo) * f64::from(i) / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"10\" x2=\"{x:.1}\" y2=\"{y:.1}\" class=\"grid\"/><text x=\"{x:.1}\" y=\"{t:.1}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
            fmt(v),
            x = x(v),
            y = h - 22.0,
            t = h - 6.0
        );
    }
    for (i, (name, sp)) in rows.iter().enumerate() {
        let y = 22.0 + row_h * i as f64;
        let c = COLOURS[i % COLOURS.len()];
        let _ = write!(
            s,
            "<text x=\"{tx}\" y=\"{ty:.1}\" class=\"name\">{}</text>\
             <line x1=\"{a:.1}\" y1=\"{y:.1}\" x2=\"{b:.1}\" y2=\"{y:.1}\" stroke=\"{c}\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\"0.45\"><title>5th–95th percentile: {} to {}</title></line>\
             <line x1=\"{m:.1}\" y1=\"{y0:.1}\" x2=\"{m:.1}\" y2=\"{y1:.1}\" stroke=\"{c}\" stroke-width=\"3\"><title>median {}</title></line>\
             <circle cx=\"{mean:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#fff\" stroke=\"{c}\" stroke-width=\"2\"><title>mean {}</title></circle>",
            escape(name),
            fmt(sp.p5),
            fmt(sp.p95),
            fmt(sp.median),
            fmt(sp.mean),
            tx = left - 8.0,
            ty = y + 4.0,
            a = x(sp.p5),
            b = x(sp.p95),
            m = x(sp.median),
            y0 = y - 8.0,
            y1 = y + 8.0,
            mean = x(sp.mean),
        );
    }
    s.push_str("</svg></figure>");
    s
}

/// Histograms of NRR, one small chart per playbook on a shared scale.
fn histograms(sc: &ScenarioComparison) -> String {
    let all = sc
        .playbooks
        .iter()
        .flat_map(|p| p.runs.iter().map(|r| r.nrr));
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in all {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return String::new();
    }
    if hi - lo < 1e-9 {
        lo -= 0.05;
        hi += 0.05;
    }
    const BINS: usize = 30;
    let (w, h) = (340.0, 120.0);
    let mut s = String::from("<div class=\"hists\">");
    for (i, p) in sc.playbooks.iter().enumerate() {
        let mut counts = [0u32; BINS];
        for r in &p.runs {
            let b = (((r.nrr - lo) / (hi - lo)) * BINS as f64).floor() as usize;
            counts[b.min(BINS - 1)] += 1;
        }
        let max = f64::from(counts.iter().copied().max().unwrap_or(1).max(1));
        let bw = (w - 20.0) / BINS as f64;
        let c = COLOURS[i % COLOURS.len()];
        let _ = write!(
            s,
            "<figure><figcaption>{} <small>(NRR, runs per bin)</small></figcaption><svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"NRR histogram for {}\">",
            escape(&p.name),
            escape(&p.name)
        );
        for (b, &n) in counts.iter().enumerate() {
            let bh = f64::from(n) / max * (h - 34.0);
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw1:.1}\" height=\"{bh:.1}\" fill=\"{c}\"><title>{n} runs</title></rect>",
                x = 10.0 + bw * b as f64,
                y = h - 22.0 - bh,
                bw1 = (bw - 1.0).max(0.5),
            );
        }
        let _ = write!(
            s,
            "<text x=\"10\" y=\"{t}\" class=\"tick\" text-anchor=\"start\">{}</text><text x=\"{r}\" y=\"{t}\" class=\"tick\" text-anchor=\"end\">{}</text></svg></figure>",
            pct(lo),
            pct(hi),
            t = h - 6.0,
            r = w - 10.0
        );
    }
    s.push_str("</div>");
    s
}

/// A self-contained page: tables and charts, no scripts, fonts or outside resources.
pub fn to_html(c: &Comparison) -> String {
    let mut body = String::new();
    for sc in &c.scenarios {
        let _ = write!(
            body,
            "<section><h2>{} <small>{}</small></h2><p>{} seeds from {}, the same seeds for every playbook. Differences are paired by seed, with 95 % intervals.</p>",
            escape(&sc.title),
            escape(&sc.scenario),
            sc.seeds,
            sc.first_seed
        );
        body.push_str("<div class=\"wide\"><table><thead><tr><th>playbook</th><th>NRR mean</th><th>median</th><th>p5</th><th>p95</th><th>outlook</th><th>GRR</th><th>logo churn</th><th>expansion ARR</th><th>hours</th><th>readiness</th><th>targets met</th><th>NRR vs first (points)</th></tr></thead><tbody>");
        for p in &sc.playbooks {
            let diff = p
                .vs_first
                .as_ref()
                .map_or_else(|| "reference".to_owned(), |v| points(&v.nrr));
            let cells: String = revenue_cells(p)
                .iter()
                .map(|c| format!("<td>{}</td>", escape(c)))
                .collect();
            let _ = write!(
                body,
                "<tr><th>{}</th>{cells}<td>{:.0}</td><td>{}</td><td>{:.0} %</td><td>{}</td></tr>",
                escape(&p.name),
                p.hours.mean,
                pct(p.readiness.mean),
                p.targets_met * 100.0,
                escape(&diff)
            );
        }
        body.push_str("</tbody></table></div><div class=\"charts\">");
        let rows = |f: fn(&PlaybookResult) -> Spread| -> Vec<(&str, Spread)> {
            sc.playbooks
                .iter()
                .map(|p| (p.name.as_str(), f(p)))
                .collect()
        };
        body.push_str(&range_chart("NRR", &rows(|p| p.nrr), true));
        body.push_str(&range_chart(
            "NRR with the renewal outlook",
            &rows(|p| p.outlook_nrr),
            true,
        ));
        body.push_str(&range_chart("GRR", &rows(|p| p.grr), true));
        body.push_str(&range_chart("Exam readiness", &rows(|p| p.readiness), true));
        body.push_str("</div><h3>How NRR is spread over the seeds</h3>");
        body.push_str(&histograms(sc));
        body.push_str("</section>");
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>csm-sim compare</title><style>{CSS}</style></head><body><header><h1>Playbooks compared</h1><p>Each bar runs from the 5th to the 95th percentile; the tick is the median and the dot the mean. Outlook values every contract at the end at its expected ARR at its next renewal.</p></header>{body}</body></html>"
    )
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f7f9;color:#1d2330}header,section{max-width:1180px;margin:0 auto;padding:16px 24px}h1{font-size:1.6rem;margin:.4em 0}h2{font-size:1.25rem;margin:.8em 0 .3em}h2 small{color:#6b7280;font-weight:400}section{background:#fff;border-radius:8px;margin-bottom:18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}table{border-collapse:collapse;width:100%;font-size:.8rem;margin:8px 0 12px}thead th{white-space:normal}thead th:first-child{text-align:left}th,td{padding:4px 6px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap}thead th{background:#f0f2f5;font-weight:600}tbody th{text-align:left}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:8px}figure{margin:4px 0}figcaption{font-weight:600;font-size:.9rem;margin-bottom:2px}svg{max-width:100%;height:auto}.grid{stroke:#e5e7eb}.tick{font-size:11px;fill:#6b7280}.wide{overflow-x:auto}.name{font-size:12px;fill:#1d2330;text-anchor:end}.hists{display:flex;flex-wrap:wrap;gap:8px}";

pub fn compare(args: Args) -> anyhow::Result<ExitCode> {
    let threads = args.threads.map_or_else(default_threads, usize::from);
    let c = compare_playbooks(
        &args.scenarios,
        &args.playbooks,
        args.seeds,
        args.first_seed,
        threads,
        !args.no_baseline,
        true,
    )?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&c)?)?;
    } else {
        out!("{}", tables(&c))?;
    }
    if let Some(out) = &args.report {
        let path = match out.extension().and_then(|e| e.to_str()) {
            Some("html") => out.clone(),
            _ => out.with_extension("html"),
        };
        write_atomically(&path, to_html(&c).as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("Comparison written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_differences_have_an_interval_around_the_mean() {
        let a = [1.0, 2.0, 3.0, 4.0];
        let b = [1.5, 2.4, 3.6, 4.5];
        let d = Diff::paired(&a, &b);
        assert!((d.mean - 0.5).abs() < 1e-12);
        assert!(d.low < d.mean && d.mean < d.high);
        // The same values give no difference and no spread.
        let z = Diff::paired(&a, &a);
        assert_eq!((z.mean, z.low, z.high), (0.0, 0.0, 0.0));
    }
}
