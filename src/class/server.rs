//! The class server: axum on tokio, the class in SQLite. Trainees join with the class's
//! code and get a seat and a secret; every upload is verified by replay before it counts;
//! the instructor's pages need the class token. Every bad request gets a 4xx with a message.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::store::{ClassRow, SeatRow, Store};
use super::{ErrorReply, JoinReply, JoinRequest, Status, SyncReply};
use crate::exam::debrief::escape;
use crate::scenario::Scenario;
use crate::session::Session;

/// The largest request body: a session of a long scenario with many answers fits easily.
pub const MAX_BODY: usize = 4 << 20;

/// Names of seats: what a trainee or a team is called on the dashboard.
const MAX_NAME: usize = 40;
const MAX_MESSAGE: usize = 280;

struct App {
    store: Mutex<Store>,
    class: Mutex<ClassRow>,
}

type Shared = Arc<App>;

/// An error for the client: a status and a message.
struct Fail(StatusCode, String);

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        (self.0, axum::Json(ErrorReply { error: self.1 })).into_response()
    }
}

fn internal(e: impl std::fmt::Display) -> Fail {
    Fail(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("server error: {e}"),
    )
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the system's random source");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A join code: six characters that cannot be misread (no 0/O, 1/I/L).
fn join_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut buf = [0u8; 6];
    getrandom::fill(&mut buf).expect("the system's random source");
    buf.iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

/// Compares secrets in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Opens the class in `db`, creating it from `scenario` and `seed` if the database is new.
/// A database that holds a class already carries on with it (`resumed` is then true).
pub fn open_class(
    db: &Path,
    scenario: Option<&Scenario>,
    seed: Option<u64>,
) -> anyhow::Result<(ClassRow, bool)> {
    let store = Store::open(db).map_err(|e| anyhow::anyhow!("{}: {e}", db.display()))?;
    if let Some(c) = store.class()? {
        return Ok((c, true));
    }
    let Some(s) = scenario else {
        anyhow::bail!(
            "{}: no class in this database; name a scenario",
            db.display()
        );
    };
    let c = ClassRow {
        code: join_code(),
        token: random_hex(16),
        scenario_source: s.source.clone(),
        scenario_hash: s.content_hash.clone(),
        seed: seed.unwrap_or(s.seed),
        hold_at: None,
        message: None,
        ranking_visible: false,
    };
    store.create_class(&c)?;
    Ok((c, false))
}

/// The server's routes over the class in `db`.
pub fn router(db: &Path) -> anyhow::Result<Router> {
    let store = Store::open(db).map_err(|e| anyhow::anyhow!("{}: {e}", db.display()))?;
    let class = store
        .class()?
        .ok_or_else(|| anyhow::anyhow!("{}: no class in this database", db.display()))?;
    let app: Shared = Arc::new(App {
        store: Mutex::new(store),
        class: Mutex::new(class),
    });
    Ok(Router::new()
        .route("/", get(dashboard))
        .route("/api/join", post(join))
        .route("/api/sync", post(sync))
        .route("/api/status", get(status))
        .route("/api/ranking", get(ranking_for_trainees))
        .route("/instructor/hold", post(hold))
        .route("/instructor/release", post(release))
        .route("/instructor/message", post(message))
        .route("/instructor/ranking", post(ranking))
        .route("/instructor/inject", post(inject))
        .route("/instructor/export.csv", get(export_csv))
        .route("/instructor/export.json", get(export_json))
        .route("/instructor/trainee", get(trainee_debrief))
        .route("/instructor/debrief", get(class_debrief))
        .fallback(|| async { Fail(StatusCode::NOT_FOUND, "no such page".to_owned()) })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(app))
}

/// Serves the class in `db` on `listener` until the process stops.
pub async fn serve(listener: tokio::net::TcpListener, db: PathBuf) -> anyhow::Result<()> {
    let app = router(&db)?;
    axum::serve(listener, app).await?;
    Ok(())
}

/// Starts a server on `bind` (port 0: any free port) in a thread of its own, for tests
/// and for the window; returns its address.
pub fn spawn(db: PathBuf, bind: SocketAddr) -> anyhow::Result<SocketAddr> {
    let std_listener = std::net::TcpListener::bind(bind)?;
    std_listener.set_nonblocking(true)?;
    let addr = std_listener.local_addr()?;
    let app = router(&db)?;
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
            let _ = axum::serve(listener, app).await;
        });
    });
    Ok(addr)
}

