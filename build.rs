//! Compiles the oracle snapshots (`snapshots/*.snap`) into the binary, so that an installed
//! or copied `dxconform` compares answers without its source folder (issue 10, point 1).
//!
//! It writes `$OUT_DIR/snapshots.rs`: a sorted table of `(name, text)` pairs, each text an
//! `include_str!` of the file, so cargo rebuilds when a snapshot changes; the directory
//! itself is watched too, so a new or removed snapshot also rebuilds. The source folder is
//! still where insta writes accepted snapshots (`INSTA_UPDATE=always`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".snap"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// The oracle snapshots at build time: `(name without .snap, file text)`, sorted.\n\
         pub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        let stem = name.trim_end_matches(".snap");
        writeln!(
            out,
            "    ({stem:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("snapshots.rs");
    std::fs::write(&target, out).expect("cannot write the snapshot table");
}
