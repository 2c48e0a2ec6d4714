/** The top-level help text; each command also answers --help with its own. */
export function usage(): string {
  return `loops-playground: Datafly.js → Loops mapper, sender, mock server and proxy

Usage:
  loops-playground map <file|-> [--preset preset.json]        map calls to Loops requests (NDJSON out)
  loops-playground diff <file> --preset preset.json          what a preset change does to each call
  loops-playground send <file|-> [options]                    map, then send through the rate-limited sender
  loops-playground mock-server [--port 4010] [options]        run the mock Loops API on a port
  loops-playground proxy [--port 8787] [options]              run the local proxy to real Loops
  loops-playground clay <rows.csv|.ndjson|.json> [options]    sync a Clay table export into Loops (HTTP API column)
  loops-playground webhooks listen|trigger [options]          receive and verify, or send, signed Loops webhooks

Run "loops-playground <command> --help" for a command's options.
`
}
