//! Languages. Every text the program says comes from Project Fluent files under
//! `assets/locales/LANG/*.ftl`, which `build.rs` embeds, so a language is added by adding a
//! folder of files (see `docs/languages.md`). English is complete and is what a message
//! missing from another language falls back to.
//!
//! The language is chosen once for the process ([`set_language`]: the `--lang` flag, the
//! `CSM_SIM_LANG` variable, the system locale, or the window's setting); a thread can use
//! another for a while ([`with_language`]), which is how tests check both at once. Scenario
//! text is never translated: it stays as its author wrote it.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

mod customer;
mod journal;
mod results;

pub use customer::{
    advocacy_forms, attention, digital_line, plan_element, plan_elements, plan_lines,
};
pub use fluent_bundle::FluentArgs;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use journal::{event, factors, result, unlikely_branch};
pub use results::{coached, mastery, outcome_kind, outcome_why, target_name, target_value};

/// Every language folder and its files, by name: `[(LANG, [(FILE, TEXT)])]`.
pub const FILES: &[(&str, &[(&str, &str)])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language everything falls back to.
pub const ENGLISH: &str = "en";

/// One language's messages.
pub struct Language {
    /// The folder's name, a language tag such as `en` or `ja`.
    pub id: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl Language {
    /// The language's own name for itself (`language-name` in its files).
    pub fn name(&self) -> String {
        self.format("language-name", None)
            .unwrap_or_else(|| self.id.to_owned())
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// Whether the language has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats a message and returns the errors Fluent found (a missing argument, say), for
    /// the tests that check every language's files.
    pub fn check(&self, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        let message = self
            .bundle
            .get_message(id)
            .ok_or_else(|| format!("{}: no message {id}", self.id))?;
        let pattern = message
            .value()
            .ok_or_else(|| format!("{}: message {id} has no value", self.id))?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{}: {id}: {errors:?}", self.id))
        }
    }

    /// Every message id in the language's files.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for (_, text) in FILES
            .iter()
            .find(|(l, _)| *l == self.id)
            .map_or(&[][..], |(_, f)| f)
        {
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(r) | Err((r, _)) => r,
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(m.id.name.to_owned());
                }
            }
        }
        ids
    }
}

/// Every language the program has, English first.
pub fn languages() -> &'static [Language] {
    static ALL: OnceLock<Vec<Language>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<Language> = FILES.iter().map(|(id, files)| load(id, files)).collect();
        all.sort_by_key(|l| (l.id != ENGLISH, l.id));
        all
    })
}

fn load(id: &'static str, files: &[(&str, &str)]) -> Language {
    let tag: unic_langid::LanguageIdentifier = id.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Without this Fluent wraps every argument in invisible direction marks, which a font
    // without them draws as boxes and which break the terminal's column widths.
    bundle.set_use_isolating(false);
    for (_, text) in files {
        // A file with a syntax error still gives the messages around it; the tests refuse
        // such a file before it ships.
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) | Err((r, _)) => r,
        };
        // A message defined twice keeps its first text (the tests refuse that too).
        let _ = bundle.add_resource(resource);
    }
    Language { id, bundle }
}

/// The process's language, an index into [`languages`].
static CURRENT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static LOCAL: Cell<Option<usize>> = const { Cell::new(None) };
}

fn current_index() -> usize {
    LOCAL
        .with(|l| l.get())
        .unwrap_or_else(|| CURRENT.load(Ordering::Relaxed))
}

/// The language in use on this thread.
pub fn current() -> &'static Language {
    let all = languages();
    &all[current_index().min(all.len() - 1)]
}

/// Finds a language by a tag or a locale name: `ja`, `ja-JP`, `ja_JP.UTF-8`, `JA`.
pub fn find(tag: &str) -> Option<usize> {
    let primary: String = tag
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    languages().iter().position(|l| l.id == primary)
}

/// A language asked for that the program does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no language {asked:?}; the languages are {}", available())]
pub struct UnknownLanguage {
    pub asked: String,
}

