//! Every `Check`, `Expect` and start-up validation rule of the runner, on hand-made
//! answers (no network): what holds, what does not, and what the difference says.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use dxconform::case::{CASE, Case, Check, Check::*, Expect, Kind, Ord as Op, Step, post};
use dxconform::runner::check::Part;
use dxconform::runner::check::{self, Window};
use dxconform::runner::client::Answer;
use dxconform::runner::prepare;
use dxconform::runner::vars::Vars;
use dxconform::spec::{Item, ItemKind, Level, Page, StatusRule, Table};

static PAGE: Page = Page {
    key: "p",
    title: "P",
    url: "https://example.org/p",
};
static ITEMS: &[Item] = &[
    Item {
        id: "p#rule",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Must,
        text: "t",
    },
    Item {
        id: "p#reading",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Should,
        text: "a reading",
    },
    Item {
        id: "p#status",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Should,
        text: "a status",
    },
];

static STATUSES: &[StatusRule] = &[StatusRule {
    error: "InvalidInput",
    status: 422,
    item: "p#status",
}];

fn answer(status: u16, body: Value) -> Answer {
    let mut headers = BTreeMap::new();
    headers.insert("content-type".to_string(), "application/json".to_string());
    headers.insert("x-request-id".to_string(), "1700000000000-42".to_string());
    Answer {
        status,
        headers,
        body: body.to_string().into(),
        json: Some(body),
    }
}

/// Prepare a one-case table holding `check`, then evaluate it on `body`.
fn eval(check: Check, body: Value) -> Result<Vec<String>, String> {
    let checks: &'static [Check] = Box::leak(Box::new([check]));
    let steps: &'static [Step] = Box::leak(Box::new([post("/x/y", "{}")
        .capture(&[("cap", "/id"), ("n", "/n")])
        .check(checks)]));
    let cases: &'static [Case] = Box::leak(Box::new([Case {
        name: "t::check",
        items: &["p#rule"],
        summary: "s",
        steps,
        ..CASE
    }]));
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases,
        statuses: STATUSES,
    }]));
    let prepared = prepare(tables).expect("valid table");
    let mut vars = Vars::new();
    vars.insert("cap".into(), json!("record-B"));
    vars.insert("n".into(), json!(5));
    let now = check::now_ms();
    check::check(
        &prepared[0].steps[0].checks[0],
        &answer(200, body),
        &vars,
        &Window::new(now),
    )
}

#[track_caller]
fn holds(check: Check, body: Value) {
    if let Err(e) = eval(check, body) {
        panic!("{check:?} should hold: {e}");
    }
}

#[track_caller]
fn fails(check: Check, body: Value, says: &str) {
    match eval(check, body) {
        Ok(_) => panic!("{check:?} should fail"),
        Err(e) => assert!(e.contains(says), "{check:?}: {e:?} lacks {says:?}"),
    }
}

