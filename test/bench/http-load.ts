import { fork, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { join } from 'node:path'

export interface LoadRun {
  rps: number
  p50: number
  p99: number
  statuses: Map<number, number>
  seconds: number
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

export interface BenchServer {
  port: number
  /** resident set size in bytes after a full GC in the server's process */
  rss(): Promise<{ rss: number; heap: number }>
  stop(): void
}

/** Starts test/bench/bench-server.ts (`bare` or `mock`) in a child process with --expose-gc; BENCH_MOCK_FLAGS adds Node/V8 flags to the mock's process (e.g. `--max-semi-space-size=8`). */
export function startBenchServer(kind: 'bare' | 'mock'): Promise<BenchServer> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'bench-server.ts'), [kind], { execArgv: ['--import', 'tsx', '--expose-gc', ...(kind === 'mock' && process.env.BENCH_MOCK_FLAGS ? process.env.BENCH_MOCK_FLAGS.split(' ') : [])], stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('message', (message) => {
      const { port } = message as { port: number }
      resolve({
        port,
        rss: () =>
          new Promise((done) => {
            child.once('message', (m) => done(m as { rss: number; heap: number }))
            child.send('rss')
          }),
        stop: () => void child.kill(),
      })
    })
  })
}

export interface Call {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

/** `count` requests from `clients` keep-alive connections (one request in flight on each) to 127.0.0.1:`port`. */
export async function load(port: number, count: number, clients: number, call: (i: number) => Call): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let next = 0
  const one = (c: Call): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: c.method, path: c.path, headers: c.headers, agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end(c.body)
    })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const c = call(next++)
        const t = performance.now()
        const status = await one(c)
        latencies.push(performance.now() - t)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b) // oxlint-disable-line unicorn/no-array-sort -- our own array
  return { rps: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses, seconds }
}

export const row = (name: string, r: LoadRun): string =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
