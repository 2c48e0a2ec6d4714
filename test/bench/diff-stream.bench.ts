// `diff` on a big NDJSON file, in a child process of its own per run: at BENCH_LINES (default 1 000 000) lines and
// at a quarter of that, both with the same visitors (50 000, fewer only when BENCH_LINES is too small for 5 lines
// each), so only the lines grow. Peak RSS of each and their ratio (memory must follow the visitors in the
// identity index, not the lines), total time against a same-run baseline that only reads the lines and
// JSON.parses them, time to the first output line. V8 grows its heap (the young generation up to a cap) as objects
// keep surviving collections, so RSS climbs for the first seconds of any long run whatever the process keeps, and
// a short run may end before it levels off: report-heap.ts also gives the peak RSS in each quarter of each run (a
// plateau?) and, from a second run with --expose-gc, the live heap sampled after forced full GCs: what the process
// keeps. The preset tried moves contact properties to the root, so every call but the identifies
// changes and is printed. The corpora are generated into a temporary directory and deleted afterwards.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readAndParseBaseline, writePaddedCorpus, type CorpusShape } from './write-padded-corpus.ts'
import { childRunRow, runChild, type ChildRun } from './run-child.ts'

const LINES = Number(process.env['BENCH_LINES'] ?? 1_000_000)
const QUARTER = Math.floor(LINES / 4)
const SESSION = 5
const VISITORS = Math.max(1, Math.min(50_000, Math.floor(QUARTER / SESSION)))
const ROOT = join(import.meta.dirname, '../..')
const MAIN = join(ROOT, 'src/cli/main.ts')
const HEAP = join(import.meta.dirname, 'report-heap.ts')
const MiB = 2 ** 20

/**
 * `lines` envelopes in sessions of 5 lines, each opened by an identify (user id and traits per visitor); session
 * `s` belongs to visitor `s % visitors`, so past `visitors` sessions the same visitors come back. makeCorpus has an
 * identify every 10 envelopes (i % 10 === 0): the session's first line takes that one.
 */
const sessions = (visitors: number): CorpusShape => ({
  envelopeIndex: (n, i) => (n % SESSION === 0 ? i - (i % 10) : i),
  visitor: (n) => Math.floor(n / SESSION) % visitors,
})

interface Size {
  lines: number
  baseline: ChildRun
  diff: ChildRun
  /** MB, from report-heap.ts: peak RSS in each quarter of the diff run's time, and the live heap */
  quartersMb: number[]
  liveMb: number
}

const mb = (kb: string | undefined): number => Number(kb ?? 0) / 1024

async function measure(dir: string, preset: string, lines: number, report: string[]): Promise<Size> {
  const input = join(dir, `events-${lines}.ndjson`)
  const bytes = await writePaddedCorpus(input, lines, sessions(VISITORS))
  const run = (node: string[]) => runChild([...node, '--import', HEAP, MAIN, 'diff', input, '--preset', preset])
  const before = await readAndParseBaseline(input)
  const diff = await run([])
  const live = await run(['--expose-gc'])
  await rm(input, { force: true })
  const quartersMb = (/bench-rss-quarters-kb ([\d ]+)/.exec(diff.stderr)?.[1] ?? '0 0 0 0').split(' ').map(mb)
  const size = { lines, baseline: before, diff, quartersMb, liveMb: mb(/bench-live-heap-kb (\d+)/.exec(live.stderr)?.[1]) }
  const label = `${lines.toLocaleString('en-US')} lines`
  report.push(`${label}, ${VISITORS.toLocaleString('en-US')} visitors, ${(bytes / MiB).toFixed(0)} MiB`)
  report.push(childRunRow(`  baseline: read lines + JSON.parse`, { ...size.baseline, firstOutputMs: undefined }, size.baseline.ms, 40))
  report.push(childRunRow(`  diff --preset root.json`, size.diff, size.baseline.ms, 40))
  const summary = size.diff.stdoutTail.trim().split('\n').at(-1) ?? ''
  const compared = Number(/^(\d+) calls compared/.exec(summary)?.[1] ?? -1)
  report.push(
    `  diff printed ${(size.diff.stdoutBytes / MiB).toFixed(0)} MiB; "${summary}" (${compared === lines ? 'all lines' : 'LINES MISSING'}); exit ${size.diff.code}`,
  )
  report.push(
    `  peak RSS by quarter of the run ${size.quartersMb.map((q) => q.toFixed(0)).join(' → ')} MB; live heap ${size.liveMb.toFixed(0)} MB at its largest (second run, --expose-gc)`,
  )
  return size
}

export default async function (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'diff-stream-bench-'))
  try {
    const preset = join(dir, 'root.json')
    await writeFile(preset, JSON.stringify({ contactProperties: 'root' }))
    const report: string[] = []
    const quarter = await measure(dir, preset, QUARTER, report)
    const full = await measure(dir, preset, LINES, report)
    const ratio = full.diff.maxRssMb / quarter.diff.maxRssMb
    const liveRatio = full.liveMb / quarter.liveMb
    const n = LINES.toLocaleString('en-US')
    const q = QUARTER.toLocaleString('en-US')
    // the shorter run ends while V8 is still growing its young generation (up to 2 × 64 MB), so peak RSS alone
    // overstates growth; bounded means: live heap the same at both sizes, and RSS levelled off within the long run
    report.push(`peak RSS: ${full.diff.maxRssMb.toFixed(0)} MB at ${n} lines, ${quarter.diff.maxRssMb.toFixed(0)} MB at ${q} lines: ×${ratio.toFixed(2)} for ×4 the lines (includes V8's young-generation warm-up; not a target)`)
    report.push(`live heap: ${full.liveMb.toFixed(0)} MB at ${n} lines, ${quarter.liveMb.toFixed(0)} MB at ${q} lines: ×${liveRatio.toFixed(2)}`)
    const [, second = 0, , last = 0] = full.quartersMb
    const plateau = last / second
    const ok = (met: boolean): string => (met ? 'met' : 'NOT met')
    const firstOutput = full.diff.firstOutputMs !== undefined && full.diff.firstOutputMs < full.diff.ms * 0.9
    report.push(
      `targets (bounded memory): live heap at ${n} lines within 10% of at ${q} lines ${ok(liveRatio <= 1.1)}; ` +
        `peak RSS in the last quarter of the ${n}-line run within 10% of the second's (×${plateau.toFixed(2)}: levelled off) ${ok(plateau <= 1.1)}; ` +
        `under 300 MB ${ok(full.diff.maxRssMb < 300 && quarter.diff.maxRssMb < 300)}; output before the input is read to the end ${ok(firstOutput)}`,
    )
    return report.join('\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
