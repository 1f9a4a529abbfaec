//! Where file bytes live: a blob store behind `object_store`'s interface, a local
//! directory by default (`LocalFileSystem` in a temporary directory, removed with the
//! server), so that the reference server reaches an S3-compatible store by changing one
//! constructor.
//!
//! Bytes never pass through the metadata store's lock and are never held whole in memory:
//! a part is written as it arrives, in chunks of [`CHUNK`] bytes (one task receives while
//! another hashes the previous chunk and writes it, at most [`PIPELINE`] chunks between
//! them), and read back as a stream of chunks that a blocking reader fills ahead of the
//! network by at most [`READ_AHEAD`] chunks.
//!
//! Each part's data is one object, keyed `<file>/<index>/<token>`: a new PUT writes a new
//! object and the old one is deleted only when the new one has replaced it, so a read in
//! progress never sees a part change under it.

use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt, TryStreamExt};
use md5::{Digest, Md5};
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::{
    GetOptions, GetRange, GetResultPayload, MultipartUpload, ObjectStore, PutMultipartOptions,
    PutPayload,
};

/// Bytes written to storage at once: small enough to keep memory flat whatever the part
/// size, large enough that a write costs little more than the copy.
pub const CHUNK: usize = 1024 * 1024;

/// Chunks waiting between receiving and hashing on an upload.
pub const PIPELINE: usize = 2;

/// Chunks read ahead of the network on a download.
pub const READ_AHEAD: usize = 4;

/// The blob store of one server.
#[derive(Debug)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
    /// The temporary directory, deleted when the server's state is dropped.
    _dir: Option<tempfile::TempDir>,
}

/// What a write stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub len: u64,
    /// Lower-case hex MD5 of the bytes.
    pub md5: String,
}

/// Why a write stored nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// More bytes came than the limit allows (the rest was not read).
    TooLong,
    /// The request body broke off.
    Body(String),
    /// The store failed (a server problem).
    Store(String),
}

/// The prefix of our temporary directories: `dxconform-blobs-<pid>-…`.
const DIR_PREFIX: &str = "dxconform-blobs-";

impl Blobs {
    /// A store in a new temporary directory. Directories that servers of processes no
    /// longer running left behind (a server that lives until its process exits is never
    /// dropped) are removed first. Falls back to memory if no directory can be made.
    pub fn temporary() -> Blobs {
        sweep_stale_dirs();
        let made = tempfile::Builder::new()
            .prefix(&format!("{DIR_PREFIX}{}-", std::process::id()))
            .tempdir()
            .ok()
            .and_then(|dir| {
                let fs = LocalFileSystem::new_with_prefix(dir.path())
                    .ok()?
                    .with_automatic_cleanup(true);
                Some((dir, fs))
            });
        match made {
            Some((dir, fs)) => Blobs {
                store: Arc::new(fs),
                _dir: Some(dir),
            },
            None => Blobs::in_memory(),
        }
    }

    /// A store in memory (tests, and the fallback when no directory can be made).
    pub fn in_memory() -> Blobs {
        Blobs {
            store: Arc::new(InMemory::new()),
            _dir: None,
        }
    }

