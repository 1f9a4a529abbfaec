//! The reference server: an in-memory implementation of the documented DNAnexus API, used
//! in-process by the runner and tests, and on its own by `dxconform serve` (where the real
//! `dx` client can be pointed at it).
//!
//! # Layout
//!
//! - this file: the interface the runner and the CLI use ([`Config`], [`app`], [`run`],
//!   [`start`]) and the shared state;
//! - [`protocol`]: the layer every request goes through (methods, paths, content types,
//!   JSON, authentication, statuses, headers, CORS), written once; [`routes`]: the route
//!   table, one row per route, from which dispatch and the list of implemented routes
//!   both come;
//! - [`call`]: what a handler is given (the table imports the handlers, the handlers
//!   import only this);
//! - [`rules`]: the documented knobs (limits, levels, statuses, defaults, link rules,
//!   search defaults, the ID alphabet...) that the protocol layer and the routes read;
//! - [`error`]: error types and bodies; [`auth`]: bearer tokens; [`ids`]: entity IDs;
//!   [`input`]: typed readers of input fields; [`fields`]: describe field selection;
//! - [`store`]: the data model, behind one lock;
//! - route families: [`records`] (`/record/new`, record describe), [`objects`] (the other
//!   data-object routes), [`projects`], [`folders`] (folders, move, clone, removal),
//!   [`search`] (`find*`, bulk describe, resolve), [`system`] (whoami, users, test routes),
//!   [`files`] (`/file/new`, upload, close, download, and the transfer endpoints the
//!   upload and download URLs point at, with the blob store that holds the bytes);
//! - [`billing`]: the billing fixture projects;
//! - the self-check: [`edit`] (what a fault or a variant does: a rules change or a
//!   rewrite of the request, the answer, its bytes or headers), [`faults`] (ways to break
//!   the documentation) and [`variants`] (ways to differ from this server within it).

pub mod auth;
pub mod billing;
pub mod call;
pub mod edit;
pub mod error;
pub mod faults;
pub mod fields;
pub mod files;
pub mod folders;
pub mod ids;
pub mod input;
pub mod objects;
pub mod projects;
pub mod protocol;
pub mod records;
pub mod routes;
pub mod rules;
pub mod search;
pub mod store;
pub mod system;
pub mod variants;

use std::future::Future;
use std::net::SocketAddr;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;
use tokio::net::TcpListener;

use edit::{Edit, Edits};
use files::blobs::Blobs;
use rules::Rules;
use store::Store;

/// How to start a server.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `(handle, token)`: each makes `user-<handle>` with that bearer token.
    pub users: Vec<(String, String)>,
    /// Names from the fault catalogue ([`faults::FAULTS`]) to switch on.
    pub faults: Vec<String>,
    /// Names from the variant catalogue ([`variants::VARIANTS`]) to switch on.
    pub variants: Vec<String>,
    /// Added to every answer, to exercise clients' time-outs.
    pub latency_ms: u64,
    /// Create the fixtures for the first user: the two billing projects and a container
    /// (containers are made by the platform for jobs; no API route creates one).
    pub billing_fixtures: bool,
    /// Log every request to standard error: method, path, status, time taken and its
    /// `X-Request-ID` (never a header or a body, so never a token).
    pub log: bool,
    /// How long a closing file stays `closing` before it reads `closed`, in ms (0: it is
    /// closed when close answers).
    pub closing_ms: u64,
}

