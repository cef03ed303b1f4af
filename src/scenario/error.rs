//! Errors from loading a scenario, each located as `FILE:LINE:COLUMN`.

use std::fmt;

/// One problem found in a file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {message}")]
    Io { file: String, message: String },
    #[error("{}", join(.0))]
    Invalid(Vec<Located>),
}

impl LoadError {
    /// The located problems, if the file could be read at all.
    pub fn problems(&self) -> &[Located] {
        match self {
            LoadError::Io { .. } => &[],
            LoadError::Invalid(problems) => problems,
        }
    }
}

fn join(problems: &[Located]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Words for `ron`'s errors that speak to a scenario author rather than a programmer.
pub(crate) fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "the value is nested too deeply (more than 64 levels); scenarios need only a few"
                .to_owned()
        }
        ron::Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("`{outer}` is missing the required field `{field}`"),
            None => format!("the required field `{field}` is missing"),
        },
        ron::Error::ExpectedInteger => "expected a whole number here, like 4".to_owned(),
        ron::Error::ExpectedFloat => "expected a number here, like 0.5 or 120000".to_owned(),
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            "expected text in double quotes here, like \"enterprise\"".to_owned()
        }
        ron::Error::ExpectedBoolean => "expected true or false here".to_owned(),
        ron::Error::ExpectedArray => {
            "expected a list in square brackets here, like [..]".to_owned()
        }
        other => format!("{other}"),
    }
}
