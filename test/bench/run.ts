// `npm run bench`: runs every test/bench/*.bench.ts (default export: async () => printable report), in name
// order, or only those whose file name contains an argument: `npm run bench -- mapper`.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const filters = process.argv.slice(2)
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .toSorted()

let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file} (node ${process.version}) ===\n`)
  try {
    const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { default: () => Promise<string> }
    process.stdout.write(`${await mod.default()}\n`)
  } catch (error) {
    failed += 1
    process.stdout.write(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  }
}
process.exitCode = failed > 0 ? 1 : 0
