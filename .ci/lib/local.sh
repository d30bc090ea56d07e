# Helpers for CI checks: start a fresh `rolehop local` and wait for its endpoint line.
# Source it; needs ROLEHOP (the ./rolehop launcher).

# start_local DIR NAME: starts an endpoint on a free port with DIR/world.yml and state
# DIR/NAME.state; sets LOCAL_PID and LOCAL_ENDPOINT. The caller stops it with stop_local.
start_local() {
  local dir=$1 name=$2 log="$1/$2.log"
  "$ROLEHOP" local --world "$dir/world.yml" --state "$dir/$name.state" --port 0 >"$log" 2>&1 &
  LOCAL_PID=$!
  for _ in $(seq 1 300); do
    LOCAL_ENDPOINT=$(sed -n 's/^endpoint: //p' "$log" | head -1)
    [ -n "$LOCAL_ENDPOINT" ] && return 0
    kill -0 "$LOCAL_PID" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "rolehop local did not print its endpoint within 30 s" >&2
  cat "$log" >&2
  return 1
}

stop_local() {
  if [ -n "${LOCAL_PID:-}" ]; then
    kill "$LOCAL_PID" 2>/dev/null || true
    wait "$LOCAL_PID" 2>/dev/null || true   # 143: it ended on our SIGTERM, as asked
  fi
  LOCAL_PID=
}

# mfa_code DIR: the demo device's current code (rolehop local mfa-code).
mfa_code() {
  "$ROLEHOP" local mfa-code --world "$1/world.yml" --serial arn:aws:iam::111111111111:mfa/alice
}
