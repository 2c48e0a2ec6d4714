// `map` and `send` on a big NDJSON file, each in a child process of its own: peak RSS, time to the first output
// line / first request, total time; against a same-run baseline that only reads the lines and JSON.parses them.
// Size: BENCH_LINES (default 1 000 000 lines, padded so the file is over 512 MiB). The corpus is generated into a
// temporary directory and deleted afterwards.
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { readAndParseBaseline, writePaddedCorpus } from './write-padded-corpus.ts'
import { childRunRow, runChild } from './run-child.ts'

const LINES = Number(process.env['BENCH_LINES'] ?? 1_000_000)
const ROOT = join(import.meta.dirname, '../..')
const MAIN = join(ROOT, 'src/cli/main.ts')
const MiB = 2 ** 20

async function countLines(path: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) lines++
  return lines
}

export default async function (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cli-stream-bench-'))
  try {
    const input = join(dir, 'events.ndjson')
    const bytes = await writePaddedCorpus(input, LINES, { envelopeIndex: (_n, i) => i, visitor: (n) => Math.floor(n / 10) % 50_000 })
    const report = [`${LINES.toLocaleString('en-US')} lines, ${(bytes / MiB).toFixed(0)} MiB (${bytes > 512 * MiB ? 'over' : 'under'} 512 MiB)`]

    // baseline: read the lines and JSON.parse each, nothing else
    const baseline = await readAndParseBaseline(input)
    report.push(childRunRow('baseline: read lines + JSON.parse', baseline, baseline.ms))

    // map: two passes, output streamed
    const map = await runChild([MAIN, 'map', input])
    const mapped = map.stdoutTail.trim().split('\n').at(-1) ?? ''
    const last = JSON.parse(mapped) as { source: { index: number } }
    report.push(childRunRow('map (index pass + map pass, NDJSON out)', map, baseline.ms))
    report.push(`  map printed ${(map.stdoutBytes / MiB).toFixed(0)} MiB, last index ${last.source.index} (${last.source.index === LINES - 1 ? 'all lines' : 'LINES MISSING'}), exit ${map.code}`)

    // send: to a bare local HTTP server; Ctrl-C 5 s after the first request; every cancelled event must be in the
    // dead-letter file
    let requests = 0
    let firstRequestAt: number | undefined
    let interrupt = (): void => {}
    const stub = createServer((req, res) => {
      requests++
      if (firstRequestAt === undefined) {
        firstRequestAt = performance.now()
        setTimeout(() => interrupt(), 5000)
      }
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"success":true}')
      })
    })
    stub.listen(0, '127.0.0.1')
    await once(stub, 'listening')
    const target = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
    const deadLetter = join(dir, 'dead.ndjson')
    let startedAt = 0
    const send = await runChild([MAIN, 'send', input, '--target', target, '--key', 'bench-key', '--rate', '1000000', '--concurrency', '32', '--dead-letter', deadLetter, '--json'], (child, started) => {
      startedAt = started
      interrupt = () => void child.kill('SIGINT')
    })
    stub.close()
    const summary = JSON.parse(send.stdoutTail.trim().split('\n').at(-1) ?? '{}') as Record<string, number>
    const dead = await countLines(deadLetter)
    const recorded = (summary['delivered'] ?? 0) + (summary['duplicates'] ?? 0) + dead
    report.push(childRunRow('send, Ctrl-C 5 s after the first request', send, baseline.ms))
    report.push(
      `  send: first request ${firstRequestAt === undefined ? 'never' : `${((firstRequestAt - startedAt) / 1000).toFixed(2)} s`} after start; ${requests.toLocaleString('en-US')} requests answered; ` +
        `summary ${JSON.stringify(summary)}; dead-letter lines ${dead.toLocaleString('en-US')}; delivered + dead-letter = ${recorded.toLocaleString('en-US')} ` +
        `(${recorded === LINES ? 'every event recorded' : 'EVENTS MISSING'}); exit ${send.code}`,
    )
    const ok = (mb: number) => (mb < 300 ? 'met' : 'NOT met')
    report.push(
      `targets: map RSS < 300 MB ${ok(map.maxRssMb)}; send RSS < 300 MB ${ok(send.maxRssMb)}; first request < 2 s ${firstRequestAt !== undefined && firstRequestAt - startedAt < 2000 ? 'met' : 'NOT met'}; ` +
        `map output before the input is read to the end ${map.firstOutputMs !== undefined && map.firstOutputMs < map.ms * 0.9 ? 'met' : 'NOT met'}`,
    )
    return report.join('\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
