import type { Preset } from '../../core/index.ts'
import { REPLAY_KEY, REPLAY_START, REPLAY_TEAM, type Replay } from './replay.ts'
import { toJsLiteral } from './to-js-literal.ts'
import { toTemplateLiteral } from './to-template-literal.ts'

export interface VitestExport {
  /** the Datafly.js script as typed */
  script: string
  /** the preset in use; `undefined` for the default preset */
  preset: Preset | undefined
  /** what the playground saw when it replayed the script (`replay`) */
  replay: Replay
}

/**
 * A Vitest test file for the user's project (`npm i -D vitest loops-playground`): it replays the script and preset
 * through `loops-playground/core` against the in-process mock from `loops-playground/mock`, and asserts what the
 * playground saw: each call's mapping status, request and send outcome, then the contacts and events the mock holds.
 */
export function toVitestTest({ script, preset, replay }: VitestExport): string {
  const presetLines =
    preset === undefined
      ? ['const preset = defaultPreset']
      : [
          `const presetRead = parsePreset(${toJsLiteral(preset)})`,
          "if (!presetRead.ok) throw new Error(`the preset is not valid: ${presetRead.issues.map((i) => i.message).join('; ')}`)",
          'const preset = presetRead.preset',
        ]
  const mapping = replay.calls.map(({ status, request }) => (request ? { status, request } : { status }))
  const outcomes = replay.calls.map(({ outcome }) => outcome)
  const imports = preset === undefined ? 'createSender, defaultPreset, mapCalls, readScript' : 'createSender, mapCalls, parsePreset, readScript'
  return `// Exported from the loops-playground playground. It replays this Datafly.js script and preset through the core
// against the in-process Loops mock and checks what the playground saw: each call's mapping, request body and send
// outcome, then the contacts and events the mock holds. Run it with \`npx vitest run\` (Node 22.12 or newer) after
// \`npm install --save-dev vitest loops-playground\`.
import { ${imports} } from 'loops-playground/core'
import { setupLoopsMock } from 'loops-playground/mock'
import { afterAll, beforeAll, expect, it } from 'vitest'

const script = ${toTemplateLiteral(script)}

${presetLines.join('\n')}

const expectedCalls = ${toJsLiteral(mapping)}

const expectedOutcomes = ${toJsLiteral(outcomes)}

const expectedContacts = ${toJsLiteral(replay.contacts)}

const expectedEvents = ${toJsLiteral(replay.events)}

// one virtual clock for the mock and the sender: pacing and retries advance it instead of waiting
let now = ${REPLAY_START}
const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) }
const { server, mock, apiKey } = setupLoopsMock({ keys: { ${toJsLiteral(REPLAY_KEY)}: ${toJsLiteral(REPLAY_TEAM)} }, clock })
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const results = () => mapCalls(readScript(script).calls, preset)

it('maps each call as the playground previewed it', () => {
  expect(results().map(({ status, request }) => (request ? { status, request: { method: request.method, path: request.path, body: request.body } } : { status }))).toEqual(expectedCalls)
})

it('sends each call with the outcome the playground saw and leaves the same contacts and events in the mock', async () => {
  await mock.ready
  const sender = createSender({ fetch: (request) => fetch(request), baseUrl: 'https://app.loops.so', apiKey, clock, concurrency: 1, timeout: 0 })
  const report = await sender.send(results())
  expect(report.outcomes.map((o) => ('httpStatus' in o && o.httpStatus !== undefined ? { status: o.status, httpStatus: o.httpStatus } : { status: o.status }))).toEqual(expectedOutcomes)
  const stored = mock.contacts(${toJsLiteral(REPLAY_TEAM)})
  const emailOf = new Map(stored.map(({ contact }) => [contact.id, contact.email]))
  expect(stored.map(({ contact }) => Object.fromEntries(Object.entries(contact).filter(([key]) => key !== 'id')))).toEqual(expectedContacts)
  expect(
    mock.events(${toJsLiteral(REPLAY_TEAM)}).map((e) => ({
      email: emailOf.get(e.contactId),
      eventName: e.eventName,
      eventProperties: e.eventProperties,
      contactProperties: e.contactProperties,
      ...(e.idempotencyKey !== undefined ? { idempotencyKey: e.idempotencyKey } : {}),
    })),
  ).toEqual(expectedEvents)
})
`
}