    /// Store `body` under `key`, at most `limit` bytes, computing its MD5 as it streams
    /// through. Nothing is kept when it fails.
    ///
    /// Two stages, so that receiving runs beside hashing and writing (on two cores the
    /// MD5 would otherwise halve the upload rate): this task reads the body and cuts it
    /// into chunks of [`CHUNK`] bytes; a second task hashes each chunk on a blocking
    /// thread and hands it to storage, one write in flight. At most [`PIPELINE`] chunks
    /// wait between the stages, so memory stays a few chunks per upload.
    pub async fn write<E: std::fmt::Display>(
        &self,
        key: &str,
        mut body: impl futures_util::Stream<Item = Result<Bytes, E>> + Unpin,
        limit: u64,
    ) -> Result<Written, WriteError> {
        let upload = self
            .store
            .put_multipart_opts(&Path::from(key), PutMultipartOptions::default())
            .await
            .map_err(|e| WriteError::Store(e.to_string()))?;
        let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Bytes>>(PIPELINE);
        let worker = tokio::spawn(hash_and_store(upload, rx));
        let mut len = 0u64;
        let mut pending: Vec<Bytes> = Vec::new();
        let mut pending_len = 0usize;
        let received: Result<(), WriteError> = async {
            loop {
                let frame = match body.next().await {
                    Some(Ok(frame)) => Some(frame),
                    Some(Err(e)) => return Err(WriteError::Body(e.to_string())),
                    None => None,
                };
                let last = frame.is_none();
                if let Some(frame) = frame {
                    len += frame.len() as u64;
                    if len > limit {
                        return Err(WriteError::TooLong);
                    }
                    pending_len += frame.len();
                    pending.push(frame);
                }
                if pending_len >= CHUNK || (last && pending_len > 0) {
                    pending_len = 0;
                    if tx.send(std::mem::take(&mut pending)).await.is_err() {
                        // The worker stopped: its error is the answer.
                        return Ok(());
                    }
                }
                if last {
                    return Ok(());
                }
            }
        }
        .await;
        drop(tx);
        let stored = match worker.await {
            Ok(stored) => stored,
            Err(e) => Err((WriteError::Store(e.to_string()), None)),
        };
        match (received, stored) {
            (Ok(()), Ok((mut upload, md5))) => {
                upload
                    .complete()
                    .await
                    .map_err(|e| WriteError::Store(e.to_string()))?;
                Ok(Written { len, md5 })
            }
            (received, stored) => {
                let (error, upload) = match (received, stored) {
                    (Err(e), Ok((upload, _))) => (e, Some(upload)),
                    (Err(e), Err((_, upload))) => (e, upload),
                    (Ok(()), Err((e, upload))) => (e, upload),
                    (Ok(()), Ok(_)) => unreachable!("handled above"),
                };
                if let Some(mut upload) = upload {
                    let _ = upload.abort().await;
                }
                Err(error)
            }
        }
    }

    /// The bytes `range` of the blob `key`, as a stream of chunks. An empty range reads
    /// nothing.
    pub fn read(&self, key: &str, range: Range<u64>) -> BoxStream<'static, std::io::Result<Bytes>> {
        if range.is_empty() {
            return futures_util::stream::empty().boxed();
        }
        let store = self.store.clone();
        let path = Path::from(key);
        futures_util::stream::once(async move {
            let options = GetOptions {
                range: Some(GetRange::Bounded(range)),
                ..GetOptions::default()
            };
            let got = store.get_opts(&path, options).await.map_err(io_error)?;
            let stream = match got.payload {
                GetResultPayload::File(file, _) => read_ahead(file, got.range),
                GetResultPayload::Stream(s) => s.map_err(io_error).boxed(),
            };
            Ok::<_, std::io::Error>(stream)
        })
        .try_flatten()
        .boxed()
    }

    /// Delete these blobs, in the background (their file is gone; nothing waits for it).
    pub fn discard(&self, keys: Vec<String>) {
        if keys.is_empty() {
            return;
        }
        let store = self.store.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                let paths = futures_util::stream::iter(keys.into_iter().map(|k| Ok(Path::from(k))));
                let mut deleted = store.delete_stream(paths.boxed());
                while deleted.next().await.is_some() {}
            });
        }
    }
}

async fn join(handle: tokio::task::JoinHandle<object_store::Result<()>>) -> Result<(), WriteError> {
    match handle.await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(WriteError::Store(e.to_string())),
        Err(e) => Err(WriteError::Store(e.to_string())),
    }
}

/// A multipart upload in progress.
type Upload = Box<dyn MultipartUpload>;

/// The second stage of [`Blobs::write`]: hash each chunk off the runtime's threads, then
/// write it, one write in flight while the next chunk is hashed. Answers the upload (to
/// complete or abort) and the hex MD5 of everything it received.
async fn hash_and_store(
    mut upload: Upload,
    mut chunks: tokio::sync::mpsc::Receiver<Vec<Bytes>>,
) -> Result<(Upload, String), (WriteError, Option<Upload>)> {
    let mut hasher = Md5::new();
    let mut in_flight: Option<tokio::task::JoinHandle<object_store::Result<()>>> = None;
    while let Some(chunk) = chunks.recv().await {
        let hashed = tokio::task::spawn_blocking(move || {
            let mut hasher = hasher;
            chunk.iter().for_each(|b| hasher.update(b));
            (hasher, chunk)
        })
        .await;
        let chunk;
        (hasher, chunk) = match hashed {
            Ok(done) => done,
            Err(e) => return Err((WriteError::Store(e.to_string()), Some(upload))),
        };
        if let Some(previous) = in_flight.take()
            && let Err(e) = join(previous).await
        {
            return Err((e, Some(upload)));
        }
        in_flight = Some(tokio::spawn(upload.put_part(PutPayload::from_iter(chunk))));
    }
    if let Some(previous) = in_flight.take()
        && let Err(e) = join(previous).await
    {
        return Err((e, Some(upload)));
    }
    Ok((upload, hex(&hasher.finalize())))
}

