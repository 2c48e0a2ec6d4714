// Runs a benchmarked command in a child process of its own, with report-max-rss.ts preloaded: its time, time to
// its first output, peak RSS and the tail of its output.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')
const RSS = join(import.meta.dirname, 'report-max-rss.ts')

export interface ChildRun {
  ms: number
  firstOutputMs: number | undefined
  maxRssMb: number
  stdoutBytes: number
  stdoutTail: string
  stderr: string
  code: number | null
}

/** Runs `node --import tsx --import report-max-rss.ts …args` in the repository root; `onStart` may signal the child. */
export function runChild(args: string[], onStart?: (child: ReturnType<typeof spawn>, started: number) => void): Promise<ChildRun> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RSS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let firstOutputMs: number | undefined
  let stdoutBytes = 0
  let stdoutTail = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    firstOutputMs ??= performance.now() - started
    stdoutBytes += chunk.length
    stdoutTail = (stdoutTail + chunk.toString()).slice(-2000)
  })
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-20_000)))
  onStart?.(child, started)
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - started,
        firstOutputMs,
        maxRssMb: Number(/bench-max-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0) / 1024,
        stdoutBytes,
        stdoutTail,
        stderr,
        code,
      }),
    ),
  )
}

/** One report row: `name`, the run's time and its ratio to the baseline's, its first output and peak RSS. */
export function childRunRow(name: string, run: ChildRun, baselineMs: number, width = 46): string {
  const first = run.firstOutputMs === undefined ? '' : `, first output ${(run.firstOutputMs / 1000).toFixed(2)} s`
  return `${name.padEnd(width)} ${(run.ms / 1000).toFixed(1).padStart(6)} s (${(run.ms / baselineMs).toFixed(2)}× baseline)${first}, peak RSS ${run.maxRssMb.toFixed(0)} MB`
}
