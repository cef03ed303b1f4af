//! The user's settings, kept between runs: the window's language and theme.
//!
//! They live in `CSM_SIM_SETTINGS`, else `$XDG_CONFIG_HOME/csm-sim/settings.ron`, else
//! `~/.config/csm-sim/settings.ron`. A missing file is the defaults; a file that cannot be
//! read is reported once and left alone (never overwritten by a later save).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// A language tag (`en`, `ja`); `None` follows the environment.
    pub language: Option<String>,
    /// The window's colours; `None` is dark.
    pub theme: Option<Theme>,
}

/// The window's colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

impl Settings {
    /// Where the settings are kept, if there is anywhere to keep them.
    pub fn path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("CSM_SIM_SETTINGS").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("csm-sim").join("settings.ron"))
    }

    /// The saved settings, or the defaults (with a warning on stderr if the file is broken).
    pub fn load() -> Settings {
        let Some(path) = Settings::path() else {
            return Settings::default();
        };
        match Settings::read(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("csm-sim: settings ignored: {e}");
                Settings::default()
            }
        }
    }

    /// Reads a settings file; one that does not exist is the defaults.
    pub fn read(path: &std::path::Path) -> Result<Settings, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        crate::scenario::read_ron(&path.display().to_string(), &text).map_err(|e| e.to_string())
    }

    /// Saves the settings where [`Settings::path`] says, unless the file there cannot be
    /// read as settings (then it is the user's to fix, and is kept).
    pub fn save(&self) -> Result<PathBuf, String> {
        let path = Settings::path().ok_or("no HOME or XDG_CONFIG_HOME to keep settings in")?;
        Settings::read(&path)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        // Written beside and renamed over, so a crash never leaves half a file.
        let partial = path.with_extension("ron.partial");
        std::fs::write(&partial, text + "\n")
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_back_and_a_broken_file_is_refused() {
        let dir = std::env::temp_dir().join(format!("csm-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("settings.ron");
        assert_eq!(Settings::read(&path), Ok(Settings::default()));
        let saved = Settings {
            language: Some("ja".into()),
            theme: Some(Theme::Light),
        };
        std::fs::write(&path, ron::to_string(&saved).unwrap()).unwrap();
        assert_eq!(Settings::read(&path), Ok(saved));
        std::fs::write(&path, "(language: Some(\"ja\"))").unwrap();
        assert_eq!(
            Settings::read(&path).unwrap().language.as_deref(),
            Some("ja")
        );
        std::fs::write(&path, "(langage: 3)").unwrap();
        let e = Settings::read(&path).unwrap_err();
        assert!(e.contains("settings.ron") && e.contains("langage"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