fn io_error(e: object_store::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Read `range` of a local file on a blocking thread, a chunk at a time, at most
/// [`READ_AHEAD`] chunks ahead of the consumer.
fn read_ahead(
    mut file: std::fs::File,
    range: Range<u64>,
) -> BoxStream<'static, std::io::Result<Bytes>> {
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(READ_AHEAD);
    tokio::task::spawn_blocking(move || {
        if let Err(e) = file.seek(SeekFrom::Start(range.start)) {
            let _ = tx.blocking_send(Err(e));
            return;
        }
        let mut remaining = range.end - range.start;
        while remaining > 0 {
            let want = remaining.min(CHUNK as u64) as usize;
            let mut buf = vec![0u8; want];
            let read = match file.read_exact(&mut buf) {
                Ok(()) => Ok(Bytes::from(buf)),
                Err(e) => Err(e),
            };
            let failed = read.is_err();
            if tx.blocking_send(read).is_err() || failed {
                return;
            }
            remaining -= want as u64;
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|c| (c, rx)) })
        .boxed()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Remove our temporary directories whose process is gone (Linux: no `/proc/<pid>`).
fn sweep_stale_dirs() {
    if !std::path::Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(DIR_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(
        data: &[u8],
        size: usize,
    ) -> impl futures_util::Stream<Item = Result<Bytes, String>> + Unpin {
        let chunks: Vec<Result<Bytes, String>> = data
            .chunks(size.max(1))
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        futures_util::stream::iter(chunks)
    }

    async fn read_all(blobs: &Blobs, key: &str, range: Range<u64>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = blobs.read(key, range);
        while let Some(c) = s.next().await {
            out.extend_from_slice(&c.unwrap());
        }
        out
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writes_stream_in_chunks_and_read_back_by_range() {
        for blobs in [Blobs::temporary(), Blobs::in_memory()] {
            let data: Vec<u8> = (0..(2 * CHUNK + 12_345))
                .map(|i| (i * 7 % 251) as u8)
                .collect();
            let w = blobs
                .write("f/1/a", frames(&data, 70_000), u64::MAX)
                .await
                .unwrap();
            assert_eq!(w.len, data.len() as u64);
            assert_eq!(w.md5, crate::blob::md5_hex(&data));
            assert_eq!(read_all(&blobs, "f/1/a", 0..data.len() as u64).await, data);
            assert_eq!(
                read_all(&blobs, "f/1/a", 5..CHUNK as u64 + 9).await,
                &data[5..CHUNK + 9]
            );
            assert!(read_all(&blobs, "f/1/a", 3..3).await.is_empty());
            let empty = blobs.write("f/2/a", frames(&[], 1), 0).await.unwrap();
            assert_eq!(
                (empty.len, empty.md5.as_str()),
                (0, "d41d8cd98f00b204e9800998ecf8427e")
            );
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_over_its_limit_or_broken_off_stores_nothing() {
        let blobs = Blobs::temporary();
        let too_long = blobs.write("f/1/x", frames(&[1; 100], 10), 99).await;
        assert_eq!(too_long, Err(WriteError::TooLong));
        let broken =
            futures_util::stream::iter(vec![Ok(Bytes::from_static(b"ab")), Err("cut".to_string())]);
        let e = blobs.write("f/1/y", broken, 100).await.unwrap_err();
        assert!(matches!(e, WriteError::Body(_)), "{e:?}");
        let mut s = blobs.read("f/1/x", 0..1);
        assert!(s.next().await.unwrap().is_err(), "nothing was stored");
    }
}
