//! The class's database: one SQLite file holding the class, its seats and every upload, so
//! a server stopped and started again on it carries on. Every statement is parameterised.

use rusqlite::{Connection, OptionalExtension, params};

/// The class as stored.
#[derive(Debug, Clone)]
pub struct ClassRow {
    pub code: String,
    pub token: String,
    pub scenario_source: String,
    pub scenario_hash: String,
    pub seed: u64,
    pub hold_at: Option<u16>,
    pub message: Option<String>,
    pub ranking_visible: bool,
}

/// One seat (a trainee or a team) and its latest verified results.
#[derive(Debug, Clone)]
pub struct SeatRow {
    pub id: i64,
    pub name: String,
    pub secret: String,
    pub quarter: u16,
    pub arr: i64,
    pub nrr: f64,
    pub grr: f64,
    pub readiness: f64,
    pub mistakes: i64,
    pub refused: i64,
    pub last_refusal: Option<String>,
    pub session: Option<String>,
    pub scorecard: f64,
    /// For a team: its members' names, comma-separated.
    pub members: String,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &std::path::Path) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=NORMAL;
             CREATE TABLE IF NOT EXISTS class (
                 id INTEGER PRIMARY KEY CHECK (id = 1),
                 code TEXT NOT NULL, token TEXT NOT NULL,
                 scenario_source TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL,
                 hold_at INTEGER, message TEXT, ranking_visible INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE IF NOT EXISTS seat (
                 id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, secret TEXT NOT NULL,
                 quarter INTEGER NOT NULL DEFAULT 0, arr INTEGER NOT NULL DEFAULT 0,
                 nrr REAL NOT NULL DEFAULT 0, grr REAL NOT NULL DEFAULT 0,
                 readiness REAL NOT NULL DEFAULT 0, mistakes INTEGER NOT NULL DEFAULT 0,
                 refused INTEGER NOT NULL DEFAULT 0, last_refusal TEXT, session TEXT,
                 scorecard REAL NOT NULL DEFAULT 0, members TEXT NOT NULL DEFAULT '');
             CREATE TABLE IF NOT EXISTS injection (
                 id INTEGER PRIMARY KEY, barrier TEXT NOT NULL, target TEXT NOT NULL,
                 severity REAL NOT NULL, hidden INTEGER NOT NULL, note TEXT NOT NULL,
                 at TEXT NOT NULL DEFAULT (datetime('now')));
             CREATE TABLE IF NOT EXISTS upload (
                 id INTEGER PRIMARY KEY, seat INTEGER NOT NULL REFERENCES seat(id),
                 quarter INTEGER NOT NULL, accepted INTEGER NOT NULL, reason TEXT,
                 at TEXT NOT NULL DEFAULT (datetime('now')));",
        )?;
        // Databases from before these columns existed: add them (an error means they are
        // there already).
        for column in [
            "scorecard REAL NOT NULL DEFAULT 0",
            "members TEXT NOT NULL DEFAULT ''",
        ] {
            let _ = conn.execute(&format!("ALTER TABLE seat ADD COLUMN {column}"), []);
        }
        Ok(Store { conn })
    }

    pub fn class(&self) -> rusqlite::Result<Option<ClassRow>> {
        self.conn
            .query_row(
                "SELECT code, token, scenario_source, scenario_hash, seed, hold_at, message, ranking_visible FROM class WHERE id = 1",
                [],
                |r| {
                    Ok(ClassRow {
                        code: r.get(0)?,
                        token: r.get(1)?,
                        scenario_source: r.get(2)?,
                        scenario_hash: r.get(3)?,
                        seed: r.get::<_, i64>(4)? as u64,
                        hold_at: r.get::<_, Option<i64>>(5)?.map(|q| q as u16),
                        message: r.get(6)?,
                        ranking_visible: r.get::<_, i64>(7)? != 0,
                    })
                },
            )
            .optional()
    }

    pub fn create_class(&self, c: &ClassRow) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO class (id, code, token, scenario_source, scenario_hash, seed) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
            params![c.code, c.token, c.scenario_source, c.scenario_hash, c.seed as i64],
        )?;
        Ok(())
    }

    pub fn set_hold(&self, hold: Option<u16>) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE class SET hold_at = ?1 WHERE id = 1",
            params![hold.map(i64::from)],
        )?;
        Ok(())
    }

    pub fn set_message(&self, message: Option<&str>) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE class SET message = ?1 WHERE id = 1",
            params![message],
        )?;
        Ok(())
    }

    pub fn set_ranking_visible(&self, visible: bool) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE class SET ranking_visible = ?1 WHERE id = 1",
            params![i64::from(visible)],
        )?;
        Ok(())
    }

    fn seat_from(r: &rusqlite::Row) -> rusqlite::Result<SeatRow> {
        Ok(SeatRow {
            id: r.get(0)?,
            name: r.get(1)?,
            secret: r.get(2)?,
            quarter: r.get::<_, i64>(3)? as u16,
            arr: r.get(4)?,
            nrr: r.get(5)?,
            grr: r.get(6)?,
            readiness: r.get(7)?,
            mistakes: r.get(8)?,
            refused: r.get(9)?,
            last_refusal: r.get(10)?,
            session: r.get(11)?,
            scorecard: r.get(12)?,
            members: r.get(13)?,
        })
    }

    const SEAT_COLUMNS: &'static str = "id, name, secret, quarter, arr, nrr, grr, readiness, mistakes, refused, last_refusal, session, scorecard, members";

    pub fn seat_by_name(&self, name: &str) -> rusqlite::Result<Option<SeatRow>> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM seat WHERE name = ?1", Self::SEAT_COLUMNS),
                params![name],
                Self::seat_from,
            )
            .optional()
    }

    pub fn seat(&self, id: i64) -> rusqlite::Result<Option<SeatRow>> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM seat WHERE id = ?1", Self::SEAT_COLUMNS),
                params![id],
                Self::seat_from,
            )
            .optional()
    }

    pub fn seats(&self) -> rusqlite::Result<Vec<SeatRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM seat ORDER BY name",
            Self::SEAT_COLUMNS
        ))?;
        let rows = stmt.query_map([], Self::seat_from)?;
        rows.collect()
    }

    pub fn add_seat(&self, name: &str, secret: &str, members: &str) -> rusqlite::Result<i64> {
        self.conn.execute(
            "INSERT INTO seat (name, secret, members) VALUES (?1, ?2, ?3)",
            params![name, secret, members],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Adds names to a team's members (each once).
    pub fn add_members(&self, seat: i64, names: &[String]) -> rusqlite::Result<()> {
        let Some(s) = self.seat(seat)? else {
            return Ok(());
        };
        let mut members: Vec<String> = s
            .members
            .split(", ")
            .filter(|m| !m.is_empty())
            .map(str::to_owned)
            .collect();
        for n in names {
            if !members.contains(n) {
                members.push(n.clone());
            }
        }
        self.conn.execute(
            "UPDATE seat SET members = ?2 WHERE id = ?1",
            params![seat, members.join(", ")],
        )?;
        Ok(())
    }

    /// Records a verified upload and the results it shows.
    #[allow(clippy::too_many_arguments)]
    pub fn accept(
        &self,
        seat: i64,
        quarter: u16,
        arr: i64,
        nrr: f64,
        grr: f64,
        readiness: f64,
        mistakes: i64,
        scorecard: f64,
        session: &str,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE seat SET quarter = ?2, arr = ?3, nrr = ?4, grr = ?5, readiness = ?6, mistakes = ?7, session = ?8, scorecard = ?9 WHERE id = ?1",
            params![seat, i64::from(quarter), arr, nrr, grr, readiness, mistakes, session, scorecard],
        )?;
        self.conn.execute(
            "INSERT INTO upload (seat, quarter, accepted) VALUES (?1, ?2, 1)",
            params![seat, i64::from(quarter)],
        )?;
        Ok(())
    }

    /// Records an upload that did not verify.
    pub fn refuse(&self, seat: i64, quarter: u16, reason: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE seat SET refused = refused + 1, last_refusal = ?2 WHERE id = ?1",
            params![seat, reason],
        )?;
        self.conn.execute(
            "INSERT INTO upload (seat, quarter, accepted, reason) VALUES (?1, ?2, 0, ?3)",
            params![seat, i64::from(quarter), reason],
        )?;
        Ok(())
    }

    /// Records an injection; `barrier` and `target` are stored as RON.
    pub fn add_injection(&self, inj: &crate::session::Injection) -> rusqlite::Result<i64> {
        let barrier = ron::to_string(&inj.barrier).unwrap_or_default();
        let target = ron::to_string(&inj.target).unwrap_or_default();
        self.conn.execute(
            "INSERT INTO injection (barrier, target, severity, hidden, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![barrier, target, f64::from(inj.severity), i64::from(inj.hidden), inj.note],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn injections(&self) -> rusqlite::Result<Vec<crate::session::Injection>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, barrier, target, severity, hidden, note FROM injection ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let barrier: String = r.get(1)?;
            let target: String = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                barrier,
                target,
                r.get::<_, f64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, barrier, target, severity, hidden, note) = row?;
            if let (Ok(barrier), Ok(target)) = (ron::from_str(&barrier), ron::from_str(&target)) {
                out.push(crate::session::Injection {
                    id,
                    quarter: 0,
                    barrier,
                    target,
                    severity: severity as f32,
                    hidden: hidden != 0,
                    note,
                });
            }
        }
        Ok(out)
    }
}
