//! `csm-sim class`: the classroom. `class report` builds the class debrief from session files
//! collected any way (a learning platform, a shared folder), verifying each by replay.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::exam::class::ClassDebrief;
use crate::exam::debrief::Debrief;
use crate::session::{Recorder, Session, write_atomically};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Run a class: trainees join with the printed code and play the scenario on the same
    /// seed; the instructor's dashboard is the printed address. Everything is kept in a
    /// SQLite file: started again on it, the class carries on.
    Serve {
        /// Scenario file or built-in name (not needed to carry on an existing class).
        scenario: Option<String>,
        /// Random seed for everyone (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// Port to listen on.
        #[arg(long, default_value_t = 8765)]
        port: u16,
        /// Address to listen on: 0.0.0.0 for the class network, 127.0.0.1 for this machine.
        #[arg(long, default_value = "0.0.0.0")]
        bind: std::net::IpAddr,
        /// The class's database (default: csm-class-SCENARIO.db here).
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Verify session files by replay and write the class debrief (HTML, JSON, CSV) and
    /// each trainee's own debrief into a folder; the trainee is named by the file name.
    Report {
        /// Session files saved by `csm-sim play` or the window, one per trainee.
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        /// The folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn class(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Report { sessions, out } => report(&sessions, &out),
        Command::Serve {
            scenario,
            seed,
            port,
            bind,
            db,
        } => serve(scenario.as_deref(), seed, port, bind, db),
    }
}

fn serve(
    scenario: Option<&str>,
    seed: Option<u64>,
    port: u16,
    bind: std::net::IpAddr,
    db: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let loaded = match scenario {
        Some(spec) => Some(crate::scenario::Scenario::load(spec)?),
        None => None,
    };
    let db = match (db, &loaded) {
        (Some(db), _) => db,
        (None, Some(s)) => PathBuf::from(format!("csm-class-{}.db", s.id)),
        (None, None) => {
            anyhow::bail!("name a scenario for a new class, or --db for an existing one")
        }
    };
    let (class, resumed) = crate::class::server::open_class(&db, loaded.as_ref(), seed)?;
    if resumed
        && let Some(s) = &loaded
        && s.content_hash != class.scenario_hash
    {
        eprintln!(
            "note: {} holds a class of another scenario; carrying on with that class",
            db.display()
        );
    }
    let addr = std::net::SocketAddr::new(bind, port);
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let shown = if bind.is_unspecified() {
        format!("http://THIS-MACHINE:{port} (this machine's address on the class network)")
    } else {
        format!("http://{addr}")
    };
    let local = if bind.is_unspecified() {
        format!("127.0.0.1:{port}")
    } else {
        addr.to_string()
    };
    // Printed for whoever started the server; a closed output must not stop the class.
    let _ = outln!("join code: {}", class.code);
    let _ = outln!("trainees: {shown}");
    let _ = outln!("instructor: http://{local}/?token={}", class.token);
    let _ = outln!(
        "{} {} (stop with Ctrl-C; start again with --db {} to carry on)",
        if resumed {
            "Carrying on the class in"
        } else {
            "The class is kept in"
        },
        db.display(),
        db.display()
    );
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app = crate::class::server::router(&db)?;
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A trainee's name from a session's file name, made safe for a file name of its own.
fn trainee_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "trainee".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn page_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("trainees/{safe}.html")
}

fn report(sessions: &[PathBuf], out: &Path) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(out.join("trainees"))
        .with_context(|| format!("cannot create {}", out.display()))?;
    let mut verified: Vec<(String, Recorder, String)> = Vec::new();
    let mut refused = Vec::new();
    let mut scenario_hash: Option<String> = None;
    for path in sessions {
        let file = path.display().to_string();
        let result = Session::load(path).and_then(|s| {
            let rec = s.verify(&file)?;
            Ok((s.scenario_hash, rec))
        });
        match result {
            Ok((hash, rec)) => {
                if scenario_hash.get_or_insert_with(|| hash.clone()) != &hash {
                    let why =
                        format!("{file}: a session of another scenario than the first file's");
                    refused.push((file, why));
                    continue;
                }
                let name = trainee_name(path);
                let mut page = page_name(&name);
                if verified.iter().any(|(_, _, p)| p == &page) {
                    page = page_name(&format!("{name}-{}", verified.len() + 1));
                }
                // In English, as the whole class report (not translated yet).
                let html = crate::i18n::with_language(crate::i18n::ENGLISH, || {
                    Debrief::new(&rec.sim, &rec.judge, &rec.answers).to_html()
                });
                write_atomically(&out.join(&page), html.as_bytes())
                    .with_context(|| format!("cannot write {}", out.join(&page).display()))?;
                verified.push((name, rec, page));
            }
            Err(e) => refused.push((file, e.to_string())),
        }
    }
    let rows: Vec<(String, &Recorder, String)> = verified
        .iter()
        .map(|(n, r, p)| (n.clone(), r, p.clone()))
        .collect();
    let class = ClassDebrief::new(&rows, refused.clone());
    for (name, bytes) in [
        ("class.html", class.to_html().into_bytes()),
        (
            "class.json",
            serde_json::to_string_pretty(&class)?.into_bytes(),
        ),
        ("class.csv", class.to_csv().into_bytes()),
    ] {
        write_atomically(&out.join(name), &bytes)
            .with_context(|| format!("cannot write {}", out.join(name).display()))?;
    }
    outln!(
        "Class debrief of {} trainees written to {} (class.html, class.json, class.csv, trainees/).",
        verified.len(),
        out.display()
    )?;
    for (_, why) in &refused {
        eprintln!("not verified: {why}");
    }
    Ok(if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
