//! Finds where a field path (`customers[3].contract.arr`) stands in RON text, so that
//! validation errors can name a line and column like syntax errors do.
//!
//! `ron` gives positions only for the errors it finds itself; for rules checked after
//! parsing we walk the text again, structurally, following the path.

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Field(String),
    Index(usize),
}

/// A path into a RON document, written like `customers[3].contract.arr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    pub fn field(&self, name: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Field(name.to_owned()));
        FieldPath(steps)
    }

    pub fn index(&self, i: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(i));
        FieldPath(steps)
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for step in &self.0 {
            match step {
                Step::Field(name) if first => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

/// A problem at `path` of a file's text, located by line and column.
pub fn located(file: &str, text: &str, path: &FieldPath, message: String) -> super::Located {
    let (line, column) = locate(text, path);
    super::Located {
        file: file.to_owned(),
        line,
        column,
        message,
    }
}

/// Returns the 1-based line and column of the value at `path`, or of the deepest part of
/// the path that could be found (the whole document's start if nothing matched).
///
/// Locating many problems in one large file costs about one pass over it: the entries of
/// each container walked and the start of every line are remembered for the text last
/// asked about, so the thousandth customer is not found by walking the first 999 again.
pub fn locate(text: &str, path: &FieldPath) -> (usize, usize) {
    with_cache(text, |cache| {
        let (pos, _) = cache.walk(text.as_bytes(), path);
        cache.line_col(text, pos)
    })
}

/// Keys given more than once in the map or struct at `path` (RON keeps the last one
/// silently), each with the line and column of its repeat.
pub fn repeated_keys(text: &str, path: &FieldPath) -> Vec<(String, usize, usize)> {
    with_cache(text, |cache| {
        let b = text.as_bytes();
        let (pos, whole) = cache.walk(b, path);
        let Some(open) = whole.then(|| container_start(b, pos)).flatten() else {
            return Vec::new();
        };
        let repeats: Vec<(Vec<u8>, usize)> = cache
            .containers
            .entry(open)
            .or_insert_with(|| scan(b, open))
            .as_ref()
            .map(|e| e.repeats.clone())
            .unwrap_or_default();
        repeats
            .into_iter()
            .map(|(k, pos)| {
                let (line, col) = cache.line_col(text, pos);
                (String::from_utf8_lossy(&k).into_owned(), line, col)
            })
            .collect()
    })
}

/// Runs `f` with the cache for `text`, started afresh if it held another text.
fn with_cache<R>(text: &str, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = fingerprint(text);
        if cache.key != key {
            *cache = Cache::new(key, text);
        }
        f(&mut cache)
    })
}

thread_local! {
    static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache::new((0, 0, 0), ""));
}

/// One container's entries: where each starts and, for `name: value` entries, the name
/// and where the value starts.
struct Entries {
    starts: Vec<usize>,
    fields: std::collections::HashMap<Vec<u8>, usize>,
    /// Keys given a second time, with where the repeat's value starts.
    repeats: Vec<(Vec<u8>, usize)>,
}

/// Which text the cache holds: its address and length, and a sample of its bytes (so a new
/// text that happens to reuse a freed one's address is not mistaken for it).
fn fingerprint(text: &str) -> (usize, usize, u64) {
    let b = text.as_bytes();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let step = (b.len() / 64).max(1);
    for &c in b.iter().step_by(step) {
        h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    }
    (text.as_ptr() as usize, b.len(), h)
}

struct Cache {
    key: (usize, usize, u64),
    line_starts: Vec<usize>,
    containers: std::collections::HashMap<usize, Option<Entries>>,
}

impl Cache {
    fn new(key: (usize, usize, u64), text: &str) -> Cache {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, c)| c == b'\n')
                .map(|(i, _)| i + 1),
        );
        Cache {
            key,
            line_starts,
            containers: std::collections::HashMap::new(),
        }
    }

    fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= pos);
        let start = self.line_starts[line - 1];
        let column = text.get(start..pos).map_or(0, |s| s.chars().count());
        (line, column + 1)
    }

    /// Follows `path` from the document's start: where it got to, and whether that is the
    /// whole path (or only the deepest part that could be found).
    fn walk(&mut self, b: &[u8], path: &FieldPath) -> (usize, bool) {
        let mut pos = skip_ws(b, 0);
        for step in &path.0 {
            match self.descend(b, pos, step) {
                Some(next) => pos = next,
                None => return (pos, false),
            }
        }
        (pos, true)
    }

    /// From the start of a value, finds the start of the child named by `step`.
    fn descend(&mut self, b: &[u8], pos: usize, step: &Step) -> Option<usize> {
        let open = container_start(b, pos)?;
        let entries = self
            .containers
            .entry(open)
            .or_insert_with(|| scan(b, open))
            .as_ref()?;
        match step {
            Step::Index(want) => entries.starts.get(*want).copied(),
            Step::Field(name) => entries.fields.get(name.as_bytes()).copied(),
        }
    }
}

