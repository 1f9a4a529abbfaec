//! The variant catalogue: named ways a server may differ from the reference server while
//! still following the documentation, for the self-check (`serve --variant NAME`): the
//! suite must pass each one, with `--strict` when the variant is [`Strict`].
//!
//! A variant is one table entry: its name, the freedom the documentation leaves it (one
//! line: what the docs allow and why), how strictly the suite must still pass, and its
//! [`Edit`], written beside it: a change to the [`Rules`](super::rules::Rules) (another
//! status where the docs give none, a page cap) or a rewrite of the request, the answer,
//! its bytes or its headers. Route code never names a variant, so adding one is a change
//! to this file alone.

use super::edit::Edit;

/// How strictly the suite must pass with a variant on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Nothing documented or observed changes: the suite passes even with `--strict`.
    Strict,
    /// Only a SHOULD-level reading changes (an observed or client-derived detail): the
    /// suite passes without `--strict`, with warnings.
    Lenient,
}

/// One way to differ from the reference server within the documentation.
#[derive(Debug)]
pub struct Variant {
    pub name: &'static str,
    /// What the documentation allows, and why, in one line.
    pub freedom: &'static str,
    pub strictness: Strictness,
    /// What it does to the server.
    pub edit: Edit,
}

/// The variant named `name`.
pub fn find(name: &str) -> Option<&'static Variant> {
    VARIANTS.iter().find(|v| v.name == name)
}

/// Every variant, in the order their edits apply.
pub static VARIANTS: &[Variant] = &[];
