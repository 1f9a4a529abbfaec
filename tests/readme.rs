//! The README's generated tables are current: what the emulator answers (from the route
//! table) and what is covered (from the case tables). Each sits between two markers; on a
//! mismatch the test prints the block to paste.

fn block<'r>(readme: &'r str, name: &str) -> &'r str {
    let start = format!("<!-- {name}: generated");
    let from = readme
        .find(&start)
        .unwrap_or_else(|| panic!("README has the {name} block"));
    let from = from + readme[from..].find('\n').expect("the marker ends its line") + 1;
    let end = format!("<!-- /{name} -->");
    let to = from + readme[from..].find(&end).expect("the block ends");
    readme[from..to].trim()
}

fn assert_current(name: &str, generated: String) {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md reads");
    assert_eq!(
        block(&readme, name),
        generated.trim(),
        "README's {name} table is stale; paste this between its markers:\n{generated}"
    );
}

#[test]
fn routes_table_is_the_route_table() {
    assert_current("routes", dxconform::server::routes::markdown());
}

#[test]
fn coverage_table_is_the_case_tables() {
    assert_current(
        "coverage",
        dxconform::runner::coverage::markdown(dxconform::cases::tables()),
    );
}
