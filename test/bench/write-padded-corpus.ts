import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { makeCorpus } from './corpus.ts'
import { runChild, type ChildRun } from './run-child.ts'

const PAD = 'x'.repeat(200)
const READ_LINES = join(import.meta.dirname, '../../src/host/read-lines.ts')

/** Which of the benchmark corpus's envelopes line `n` (the `i`th of its batch of 10,000) is, and whose. */
export interface CorpusShape {
  envelopeIndex(n: number, i: number): number
  visitor(n: number): number
}

/**
 * Writes `lines` NDJSON envelopes of the benchmark corpus (test/bench/corpus.ts) to `path`, each padded with a
 * 200-character user agent, with a messageId per line and the anonymousId `shape` gives; an identify also gets
 * the visitor's user id and traits. Returns the file's size in bytes.
 */
export async function writePaddedCorpus(path: string, lines: number, shape: CorpusShape): Promise<number> {
  const out = createWriteStream(path)
  const batch = makeCorpus(10_000)
  for (let start = 0; start < lines; start += batch.length) {
    let text = ''
    for (let i = 0; i < batch.length && start + i < lines; i++) {
      const n = start + i
      const envelope = batch[shape.envelopeIndex(n, i)] as Record<string, unknown>
      const visitor = shape.visitor(n)
      const line = { ...envelope, messageId: `msg-${n}`, anonymousId: `anon-${visitor}`, context: { ...(envelope['context'] as object), userAgent: PAD } }
      if (envelope['type'] === 'identify') Object.assign(line, { userId: `user_${visitor}`, traits: { email: `user${visitor}@example.com`, first_name: 'Sam' } })
      text += `${JSON.stringify(line)}\n`
    }
    if (!out.write(text)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return (await stat(path)).size
}

/** Only reads the lines of `input` and JSON.parses each, in a child process: the floor for any pass over a file. */
export function readAndParseBaseline(input: string): Promise<ChildRun> {
  const code = `import { readLines } from ${JSON.stringify(READ_LINES)}; let n = 0; for await (const l of readLines(${JSON.stringify(input)})) { if (l.text) { JSON.parse(l.text); n++ } } console.log(n)`
  return runChild(['--input-type=module', '-e', code])
}
