// `npm run bench`: runs every test/bench/*.bench.ts (default export: async () => printable report), in name
// order, or only those whose file name contains an argument: `npm run bench -- mapper`. Each benchmark runs in a
// process of its own, so one benchmark's heap and JIT state cannot skew the next one's figures.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const filters = process.argv.slice(2)
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .toSorted()

let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file} (node ${process.version}) ===\n`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run-one.ts'), join(import.meta.dirname, file)], {
    stdio: 'inherit',
  })
  if (run.status !== 0) {
    failed += 1
    process.stdout.write(`FAILED: ${file} exited with ${run.status ?? run.signal}\n`)
  }
}
process.exitCode = failed > 0 ? 1 : 0
