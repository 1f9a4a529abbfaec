//! dxconform: a conformance suite for DNAnexus-compatible APIs, with an in-memory
//! reference server.
//!
//! It tells the author of an API server, a proxy or an emulator, point by point and with a
//! link to the documentation, where their endpoint differs from the documented DNAnexus
//! API. The reference server lets the suite test itself (the self-check switches it into
//! named spec violations that the suite must catch) and gives users an emulator the real
//! `dx` client works against.
//!
//! # Layout
//!
//! - [`case`]: the vocabulary the case tables are written in (cases, steps, checks).
//! - [`blob`]: deterministic test bytes and their MD5, for the file cases.
//! - [`access`]: the permission annotation of a route, and the permission-matrix cases
//!   generated from it.
//! - [`spec`]: the catalogue types (documented items, levels, the error status table) and
//!   the coverage check.
//! - [`shape`]: the documented shape of an answer, which snapshots are projected onto.
//! - [`cases`] (`cases/` at the top level): the tables, one file per documentation page
//!   or route family (protocol, records, lifecycle, search, folders, cloning, sharing,
//!   system, projects, containers, and the data-object and files pages), each with its
//!   items, the cases that check them and the permission annotations (`ACCESS`) of its
//!   routes; `cases/permissions.rs` generates the permission matrix from those.
//! - [`runner`]: the run flow shared by `dxconform run` and `cargo test`: the set-up
//!   check, every case concurrently against a target, checks, snapshots (compiled in by
//!   `build.rs`), outcomes, libtest-format output and reports; `sweep`.
//! - [`server`]: the reference server: protocol layer, one route table, store, one module
//!   per route family, the typed rules, and the two self-check catalogues (faults it must
//!   be caught in, variants it must pass with).
//! - [`cli`]: the command line (`run`, `serve`, `coverage`, `faults`, `sweep`).

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod access;
pub mod blob;
pub mod case;
#[path = "../cases/mod.rs"]
pub mod cases;
pub mod cli;
pub mod runner;
pub mod server;
pub mod shape;
pub mod spec;
