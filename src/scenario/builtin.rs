//! Scenarios compiled into the binary, so the program runs on a fresh machine with no files.

/// The scenario `csm-sim` plays when none is named.
pub const DEFAULT: &str = "tutorial";

/// Every built-in scenario: its name and text.
pub const ALL: &[(&str, &str)] = &[
    ("tutorial", include_str!("../../scenarios/tutorial.ron")),
    (
        "sponsor-loss",
        include_str!("../../scenarios/sponsor-loss.ron"),
    ),
    (
        "quality-crisis",
        include_str!("../../scenarios/quality-crisis.ron"),
    ),
    (
        "mixed-portfolio",
        include_str!("../../scenarios/mixed-portfolio.ron"),
    ),
    (
        "large-portfolio",
        include_str!("../../scenarios/large-portfolio.ron"),
    ),
    (
        "company-risk",
        include_str!("../../scenarios/company-risk.ron"),
    ),
    (
        "expansion-advocacy",
        include_str!("../../scenarios/expansion-advocacy.ron"),
    ),
    (
        "consumption-models",
        include_str!("../../scenarios/consumption-models.ron"),
    ),
];

/// The text of a built-in scenario, by name (`tutorial`) or as `builtin:tutorial`.
pub fn find(name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("builtin:").unwrap_or(name);
    ALL.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}
