#!/usr/bin/env bash
# The files benchmark of issue 9 (point 3): a file of SIZE MiB (1 GiB by default) uploaded
# in PART MiB parts (16) and downloaded through loopback, against the floor of the same
# bytes sent by the same client (one curl process sending PARALLEL parts at once; by
# default min(CPUs, 8), as dx does; PARALLEL=1 is one connection, the parts in order) to a
# bare axum handler streaming them to the same storage, and read back by a bare GET
# (`examples/files_floor.rs`). Rerunnable: `[PARALLEL=N] bench/files.sh [RUNS] [SIZE]
# [PART]`; PROFILE=dev uses the dev profile's binaries instead of release ones.
#
# Each run times, with the API calls (`/file/new`, one `/upload` per part, `/close`,
# `/download`) left out of the clock:
#   floor up     the PUTs to the floor;
#   upload       the PUTs to the reference server's upload URLs, with the headers handed
#                out (Content-MD5 checked, the length checked);
#   floor down   the bare GET of everything the floor stored;
#   download     the GET of the reference server's download URL.
# and prints the medians in seconds and MiB/s, the ratios (floor time / time: the share
# of the floor's throughput reached; the targets are >= 0.60 up, >= 0.70 down) and how
# much the reference server's resident memory grew (VmHWM at the end minus VmRSS before
# the first run; the target is < 64 MiB). The downloaded bytes are checked against the
# file's MD5 once, outside the clock. Needs bash, curl, python3, awk and coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
size_mib="${2:-1024}"
part_mib="${3:-16}"
profile="${PROFILE:-release}"
cargo build --profile "$profile" --quiet --bin dxconform --example files_floor
dir="target/$([ "$profile" = dev ] && echo debug || echo "$profile")"
bin="$PWD/$dir/dxconform"
floor_bin="$PWD/$dir/examples/files_floor"

work="$(mktemp -d)"
server="" floor=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    [ -n "$floor" ] && kill "$floor" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The file and its parts.
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/data"
split -b "${part_mib}M" -d -a 5 "$work/data" "$work/part."
whole_md5="$(md5sum "$work/data" | cut -d' ' -f1)"
rm "$work/data"

"$bin" serve --listen 127.0.0.1:0 --user alice=bench-owner >"$work/serve.log" 2>&1 &
server=$!
"$floor_bin" >"$work/floor.log" 2>&1 &
floor=$!
for _ in $(seq 100); do
    grep -q '^listening on' "$work/serve.log" && grep -q '^listening on' "$work/floor.log" && break
    sleep 0.1
done
api_url="$(sed -n 's/^listening on //p' "$work/serve.log")"
floor_url="$(sed -n 's/^listening on //p' "$work/floor.log")"

rss_kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$server/status"; }
rss_start="$(rss_kib VmRSS)"

now() { date +%s.%N; }
# Seconds a command takes.
timed() {
    local t0 t1
    t0="$(now)"
    "$@"
    t1="$(now)"
    awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'
}

