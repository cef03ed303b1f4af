//! Embeds every translation file under `assets/locales/LANG/*.ftl` in the program, so that
//! adding a language means adding a folder of files and nothing in the code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new("assets/locales");
    println!("cargo::rerun-if-changed=assets/locales");
    let mut languages: Vec<_> = std::fs::read_dir(root)
        .expect("assets/locales is part of the source")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    languages.sort_by_key(|e| e.file_name());
    let mut out = String::from("&[\n");
    for language in languages {
        let id = language.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(language.path())
            .expect("a language folder can be read")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort_by_key(|e| e.file_name());
        writeln!(out, "    ({id:?}, &[").unwrap();
        for file in files {
            let path = std::fs::canonicalize(file.path()).expect("the file exists");
            let name = file.file_name().to_string_lossy().into_owned();
            writeln!(
                out,
                "        ({name:?}, include_str!({:?})),",
                path.display()
            )
            .unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
