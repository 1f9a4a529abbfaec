//! Cases for the protocol table: see `cases/mod.rs`.

use crate::case::Case;
use crate::spec::Item;

pub static ITEMS: &[Item] = &[];

pub static CASES: &[Case] = &[];