# The API side, in python: make the file and a curl config with one PUT per part
# (`prepare`), close it and print a download URL (`finish`), remove it (`remove`).
api() {
    python3 - "$api_url" "$work" "$@" <<'PY'
import glob, hashlib, json, sys, time, urllib.request
base, work, what = sys.argv[1], sys.argv[2], sys.argv[3]
def call(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": "Bearer bench-owner", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
if what == "prepare":
    project = call("/project/new", {"name": "bench"})["id"]
    file = call("/file/new", {"project": project, "name": "bench.bin"})["id"]
    lines = []
    for i, part in enumerate(sorted(glob.glob(work + "/part.*")), start=1):
        h, size = hashlib.md5(), 0
        with open(part, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk); size += len(chunk)
        up = call(f"/{file}/upload", {"index": i, "size": size, "md5": h.hexdigest()})
        lines.append(f'url = "{up["url"]}"')
        lines.append('fail')
        lines.append('output = "/dev/null"')
        lines.append(f'upload-file = "{part}"')
        for k, v in up["headers"].items():
            if k.lower() != "content-length":
                lines.append(f'header = "{k}: {v}"')
        lines.append("next")
    with open(work + "/upload.curl", "w") as f:
        f.write("\n".join(lines[:-1]) + "\n")
    print(project, file)
elif what == "remove":
    project, file = sys.argv[4], sys.argv[5]
    call(f"/{project}/removeObjects", {"objects": [file]})
elif what == "finish":
    file = sys.argv[5]
    call(f"/{file}/close", {})
    while call(f"/{file}/describe", {"fields": {"state": True}})["state"] != "closed":
        time.sleep(0.05)
    print(call(f"/{file}/download", {"preauthenticated": True})["url"])
PY
}

floor_config() {
    local i=0 first=1
    for part in "$work"/part.*; do
        i=$((i + 1))
        [ $first = 1 ] || echo "next"
        first=0
        echo "url = \"$floor_url/floor/$i\""
        echo "fail"
        echo "output = \"/dev/null\""
        echo "upload-file = \"$part\""
    done >"$work/floor.curl"
}
floor_config

curl_quiet=(curl -sS --fail --noproxy '*' -o /dev/null)
cpus="$(nproc)"
parallel="${PARALLEL:-$((cpus < 8 ? cpus : 8))}"
curl_up=("${curl_quiet[@]}")
[ "$parallel" -gt 1 ] && curl_up+=(--parallel --parallel-max "$parallel")
declare -a up down fup fdown
# Every phase starts with no dirty pages (`sync`, outside the clock), so that one phase's
# writeback does not slow the next.
# CPU seconds a process has used (user + system).
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
declare -a fup_cpu up_cpu
for run in $(seq "$runs"); do
    sync
    c0="$(cpu "$floor")"
    fup+=("$(timed "${curl_up[@]}" -K "$work/floor.curl")")
    fup_cpu+=("$(awk -v a="$c0" -v b="$(cpu "$floor")" 'BEGIN {print b - a}')")
    read -r project file < <(api prepare)
    sync
    c0="$(cpu "$server")"
    up+=("$(timed "${curl_up[@]}" -K "$work/upload.curl")")
    up_cpu+=("$(awk -v a="$c0" -v b="$(cpu "$server")" 'BEGIN {print b - a}')")
    url="$(api finish "$project" "$file")"
    sync
    fdown+=("$(timed "${curl_quiet[@]}" "$floor_url/floor")")
    down+=("$(timed "${curl_quiet[@]}" "$url")")
    if [ "$run" = 1 ]; then
        got="$(curl -sS --fail --noproxy '*' "$url" | md5sum | cut -d' ' -f1)"
        [ "$got" = "$whole_md5" ] || { echo "download MD5 $got, expected $whole_md5" >&2; exit 1; }
        got="$(curl -sS --fail --noproxy '*' "$floor_url/floor" | md5sum | cut -d' ' -f1)"
        [ "$got" = "$whole_md5" ] || { echo "floor MD5 $got, expected $whole_md5" >&2; exit 1; }
    fi
    # The floor keeps one copy of the bytes (each run replaces its blobs): so does the
    # server, whose removed file's blobs are deleted.
    api remove "$project" "$file"
    echo "run $run: floor up ${fup[-1]} s (floor CPU ${fup_cpu[-1]} s), upload ${up[-1]} s (server CPU ${up_cpu[-1]} s), floor down ${fdown[-1]} s, download ${down[-1]} s" >&2
done
rss_end="$(rss_kib VmHWM)"

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
report() {
    local name="$1" t="$2"
    printf '%-11s %7.3f s  %7.1f MiB/s\n' "$name" "$t" "$(awk -v s="$size_mib" -v t="$t" 'BEGIN {print s / t}')"
}
m_fup="$(median "${fup[@]}")" m_up="$(median "${up[@]}")"
m_fdown="$(median "${fdown[@]}")" m_down="$(median "${down[@]}")"
echo "files benchmark: $size_mib MiB in $part_mib MiB parts, $parallel at once, $runs runs, medians ($profile build)"
report "floor up" "$m_fup"
report "upload" "$m_up"
report "floor down" "$m_fdown"
report "download" "$m_down"
printf 'CPU up         floor %.2f s, server %.2f s (medians)\n' "$(median "${fup_cpu[@]}")" "$(median "${up_cpu[@]}")"
printf 'upload/floor   %.2f (target >= 0.60)\n' "$(awk -v a="$m_fup" -v b="$m_up" 'BEGIN {print a / b}')"
printf 'download/floor %.2f (target >= 0.70)\n' "$(awk -v a="$m_fdown" -v b="$m_down" 'BEGIN {print a / b}')"
printf 'server memory  %d MiB before, peak %d MiB, growth %d MiB (target < 64)\n' \
    "$((rss_start / 1024))" "$((rss_end / 1024))" "$(((rss_end - rss_start) / 1024))"
