//! The instructor's dashboard in a real headless Chromium, driven over WebDriver
//! (chromedriver): open it with the token, see a trainee appear, hold and release the class,
//! inject a barrier. Needs Debian's `chromium` and `chromium-driver`; `.ci/run` installs
//! them and runs this test (`cargo test --release --test dashboard_browser -- --ignored`).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use csm_sim::class::client::{self, Seat};
use csm_sim::class::server;
use csm_sim::scenario::Scenario;
use serde_json::{Value, json};

struct Driver {
    child: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver) must be installed");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while agent.get(&format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut d = Driver {
            child,
            base,
            session: String::new(),
            agent,
        };
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,900"]
        }}}});
        let r = d.call("POST", "/session", Some(caps));
        d.session = r["sessionId"]
            .as_str()
            .expect("a WebDriver session")
            .to_owned();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if self.session.is_empty() {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let mut r = match method {
            "POST" => self
                .agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.unwrap_or(json!({})).to_string())
                .unwrap(),
            "DELETE" => self.agent.delete(&url).call().unwrap(),
            _ => self.agent.get(&url).call().unwrap(),
        };
        let text = r.body_mut().read_to_string().unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert!(v["value"].get("error").is_none(), "{method} {path}: {v}");
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn source(&self) -> String {
        self.call("GET", "/source", None)
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("an element")
            .to_owned()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Waits until the page (as it refreshes itself) contains `text`.
    fn wait_for(&self, text: &str, seconds: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let s = self.source();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < deadline, "never saw {text:?} in:\n{s}");
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self
                .agent
                .delete(&format!("{}/session/{}", self.base, self.session))
                .call();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs chromium and chromium-driver; .ci/run installs them and runs it"]
fn the_dashboard_works_in_a_real_browser() {
    let dir = std::env::temp_dir().join(format!("csm-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("class.db");
    let scenario = Scenario::load("sponsor-loss").unwrap();
    let (class, _) = server::open_class(&db, Some(&scenario), None).unwrap();
    let addr = server::spawn(db, "127.0.0.1:0".parse().unwrap()).unwrap();
    let d = Driver::start();
    d.go(&format!("http://{addr}/?token={}", class.token));
    d.wait_for("Class dashboard", 10);

    // A trainee joins and uploads: the open page shows them at its next refresh.
    let joined = client::join(&addr.to_string(), &class.code, "Browser Trainee", None).unwrap();
    let seat = Seat {
        address: client::base(&addr.to_string()),
        seat: joined.seat,
        name: joined.name,
        secret: joined.secret,
    };
    let mut rec = csm_sim::session::Recorder::new(std::sync::Arc::new(scenario), joined.seed);
    rec.end_quarter();
    client::sync(&seat, &ron::ser::to_string(&rec.to_session()).unwrap()).unwrap();
    d.wait_for("Browser Trainee", 12);

    // Hold and release.
    d.type_into("form[action='/instructor/hold'] input[name=quarter]", "2");
    d.click("form[action='/instructor/hold'] button");
    d.wait_for("held at quarter 2", 10);
    assert_eq!(client::status(&seat).unwrap().hold_at, Some(2));
    d.click("form[action='/instructor/release'] button");
    d.wait_for("plays freely", 10);
    assert_eq!(client::status(&seat).unwrap().hold_at, None);

    // Inject a barrier on everyone: the trainee's next status carries it.
    d.type_into(
        "form[action='/instructor/inject'] input[name=note]",
        "from the browser",
    );
    d.click("form[action='/instructor/inject'] button");
    // The form posts and the page comes back: wait for the server to have it.
    let deadline = Instant::now() + Duration::from_secs(15);
    let injections = loop {
        let i = client::status(&seat).unwrap().injections;
        if !i.is_empty() || Instant::now() > deadline {
            break i;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(injections.len(), 1);
    assert_eq!(injections[0].note, "from the browser");
    assert!(injections[0].hidden, "hidden is ticked by default");
}
