#!/usr/bin/env bash
# Runs the tests against the mock Loops API: start it in the background, wait for its ready line, run, stop it.
set -euo pipefail

# the installed command itself (not through npx), so that stopping it stops the server
coproc MOCK { exec node_modules/.bin/loops-playground mock-server --json --port 0 --keys ci-key=Acme; }
trap 'kill "$MOCK_PID" 2>/dev/null || true' EXIT
# blocks until the mock prints {"url","sdkApiRoot","keys"}; empty when it failed to start (its error is on stderr)
read -r ready <&"${MOCK[0]}" || { echo "the mock server did not start" >&2; exit 1; }

export LOOPS_MOCK_URL="$(node -p 'JSON.parse(process.argv[1]).url' "$ready")"
export LOOPS_API_KEY=ci-key
npx vitest run against-server.test.ts