fn status_of(c: &ClassRow, injections: Vec<crate::session::Injection>) -> Status {
    Status {
        hold_at: c.hold_at,
        message: c.message.clone(),
        ranking_visible: c.ranking_visible,
        injections,
    }
}

fn injections(app: &App) -> Result<Vec<crate::session::Injection>, Fail> {
    app.store
        .lock()
        .map_err(internal)?
        .injections()
        .map_err(internal)
}

fn check_name(name: &str) -> Result<String, Fail> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(Fail(
            StatusCode::BAD_REQUEST,
            format!("a name is 1 to {MAX_NAME} characters, without control characters"),
        ));
    }
    Ok(name.to_owned())
}

async fn join(
    State(app): State<Shared>,
    body: Result<axum::Json<JoinRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<axum::Json<JoinReply>, Fail> {
    let axum::Json(req) = body.map_err(|e| Fail(StatusCode::BAD_REQUEST, e.body_text()))?;
    let class = app.class.lock().map_err(internal)?.clone();
    if !same(&req.code.trim().to_uppercase(), &class.code) {
        return Err(Fail(StatusCode::FORBIDDEN, "wrong join code".to_owned()));
    }
    let name = check_name(&req.name)?;
    let store = app.store.lock().map_err(internal)?;
    let members: Vec<String> = req
        .members
        .iter()
        .filter_map(|m| check_name(m).ok())
        .take(12)
        .collect();
    let seat = match store.seat_by_name(&name).map_err(internal)? {
        Some(seat) => match &req.secret {
            Some(s) if same(s, &seat.secret) => {
                store.add_members(seat.id, &members).map_err(internal)?;
                seat
            }
            _ => {
                return Err(Fail(
                    StatusCode::CONFLICT,
                    format!(
                        "the name \"{name}\" is taken in this class; choose another (or give your seat's secret to sit down again)"
                    ),
                ));
            }
        },
        None => {
            let secret = random_hex(16);
            let id = store
                .add_seat(&name, &secret, &members.join(", "))
                .map_err(internal)?;
            store
                .seat(id)
                .map_err(internal)?
                .ok_or_else(|| internal("seat vanished"))?
        }
    };
    Ok(axum::Json(JoinReply {
        seat: seat.id,
        name: seat.name,
        secret: seat.secret,
        scenario_source: class.scenario_source,
        seed: class.seed,
        session: seat.session,
    }))
}

/// An upload: the seat, its secret and the whole session file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub seat: i64,
    pub secret: String,
    pub session: String,
}

fn seat_for(app: &App, seat: i64, secret: &str) -> Result<SeatRow, Fail> {
    let store = app.store.lock().map_err(internal)?;
    match store.seat(seat).map_err(internal)? {
        Some(s) if same(secret, &s.secret) => Ok(s),
        _ => Err(Fail(
            StatusCode::FORBIDDEN,
            "unknown seat or wrong secret".to_owned(),
        )),
    }
}

