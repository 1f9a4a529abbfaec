//! The `dxconform` binary: parse the command line and dispatch.

fn main() {}