impl Config {
    /// Check the configuration: fault and variant names must be in their catalogues;
    /// handles must be non-empty `[A-Za-z0-9._-]` and distinct; tokens non-empty, without
    /// whitespace and distinct. [`app`] ignores what this rejects, so callers should
    /// validate first.
    pub fn validate(&self) -> Result<(), String> {
        for name in &self.faults {
            if faults::find(name).is_none() {
                return Err(format!(
                    "unknown fault {name:?} (`dxconform faults` lists them)"
                ));
            }
        }
        for name in &self.variants {
            if variants::find(name).is_none() {
                let known: Vec<&str> = variants::VARIANTS.iter().map(|v| v.name).collect();
                return Err(format!(
                    "unknown variant {name:?}; the variants are: {}",
                    known.join(", ")
                ));
            }
        }
        let mut handles = std::collections::BTreeSet::new();
        let mut tokens = std::collections::BTreeSet::new();
        for (handle, token) in &self.users {
            let handle_ok = !handle.is_empty()
                && handle
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
            if !handle_ok {
                return Err(format!(
                    "invalid user handle {handle:?}: use letters, digits, '.', '_' or '-'"
                ));
            }
            if token.is_empty() || token.chars().any(char::is_whitespace) {
                return Err(format!(
                    "invalid token for user {handle:?}: it must be non-empty without spaces"
                ));
            }
            if !handles.insert(handle) {
                return Err(format!("user {handle:?} is given twice"));
            }
            if !tokens.insert(token) {
                return Err(format!("two users share the token of {handle:?}"));
            }
        }
        Ok(())
    }

    /// The switched-on faults' and variants' edits, in catalogue order (faults first);
    /// unknown names are left out.
    pub fn edits(&self) -> Edits {
        let on = |names: &[String], name: &str| names.iter().any(|n| n == name);
        let faults = faults::FAULTS
            .iter()
            .filter(|f| on(&self.faults, f.name))
            .map(|f| &f.edit);
        let variants = variants::VARIANTS
            .iter()
            .filter(|v| on(&self.variants, v.name))
            .map(|v| &v.edit);
        Edits::new(faults.chain(variants).collect::<Vec<&'static Edit>>())
    }
}

/// The billing fixture projects, when [`Config::billing_fixtures`] is on.
#[derive(Debug, Clone, Default)]
pub struct Fixtures {
    /// Billed to an org at its spending limit.
    pub spending_limit_project: Option<String>,
    /// Billed to an expired org.
    pub expired_org_project: Option<String>,
    /// A container (`container-xxxx`) the first user administers, for the container
    /// routes.
    pub container: Option<String>,
}

/// A server started by [`start`]; dropping it does not stop it (it lives as long as the
/// runtime it was spawned on).
#[derive(Debug, Clone)]
pub struct Running {
    pub addr: SocketAddr,
    pub fixtures: Fixtures,
}

/// The state every request shares: cheap to clone, everything behind one `Arc`.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    /// The one lock: each request holds it for its whole run, so requests are atomic.
    store: Mutex<Store>,
    /// File bytes, outside the lock.
    blobs: Blobs,
    /// Fixed at start-up, so read without the lock.
    rules: Rules,
    edits: Edits,
    /// How many requests have arrived: the source of `X-Request-ID` counters.
    requests: AtomicU64,
}

impl AppState {
    fn new(store: Store, rules: Rules, edits: Edits, blobs: Blobs) -> AppState {
        AppState {
            inner: Arc::new(Shared {
                store: Mutex::new(store),
                blobs,
                rules,
                edits,
                requests: AtomicU64::new(0),
            }),
        }
    }

    /// The store, locked, with the closings that are due settled. A poisoned lock is
    /// still used: route code runs under `catch_unwind`, and a half-done request is
    /// better than a dead server.
    pub fn lock(&self) -> StoreGuard<'_> {
        let mut guard = self
            .inner
            .store
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        guard.settle(store::now_ms());
        StoreGuard {
            guard,
            blobs: &self.inner.blobs,
        }
    }

    /// Where file bytes live.
    pub fn blobs(&self) -> &Blobs {
        &self.inner.blobs
    }

    /// The rules in force, the faults' and variants' edits applied.
    pub fn rules(&self) -> &Rules {
        &self.inner.rules
    }

    /// The switched-on edits, for the protocol layer's rewrites.
    pub fn edits(&self) -> &Edits {
        &self.inner.edits
    }

    /// Count a request: how many came before it.
    pub fn count_request(&self) -> u64 {
        self.inner.requests.fetch_add(1, Ordering::Relaxed)
    }
}