/// The opening bracket of the container at `pos`, looking through `Some(...)` and the
/// names of structs or enum variants (`Name(` or `Name {`).
fn container_start(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = skip_ws(b, pos);
    loop {
        let ident_end = ident_end(b, i);
        if ident_end > i {
            let after = skip_ws(b, ident_end);
            if b.get(after) == Some(&b'(') && &b[i..ident_end] == b"Some" {
                i = skip_ws(b, after + 1);
                continue;
            }
            i = after;
        }
        break;
    }
    matches!(b.get(i)?, b'(' | b'[' | b'{').then_some(i)
}

/// Walks a container's entries once.
fn scan(b: &[u8], open: usize) -> Option<Entries> {
    let mut entries = Entries {
        starts: Vec::new(),
        fields: std::collections::HashMap::new(),
        repeats: Vec::new(),
    };
    let mut j = skip_ws(b, open + 1);
    while j < b.len() && !matches!(b[j], b')' | b']' | b'}') {
        let entry_start = j;
        entries.starts.push(entry_start);
        // `name: value` in a struct, `"name": value` or `Name: value` in a map.
        let key_end = skip_value(b, j);
        let colon = skip_ws(b, key_end);
        if b.get(colon) == Some(&b':') {
            let value = skip_ws(b, colon + 1);
            let key = trim_quotes(&b[j..key_end]).to_vec();
            match entries.fields.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    entries.repeats.push((e.key().clone(), value));
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(value);
                }
            }
            j = skip_value(b, value);
        } else {
            j = key_end;
        }
        j = skip_ws(b, j);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        } else if j == entry_start {
            // Nothing we understand: stop rather than loop.
            break;
        }
    }
    Some(entries)
}

fn trim_quotes(s: &[u8]) -> &[u8] {
    if s.len() >= 2 && s[0] == b'"' && s[s.len() - 1] == b'"' {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

fn ident_end(b: &[u8], mut i: usize) -> usize {
    if i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'_') {
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
    }
    i
}

/// Skips white space and comments (`//` to the end of the line, nested `/* */`).
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0usize;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else {
            return i;
        }
    }
}

/// Skips one value (a literal, a string, a bracketed group, or `Name(...)`), returning
/// the index just after it.
fn skip_value(b: &[u8], start: usize) -> usize {
    let mut i = skip_ws(b, start);
    let Some(&c) = b.get(i) else { return i };
    match c {
        b'"' => skip_quoted(b, i, b'"'),
        b'\'' => skip_quoted(b, i, b'\''),
        b'(' | b'[' | b'{' => skip_group(b, i),
        b'r' if matches!(b.get(i + 1), Some(b'#' | b'"')) => skip_raw_string(b, i),
        _ if c.is_ascii_alphabetic() || c == b'_' => {
            i = ident_end(b, i);
            let after = skip_ws(b, i);
            if matches!(b.get(after), Some(b'(' | b'{')) {
                skip_group(b, after)
            } else {
                i
            }
        }
        _ => {
            while i < b.len() && !matches!(b[i], b',' | b')' | b']' | b'}' | b':') {
                if b[i].is_ascii_whitespace() {
                    break;
                }
                i += 1;
            }
            i.max(start + 1).min(b.len())
        }
    }
}

/// Skips a string or character literal opening at `i` with the quote `quote`.
fn skip_quoted(b: &[u8], mut i: usize, quote: u8) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn skip_raw_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    let mut hashes = 0;
    while b.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    b.len()
}

fn skip_group(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        let c = b[i];
        match c {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            b'"' => i = skip_quoted(b, i, b'"'),
            b'\'' => i = skip_quoted(b, i, b'\''),
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_ws(b, i),
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(steps: &[Step]) -> FieldPath {
        FieldPath(steps.to_vec())
    }

    const DOC: &str = r#"Scenario(
    id: "x", // a comment with ( brackets
    customers: [
        Customer(id: "a", contract: (arr: 1.0)),
        /* skipped */ Customer(
            id: "b",
            contract: Contract(arr: -5.0, products: ["p)"]),
        ),
    ],
    health_model: Some(Weighted(weights: {Usage: 2.0})),
)"#;

    #[test]
    fn finds_nested_fields_and_indices() {
        let p = path(&[
            Step::Field("customers".into()),
            Step::Index(1),
            Step::Field("contract".into()),
            Step::Field("arr".into()),
        ]);
        assert_eq!(locate(DOC, &p), (7, 37));
        assert_eq!(p.to_string(), "customers[1].contract.arr");
    }

    #[test]
    fn looks_through_some_and_map_keys() {
        let p = path(&[
            Step::Field("health_model".into()),
            Step::Field("weights".into()),
            Step::Field("Usage".into()),
        ]);
        assert_eq!(locate(DOC, &p), (10, 50));
    }

    #[test]
    fn stops_at_the_deepest_known_part() {
        let p = path(&[Step::Field("customers".into()), Step::Index(9)]);
        assert_eq!(locate(DOC, &p), (3, 16));
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in ["", "(", "(a: [", "\"", "r#\"", "/*", "(x: 'a", "((((]]]"] {
            let _ = locate(text, &path(&[Step::Field("a".into()), Step::Index(3)]));
        }
    }
}