#[test]
fn eq_ne_with_placeholders_and_pointers() {
    holds(Eq("/id", r#""$cap""#), json!({"id": "record-B"}));
    holds(Eq("", r#"{"b": 1, "a": [2]}"#), json!({"a": [2], "b": 1}));
    fails(
        Eq("/id", r#""$cap""#),
        json!({"id": "record-C"}),
        r#"/id: expected "record-B", got "record-C""#,
    );
    fails(
        Eq("/id", "1"),
        json!({}),
        "/id: expected present, but it is absent",
    );
    holds(Ne("/a", "@/b"), json!({"a": 1, "b": 2}));
    fails(Ne("/a", "@/b"), json!({"a": 1, "b": 1}), "other than 1");
    holds(Cmp("/a", Op::Le, "@/b"), json!({"a": 1, "b": 1}));
    holds(Cmp("/a", Op::Lt, r#""$n""#), json!({"a": 4}));
    fails(
        Cmp("/a", Op::Gt, r#""$n""#),
        json!({"a": 5}),
        "expected a number > 5, got 5",
    );
    fails(
        Cmp("/a", Op::Eq, "1"),
        json!({"a": "1"}),
        "expected a number == 1",
    );
}

#[test]
fn kinds() {
    let now = check::now_ms();
    holds(Is("/t", Kind::Timestamp), json!({"t": now}));
    fails(
        Is("/t", Kind::Timestamp),
        json!({"t": now / 1000}),
        "not milliseconds",
    );
    fails(Is("/t", Kind::Timestamp), json!({"t": 1.5}), "a timestamp");
    holds(Is("/i", Kind::Int), json!({"i": 3}));
    fails(Is("/i", Kind::Int), json!({"i": 3.5}), "an int");
    holds(Is("/s", Kind::NonEmptyString), json!({"s": "x"}));
    fails(
        Is("/s", Kind::NonEmptyString),
        json!({"s": ""}),
        "non-empty",
    );
    holds(Is("/a", Kind::StringArray), json!({"a": ["x"]}));
    fails(
        Is("/a", Kind::StringArray),
        json!({"a": ["x", 1]}),
        "array of strings",
    );
    holds(
        Is("/id", Kind::Id("record")),
        json!({"id": "record-0123456789ABCDEFGHIJKLMN"}),
    );
    fails(
        Is("/id", Kind::Id("record")),
        json!({"id": "record-0123"}),
        "a record ID",
    );
    fails(
        Is("/id", Kind::Id("record")),
        json!({"id": "file-0123456789ABCDEFGHIJKLMN"}),
        "a record ID",
    );
    holds(Is("/o", Kind::Object), json!({"o": {}}));
    holds(Is("/n", Kind::Null), json!({"n": null}));
    holds(Is("/b", Kind::Bool), json!({"b": false}));
    fails(Is("/b", Kind::Bool), json!({"b": "false"}), "a boolean");
}

#[test]
fn arrays_sets_lengths_absence() {
    holds(Contains("/t", r#""a""#), json!({"t": ["a", "b"]}));
    fails(
        Contains("/t", r#""c""#),
        json!({"t": ["a"]}),
        r#"expected an element "c""#,
    );
    holds(Lacks("/t", r#""c""#), json!({"t": ["a"]}));
    fails(Lacks("/t", r#""a""#), json!({"t": ["a"]}), "no element");
    fails(
        Contains("/t", r#""a""#),
        json!({"t": "a"}),
        "expected an array",
    );
    holds(SetEq("/t", r#"["b", "a"]"#), json!({"t": ["a", "b"]}));
    fails(
        SetEq("/t", r#"["a", "a"]"#),
        json!({"t": ["a", "b"]}),
        "in any order",
    );
    holds(Len("/s", 3), json!({"s": "aé"}));
    holds(Len("/o", 1), json!({"o": {"k": 1}}));
    fails(
        Len("/t", 2),
        json!({"t": [1]}),
        "expected length 2, got length 1",
    );
    holds(Absent("/x"), json!({"y": 1}));
    fails(Absent("/y"), json!({"y": 1}), "expected absent, got 1");
    holds(Matches("/s", "^a+$"), json!({"s": "aaa"}));
    fails(Matches("/s", "^a+$"), json!({"s": "ab"}), "matching /^a+$/");
}

#[test]
fn fields_checks_documented_keys_and_notes_extras() {
    const DOC: &[&str] = &["id", "name", "details"];
    assert_eq!(
        eval(
            Fields("", DOC, &["id", "name"]),
            json!({"id": 1, "name": 2})
        )
        .unwrap(),
        Vec::<String>::new()
    );
    let notes = eval(Fields("", DOC, &["id"]), json!({"id": 1, "extra": 2})).unwrap();
    assert!(notes[0].contains("extra"), "{notes:?}");
    fails(
        Fields("", DOC, &["id", "name"]),
        json!({"id": 1}),
        "missing name",
    );
    fails(
        Fields("", DOC, &["id"]),
        json!({"id": 1, "details": {}}),
        "present but not expected here details",
    );
}

#[test]
fn headers() {
    holds(Header("X-Request-ID", r"^\d{13}-\d{1,6}$"), json!({}));
    fails(
        Header("X-Content-Type-Options", "^nosniff$"),
        json!({}),
        "expected present",
    );
    holds(NoHeader("Retry-After"), json!({}));
    fails(NoHeader("x-request-id"), json!({}), "expected absent");
    holds(HeaderNe("x-request-id", r#""$cap""#), json!({}));
    fails(
        HeaderNe("x-request-id", r#""1700000000000-42""#),
        json!({}),
        "got that value again",
    );
    fails(
        HeaderNe("retry-after", r#""1""#),
        json!({}),
        "expected present",
    );
}

#[test]
fn expectations_split_into_parts_judged_apart() {
    let ok = answer(200, json!({"id": "x"}));
    assert!(check::expect(Expect::Ok, &ok).is_empty());
    assert!(check::expect(Expect::Ok, &answer(201, json!({}))).is_empty());
    let err = answer(
        422,
        json!({"error": {"type": "InvalidInput", "message": "m"}}),
    );
    assert!(check::expect(Expect::Error(422, "InvalidInput"), &err).is_empty());
    let d = check::expect(Expect::Ok, &err);
    assert_eq!(
        d,
        vec![(
            Part::Outcome,
            "expected success (a 2xx status), got status 422 with error type InvalidInput".into()
        )]
    );
    // The right type with another status: only the status part differs.
    let d = check::expect(Expect::Error(400, "InvalidInput"), &err);
    assert_eq!(
        d,
        vec![(
            Part::Status,
            "expected status 400 for InvalidInput, got 422".into()
        )]
    );
    let d = check::expect(Expect::Error(404, "ResourceNotFound"), &err);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].0, Part::Outcome);
    assert!(
        d[0].1
            .contains("expected error type ResourceNotFound, got status 422")
    );
    assert_eq!(d[1].0, Part::Status);
    let bare = answer(
        422,
        json!({"error": {"type": "InvalidInput", "message": ""}}),
    );
    let d = check::expect(Expect::Error(422, "InvalidInput"), &bare);
    assert_eq!(
        d,
        vec![(
            Part::ErrorBody,
            "/error/message: expected a non-empty string, got \"\"".into()
        )]
    );
    let details = answer(
        422,
        json!({"error": {"type": "InvalidInput", "message": "m", "details": {"k": 1}}}),
    );
    assert!(check::expect(Expect::Error(422, "InvalidInput"), &details).is_empty());
    let bad_details = answer(
        422,
        json!({"error": {"type": "InvalidInput", "message": "m", "details": 5}}),
    );
    assert_eq!(
        check::expect(Expect::Error(422, "InvalidInput"), &bad_details)[0].0,
        Part::ErrorBody
    );
    let mut text = answer(422, json!(null));
    text.json = None;
    text.body = bytes::Bytes::from_static(b"oops");
    text.headers
        .insert("content-type".into(), "text/plain".into());
    let d = check::expect(Expect::Error(422, "InvalidInput"), &text);
    assert!(
        d.iter()
            .any(|(p, l)| *p == Part::Outcome && l.contains("expected error type"))
            && d.iter()
                .any(|(p, l)| *p == Part::ErrorBody && l.contains("not JSON"))
            && d.iter()
                .any(|(p, l)| *p == Part::ContentType && l.contains("Content-Type")),
        "{d:?}"
    );
    assert!(check::expect(Expect::Status(405), &answer(405, json!({}))).is_empty());
    assert!(check::expect(Expect::Accepted, &answer(204, json!({}))).is_empty());
    assert_eq!(
        check::expect(Expect::Accepted, &answer(405, json!({})))[0].0,
        Part::Outcome
    );
    assert!(check::expect(Expect::Refused, &answer(403, json!({}))).is_empty());
    assert_eq!(check::expect(Expect::Refused, &ok)[0].0, Part::Outcome);
}

#[test]
fn subset_matching_and_array_shapes() {
    holds(
        Has("/r", r#"{"id": "$cap", "d": {"k": 1}}"#),
        json!({"r": {"id": "record-B", "extra": 1, "d": {"k": 1, "more": 2}}}),
    );
    fails(
        Has("/r", r#"{"id": "$cap"}"#),
        json!({"r": {"id": "record-C"}}),
        "extra keys allowed",
    );
    holds(
        AnyHas("/r", r#"{"id": 2}"#),
        json!({"r": [{"id": 1}, {"id": 2, "x": 0}]}),
    );
    fails(
        AnyHas("/r", r#"{"id": 3}"#),
        json!({"r": [{"id": 1}]}),
        "expected an element with",
    );
    holds(NoneHas("/r", r#"{"id": 3}"#), json!({"r": [{"id": 1}]}));
    fails(
        NoneHas("/r", r#"{"id": 1}"#),
        json!({"r": [{"id": 1}]}),
        "no element with",
    );
    holds(Count("/r", Op::Le, 2), json!({"r": [1, 2]}));
    fails(
        Count("/r", Op::Le, 1),
        json!({"r": [1, 2]}),
        "a length <= 1",
    );
    holds(Distinct("/r"), json!({"r": [1, 2]}));
    fails(
        Distinct("/r"),
        json!({"r": [1, 2, 1]}),
        "0 and 2 are both 1",
    );
    holds(
        InOrder("/r", r#"[{"id": 1}, {"id": 3}]"#),
        json!({"r": [{"id": 1}, {"id": 2}, {"id": 3}]}),
    );
    fails(
        InOrder("/r", r#"[{"id": 3}, {"id": 1}]"#),
        json!({"r": [{"id": 1}, {"id": 3}]}),
        "comes too early",
    );
    fails(
        InOrder("/r", r#"[{"id": 9}]"#),
        json!({"r": []}),
        "is missing",
    );
    holds(
        Grouped("/r", "/p"),
        json!({"r": [{"p": "a"}, {"p": "a"}, {"p": "b"}]}),
    );
    fails(
        Grouped("/r", "/p"),
        json!({"r": [{"p": "a"}, {"p": "b"}, {"p": "a"}]}),
        "element 2",
    );
    holds(Status(200), json!({}));
    fails(Status(401), json!({}), "expected HTTP status 401, got 200");
}

/// Prepare a one-case table and evaluate its first step's checks on `body`: the facts
/// that broke, as `(item ids, difference)`.
fn broken_facts(checks: &'static [Check], body: Value) -> Vec<(Vec<&'static str>, String)> {
    let steps: &'static [Step] = Box::leak(Box::new([post("/x/y", "{}").check(checks)]));
    let cases: &'static [Case] = Box::leak(Box::new([Case {
        name: "t::facts",
        items: &["p#rule"],
        summary: "s",
        steps,
        ..CASE
    }]));
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases,
        statuses: STATUSES,
    }]));
    let prepared = prepare(tables).expect("valid table");
    let window = Window::new(check::now_ms());
    let mut out = Vec::new();
    for c in &prepared[0].steps[0].checks {
        let (_, differences) =
            check::evaluate(c, &answer(200, body.clone()), &Vars::new(), &window);
        out.extend(differences.into_iter().map(|(f, d)| (f.ids(), d)));
    }
    out
}

#[test]
fn each_check_is_judged_at_its_own_items_level() {
    let got = broken_facts(
        &[
            Eq("/a", "1"),
            On(
                "p#reading",
                &[Eq("/b", "true"), Each("/c", &[Eq("/k", "0")])],
            ),
        ],
        json!({"a": 2, "b": false, "c": [{"k": 0}, {"k": 1}]}),
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, ["p#rule"]);
    assert_eq!(got[1].0, ["p#reading"]);
    assert_eq!(got[2].0, ["p#reading"]);
    assert!(got[2].1.starts_with("/c/1: /k: expected 0"), "{got:?}");
}

#[test]
fn facts_are_fixed_at_start_up() {
    let step = post("/x/y", "{}").fails(422, "InvalidInput");
    let mixed = Case {
        name: "t::mixed",
        items: &["p#rule", "p#reading"],
        summary: "s",
        steps: leak(vec![step]),
        ..CASE
    };
    let e = table_error(mixed);
    assert!(
        e.contains("different levels") && e.contains("`On(item"),
        "{e}"
    );
    // `.proves` settles it; the SHOULD item must then be proved by some other fact.
    let e = table_error(Case {
        steps: leak(vec![step.proves(&["p#rule"])]),
        ..mixed
    });
    assert!(
        e.contains("no fact of the case proves it") && e.contains("p#reading"),
        "{e}"
    );
    let ok = Case {
        steps: leak(vec![
            step.proves(&["p#rule"])
                .check(&[On("p#reading", &[Absent("/x")])]),
        ]),
        ..mixed
    };
    let cases: &'static [Case] = Box::leak(Box::new([ok]));
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases,
        statuses: STATUSES,
    }]));
    let prepared = prepare(tables).expect("valid");
    let s = &prepared[0].steps[0];
    assert_eq!(s.fact.ids(), ["p#rule"]);
    // The status of an error step proves the status table's item.
    assert_eq!(s.status.as_ref().unwrap().ids(), ["p#status"]);
    assert_eq!(s.checks[0].fact.ids(), ["p#reading"]);
    let proves: Vec<&str> = prepared[0].proves.iter().copied().collect();
    assert_eq!(proves, ["p#reading", "p#rule", "p#status"]);
    // A status other than the table's is a table mistake.
    let e = table_error(Case {
        items: &["p#rule"],
        steps: leak(vec![post("/x/y", "{}").fails(400, "InvalidInput")]),
        ..mixed
    });
    assert!(e.contains("gives InvalidInput the status 422"), "{e}");
    let e = table_error(Case {
        items: &["p#rule"],
        steps: leak(vec![post("/x/y", "{}").fails(404, "Nope")]),
        ..mixed
    });
    assert!(e.contains("does not list"), "{e}");
    // A successful answer's snapshot needs the documented shape.
    let e = table_error(Case {
        items: &["p#rule"],
        steps: leak(vec![post("/x/y", "{}").snapshot()]),
        ..mixed
    });
    assert!(e.contains("snapshot_as"), "{e}");
}

fn leak(steps: Vec<Step>) -> &'static [Step] {
    Box::leak(steps.into_boxed_slice())
}

fn table_error(case: Case) -> String {
    let cases: &'static [Case] = Box::leak(Box::new([case, case]));
    let only: &'static [Case] = &cases[..1];
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases: only,
        statuses: STATUSES,
    }]));
    prepare(tables).expect_err("the table should be rejected")
}

#[test]
fn malformed_tables_are_rejected_at_start_up_naming_the_case() {
    let good = Case {
        name: "t::a::b",
        items: &["p#rule"],
        summary: "s",
        steps: leak(vec![post("/x/y", "{}")]),
        ..CASE
    };
    let e = table_error(Case {
        items: &["p#nope"],
        ..good
    });
    assert!(e.contains("t::a::b") && e.contains("p#nope"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/x/y", "{not json")]),
        ..good
    });
    assert!(e.contains("t::a::b") && e.contains("not JSON"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/$rec/describe", "{}")]),
        ..good
    });
    assert!(e.contains("unknown placeholder `$rec`"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/x/y", r#"{"p": "$project2"}"#)]),
        ..good
    });
    assert!(e.contains("Need::Project2"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/x/y", "{}").check(&[Matches("/a", "(")])]),
        ..good
    });
    assert!(e.contains("bad regex"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/x/y", "{}").check(&[Eq("a", "1")])]),
        ..good
    });
    assert!(e.contains("not a JSON pointer"), "{e}");
    let e = table_error(Case {
        name: "nocolons",
        ..good
    });
    assert!(e.contains("path-like"), "{e}");
    let e = table_error(Case {
        steps: leak(vec![post("/x/y", "{}").by(dxconform::case::Who::Peer)]),
        ..good
    });
    assert!(e.contains("peer"), "{e}");
    // Duplicates: the same case twice.
    let twice: &'static [Case] = Box::leak(Box::new([good, good]));
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases: twice,
        statuses: STATUSES,
    }]));
    assert!(prepare(tables).unwrap_err().contains("used twice"));
    // Captures of earlier steps are known to later steps.
    let chained = leak(vec![
        post("/x/y", "{}").capture(&[("rec", "/id")]),
        post("/$rec/describe", "{}"),
    ]);
    let ok: &'static [Case] = Box::leak(Box::new([Case {
        steps: chained,
        ..good
    }]));
    let tables: &'static [Table] = Box::leak(Box::new([Table {
        name: "t",
        items: ITEMS,
        cases: ok,
        statuses: STATUSES,
    }]));
    assert!(prepare(tables).is_ok());
}

#[test]
fn the_real_tables_prepare_and_cover_what_they_name() {
    let cases = prepare(dxconform::cases::tables()).expect("the case tables are valid");
    let mut names: Vec<&str> = cases.iter().map(|c| c.case.name).collect();
    let sorted = {
        let mut s = names.clone();
        s.sort();
        s
    };
    assert_eq!(names, sorted);
    names.dedup();
    assert_eq!(names.len(), cases.len());
    let proven = cases
        .iter()
        .flat_map(|c| c.proves.iter().copied())
        .collect();
    let c = dxconform::spec::coverage(dxconform::cases::tables(), &proven);
    assert!(
        c.unknown.is_empty(),
        "cases name unknown items: {:?}",
        c.unknown
    );
    assert!(
        c.duplicate_items.is_empty(),
        "item ids defined twice: {:?}",
        c.duplicate_items
    );
    let uncovered: Vec<&str> = c.pages.iter().flat_map(|p| p.3.iter().copied()).collect();
    assert!(
        uncovered.is_empty(),
        "uncovered catalogue items: {uncovered:?}"
    );
    let (text, complete) = dxconform::runner::coverage::listing(dxconform::cases::tables());
    assert!(complete);
    assert!(text.ends_with(&format!("coverage: {}/{} items\n", c.covered, c.total)));
}
