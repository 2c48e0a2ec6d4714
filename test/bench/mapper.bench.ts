// Mapper throughput vs a JSON round trip (JSON.parse + JSON.stringify) over the same 100 000 events; and the
// email rule on issue 10's hostile address (400 003 characters) vs one JSON.stringify of that address.
import { checkLoopsBody, defaultPreset, isEmail, mapCalls, readEnvelopes } from '../../src/core/index.ts'
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
  // the address that took 41 s per event with the old regex: 'a@' + 'a.'.repeat(n) + ' ', n = 200 000
  const hostile = `a@${'a.'.repeat(200_000)} `
  const hostileCalls = readEnvelopes([
    { type: 'identify', userId: 'u1', anonymousId: 'v1', messageId: 'm0', timestamp: '2026-01-01T00:00:00Z', traits: { email: hostile } },
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'track', event: 'Signed Up', anonymousId: 'v1', messageId: `m${i + 1}`, timestamp: '2026-01-01T00:00:00Z' })),
  ])
  const REPEAT = 50
  const stringifyOnce = timeIt(5, () => {
    for (let i = 0; i < REPEAT; i++) sink += JSON.stringify(hostile).length
  })
  const emailRule = timeIt(5, () => {
    for (let i = 0; i < REPEAT; i++) sink += isEmail(hostile) ? 1 : 2
  })
  const bodyCheck = timeIt(5, () => {
    for (let i = 0; i < REPEAT; i++) sink += checkLoopsBody('events/send', { email: hostile, eventName: 'signed_up' }).length
  })
  const hostileMap = timeIt(5, () => {
    for (let i = 0; i < REPEAT; i++) sink += mapCalls(hostileCalls, defaultPreset).filter((r) => r.status === 'invalid').length
  })
  const sb = median(stringifyOnce)
  const hostileRows = [
    ['JSON.stringify(address) (baseline)', sb],
    ['isEmail(address)', median(emailRule)],
    ['checkLoopsBody(events/send, {email: address})', median(bodyCheck)],
    ['mapCalls: identify + 10 tracks with the address', median(hostileMap)],
  ] as const

  return [
    `${SIZE.toLocaleString('en-US')} envelopes (${ready.toLocaleString('en-US')} ready), median of 5 runs`,
    ...rows.map(([name, ms]) => `${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms).padStart(11)} events/s  ${(ms / rt).toFixed(2)}× baseline`),
    `target: mapCalls ≤ 3.00× baseline → ${median(mapOnly) / rt <= 3 ? 'met' : 'NOT met'}`,
    '',
    `hostile email, ${hostile.length.toLocaleString('en-US')} characters, ${REPEAT} times per run, median of 5 runs`,
    ...hostileRows.map(([name, ms]) => `${name.padEnd(50)} ${ms.toFixed(2).padStart(9)} ms  ${(ms / sb).toFixed(3)}× baseline`),
    `target: the body check ≤ 3.00× one JSON.stringify of the address (linear) → ${median(bodyCheck) / sb <= 3 ? 'met' : 'NOT met'}`,
  ].join('\n')
}
