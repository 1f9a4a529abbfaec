#!/usr/bin/env bash
# The latency benchmark over https: the suite against `dxconform serve --latency MS` behind
# an nginx that terminates TLS, as a remote endpoint is reached. It shows what TLS costs
# the runner, which against an endpoint works on one thread (handshakes included).
# Rerunnable: `bench/latency-tls.sh [RUNS] [LATENCY_MS]`.
#
# Needs nginx and openssl (Debian: `apt-get install nginx-light openssl`); nothing is
# installed here. The certificate authority is made for the run, in a temporary
# directory, and given to the runner with SSL_CERT_FILE, which its TLS stack reads.
# The transfer URLs lead back through the proxy: nginx passes `Host` and
# `X-Forwarded-Proto: https`, which the reference server uses for them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
latency="${2:-50}"
for tool in nginx openssl; do
    command -v "$tool" >/dev/null || { echo "bench/latency-tls.sh needs $tool" >&2; exit 2; }
done
cargo build --release --quiet
bin="$PWD/target/release/dxconform"
dir="$(mktemp -d)"
server=""
cleanup() {
    [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT

# A CA, and a certificate for localhost signed by it (a self-signed leaf is refused).
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 1 \
    -subj "/CN=dxconform bench CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req "${ec[@]}" -keyout "$dir/key.pem" -out "$dir/leaf.csr" -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf"
openssl x509 -req -in "$dir/leaf.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
    -out "$dir/cert.pem" -days 1 -extfile "$dir/ext.cnf" 2>/dev/null

"$bin" serve --listen 127.0.0.1:0 --user alice=bench-owner --user bob=bench-peer \
    --latency "$latency" >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q '^listening on' "$dir/serve.log" && break; sleep 0.1; done
upstream="$(sed -n 's|^listening on http://||p' "$dir/serve.log")"
limit="$(sed -n 's/^export DXCONFORM_LIMIT_PROJECT=//p' "$dir/serve.log")"
expired="$(sed -n 's/^export DXCONFORM_EXPIRED_PROJECT=//p' "$dir/serve.log")"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
worker_rlimit_nofile 20000;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  upstream api { server $upstream; keepalive 2048; }
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $dir/cert.pem;
    ssl_certificate_key $dir/key.pem;
    keepalive_requests 100000;
    client_max_body_size 100m;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-Proto https;
      proxy_request_buffering off;
      proxy_buffering off;
    }
  }
}
EOF
nginx -c "$dir/nginx.conf" -p "$dir" 2>"$dir/nginx.err" || { cat "$dir/nginx.err" >&2; exit 2; }

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
one() {
    local t0; t0=$(now)
    SSL_CERT_FILE="$dir/ca.pem" "$bin" run --endpoint "https://localhost:$port" \
        --token bench-owner --peer-token bench-peer --limit-project "$limit" \
        --expired-project "$expired" --format terse >"$dir/run.log" 2>&1 \
        || { tail -20 "$dir/run.log" >&2; exit 1; }
    echo $(( ($(now) - t0) / 1000000 ))
}
one >/dev/null # warm-up
times=()
for _ in $(seq "$runs"); do times+=("$(one)"); done
m="$(printf '%s\n' "${times[@]}" | median)"
echo "latency ${latency} ms over https (nginx terminating TLS), ${runs} runs"
echo "1x: $(tail -n 1 "$dir/run.log")"
echo "median ${m} ms = $(( m / latency )) round trips (runs: ${times[*]})"