/// The locked store. When it is released, the bytes of files that went away while it was
/// held are deleted from the blob store (in the background, outside the lock).
pub struct StoreGuard<'a> {
    guard: MutexGuard<'a, Store>,
    blobs: &'a Blobs,
}

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.guard
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.guard
    }
}

impl Drop for StoreGuard<'_> {
    fn drop(&mut self) {
        let gone = std::mem::take(&mut self.guard.discarded);
        self.blobs.discard(gone);
    }
}

/// The router for a configuration. Unknown fault and variant names and invalid users are
/// skipped here; [`Config::validate`] reports them.
pub fn app(config: &Config) -> (Router, Fixtures) {
    let edits = config.edits();
    let mut defaults = Rules {
        delay_ms: config.latency_ms,
        ..Rules::default()
    };
    defaults.files.closing_ms = config.closing_ms;
    let rules = edits.rules(defaults);
    let mut store = Store::default();
    for (handle, token) in &config.users {
        store.add_user(handle, token);
    }
    let fixtures = if config.billing_fixtures {
        match config.users.first() {
            Some((handle, _)) => {
                let owner = format!("user-{handle}");
                let mut fixtures = billing::create(&mut store, &owner, rules.id_alphabet);
                fixtures.container = Some(store.create_project(
                    "container",
                    "dxconform fixture container",
                    &owner,
                    rules.id_alphabet,
                ));
                fixtures
            }
            None => Fixtures::default(),
        }
    } else {
        Fixtures::default()
    };
    let transfer = files::transfer::routes(&rules);
    let state = AppState::new(store, rules, edits, Blobs::temporary());
    let mut router = transfer.fallback(protocol::handle).with_state(state);
    if config.log {
        router = router.layer(axum::middleware::from_fn(log_request));
    }
    (router, fixtures)
}

/// One line per request on standard error (`serve --log`).
async fn log_request(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use std::io::Write;
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let id = response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    // Written, not printed: a closed stderr must not take the server down.
    let _ = writeln!(
        std::io::stderr(),
        "{method} {path} {} {}ms {id}",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

/// Serve `config` on `listener` until `shutdown` completes.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (router, _) = app(&config);
    serve(listener, router, shutdown).await
}

/// Serve a router made by [`app`] until `shutdown` completes: for callers that need the
/// [`Fixtures`] before serving (the `serve` command prints them).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Bind `127.0.0.1:0` and serve in the background on the current runtime.
pub async fn start(config: Config) -> std::io::Result<Running> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (router, fixtures) = app(&config);
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(Running { addr, fixtures })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_rejects_unknown_faults_and_bad_users() {
        let ok = Config {
            users: vec![("alice".into(), "t1".into()), ("bob".into(), "t2".into())],
            ..Config::default()
        };
        assert!(ok.validate().is_ok());
        let bad = [
            Config {
                faults: vec!["nope".into()],
                ..ok.clone()
            },
            Config {
                variants: vec!["nope".into()],
                ..ok.clone()
            },
            Config {
                faults: vec!["nonce-ignored".into()],
                variants: vec!["nonce-ignored".into()],
                ..ok.clone()
            },
            Config {
                users: vec![("".into(), "t".into())],
                ..Config::default()
            },
            Config {
                users: vec![("a b".into(), "t".into())],
                ..Config::default()
            },
            Config {
                users: vec![("a".into(), "t".into()), ("a".into(), "u".into())],
                ..Config::default()
            },
            Config {
                users: vec![("a".into(), "t".into()), ("b".into(), "t".into())],
                ..Config::default()
            },
            Config {
                users: vec![("a".into(), "".into())],
                ..Config::default()
            },
        ];
        for c in bad {
            assert!(c.validate().is_err(), "{c:?}");
        }
    }
}
