// Runs one benchmark file (its default export: async () => printable report) and prints the report.
import { pathToFileURL } from 'node:url'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: run-one.ts <file.bench.ts>')
const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<string> }
process.stdout.write(`${await mod.default()}\n`)
