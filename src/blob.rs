//! Deterministic test bytes: what file cases upload and then expect back.
//!
//! A [`Blob`] is `len` bytes of a pseudo-random pattern fixed by `seed`, so that a case can
//! name a 5 MiB part in its table (`blob(5_242_880, 1)`), send it, put its MD5 in a request
//! body (`$md5(5242880,1)`), and compare a download byte for byte, without storing data.
//! Different seeds give different bytes, so a part swapped with another, or an off-by-one
//! range, shows. The pattern is xorshift64*, which is fast enough to make a gigabyte for
//! the benchmark.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use base64::Engine;
use bytes::Bytes;
use md5::{Digest, Md5};

/// `len` bytes of the pattern of `seed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Blob {
    pub len: usize,
    pub seed: u8,
}

/// A blob, for tables: `blob(5_242_880, 1)`.
pub const fn blob(len: usize, seed: u8) -> Blob {
    Blob { len, seed }
}

impl Blob {
    /// The bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; self.len];
        fill(self.seed, 0, &mut out);
        out
    }
}

/// Fill `out` with the pattern of `seed`, starting at byte `offset` of it (so that a large
/// blob can be produced in chunks, as the benchmark streams it).
pub fn fill(seed: u8, offset: u64, out: &mut [u8]) {
    // One xorshift64* state per 8-byte word, derived from the word's index: any offset can
    // be produced directly. A ragged start is made byte-wise, then whole words.
    let mut at = offset;
    let mut i = 0;
    while i < out.len() && at % 8 != 0 {
        let bytes = word(seed, at / 8).to_le_bytes();
        let from = (at % 8) as usize;
        let n = (8 - from).min(out.len() - i);
        out[i..i + n].copy_from_slice(&bytes[from..from + n]);
        i += n;
        at += n as u64;
    }
    let mut index = at / 8;
    let mut words = out[i..].chunks_exact_mut(8);
    for chunk in &mut words {
        chunk.copy_from_slice(&word(seed, index).to_le_bytes());
        index += 1;
    }
    let rest = words.into_remainder();
    let n = rest.len();
    rest.copy_from_slice(&word(seed, index).to_le_bytes()[..n]);
}

fn word(seed: u8, index: u64) -> u64 {
    let mut x = index
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(seed).wrapping_mul(0xD1B5_4A32_D192_ED03))
        | 1;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// Blob lists already made: tables send and expect the same parts in many cases.
type BytesCache = HashMap<Vec<Blob>, Bytes>;

/// The concatenation of blobs (a file made of parts), made once per distinct list and
/// shared afterwards: a run sends the same 5 MiB parts dozens of times, at once, and
/// producing them again each time was a third of the runner's CPU.
pub fn concat(blobs: &[Blob]) -> Bytes {
    static CACHE: LazyLock<Mutex<BytesCache>> = LazyLock::new(Mutex::default);
    if let Some(v) = CACHE.lock().ok().and_then(|c| c.get(blobs).cloned()) {
        return v;
    }
    let mut out = Vec::with_capacity(blobs.iter().map(|b| b.len).sum());
    for b in blobs {
        out.extend(b.bytes());
    }
    let out = Bytes::from(out);
    if let Ok(mut c) = CACHE.lock() {
        c.insert(blobs.to_vec(), out.clone());
    }
    out
}

/// The lower-case hex MD5 of bytes (`/file-xxxx/upload`'s `md5`).
pub fn md5_hex(bytes: &[u8]) -> String {
    hex(&Md5::digest(bytes))
}

/// The base64 MD5 of bytes (the `Content-MD5` header).
pub fn md5_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// MD5s already computed: (blob, base64?) to the text.
type Md5Cache = HashMap<(Blob, bool), Arc<str>>;

/// The MD5 of a blob, hex or base64, remembered: tables name the same parts many times.
pub fn blob_md5(b: Blob, base64: bool) -> String {
    static CACHE: LazyLock<Mutex<Md5Cache>> = LazyLock::new(Mutex::default);
    if let Some(v) = CACHE.lock().ok().and_then(|c| c.get(&(b, base64)).cloned()) {
        return v.to_string();
    }
    let bytes = concat(&[b]);
    let v = if base64 {
        md5_base64(&bytes)
    } else {
        md5_hex(&bytes)
    };
    if let Ok(mut c) = CACHE.lock() {
        c.insert((b, base64), Arc::from(v.as_str()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_are_deterministic_distinct_and_chunkable() {
        let a = blob(100, 1).bytes();
        assert_eq!(a, blob(100, 1).bytes());
        assert_ne!(a, blob(100, 2).bytes());
        assert_eq!(&blob(50, 1).bytes()[..], &a[..50]);
        let mut chunk = vec![0u8; 37];
        fill(1, 13, &mut chunk);
        assert_eq!(&chunk[..], &a[13..50]);
        assert!(blob(0, 1).bytes().is_empty());
    }

    #[test]
    fn md5_of_the_empty_file_is_the_documented_one() {
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_base64(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
        assert_eq!(
            blob_md5(blob(0, 9), false),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
        assert_eq!(
            blob_md5(blob(10, 1), true),
            md5_base64(&blob(10, 1).bytes())
        );
        let both = concat(&[blob(3, 1), blob(2, 2)]);
        assert_eq!(&both[..3], &blob(3, 1).bytes()[..]);
        assert_eq!(&both[3..], &blob(2, 2).bytes()[..]);
        assert_eq!(concat(&[blob(3, 1), blob(2, 2)]), both);
    }
}
