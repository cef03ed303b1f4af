//! The classroom: one world for a class. A server (`csm-sim class serve`) holds the class in
//! SQLite, gives trainees the scenario and seed when they join, verifies every session they
//! upload by replay, and serves the instructor's dashboard; trainees play locally as ever and
//! sync at each quarter's end (`client`). The simulation knows nothing of it.

pub mod client;
pub mod server;
mod store;

use serde::{Deserialize, Serialize};

/// What a trainee sends to join.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub code: String,
    pub name: String,
    /// To sit down again at one's own seat (another machine, a lost file, the next member
    /// of a team taking over): its secret.
    #[serde(default)]
    pub secret: Option<String>,
    /// For a team: the names of the members at this machine.
    #[serde(default)]
    pub members: Vec<String>,
}

/// One line of the ranking trainees see when the instructor opens it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RankRow {
    pub rank: u32,
    pub name: String,
    pub quarter: u16,
    pub nrr: f64,
    pub readiness: f64,
    pub scorecard: f64,
}

/// What the server answers a join with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JoinReply {
    pub seat: i64,
    pub name: String,
    /// The trainee's own token: uploads and status questions carry it.
    pub secret: String,
    pub scenario_source: String,
    pub seed: u64,
    /// The session uploaded last, if the seat has one (to carry on from it).
    pub session: Option<String>,
}

impl JoinReply {
    /// The seat this reply gives, on the server at `address`.
    pub fn seat_at(&self, address: &str) -> client::Seat {
        client::Seat {
            address: client::base(address),
            seat: self.seat,
            name: self.name.clone(),
            secret: self.secret.clone(),
        }
    }

    /// The stem of a file name for the seat's game: `SCENARIO-NAME`, the name made safe.
    pub fn save_stem(&self, scenario_id: &str) -> String {
        let safe: String = self
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        format!("{scenario_id}-{safe}")
    }
}

/// The class's state as a trainee sees it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Status {
    /// The class is held: no one ends this quarter until the instructor releases it.
    pub hold_at: Option<u16>,
    /// The instructor's message to the class, if any.
    pub message: Option<String>,
    /// Whether trainees may see the ranking.
    pub ranking_visible: bool,
    /// Every barrier the instructor has injected so far, oldest first; a trainee's game
    /// applies each once, at the quarter it is in when it learns of it.
    #[serde(default)]
    pub injections: Vec<crate::session::Injection>,
}

/// The answer to an upload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SyncReply {
    pub accepted: bool,
    pub quarter: u16,
    pub status: Status,
}

/// An error body: every 4xx carries one.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorReply {
    pub error: String,
}