async fn sync(
    State(app): State<Shared>,
    body: Result<axum::Json<SyncRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<axum::Json<SyncReply>, Fail> {
    let axum::Json(req) = body.map_err(|e| Fail(e.status(), e.body_text()))?;
    let seat = seat_for(&app, req.seat, &req.secret)?;
    let class = app.class.lock().map_err(internal)?.clone();
    // Verified off the async threads: a replay is real work.
    let text = req.session;
    let checked = tokio::task::spawn_blocking(move || -> Result<_, String> {
        let session = Session::parse("upload", &text).map_err(|e| e.to_string())?;
        if session.scenario_hash != class.scenario_hash || session.seed != class.seed {
            return Err("the session is not of this class's scenario and seed".to_owned());
        }
        if !session.coached.is_empty() {
            return Err(
                "the session was played with the coach, and a class plays without it".to_owned(),
            );
        }
        let rec = session.verify("upload").map_err(|e| e.to_string())?;
        let d = crate::exam::debrief::Debrief::new(&rec.sim, &rec.judge, &rec.answers);
        let mistakes = d
            .readiness
            .domains
            .iter()
            .map(|x| i64::from(x.mistakes))
            .sum::<i64>();
        Ok((session.quarters_played, d, mistakes, text))
    })
    .await
    .map_err(internal)?;
    let store = app.store.lock().map_err(internal)?;
    match checked {
        Ok((quarter, d, mistakes, text)) => {
            store
                .accept(
                    seat.id,
                    quarter,
                    d.business.end_arr,
                    d.business.nrr,
                    d.business.grr,
                    d.readiness.overall,
                    mistakes,
                    crate::exam::class::scorecard(&d),
                    &text,
                )
                .map_err(internal)?;
            let injected = store.injections().map_err(internal)?;
            drop(store);
            let class = app.class.lock().map_err(internal)?;
            Ok(axum::Json(SyncReply {
                accepted: true,
                quarter,
                status: status_of(&class, injected),
            }))
        }
        Err(why) => {
            let why: String = why.chars().take(500).collect();
            store.refuse(seat.id, 0, &why).map_err(internal)?;
            Err(Fail(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("the session was refused: {why}"),
            ))
        }
    }
}

#[derive(Debug, Deserialize)]
struct SeatQuery {
    seat: i64,
    secret: String,
}

async fn status(
    State(app): State<Shared>,
    q: Result<Query<SeatQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<axum::Json<Status>, Fail> {
    let Query(q) = q.map_err(|e| Fail(StatusCode::BAD_REQUEST, e.body_text()))?;
    seat_for(&app, q.seat, &q.secret)?;
    let injected = injections(&app)?;
    let class = app.class.lock().map_err(internal)?;
    Ok(axum::Json(status_of(&class, injected)))
}

/// The ranking, for a trainee, once the instructor has opened it.
async fn ranking_for_trainees(
    State(app): State<Shared>,
    q: Result<Query<SeatQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<axum::Json<Vec<super::RankRow>>, Fail> {
    let Query(q) = q.map_err(|e| Fail(StatusCode::BAD_REQUEST, e.body_text()))?;
    seat_for(&app, q.seat, &q.secret)?;
    if !app.class.lock().map_err(internal)?.ranking_visible {
        return Err(Fail(
            StatusCode::FORBIDDEN,
            "the instructor has not opened the ranking".to_owned(),
        ));
    }
    let mut seats = app
        .store
        .lock()
        .map_err(internal)?
        .seats()
        .map_err(internal)?;
    seats.sort_by(|a, b| {
        b.scorecard
            .total_cmp(&a.scorecard)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(axum::Json(
        seats
            .iter()
            .enumerate()
            .map(|(i, s)| super::RankRow {
                rank: i as u32 + 1,
                name: s.name.clone(),
                quarter: s.quarter,
                nrr: s.nrr,
                readiness: s.readiness,
                scorecard: s.scorecard,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn instructor(app: &App, token: &str) -> Result<ClassRow, Box<Response>> {
    let class = app
        .class
        .lock()
        .map_err(|e| Box::new(internal(e).into_response()))?
        .clone();
    if same(token, &class.token) {
        Ok(class)
    } else {
        Err(Box::new(
            (
                StatusCode::FORBIDDEN,
                Html(page(
                    "Instructor token required",
                    "<p>Open this page with the address the server printed: <code>/?token=…</code>.</p>",
                    None,
                )),
            )
                .into_response(),
        ))
    }
}

fn page(title: &str, body: &str, refresh: Option<u32>) -> String {
    let refresh = refresh.map_or_else(String::new, |s| {
        format!("<meta http-equiv=\"refresh\" content=\"{s}\">")
    });
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{refresh}<title>{}</title><style>{CSS}</style></head><body><main><h1>{}</h1>{body}</main></body></html>",
        escape(title),
        escape(title)
    )
}

async fn dashboard(
    State(app): State<Shared>,
    Query(q): Query<TokenQuery>,
) -> Result<Html<String>, Response> {
    let class = instructor(&app, &q.token).map_err(|r| *r)?;
    let seats = app
        .store
        .lock()
        .map_err(|e| internal(e).into_response())?
        .seats()
        .map_err(|e| internal(e).into_response())?;
    let title = Scenario::parse("class", &class.scenario_source)
        .map_or_else(|_| "Class".to_owned(), |s| s.title);
    let t = escape(&class.token);
    let mut b = String::new();
    let _ = write!(
        b,
        "<p class=\"meta\">{} · seed {} · join code <b class=\"code\">{}</b> · {} seats · updates every 5 s</p>",
        escape(&title),
        class.seed,
        escape(&class.code),
        seats.len()
    );
    let held = class.hold_at.map_or_else(
        || "The class plays freely.".to_owned(),
        |q| format!("The class is <b>held at quarter {q}</b>: no one ends it until you release."),
    );
    let _ = write!(
        b,
        "<section><h2>Pacing and messages</h2><p>{held}</p><div class=\"row\">\
         <form method=\"post\" action=\"/instructor/hold\"><input type=\"hidden\" name=\"token\" value=\"{t}\"><label>Hold at quarter <input name=\"quarter\" type=\"number\" min=\"1\" max=\"40\" required></label> <button>Hold</button></form>\
         <form method=\"post\" action=\"/instructor/release\"><input type=\"hidden\" name=\"token\" value=\"{t}\"><button>Release</button></form>\
         <form method=\"post\" action=\"/instructor/message\"><input type=\"hidden\" name=\"token\" value=\"{t}\"><label>Message to the class <input name=\"message\" maxlength=\"{MAX_MESSAGE}\" size=\"40\" value=\"{}\"></label> <button>Send</button></form>\
         <form method=\"post\" action=\"/instructor/ranking\"><input type=\"hidden\" name=\"token\" value=\"{t}\"><input type=\"hidden\" name=\"visible\" value=\"{}\"><button>{}</button></form>\
         </div>\
         <h3>Inject a barrier</h3><form method=\"post\" action=\"/instructor/inject\" class=\"row\"><input type=\"hidden\" name=\"token\" value=\"{t}\">\
         <label>Barrier <select name=\"barrier\"><option>StalledImplementation</option><option>LostSponsor</option><option>MissingFeature</option><option>QualityIssue</option><option>NotAFit</option></select></label>\
         <label>On <input name=\"target\" value=\"all\" size=\"22\" title=\"all, segment:ID or a customer id\"></label>\
         <label>Severity <input name=\"severity\" type=\"number\" min=\"0.1\" max=\"1\" step=\"0.1\" value=\"0.6\"></label>\
         <label><input type=\"checkbox\" name=\"hidden\" value=\"true\" checked> hidden (trainees must find it)</label>\
         <label>Note <input name=\"note\" maxlength=\"200\" size=\"24\"></label> <button>Inject</button></form>\
         <p><a href=\"/instructor/debrief?token={t}\">Class debrief</a> · <a href=\"/instructor/export.csv?token={t}\">Export CSV</a> · <a href=\"/instructor/export.json?token={t}\">JSON</a></p></section>",
        escape(class.message.as_deref().unwrap_or("")),
        !class.ranking_visible,
        if class.ranking_visible {
            "Hide the ranking from trainees"
        } else {
            "Show the ranking to trainees"
        }
    );
    b.push_str("<section><h2>Trainees</h2><table><tr><th>Seat</th><th>Quarter</th><th>ARR</th><th>NRR</th><th>GRR</th><th>Readiness</th><th>Mistakes</th><th>Scorecard</th><th>Refused uploads</th></tr>");
    for s in &seats {
        let refused = if s.refused == 0 {
            "0".to_owned()
        } else {
            format!(
                "<span class=\"bad\">{}</span> <small>{}</small>",
                s.refused,
                escape(s.last_refusal.as_deref().unwrap_or(""))
            )
        };
        let _ = write!(
            b,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{:.1} %</td><td>{:.1} %</td><td>{:.1} %</td><td>{}</td><td>{:.1} %</td><td>{refused}</td></tr>",
            escape(&s.name),
            if s.members.is_empty() {
                String::new()
            } else {
                format!(" <small>({})</small>", escape(&s.members))
            },
            s.quarter,
            escape(&crate::sim::journal::format_money(s.arr)),
            s.nrr * 100.0,
            s.grr * 100.0,
            s.readiness * 100.0,
            s.mistakes,
            s.scorecard * 100.0
        );
    }
    b.push_str("</table></section>");
    Ok(Html(page("Class dashboard", &b, Some(5))))
}

#[derive(Debug, Deserialize)]
struct HoldForm {
    token: String,
    quarter: String,
}

async fn hold(
    State(app): State<Shared>,
    form: Result<Form<HoldForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "expected token and quarter".to_owned(),
        )
        .into_response();
    };
    if let Err(r) = instructor(&app, &f.token) {
        return *r;
    }
    let Ok(q) = f.quarter.trim().parse::<u16>() else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "the quarter is a whole number".to_owned(),
        )
        .into_response();
    };
    update(
        &app,
        |s, c| {
            s.set_hold(Some(q))?;
            c.hold_at = Some(q);
            Ok(())
        },
        &f.token,
    )
}

#[derive(Debug, Deserialize)]
struct TokenForm {
    token: String,
}

async fn release(
    State(app): State<Shared>,
    form: Result<Form<TokenForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return Fail(StatusCode::BAD_REQUEST, "expected the token".to_owned()).into_response();
    };
    if let Err(r) = instructor(&app, &f.token) {
        return *r;
    }
    update(
        &app,
        |s, c| {
            s.set_hold(None)?;
            c.hold_at = None;
            Ok(())
        },
        &f.token,
    )
}

#[derive(Debug, Deserialize)]
struct MessageForm {
    token: String,
    message: String,
}

async fn message(
    State(app): State<Shared>,
    form: Result<Form<MessageForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "expected token and message".to_owned(),
        )
        .into_response();
    };
    if let Err(r) = instructor(&app, &f.token) {
        return *r;
    }
    let text: String = f
        .message
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_MESSAGE)
        .collect();
    let text = (!text.is_empty()).then_some(text);
    update(
        &app,
        |s, c| {
            s.set_message(text.as_deref())?;
            c.message = text.clone();
            Ok(())
        },
        &f.token,
    )
}

#[derive(Debug, Deserialize)]
struct RankingForm {
    token: String,
    visible: String,
}

async fn ranking(
    State(app): State<Shared>,
    form: Result<Form<RankingForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "expected token and visible".to_owned(),
        )
        .into_response();
    };
    if let Err(r) = instructor(&app, &f.token) {
        return *r;
    }
    let visible = f.visible == "true";
    update(
        &app,
        |s, c| {
            s.set_ranking_visible(visible)?;
            c.ranking_visible = visible;
            Ok(())
        },
        &f.token,
    )
}

