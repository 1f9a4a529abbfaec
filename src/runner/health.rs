//! Whether the target is still there: one verdict for the whole run.
//!
//! A request that gets no answer (refused, reset, timed out), or a gateway's 502, 503 or
//! 504 (a proxy whose backend is gone), may be the endpoint's fault for that one call, or
//! the endpoint may be gone. [`Health::confirm`] tells them apart with one probe
//! (`/system/whoami` as the owner, which the set-up check proved works): if the probe is
//! answered below 500, the failure stands as the case's; if not, the target is declared
//! dead, every later request is refused at once, and the run stops with one message
//! instead of a failure per remaining case (issue 10, point 2). Concurrent failures share
//! one probe.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::client::{self, Request};

/// The probe's outcome is reused for this long, so a burst of failures costs one probe.
const PROBE_REUSE: Duration = Duration::from_secs(2);

#[derive(Default)]
struct State {
    /// Why the target is considered dead.
    dead: Option<String>,
    /// When the last probe was answered.
    alive_at: Option<Instant>,
}

/// The liveness of one resolved target; cheap to clone.
#[derive(Clone)]
pub struct Health {
    probe: Arc<Request>,
    state: Arc<Mutex<State>>,
    /// One probe at a time.
    gate: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for Health {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Health")
            .field("dead", &self.dead())
            .finish()
    }
}

impl Health {
    /// Liveness probed with `POST {base}/system/whoami` and this token.
    pub fn new(base: &str, token: &str) -> Health {
        Health {
            probe: Arc::new(Request::post_json(
                format!("{base}/system/whoami"),
                Some(token),
                &serde_json::json!({}),
            )),
            state: Arc::default(),
            gate: Arc::default(),
        }
    }

    /// Why the target is dead, if it is.
    pub fn dead(&self) -> Option<String> {
        self.state.lock().ok().and_then(|s| s.dead.clone())
    }

    /// After a request got no answer: is the target still alive? `Err` with the reason
    /// once it is not (and from then on, without probing again).
    pub async fn confirm(&self) -> Result<(), String> {
        let _one = self.gate.lock().await;
        if let Ok(s) = self.state.lock() {
            if let Some(reason) = &s.dead {
                return Err(reason.clone());
            }
            if s.alive_at.is_some_and(|t| t.elapsed() < PROBE_REUSE) {
                return Ok(());
            }
        }
        let result = client::send_async(&self.probe).await;
        let mut s = self.state.lock().map_err(|e| e.to_string())?;
        match result {
            Ok(a) if a.status < 500 => {
                s.alive_at = Some(Instant::now());
                Ok(())
            }
            Ok(a) => {
                let reason = format!(
                    "the target stopped working during the run ({} answered {}: {})",
                    self.probe.url,
                    a.status,
                    a.body_text()
                );
                s.dead = Some(reason.clone());
                Err(reason)
            }
            Err(e) => {
                let reason = format!(
                    "the target stopped answering during the run ({} got no answer: {e})",
                    self.probe.url
                );
                s.dead = Some(reason.clone());
                Err(reason)
            }
        }
    }
}
