//! Text tables and sentences for the terminal.

use std::fmt::Write;

use crate::sim::Simulation;
use crate::sim::journal::{Entry, Event, SEGMENT_WIDE, format_money};
use crate::sim::summary::RunSummary;

pub fn money(v: i64) -> String {
    format_money(v)
}

/// A share as a percentage with one decimal, as the language writes it ("12.5 %", "12.5%").
pub fn pct(v: f64) -> String {
    tr!("percent", value = format!("{:.1}", v * 100.0))
}

/// The quarter-by-quarter table of a run.
pub fn quarter_table(s: &RunSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        [
            ("Q", 3usize),
            ("table-arr-end", 14),
            ("ATR", 13),
            ("table-churned", 12),
            ("table-contraction", 12),
            ("table-expansion", 12),
            ("table-new", 12),
            ("GRR", 8),
            ("NRR", 8),
            ("table-nrr-run", 9),
            ("table-customers", 6),
            ("table-bands", 13),
        ]
        .iter()
        .map(|(id, width)| {
            // Headings right-aligned by display width, so wide characters line up.
            let word = if id.contains('-') {
                tr!(id)
            } else {
                (*id).to_owned()
            };
            right(&word, *width)
        })
        .collect::<Vec<_>>()
        .join(" ")
    );
    for q in &s.per_quarter {
        let _ = writeln!(
            out,
            "{:>3} {:>14} {:>13} {:>12} {:>12} {:>12} {:>12} {:>8} {:>8} {:>9} {:>6} {:>13}",
            q.quarter,
            money(q.end_arr),
            money(q.atr),
            money(q.churned_arr),
            money(q.contraction_arr),
            money(q.expansion_arr),
            money(q.new_arr),
            pct(q.grr),
            pct(q.nrr),
            pct(q.cumulative_nrr),
            q.customers,
            format!("{}/{}/{}", q.red, q.yellow, q.green),
        );
    }
    out
}

/// `s` right-aligned in `width` terminal columns, counted by display width (a heading of
/// wide characters lines up with the numbers under it); wider text is left as it is.
pub fn right(s: &str, width: usize) -> String {
    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(s));
    format!("{}{s}", " ".repeat(pad))
}

/// `s` in exactly `width` terminal columns: padded with spaces, or cut with "…" when too
/// wide. Columns are counted by display width, so a Japanese name (two columns a
/// character) lines up with a Latin one.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut out = String::new();
    if s.width() <= width {
        out.push_str(s);
        out.push_str(&" ".repeat(width - s.width()));
        return out;
    }
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// The overall results and the scenario's targets.
pub fn totals(s: &RunSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "totals-arr",
            start = money(s.start_arr),
            end = money(s.end_arr),
            quarters = s.quarters
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "totals-rates",
            grr = pct(s.grr),
            nrr = pct(s.nrr),
            churned = money(s.churned_arr),
            lost = s.churned_customers,
            customers = s.customers,
            contraction = money(s.contraction_arr),
            expansion = money(s.expansion_arr),
            new = money(s.new_arr)
        )
    );
    if s.outlook.pending_arr > 0 {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "totals-outlook",
                pending = money(s.outlook.pending_arr),
                expected = money(s.outlook.expected_pending_arr),
                nrr = pct(s.outlook.nrr)
            )
        );
    }
    let ttv = s.mean_time_to_value.map_or_else(
        || tr!("totals-no-value"),
        |t| {
            tr!(
                "totals-ttv",
                quarters = format!("{t:.1}"),
                customers = s.customers_with_value
            )
        },
    );
    let _ = writeln!(
        out,
        "{}",
        tr!("totals-ltv", ltv = money(s.ltv.round() as i64), ttv = ttv)
    );
    for t in &s.targets {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "totals-target",
                name = crate::i18n::target_name(t),
                target = crate::i18n::target_value(t, t.target),
                actual = crate::i18n::target_value(t, t.actual),
                met = if t.met { "yes" } else { "no" }
            )
        );
    }
    out
}

/// One journal entry as a line: `Q3 Northwind Traders: churned, …`.
pub fn entry(sim: &Simulation, e: &Entry) -> String {
    let segment_name = |s: u16| {
        sim.scenario()
            .segments
            .get(usize::from(s))
            .map_or_else(|| s.to_string(), |s| s.name.clone())
    };
    let who = if e.customer == SEGMENT_WIDE {
        tr!("portfolio")
    } else {
        sim.customer(e.customer)
            .map_or_else(|| format!("#{}", e.customer), |c| c.name)
    };
    format!(
        "Q{} {who}: {}",
        e.quarter,
        crate::i18n::event(&e.event, segment_name)
    )
}

/// Whether an entry is a business outcome worth printing in a run summary.
pub fn is_outcome(e: &Entry) -> bool {
    matches!(
        e.event,
        Event::Churned { .. } | Event::Downsold { .. } | Event::Renewed { .. }
    ) || matches!(
        e.event,
        Event::Action {
            outcome: crate::sim::actions::ActionOutcome::ExpansionWon(_),
            ..
        }
    )
}

/// The judged decisions, praise first: each rule that fired once, with its explanation,
/// its objectives and where it fired.
pub fn judgements(sim: &Simulation, judgements: &[crate::exam::judge::Judgement]) -> String {
    use crate::exam::judge::{Rules, Verdict};
    let mut out = String::new();
    for (verdict, heading) in [
        (Verdict::Good, tr!("judged-well")),
        (Verdict::Mistake, tr!("judged-differently")),
    ] {
        let mut any = false;
        for rule in Rules::get().0.iter().filter(|r| r.verdict == verdict) {
            let places: Vec<String> = judgements
                .iter()
                .filter(|j| j.rule == rule.id)
                .map(|j| {
                    let who = j
                        .customer
                        .and_then(|id| sim.customer(id))
                        .map_or_else(|| tr!("portfolio-word"), |c| c.name);
                    format!("Q{} {who}", j.quarter)
                })
                .collect();
            if places.is_empty() {
                continue;
            }
            if !any {
                let _ = writeln!(out, "{heading}:");
                any = true;
            }
            let shown = places.len().min(6);
            let more = if places.len() > shown {
                tr!("judged-more", count = places.len() - shown)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  [{}] {}
      {}{more}",
                rule.objectives.join(", "),
                crate::i18n::rule_explanation(rule),
                places[..shown].join("; ")
            );
        }
        if any {
            let _ = writeln!(out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn text_fits_its_columns_by_display_width() {
        // Display width, not characters: two columns for each of 北, 海 and 道.
        use unicode_width::UnicodeWidthStr;
        assert_eq!(fit("北海道ガス", 8).width(), 8);
        assert_eq!(fit("北海道ガス", 8), "北海道… ");
        assert_eq!(fit("Contoso", 10), "Contoso   ");
        assert_eq!(fit("Contoso Health", 8), "Contoso…");
        assert_eq!(fit("北海道", 6), "北海道");
        assert_eq!(fit("北海道", 5), "北海…");
    }
}
