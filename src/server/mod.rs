//! The reference server: an in-memory implementation of the documented DNAnexus API.
//!
//! STUB INTERFACE (to be replaced by the real server): the runner and the CLI depend only
//! on [`Config`], [`start`], [`Running`] and [`run`].

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;

/// How to start a server.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `(handle, token)`: each makes `user-<handle>` with that bearer token.
    pub users: Vec<(String, String)>,
    /// Names from the fault catalogue to switch on.
    pub faults: Vec<String>,
    /// Added to every answer, to exercise clients' time-outs.
    pub latency_ms: u64,
    /// Create the billing fixtures for the first user.
    pub billing_fixtures: bool,
}

/// The billing fixture projects, when [`Config::billing_fixtures`] is on.
#[derive(Debug, Clone, Default)]
pub struct Fixtures {
    /// Billed to an org at its spending limit.
    pub spending_limit_project: Option<String>,
    /// Billed to an expired org.
    pub expired_org_project: Option<String>,
}

/// A server started by [`start`]; dropping it does not stop it (it lives as long as the
/// runtime it was spawned on).
#[derive(Debug, Clone)]
pub struct Running {
    pub addr: SocketAddr,
    pub fixtures: Fixtures,
}

/// The router for a configuration.
pub fn app(_config: &Config) -> (Router, Fixtures) {
    (Router::new(), Fixtures::default())
}

/// Serve `config` on `listener` until `shutdown` completes.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (router, _) = app(&config);
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
