#!/usr/bin/env bash
# The demo: starts the emulator, uploads a small real clip and photo (made by ffmpeg) to its object store, runs
# `pulumi up` on the root stack (Pulumi.yaml) against it, prints the stack outputs, and downloads the real covers,
# cartoon and MediaInfo into demo-output/. Installs what it needs. State lives in .pulumi-state/ (git-ignored); each
# run refreshes first, so jobs that vanished with the previous emulator process are run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_node_modules
build
use_engine

port="${MEDIAJOBS_EMULATOR_PORT:-9700}"
emulator_log="$(mktemp)"
media_dir="$(mktemp -d)"
# The emulator's object store for this run, removed with it.
node bin/mediajobs-emulator.js --port "$port" --data-dir "$media_dir/store" >"$emulator_log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$emulator_log" "$media_dir"' EXIT
for _ in $(seq 50); do
  grep -q "listening" "$emulator_log" && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$emulator_log" >&2; echo "demo: the emulator did not start (is port $port in use? set MEDIAJOBS_EMULATOR_PORT)" >&2; exit 1; }
  sleep 0.1
done
head -1 "$emulator_log"
node dist/demo/media.js upload "http://127.0.0.1:$port" "$media_dir/made"

export PULUMI_BACKEND_URL="file://$repo_root/.pulumi-state" PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-mediajobs-demo}"
mkdir -p "$repo_root/.pulumi-state"
pulumi stack select --create demo --non-interactive >/dev/null
# The emulator's own test credentials, set as secrets like real ones would be.
creds() { node -p "require('./dist/emulator').$1"; }
pulumi config set mediajobs:ciEndpoint "http://127.0.0.1:$port"
pulumi config set --secret tencentcloud:secretId "$(creds EMULATOR_TENCENT_CREDENTIALS.secretId)"
pulumi config set --secret tencentcloud:secretKey "$(creds EMULATOR_TENCENT_CREDENTIALS.secretKey)"
pulumi config set mediajobs:mpsEndpoint "http://127.0.0.1:$port"
pulumi config set --secret alicloud:accessKey "$(creds EMULATOR_ALIBABA_CREDENTIALS.accessKeyId)"
pulumi config set --secret alicloud:secretKey "$(creds EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret)"

pulumi up --yes --refresh --skip-preview --non-interactive
echo
echo "Stack outputs:"
pulumi stack output --non-interactive
echo
output_dir="$repo_root/demo-output"
rm -rf "$output_dir"
pulumi stack output --json --non-interactive | node dist/demo/media.js collect "http://127.0.0.1:$port" "$output_dir"
