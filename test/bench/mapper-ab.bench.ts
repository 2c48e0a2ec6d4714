// What provenance costs when it is not asked for (issue 16: "the mapper benchmark must not move by more than 5%").
// A/B in one process: `src/core` as it was just before provenance landed (commit BENCH_BASE, default the parent of
// f01a355, taken out of git history with `git archive`) against today's `src/core`, both mapping the same 100,000
// envelopes, alternating A and B for ROUNDS rounds so drift in the machine's speed falls on both alike.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as today from '../../src/core/index.ts'
import { makeCorpus } from './corpus.ts'
import { median } from './time-it.ts'

const SIZE = 100_000
const ROUNDS = 15
const BASE = process.env.BENCH_BASE ?? 'f01a355^'
/** B: today's working tree, or another commit (`BENCH_HEAD=f01a355` isolates the provenance commit itself) */
const HEAD = process.env.BENCH_HEAD

type Core = Pick<typeof today, 'mapCalls' | 'readEnvelopes' | 'defaultPreset'>

export default async function (): Promise<string> {
  const root = join(import.meta.dirname, '..', '..')
  const dirs: string[] = []
  /** src/core of `rev`, out of git history into a temporary folder; its zod resolves from this checkout */
  const coreAt = async (rev: string): Promise<{ commit: string; core: Core }> => {
    const dir = mkdtempSync(join(tmpdir(), 'mapper-ab-'))
    dirs.push(dir)
    const commit = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim()
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src/core'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
    execFileSync('tar', ['-x', '-C', dir], { input: tar })
    execFileSync('ln', ['-s', join(root, 'node_modules'), join(dir, 'node_modules')])
    return { commit, core: (await import(pathToFileURL(join(dir, 'src/core/index.ts')).href)) as Core }
  }
  try {
    const { commit, core: before } = await coreAt(BASE)
    const head = HEAD === undefined ? { commit: 'today', core: today as Core } : await coreAt(HEAD)
    const after = head.core

    const corpus = makeCorpus(SIZE)
    const oldCalls = before.readEnvelopes(corpus)
    const newCalls = after.readEnvelopes(corpus)
    let sink = 0
    const time = (fn: () => number): number => {
      const start = performance.now()
      sink += fn()
      return performance.now() - start
    }
    const runOld = () => before.mapCalls(oldCalls, before.defaultPreset).length
    const runNew = () => after.mapCalls(newCalls, after.defaultPreset).length
    const oldReady = before.mapCalls(oldCalls, before.defaultPreset).filter((r) => r.status === 'ready').length
    const newReady = after.mapCalls(newCalls, after.defaultPreset).filter((r) => r.status === 'ready').length
    // warm both
    for (let i = 0; i < 3; i++) {
      time(runOld)
      time(runNew)
    }
    const a: number[] = []
    const b: number[] = []
    const ratios: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      // alternate which goes first, so neither always runs right after a GC of the other's garbage
      let x: number
      let y: number
      if (round % 2 === 0) {
        x = time(runOld)
        y = time(runNew)
      } else {
        y = time(runNew)
        x = time(runOld)
      }
      a.push(x)
      b.push(y)
      ratios.push(y / x)
    }
    if (sink === 0) throw new Error('benchmark produced nothing')
    const ratio = median(ratios)
    const sorted = ratios.toSorted((p, q) => p - q)
    const q1 = sorted[Math.floor(ROUNDS / 4)] ?? 0
    const q3 = sorted[Math.floor((3 * ROUNDS) / 4)] ?? 0
    const rate = (ms: number) => Math.round(SIZE / (ms / 1000)).toLocaleString('en-US')
    return [
      `mapCalls(calls, defaultPreset) without explain, ${SIZE.toLocaleString('en-US')} envelopes, ${ROUNDS} alternating rounds`,
      `  A: src/core at ${commit} (before provenance)  median ${median(a).toFixed(0)} ms  ${rate(median(a))} events/s  (${oldReady} ready)`,
      `  B: src/core ${head.commit === 'today' ? 'today' : `at ${head.commit}`} ${head.commit === 'today' ? '                          ' : '                     '}median ${median(b).toFixed(0)} ms  ${rate(median(b))} events/s  (${newReady} ready)`,
      `  B/A per round: median ${ratio.toFixed(3)}, interquartile ${q1.toFixed(3)}–${q3.toFixed(3)}`,
      `target: today within 5% of before (B/A ≤ 1.05) → ${ratio <= 1.05 ? 'met' : 'NOT met'}`,
    ].join('\n')
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}
