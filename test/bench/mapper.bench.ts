// Mapper throughput vs a JSON round trip (JSON.parse + JSON.stringify) over the same 100 000 events.
import { defaultPreset, mapCalls, readEnvelopes } from '../../src/core/index.ts'
import { makeCorpus } from './corpus.ts'
import { median, timeIt } from './time-it.ts'

const SIZE = 100_000

export default async function (): Promise<string> {
  const corpus = makeCorpus(SIZE)
  const lines = corpus.map((e) => JSON.stringify(e))
  const calls = readEnvelopes(corpus)
  let sink = 0

  const roundTrip = timeIt(5, () => {
    for (const line of lines) sink += JSON.stringify(JSON.parse(line)).length
  })
  const mapOnly = timeIt(5, () => {
    sink += mapCalls(calls, defaultPreset).length
  })
  const explained = timeIt(5, () => {
    sink += mapCalls(calls, defaultPreset, { explain: true }).length
  })
  const readAndMap = timeIt(5, () => {
    sink += mapCalls(readEnvelopes(corpus), defaultPreset).length
  })
  const results = mapCalls(calls, defaultPreset)
  const ready = results.filter((r) => r.status === 'ready').length
  if (sink === 0) throw new Error('benchmark produced nothing')

  const rate = (ms: number) => Math.round(SIZE / (ms / 1000)).toLocaleString('en-US')
  const rt = median(roundTrip)
  const rows = [
    ['JSON.parse + JSON.stringify (baseline)', rt],
    ['mapCalls: identity + mapping + Loops checks', median(mapOnly)],
    ['mapCalls with explain (provenance)', median(explained)],
    ['readEnvelopes (zod) + mapCalls', median(readAndMap)],
  ] as const
  return [
    `${SIZE.toLocaleString('en-US')} envelopes (${ready.toLocaleString('en-US')} ready), median of 5 runs`,
    ...rows.map(([name, ms]) => `${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms).padStart(11)} events/s  ${(ms / rt).toFixed(2)}× baseline`),
    `target: mapCalls ≤ 3.00× baseline → ${median(mapOnly) / rt <= 3 ? 'met' : 'NOT met'}`,
  ].join('\n')
}