#[derive(Debug, Deserialize)]
struct InjectForm {
    token: String,
    barrier: String,
    target: String,
    severity: String,
    #[serde(default)]
    hidden: Option<String>,
    #[serde(default)]
    note: String,
}

async fn inject(
    State(app): State<Shared>,
    form: Result<Form<InjectForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "expected token, barrier, target and severity".to_owned(),
        )
        .into_response();
    };
    if let Err(r) = instructor(&app, &f.token) {
        return *r;
    }
    let Ok(barrier) = ron::from_str::<crate::sim::types::BarrierKind>(f.barrier.trim()) else {
        return Fail(StatusCode::BAD_REQUEST, "unknown barrier kind".to_owned()).into_response();
    };
    let t = f.target.trim();
    let target = if t.is_empty() || t.eq_ignore_ascii_case("all") {
        crate::session::InjectTarget::All
    } else if let Some(seg) = t.strip_prefix("segment:") {
        crate::session::InjectTarget::Segment(seg.trim().to_owned())
    } else {
        crate::session::InjectTarget::Customer(t.to_owned())
    };
    let Some(severity) = f
        .severity
        .trim()
        .parse::<f32>()
        .ok()
        .filter(|s| (0.1..=1.0).contains(s))
    else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "severity is a number from 0.1 to 1".to_owned(),
        )
        .into_response();
    };
    let injection = crate::session::Injection {
        id: 0,
        quarter: 0,
        barrier,
        target,
        severity,
        hidden: f.hidden.is_some(),
        note: f
            .note
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect(),
    };
    update(
        &app,
        |s, _| s.add_injection(&injection).map(|_| ()),
        &f.token,
    )
}

