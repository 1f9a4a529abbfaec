//! What a file is beyond a data object: its media type, its parts and the URLs handed out
//! for it. It sits on the object ([`super::super::store::Object::file`]), so it lives,
//! clones and dies with the object, behind the store's lock. Only metadata is here: the
//! bytes of each part are in the blob store ([`super::blobs`]) under the key its part
//! names, and never pass through the lock.
//!
//! A leaf module (it imports nothing of the server), so that the store can hold it
//! without an import circle.

use std::collections::{BTreeMap, HashMap};

/// The file-specific state of a `file-xxxx` object.
#[derive(Debug, Clone, Default)]
pub struct FileData {
    /// The Internet media type given at `/file/new` (`""` when none was given).
    pub media: String,
    /// Parts by index (decimal keys in describe, ascending numeric order for the content).
    pub parts: BTreeMap<u32, Part>,
    /// The total size, fixed at close (the parts concatenated in index order).
    pub size: Option<u64>,
    /// How many PUTs have landed: orders the parts by arrival for a server whose rules
    /// concatenate in upload order (a fault).
    pub landed: u64,
    /// Upload URLs handed out, by token: each names the part it may write.
    pub uploads: HashMap<String, UploadGrant>,
    /// Download URLs handed out, by token.
    pub downloads: HashMap<String, DownloadGrant>,
    /// The token of the non-preauthenticated URL of each (project, caller): the same call
    /// answers the same URL ([OBSERVED]).
    pub stable: HashMap<(String, String), String>,
}

impl FileData {
    /// Every blob key this file's parts hold (to discard them with the file).
    pub fn blob_keys(&self) -> Vec<String> {
        self.parts.values().filter_map(|p| p.blob.clone()).collect()
    }

    /// The complete parts in content order: ascending index, or the order their data
    /// landed when `index_order` is off.
    pub fn content(&self, index_order: bool) -> Vec<(u32, &Part)> {
        let mut parts: Vec<(u32, &Part)> = self
            .parts
            .iter()
            .filter(|(_, p)| p.state == PartState::Complete)
            .map(|(i, p)| (*i, p))
            .collect();
        if !index_order {
            parts.sort_by_key(|(_, p)| p.landed);
        }
        parts
    }
}

/// A part's state: `pending` from its `/upload` until data lands, then `complete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartState {
    Pending,
    Complete,
}

impl PartState {
    pub fn as_str(self) -> &'static str {
        match self {
            PartState::Pending => "pending",
            PartState::Complete => "complete",
        }
    }
}

/// One part: what describe shows of it, and where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub state: PartState,
    /// Bytes: of the stored data when complete, as announced while pending.
    pub size: u64,
    /// Lower-case hex MD5, likewise.
    pub md5: String,
    /// The blob store key of the stored data (`None` while pending).
    pub blob: Option<String>,
    /// When the data landed (the file's PUT counter).
    pub landed: u64,
}

/// What an upload URL allows: one PUT of exactly these bytes to one part, until it
/// expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadGrant {
    pub index: u32,
    pub size: u64,
    /// Lower-case hex MD5 the body must have.
    pub md5: String,
    /// Milliseconds since the epoch.
    pub expires: i64,
}

/// What a download URL allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadGrant {
    /// The project whose copy the URL was made for.
    pub project: String,
    /// For a URL made without `preauthenticated`: the caller, whose access is checked
    /// again at every GET ("valid while the user can access the project").
    pub user: Option<String>,
    /// The name a browser saves the download as.
    pub filename: String,
    /// Milliseconds since the epoch; `None`: valid while the caller keeps access.
    pub expires: Option<i64>,
}