/// The languages as a list for messages: `en (English), ja (日本語)`.
pub fn available() -> String {
    languages()
        .iter()
        .map(|l| format!("{} ({})", l.id, l.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sets the process's language (or, inside [`with_language`], the scope's).
pub fn set_language(tag: &str) -> Result<(), UnknownLanguage> {
    let index = find(tag).ok_or_else(|| UnknownLanguage {
        asked: tag.to_owned(),
    })?;
    // Inside `with_language` the choice is the scope's (a test driving the window's menu
    // changes its own thread's language, not that of the tests beside it).
    let scoped = LOCAL.with(|l| {
        let active = l.get().is_some();
        if active {
            l.set(Some(index));
        }
        active
    });
    if !scoped {
        CURRENT.store(index, Ordering::Relaxed);
    }
    Ok(())
}

/// Runs `f` with this thread speaking `tag` (English if the program does not have it).
pub fn with_language<R>(tag: &str, f: impl FnOnce() -> R) -> R {
    let before = LOCAL.with(|l| l.replace(Some(find(tag).unwrap_or(0))));
    struct Restore(Option<usize>);
    impl Drop for Restore {
        fn drop(&mut self) {
            LOCAL.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// Which language to speak: the flag (`--lang`), else `CSM_SIM_LANG`, else the saved
/// setting, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). The flag and the
/// variable must name a language the program has; a setting or a locale that names another
/// is passed over. `None` means English.
pub fn choose(
    flag: Option<&str>,
    setting: Option<&str>,
    var: impl Fn(&str) -> Option<String>,
) -> Result<Option<&'static str>, UnknownLanguage> {
    let known = |tag: &str| find(tag).map(|i| languages()[i].id);
    let asked = flag
        .map(str::to_owned)
        .or_else(|| var("CSM_SIM_LANG").filter(|v| !v.is_empty()));
    if let Some(tag) = asked {
        return known(&tag).map(Some).ok_or(UnknownLanguage { asked: tag });
    }
    if let Some(tag) = setting.and_then(known) {
        return Ok(Some(tag));
    }
    Ok(from_locale(var))
}

/// The language the system locale names, if the program has it.
fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<&'static str> {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        let Some(value) = var(name).filter(|v| !v.is_empty()) else {
            continue;
        };
        // The first variable that is set decides, as in POSIX; "C" and "POSIX" mean the
        // program's own default.
        if value == "C" || value == "POSIX" || value.starts_with("C.") {
            return None;
        }
        return find(&value).map(|i| languages()[i].id);
    }
    None
}

/// The text of message `id` in this thread's language, or in English if the language lacks
/// it, or the id itself if neither has it (the tests make sure no shipped id is missing).
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    let language = current();
    language
        .format(id, args)
        .or_else(|| languages()[0].format(id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// The word for a value of one of the domain's small enums: the message `PREFIX-Variant`
/// (`stage-Adopt`, `band-Red`).
pub fn label(prefix: &str, value: impl std::fmt::Debug) -> String {
    text(&format!("{prefix}-{value:?}"), None)
}

/// An action's name.
pub fn action_name(kind: crate::sim::actions::ActionKind) -> String {
    label("action", kind)
}

/// What an action does.
pub fn action_about(kind: crate::sim::actions::ActionKind) -> String {
    label("action-about", kind)
}

/// Why an action cannot be planned.
pub fn blocker(b: crate::sim::actions::Blocker) -> String {
    label("blocker", b)
}

/// A stakeholder's role, from the English word the model's views carry.
pub fn role(english: &str) -> String {
    use crate::sim::customer::Role;
    Role::ALL
        .into_iter()
        .find(|r| r.label() == english)
        .map_or_else(|| english.to_owned(), |r| label("role", r))
}

/// A part of the health score, from the English word the model's views carry.
pub fn health_part(english: &str) -> String {
    use crate::sim::types::HealthComponent;
    HealthComponent::ALL
        .into_iter()
        .find(|h| h.label() == english)
        .map_or_else(|| english.to_owned(), |h| label("health-part", h))
}

/// Message `id` of this thread's language, or `english` (content whose English lives in a
/// data file, not in `en/`) when the language lacks it.
fn text_or(id: &str, english: &str) -> String {
    if current().has(id) {
        text(id, None)
    } else {
        english.to_owned()
    }
}

/// What a judging rule says: its explanation in this language, or as `assets/rules.ron` has
/// it.
pub fn rule_explanation(rule: &crate::exam::judge::Rule) -> String {
    text_or(&format!("rule-{}", rule.id), &rule.explanation)
}

/// An exam domain's or objective's title (`3`, `3.4.b`) in this language, or the
/// blueprint's English one.
pub fn objective_title(id: &str, english: &str) -> String {
    text_or(&format!("objective-{}", id.replace('.', "-")), english)
}

/// A question's prompt in this language, or as the bank has it (English). A language has a
/// question whole or not at all (the tests see to it), so its prompt decides.
pub fn question_prompt(q: &crate::exam::questions::Question) -> String {
    text_or(&format!("q-{}-prompt", q.id), &q.prompt)
}

fn translated(q: &crate::exam::questions::Question) -> bool {
    current().has(&format!("q-{}-prompt", q.id))
}

/// The text of choice `i` (its index in the bank) of a question.
pub fn choice_text(q: &crate::exam::questions::Question, i: usize) -> String {
    if translated(q) {
        text(&format!("q-{}-{}", q.id, i + 1), None)
    } else {
        q.choices[i].text.clone()
    }
}

/// Why choice `i` is right or wrong, without a leading verdict ("Right:"), for where the
/// verdict is shown already.
pub fn choice_explanation(q: &crate::exam::questions::Question, i: usize) -> String {
    if translated(q) {
        text(&format!("q-{}-{}-why", q.id, i + 1), None)
    } else {
        q.choices[i].plain_explanation()
    }
}

/// A message in the current language: `tr!("id")` or `tr!("id", count = 3, name = "Acme")`.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::text($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_find_their_language() {
        assert_eq!(find("en").map(|i| languages()[i].id), Some("en"));
        assert_eq!(find("ja_JP.UTF-8").map(|i| languages()[i].id), Some("ja"));
        assert_eq!(find("JA-jp").map(|i| languages()[i].id), Some("ja"));
        assert_eq!(find("xx"), None);
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let ja_locale = vars(&[("LANG", "ja_JP.UTF-8")]);
        assert_eq!(choose(None, None, ja_locale), Ok(Some("ja")));
        assert_eq!(choose(Some("en"), None, ja_locale), Ok(Some("en")));
        assert_eq!(choose(None, Some("en"), ja_locale), Ok(Some("en")));
        // A setting the program cannot honour is passed over; a flag is refused.
        assert_eq!(choose(None, Some("xx"), ja_locale), Ok(Some("ja")));
        assert_eq!(
            choose(Some("xx"), None, ja_locale),
            Err(UnknownLanguage { asked: "xx".into() })
        );
        let c_first = vars(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]);
        assert_eq!(choose(None, None, c_first), Ok(None));
        let variable = vars(&[("CSM_SIM_LANG", "ja"), ("LANG", "en_GB.UTF-8")]);
        assert_eq!(choose(None, Some("en"), variable), Ok(Some("ja")));
        let bad_variable = vars(&[("CSM_SIM_LANG", "klingon")]);
        assert!(choose(None, None, bad_variable).is_err());
        assert_eq!(
            choose(None, None, vars(&[("LANG", "de_DE.UTF-8")])),
            Ok(None)
        );
    }

    #[test]
    fn a_thread_can_speak_another_language() {
        let en = with_language("en", || tr!("language-name"));
        let ja = with_language("ja", || tr!("language-name"));
        assert_eq!(en, "English");
        assert_eq!(ja, "日本語");
        assert_eq!(
            with_language("ja", || tr!("no-such-message")),
            "no-such-message"
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        with_language("en", || {
            assert_eq!(tr!("count-quarters", count = 1), "1 quarter");
            assert_eq!(tr!("count-quarters", count = 4), "4 quarters");
        });
        with_language("ja", || {
            assert_eq!(tr!("count-quarters", count = 1), "1 四半期");
        });
    }
}
