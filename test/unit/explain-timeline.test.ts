import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMock } from '../../mock-server/index.ts'
import { buildTimeline } from '../../src/core/explain/build-timeline.ts'
import { renderTimelinePage } from '../../src/core/explain/render-timeline-page.ts'
import { renderTimelineSvg } from '../../src/core/explain/render-timeline-svg.ts'
import { createSender, type SenderEvent } from '../../src/core/index.ts'
import { createFakeClock } from './sender-fake-clock.ts'
import { readyResults, scriptedFetch, loopsResponse } from './sender-fixtures.ts'

const KEY = 'd2d561f5ff80136f69b4b5a31b9fb3c9'

/** A real run of the sender against the in-process mock on a fake clock, recorded event by event. */
async function recordRun(count: number, faults: (mock: ReturnType<typeof createMock>) => void = () => {}) {
  const clock = createFakeClock(Date.UTC(2026, 10, 29, 12))
  const mock = createMock({ keys: { [KEY]: 'Acme' }, clock: { now: () => clock.now() }, rateLimit: 10, random: () => 0 })
  await mock.ready
  faults(mock)
  const events: SenderEvent[] = []
  const fetch = async (request: Request): Promise<Response> => (await getResponse(mock.handlers, request)) ?? new Response('none', { status: 404 })
  await createSender({ fetch, baseUrl: 'http://loops.mock', apiKey: KEY, clock, rate: 10, timeout: 0, random: () => 0.5, onEvent: (e) => events.push(e) }).send(readyResults(count))
  return events
}

describe('buildTimeline', () => {
  it('has one mark per attempt the run made, with the status the mock answered', async () => {
    const events = await recordRun(12, (mock) => {
      mock.addFault({ path: '/api/v1/events/send', status: 500, count: 2 })
      mock.addFault({ path: '/api/v1/events/send', status: 429, count: 1 })
    })
    const timeline = buildTimeline(events)
    const attempts = events.filter((e) => e.type === 'attempt')
    expect(timeline.attempts).toHaveLength(attempts.length)
    expect(timeline.attempts.map((a) => [a.index, a.attempt])).toEqual(attempts.map((a) => [a.index, a.attempt]))
    const statuses = timeline.attempts.map((a) => a.status)
    expect(statuses.filter((s) => s === 500)).toHaveLength(2)
    expect(statuses.filter((s) => s === 429)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(12)
    expect(timeline.attempts.filter((a) => a.class === 'server-error')).toHaveLength(2)
    expect(timeline.outcomes).toEqual({ delivered: 12 })
  })

  it('records backoff waits for retries and the budget the mock reported', async () => {
    const events = await recordRun(5, (mock) => mock.addFault({ path: '/api/v1/events/send', status: 500, count: 1 }))
    const timeline = buildTimeline(events)
    const retries = events.filter((e) => e.type === 'retry')
    expect(timeline.waits.filter((w) => w.kind === 'backoff').map((w) => w.end - w.start)).toEqual(retries.map((r) => r.delayMs))
    expect(timeline.limit).toBe(10)
    expect(timeline.budget.length).toBeGreaterThan(0)
    expect(Math.min(...timeline.budget.map((p) => p.value))).toBeGreaterThanOrEqual(0)
  })

  it('shows rate spacing and a queue that drains to zero for a burst at the limit', async () => {
    const events = await recordRun(30)
    const timeline = buildTimeline(events)
    expect(timeline.queue[0]?.value).toBeGreaterThan(0)
    expect(timeline.queue.at(-1)?.value).toBe(0)
    expect(timeline.waits.some((w) => w.kind === 'spacing')).toBe(true)
    // 30 events at 10/s take about three seconds on the sender's clock
    expect(timeline.durationMs).toBeGreaterThan(2500)
  })

  it('keeps at most maxMarks marks for a long run while counting every outcome', async () => {
    const events = await recordRun(30)
    const timeline = buildTimeline(events, { maxMarks: 10 })
    expect(timeline.attempts.length + timeline.waits.length).toBeLessThanOrEqual(10)
    expect(timeline.truncated).toBeGreaterThan(0)
    expect(timeline.outcomes).toEqual({ delivered: 30 })
    expect(renderTimelinePage(timeline)).toContain('more attempts and waits are counted but not drawn')
  })

  it('classes a network error mark apart from an HTTP failure', async () => {
    const clock = createFakeClock()
    const { fetch } = scriptedFetch([() => new TypeError('fetch failed'), () => loopsResponse(200, { success: true })])
    const events: SenderEvent[] = []
    await createSender({ fetch, baseUrl: 'http://x', apiKey: KEY, clock, timeout: 0, random: () => 0.5, onEvent: (e) => events.push(e) }).send(readyResults(1))
    expect(buildTimeline(events).attempts.map((a) => a.class)).toEqual(['network', 'ok'])
  })
})

describe('renderTimelineSvg', () => {
  it('draws one attempt mark per attempt, coloured by class, and stays a bounded size for 500 events', async () => {
    const events = await recordRun(500)
    const timeline = buildTimeline(events)
    const svg = renderTimelineSvg(timeline)
    expect(svg.match(/class="attempt /g)).toHaveLength(timeline.attempts.length)
    expect(svg.match(/class="attempt attempt-ok"/g)).toHaveLength(500)
    const height = Number(/height="(\d+(?:\.\d+)?)" role="img"/.exec(svg)?.[1])
    expect(height).toBeLessThan(1000)
  }, 30_000)

  it('escapes text so a reason cannot break the page', () => {
    const svg = renderTimelineSvg({ startedAt: 0, durationMs: 10, total: 1, attempts: [], waits: [{ start: 0, end: 5, kind: 'paused', reason: '<script>x</script>' }], budget: [], queue: [], outcomes: {} })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
  })
})

describe('renderTimelinePage', () => {
  it('is a self-contained page: no script and no external resource', async () => {
    const page = renderTimelinePage(buildTimeline(await recordRun(3)))
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).not.toMatch(/<script|src=|href=/i)
    expect(page).toContain('<svg')
  })
})
