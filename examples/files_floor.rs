//! The floor of the files benchmark (`bench/files.sh`): a bare axum server that stores
//! what is PUT to `/floor/{key}` in the same blob storage the reference server uses
//! (`object_store`'s `LocalFileSystem` in a temporary directory, written a chunk at a time
//! as the body arrives) and answers `GET /floor` with every stored blob, in key order,
//! streamed back. No metadata, no lock, no URL checks, no MD5: what the reference
//! server's transfer endpoints cost is measured against this.
//!
//! `cargo run --release --example files_floor` prints `listening on http://ADDR`.

use std::io::Read;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use bytes::Bytes;
use futures_util::stream::{self, StreamExt, TryStreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, PutMultipartOptions, PutPayload};

/// Bytes written to storage at once (the reference server's chunk).
const CHUNK: usize = dxconform::server::files::blobs::CHUNK;

#[derive(Clone)]
struct Floor {
    store: Arc<LocalFileSystem>,
}

async fn put_blob(
    State(floor): State<Floor>,
    UrlPath(key): UrlPath<String>,
    body: Body,
) -> StatusCode {
    let path = Path::from(format!("floor/{key:0>8}"));
    let Ok(mut upload) = floor
        .store
        .put_multipart_opts(&path, PutMultipartOptions::default())
        .await
    else {
        return StatusCode::INTERNAL_SERVER_ERROR;
    };
    let mut body = body.into_data_stream();
    let mut pending: Vec<Bytes> = Vec::new();
    let mut pending_len = 0;
    loop {
        let frame = match body.next().await {
            Some(Ok(frame)) => Some(frame),
            Some(Err(_)) => return StatusCode::BAD_REQUEST,
            None => None,
        };
        let last = frame.is_none();
        if let Some(frame) = frame {
            pending_len += frame.len();
            pending.push(frame);
        }
        if pending_len >= CHUNK || (last && pending_len > 0) {
            let payload = PutPayload::from_iter(std::mem::take(&mut pending));
            pending_len = 0;
            if upload.put_part(payload).await.is_err() {
                return StatusCode::INTERNAL_SERVER_ERROR;
            }
        }
        if last {
            break;
        }
    }
    match upload.complete().await {
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

async fn get_all(State(floor): State<Floor>) -> Body {
    let mut keys: Vec<Path> = floor
        .store
        .list(Some(&Path::from("floor")))
        .map_ok(|meta| meta.location)
        .try_collect()
        .await
        .unwrap_or_default();
    keys.sort();
    let files: Vec<std::path::PathBuf> = keys
        .iter()
        .filter_map(|k| floor.store.path_to_filesystem(k).ok())
        .collect();
    // Read on a blocking thread a chunk at a time, a few chunks ahead of the network
    // (object_store's own stream of a local file reads 8 KiB at a time).
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(4);
    tokio::task::spawn_blocking(move || {
        for path in files {
            let mut file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => return drop(tx.blocking_send(Err(e))),
            };
            loop {
                let mut buf = vec![0u8; CHUNK];
                match file.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        buf.truncate(n);
                        if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                            return;
                        }
                    }
                    Err(e) => return drop(tx.blocking_send(Err(e))),
                }
            }
        }
    });
    let chunks = stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|c| (c, rx)) });
    Body::from_stream(chunks)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = LocalFileSystem::new_with_prefix(dir.path()).expect("a local store");
    let floor = Floor {
        store: Arc::new(store),
    };
    let app = Router::new()
        .route("/floor/{key}", put(put_blob))
        .route("/floor", get(get_all))
        .with_state(floor);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    println!(
        "listening on http://{}",
        listener.local_addr().expect("addr")
    );
    axum::serve(listener, app).await.expect("serves");
    drop(dir);
}
