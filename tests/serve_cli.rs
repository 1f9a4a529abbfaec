//! `dxconform serve` as a `dx` user meets it: what it announces (where it listens, what is
//! switched on, the `dx` and `DXCONFORM_*` exports, peer token included), that it keeps
//! serving when its reader goes away, and `--log`.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

#[test]
fn serve_announces_exports_keeps_serving_and_logs() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dxconform"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--user",
            "alice=tok-a",
            "--user",
            "bob=tok-b",
        ])
        .args(["--variant", "error-details", "--log"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    // Read the announcement up to its last line, then close the pipe: the server must
    // keep serving.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut text = String::new();
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        text.push_str(&line);
        if line.starts_with("export DXCONFORM_CONTAINER=") {
            break;
        }
    }
    drop(out);
    let (first, rest) = text.split_once('\n').unwrap();
    let url = first
        .strip_prefix("listening on ")
        .expect("listening line")
        .to_string();
    for line in [
        "# variant error-details:",
        &format!("export DXCONFORM_ENDPOINT={url}"),
        "export DXCONFORM_TOKEN=tok-a",
        "export DXCONFORM_PEER_TOKEN=tok-b",
        "export DXCONFORM_CONTAINER=container-",
        "export DX_APISERVER_HOST=127.0.0.1",
    ] {
        assert!(rest.contains(line), "{line:?} not in:\n{first}{rest}");
    }
    let answer = dxconform::runner::client::send(&dxconform::runner::client::Request {
        method: "POST",
        url: format!("{url}/system/whoami"),
        token: Some("tok-a".into()),
        headers: vec![],
        body: b"{}".to_vec().into(),
        content_type: Some("application/json".into()),
        expected_status: None,
    })
    .expect("the server still answers after its reader left");
    assert_eq!(answer.status, 200);
    child.kill().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let logged = err
        .lines()
        .find(|l| l.starts_with("POST /system/whoami 200 "))
        .unwrap_or_else(|| panic!("no log line in {err:?}"));
    assert!(!logged.contains("tok-a"), "{logged}");
    let _ = child.wait();
}
