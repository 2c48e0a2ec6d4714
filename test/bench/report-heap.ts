// Preloaded into a benchmarked child (`node --import ./report-heap.ts …`) next to report-max-rss.ts. Prints on exit
// its peak RSS in each quarter of its run time: a plateau, or still growing? (V8 grows its heap, the young
// generation up to a cap, as objects keep surviving collections, so RSS climbs for a while whatever the process
// keeps.) When the child runs with --expose-gc, also its live heap: the most the old generation held right after
// a full GC forced every 500 ms, i.e. what the process really keeps; the forced GCs change the run's RSS and time,
// so take those from a run without --expose-gc.
import { writeSync } from 'node:fs'
import { getHeapSpaceStatistics } from 'node:v8'

const started = performance.now()
const rss: { at: number; kb: number }[] = []
setInterval(() => rss.push({ at: performance.now() - started, kb: process.memoryUsage.rss() / 1024 }), 200).unref()

const gc = (globalThis as { gc?: () => void }).gc
let liveKb: number | undefined
if (gc) {
  setInterval(() => {
    gc()
    const old = getHeapSpaceStatistics()
      .filter((s) => s.space_name === 'old_space' || s.space_name === 'large_object_space')
      .reduce((sum, s) => sum + s.space_used_size, 0)
    liveKb = Math.max(liveKb ?? 0, old / 1024)
  }, 500).unref()
}

process.on('exit', () => {
  const ms = performance.now() - started
  const quarter = (s: { at: number }): number => Math.min(3, Math.floor((s.at / ms) * 4))
  const peaks = [0, 1, 2, 3].map((q) => Math.round(Math.max(0, ...rss.filter((s) => quarter(s) === q).map((s) => s.kb))))
  const live = liveKb === undefined ? '' : `bench-live-heap-kb ${Math.round(liveKb)}\n`
  writeSync(2, `\nbench-rss-quarters-kb ${peaks.join(' ')}\n${live}`)
})
