//! A trainee's side of a class: join, upload the session at each quarter's end, ask whether
//! the class is held. Blocking HTTP; a server out of reach is an error the caller shows and
//! retries later (the local save is kept either way).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{ErrorReply, JoinReply, JoinRequest, Status, SyncReply};

/// Where a seat is, kept beside a class session so a resumed game syncs again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    /// `http://HOST:PORT`.
    pub address: String,
    pub seat: i64,
    pub name: String,
    pub secret: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// `HOST:PORT` or `http://HOST:PORT` as a base address.
pub fn base(address: &str) -> String {
    let a = address.trim().trim_end_matches('/');
    if a.starts_with("http://") || a.starts_with("https://") {
        a.to_owned()
    } else {
        format!("http://{a}")
    }
}

fn reply<T: for<'de> Deserialize<'de>>(
    r: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<T, String> {
    let mut r = r.map_err(|e| format!("the class server cannot be reached: {e}"))?;
    let status = r.status();
    let body = r
        .body_mut()
        .read_to_string()
        .map_err(|e| format!("the class server's answer could not be read: {e}"))?;
    if status.is_success() {
        serde_json::from_str(&body)
            .map_err(|e| format!("the class server's answer is not understood: {e}"))
    } else {
        let message = serde_json::from_str::<ErrorReply>(&body).map_or(body, |e| e.error);
        Err(format!(
            "the class server said ({}): {message}",
            status.as_u16()
        ))
    }
}

pub fn join(
    address: &str,
    code: &str,
    name: &str,
    secret: Option<&str>,
) -> Result<JoinReply, String> {
    join_with(address, code, name, secret, &[])
}

/// Joins, naming the team members at this machine (a team's seat is shared).
pub fn join_with(
    address: &str,
    code: &str,
    name: &str,
    secret: Option<&str>,
    members: &[String],
) -> Result<JoinReply, String> {
    let body = serde_json::to_string(&JoinRequest {
        code: code.to_owned(),
        name: name.to_owned(),
        secret: secret.map(str::to_owned),
        members: members.to_vec(),
    })
    .map_err(|e| e.to_string())?;
    reply(
        agent()
            .post(&format!("{}/api/join", base(address)))
            .header("content-type", "application/json")
            .send(body),
    )
}

/// Uploads a session (its file text); the server replays it before it counts.
pub fn sync(seat: &Seat, session: &str) -> Result<SyncReply, String> {
    let body = serde_json::json!({ "seat": seat.seat, "secret": seat.secret, "session": session })
        .to_string();
    reply(
        agent()
            .post(&format!("{}/api/sync", base(&seat.address)))
            .header("content-type", "application/json")
            .send(body),
    )
}

/// The class ranking, if the instructor has opened it.
pub fn ranking(seat: &Seat) -> Result<Vec<super::RankRow>, String> {
    reply(
        agent()
            .get(&format!(
                "{}/api/ranking?seat={}&secret={}",
                base(&seat.address),
                seat.seat,
                seat.secret
            ))
            .call(),
    )
}

pub fn status(seat: &Seat) -> Result<Status, String> {
    reply(
        agent()
            .get(&format!(
                "{}/api/status?seat={}&secret={}",
                base(&seat.address),
                seat.seat,
                seat.secret
            ))
            .call(),
    )
}

/// What the class says before a trainee ends quarter `q`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BeforeEnd {
    /// The class is held at this quarter: the quarter must not end yet.
    pub held: Option<u16>,
    pub message: Option<String>,
    /// Visible barriers the instructor injected, as news for the trainee.
    pub news: Vec<String>,
}

/// Asks the class before quarter `q` ends: whether it is held, the instructor's message,
/// and the barriers injected since the last look, which are recorded in the game to begin
/// this quarter. A server out of reach holds no one (the game goes on, syncs later).
pub fn before_end(rec: &mut crate::session::Recorder, q: u16) -> Result<BeforeEnd, String> {
    let Some(seat) = &rec.class else {
        return Ok(BeforeEnd::default());
    };
    let status = status(seat)?;
    let mut out = BeforeEnd {
        held: status.hold_at.filter(|&h| q >= h),
        message: status.message.clone(),
        news: Vec::new(),
    };
    for inj in &status.injections {
        if rec.injected.iter().any(|i| i.id == inj.id) {
            continue;
        }
        let mut inj = inj.clone();
        inj.quarter = q;
        if !inj.hidden {
            out.news.push(if inj.note.is_empty() {
                inj.barrier.label().to_owned()
            } else {
                format!("{} — {}", inj.barrier.label(), inj.note)
            });
        }
        rec.injected.push(inj);
    }
    Ok(out)
}

/// Uploads the game as it stands, if it is played in a class (`None` otherwise).
pub fn after_end(rec: &crate::session::Recorder) -> Option<Result<SyncReply, String>> {
    let seat = rec.class.as_ref()?;
    Some(
        ron::ser::to_string(&rec.to_session())
            .map_err(|e| e.to_string())
            .and_then(|text| sync(seat, &text)),
    )
}
