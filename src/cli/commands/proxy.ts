import { DEFAULT_TIMEOUT_MS } from '../../proxy/create-proxy.ts'
import { DEFAULT_UPSTREAM } from '../../proxy/parse-upstream.ts'
import { ProxyConfigError } from '../../proxy/proxy-config-error.ts'
import { serveProxy, type ServeProxyOptions } from '../../proxy/serve-proxy.ts'
import type { CliIo } from '../cli-io.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readNumber } from '../read-number.ts'
import { UsageError } from '../usage-error.ts'

export const HELP = `Usage: loops-playground proxy [--port 8787] [--host 127.0.0.1] [--upstream ${DEFAULT_UPSTREAM}]
                              [--allow-origin URL]... [--timeout 30000]

A local proxy to real Loops that keeps your API key off the browser. It serves Loops' own paths, so any client
(loops-playground send, the playground, the official SDK, curl) uses http://127.0.0.1:8787 as its base URL:
  curl http://127.0.0.1:8787/api/v1/api-key

The key: with LOOPS_API_KEY set in the proxy's environment, the proxy sends "Authorization: Bearer <key>" itself
and ignores any Authorization a client sends; without it, the client's Authorization is forwarded. The key never
appears in a response, a log line or an error message.

It refuses (with a {"success":false,"message"} JSON answer, never forwarded):
  403  a Host header other than its own loopback address (DNS rebinding), an Origin other than the
       playground's (another web site in your browser), a cross-site browser request without Origin
  400  a path with .. %2e %2f %5c \\ or // in it;  404  anything outside /api/v1/
  405  methods other than GET, POST, PUT, DELETE (OPTIONS preflights are answered locally)
  413  bodies over 4 MiB;  502  Loops unreachable;  504  no answer within the timeout

Options:
  --port N           port on 127.0.0.1 (default 8787; 0 picks a free one)
  --host H           loopback address to bind: 127.0.0.1 (default), localhost or ::1; nothing else
  --upstream URL     where to forward (default ${DEFAULT_UPSTREAM}); https://, or http:// only for a loopback host
  --allow-origin URL also accept browser requests from this page origin (repeatable); by default the
                     playground's http://127.0.0.1:5173, http://localhost:5173, :4173 and the proxy's own origin
  --timeout MS       upstream timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  -h, --help         this text

Logs one line per request to stderr: method, path (without the query), status, milliseconds.
Exit codes: 2 for bad options (a one-line explanation on stderr); otherwise it runs until interrupted.
`

/** Parses the proxy's argv and environment into serve options. Throws UsageError or ProxyConfigError. */
export function readProxyOptions(argv: readonly string[], env: Record<string, string | undefined>): ServeProxyOptions | 'help' {
  const args = parseCommandLine(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    upstream: { type: 'string' },
    timeout: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
  })
  if (args.help) return 'help'
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`)
  const text = (name: string) => args.values[name] as string | undefined
  const port = text('port')
  const timeout = text('timeout')
  const options: ServeProxyOptions = {
    port: port === undefined ? 8787 : readNumber('port', port, { integer: true, min: 0, max: 65535 }),
    host: text('host') ?? '127.0.0.1',
    upstream: text('upstream') ?? DEFAULT_UPSTREAM,
    timeoutMs: timeout === undefined ? DEFAULT_TIMEOUT_MS : readNumber('timeout', timeout, { integer: true, min: 0 }),
    allowOrigins: ((args.values['allow-origin'] as string[] | undefined) ?? []).map((origin) => origin.replace(/\/$/, '')),
  }
  const apiKey = env.LOOPS_API_KEY
  if (apiKey !== undefined && apiKey !== '') options.apiKey = apiKey.trim()
  return options
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let options: ServeProxyOptions | 'help'
  try {
    options = readProxyOptions(argv, io.env)
  } catch (error) {
    io.stderr.write(`loops-playground proxy: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  if (options === 'help') {
    io.stdout.write(HELP)
    return 0
  }
  try {
    const running = await serveProxy({ ...options, log: (line) => void io.stderr.write(`${line}\n`) })
    const key = options.apiKey === undefined ? "forwarding each client's own Authorization header" : 'adding LOOPS_API_KEY to every request'
    io.stderr.write(
      `loops-playground proxy: ${running.url} → ${options.upstream ?? DEFAULT_UPSTREAM}, ${key}\n` +
        `  base URL for clients: ${running.url} (official SDK: loops.apiRoot = '${running.url}/api/')\n` +
        `  browser pages allowed: ${running.allowedOrigins.join(', ')}\n`,
    )
    let stopping = false
    const stop = (): void => {
      if (stopping) return
      stopping = true
      void running.close().finally(() => io.exit(0))
    }
    io.onSignal('SIGINT', stop)
    io.onSignal('SIGTERM', stop)
    return -1
  } catch (error) {
    const message =
      error instanceof ProxyConfigError
        ? error.message
        : (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `port ${options.port ?? 8787} is in use; pick another with --port`
          : `could not start: ${(error as Error).message}`
    io.stderr.write(`loops-playground proxy: ${message}\n`)
    return 2
  }
}