/// Applies a change to the stored class and the one in memory, then shows the dashboard.
fn update(
    app: &App,
    change: impl FnOnce(&Store, &mut ClassRow) -> rusqlite::Result<()>,
    token: &str,
) -> Response {
    let result = (|| -> Result<(), Fail> {
        let store = app.store.lock().map_err(internal)?;
        let mut class = app.class.lock().map_err(internal)?;
        change(&store, &mut class).map_err(internal)
    })();
    match result {
        Ok(()) => Redirect::to(&format!("/?token={token}")).into_response(),
        Err(f) => f.into_response(),
    }
}

/// Every seat's latest verified session, replayed, with its id and name; and the seats
/// whose stored session no longer verifies (with why).
type Replayed = (
    Vec<(i64, String, crate::session::Recorder)>,
    Vec<(String, String)>,
);

fn replayed(app: &App) -> Result<Replayed, Fail> {
    let seats = app
        .store
        .lock()
        .map_err(internal)?
        .seats()
        .map_err(internal)?;
    let mut out = Vec::new();
    let mut refused = Vec::new();
    for s in seats {
        let Some(text) = &s.session else { continue };
        match Session::parse("seat", text).and_then(|x| x.verify("seat")) {
            Ok(rec) => out.push((s.id, s.name.clone(), rec)),
            Err(e) => refused.push((s.name.clone(), format!("{}: {e}", s.name))),
        }
    }
    Ok((out, refused))
}

/// The class debrief, each row linking to that seat's own debrief.
fn class_of(app: &App, token: &str) -> Result<crate::exam::class::ClassDebrief, Fail> {
    let (recs, refused) = replayed(app)?;
    let rows: Vec<(String, &crate::session::Recorder, String)> = recs
        .iter()
        .map(|(id, n, r)| {
            (
                n.clone(),
                r,
                format!("/instructor/trainee?token={token}&seat={id}"),
            )
        })
        .collect();
    let mut debrief = crate::exam::class::ClassDebrief::new(&rows, refused);
    if debrief.title.is_empty() {
        let source = app.class.lock().map_err(internal)?.scenario_source.clone();
        if let Ok(s) = Scenario::parse("class", &source) {
            debrief.title = s.title;
            debrief.scenario = s.id;
        }
    }
    Ok(debrief)
}

#[derive(Debug, Deserialize)]
struct TraineeQuery {
    #[serde(default)]
    token: String,
    seat: i64,
}

/// One seat's own debrief, for the instructor.
async fn trainee_debrief(
    State(app): State<Shared>,
    q: Result<Query<TraineeQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = q else {
        return Fail(
            StatusCode::BAD_REQUEST,
            "expected token and seat".to_owned(),
        )
        .into_response();
    };
    if let Err(r) = instructor(&app, &q.token) {
        return *r;
    }
    let app2 = app.clone();
    let seat = q.seat;
    let page = tokio::task::spawn_blocking(move || -> Result<String, Fail> {
        let store = app2.store.lock().map_err(internal)?;
        let s = store
            .seat(seat)
            .map_err(internal)?
            .ok_or_else(|| Fail(StatusCode::NOT_FOUND, "no such seat".to_owned()))?;
        drop(store);
        let text = s.session.ok_or_else(|| {
            Fail(
                StatusCode::NOT_FOUND,
                "this seat has not uploaded yet".to_owned(),
            )
        })?;
        let rec = Session::parse("seat", &text)
            .and_then(|x| x.verify("seat"))
            .map_err(internal)?;
        // The instructor's pages are in English (not translated yet).
        Ok(crate::i18n::with_language(crate::i18n::ENGLISH, || {
            crate::exam::debrief::Debrief::new(&rec.sim, &rec.judge, &rec.answers).to_html()
        }))
    })
    .await;
    match page {
        Ok(Ok(html)) => Html(html).into_response(),
        Ok(Err(f)) => f.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

async fn export_json(State(app): State<Shared>, Query(q): Query<TokenQuery>) -> Response {
    if let Err(r) = instructor(&app, &q.token) {
        return *r;
    }
    let app2 = app.clone();
    let token = q.token.clone();
    match tokio::task::spawn_blocking(move || class_of(&app2, &token)).await {
        Ok(Ok(c)) => axum::Json(c).into_response(),
        Ok(Err(f)) => f.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

async fn export_csv(State(app): State<Shared>, Query(q): Query<TokenQuery>) -> Response {
    if let Err(r) = instructor(&app, &q.token) {
        return *r;
    }
    let app2 = app.clone();
    let token = q.token.clone();
    match tokio::task::spawn_blocking(move || class_of(&app2, &token)).await {
        Ok(Ok(c)) => {
            let mut r = c.to_csv().into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            r
        }
        Ok(Err(f)) => f.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

async fn class_debrief(State(app): State<Shared>, Query(q): Query<TokenQuery>) -> Response {
    if let Err(r) = instructor(&app, &q.token) {
        return *r;
    }
    let app2 = app.clone();
    let token = q.token.clone();
    match tokio::task::spawn_blocking(move || class_of(&app2, &token)).await {
        Ok(Ok(c)) => Html(c.to_html()).into_response(),
        Ok(Err(f)) => f.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1c2430}main{max-width:1200px;margin:0 auto;padding:24px}.meta{color:#555}.code{font-family:monospace;font-size:1.3em;letter-spacing:.1em;background:#fff3c4;padding:2px 6px;border-radius:4px}section{background:#fff;border-radius:8px;padding:18px 22px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}table{border-collapse:collapse;width:100%;font-size:.95em}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e7ec}th{background:#f0f3f6}.row{display:flex;flex-wrap:wrap;gap:16px;align-items:center}button{padding:4px 12px}.bad{color:#c62828;font-weight:600}";
