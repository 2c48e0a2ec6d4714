import type { AttemptClass, Timeline, TimelinePoint } from './build-timeline.ts'

export const ATTEMPT_COLOURS: Readonly<Record<AttemptClass, string>> = {
  ok: '#2e9d57',
  duplicate: '#7b61ff',
  'rate-limited': '#e8a317',
  'server-error': '#d64541',
  rejected: '#b5651d',
  network: '#4a4a4a',
  pending: '#9e9e9e',
}

export const ATTEMPT_LABELS: Readonly<Record<AttemptClass, string>> = {
  ok: '2xx delivered',
  duplicate: '409 duplicate',
  'rate-limited': '429 rate limited',
  'server-error': '5xx',
  rejected: '4xx rejected',
  network: 'network error / timeout',
  pending: 'no answer yet',
}

const WAIT_COLOURS = { spacing: '#c9d6e8', backoff: '#f3c58a', paused: '#f6e3a1' } as const

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const WIDTH = 960
const LEFT = 56
const RIGHT = 16
const LANE = 70

/** A step in seconds that gives 4–10 ticks over the duration. */
function tickStep(ms: number): number {
  for (const step of [100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000]) {
    if (ms / step <= 10) return step
  }
  return 3_600_000
}

const fmt = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`)

/**
 * Draws a timeline as one SVG (no script, no external resources): every attempt as a mark on its event's row,
 * coloured by outcome; waits behind them (rate spacing, backoff, pauses for Retry-After or a spent window); then the
 * rate-limit budget and the queue depth as step lines on the same time axis. Readable from 1 to thousands of events:
 * the event rows are squeezed into at most 600 pixels.
 */
export function renderTimelineSvg(timeline: Timeline): string {
  const duration = Math.max(timeline.durationMs, 1)
  const plot = WIDTH - LEFT - RIGHT
  const x = (ms: number): number => LEFT + (Math.min(Math.max(ms, 0), duration) / duration) * plot
  const rows = Math.max(timeline.total, 1 + Math.max(-1, ...timeline.attempts.map((a) => a.index)))
  const eventsHeight = Math.min(600, Math.max(120, rows * 4))
  const rowHeight = eventsHeight / Math.max(rows, 1)
  const markHeight = Math.max(1, Math.min(10, rowHeight * 0.8))
  const y = (index: number): number => 24 + index * rowHeight + (rowHeight - markHeight) / 2
  const budgetTop = 24 + eventsHeight + 30
  const queueTop = budgetTop + LANE + 30
  const height = queueTop + LANE + 30
  const parts: string[] = []

  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Send timeline: ${timeline.attempts.length} attempts for ${timeline.total} events over ${escapeXml(fmt(timeline.durationMs))}" font-family="system-ui, sans-serif" font-size="11">`)
  parts.push(`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#fff"/>`)
  parts.push(`<text x="${LEFT}" y="14" font-weight="600">Events (rows) over time: each mark is an attempt</text>`)

  for (const wait of timeline.waits) {
    const x0 = x(wait.start)
    const w = Math.max(0.5, x(wait.end) - x0)
    const title = `<title>${escapeXml(`${wait.kind === 'spacing' ? 'rate spacing' : wait.kind} ${fmt(wait.end - wait.start)}${wait.index !== undefined ? ` (event ${wait.index})` : ''}: ${wait.reason}`)}</title>`
    if (wait.index === undefined) parts.push(`<rect class="wait wait-${wait.kind}" x="${x0.toFixed(1)}" y="24" width="${w.toFixed(1)}" height="${eventsHeight.toFixed(1)}" fill="${WAIT_COLOURS[wait.kind]}" opacity="0.6">${title}</rect>`)
    else parts.push(`<rect class="wait wait-${wait.kind}" x="${x0.toFixed(1)}" y="${y(wait.index).toFixed(1)}" width="${w.toFixed(1)}" height="${markHeight.toFixed(1)}" fill="${WAIT_COLOURS[wait.kind]}">${title}</rect>`)
  }
  for (const a of timeline.attempts) {
    const x0 = x(a.start)
    const w = Math.max(2, x(a.end) - x0)
    const title = `event ${a.index}, attempt ${a.attempt}: ${a.status ?? ATTEMPT_LABELS[a.class]} at ${fmt(a.start)} (${a.end - a.start} ms)`
    parts.push(`<rect class="attempt attempt-${a.class}" data-index="${a.index}" data-attempt="${a.attempt}" x="${x0.toFixed(1)}" y="${y(a.index).toFixed(1)}" width="${w.toFixed(1)}" height="${markHeight.toFixed(1)}" fill="${ATTEMPT_COLOURS[a.class]}"><title>${escapeXml(title)}</title></rect>`)
  }
  parts.push(axis(24 + eventsHeight, duration, x))

  const budgetMax = Math.max(timeline.limit ?? 0, ...timeline.budget.map((p) => p.value), 1)
  parts.push(`<text x="${LEFT}" y="${budgetTop - 8}" font-weight="600">Rate-limit budget (x-ratelimit-remaining${timeline.limit !== undefined ? `, limit ${timeline.limit}` : ''})</text>`)
  parts.push(stepLine(timeline.budget, budgetTop, budgetMax, duration, x, '#3b6fb6', 'budget'))
  parts.push(`<text x="${LEFT}" y="${queueTop - 8}" font-weight="600">Queue depth (events waiting to be sent)</text>`)
  const queueMax = Math.max(1, ...timeline.queue.map((p) => p.value))
  parts.push(stepLine(timeline.queue, queueTop, queueMax, duration, x, '#8e44ad', 'queue'))
  parts.push(axis(queueTop + LANE, duration, x))
  parts.push('</svg>')
  return parts.join('\n')
}

function stepLine(points: readonly TimelinePoint[], top: number, max: number, duration: number, x: (ms: number) => number, colour: string, name: string): string {
  const yOf = (v: number): number => top + LANE - (v / max) * LANE
  const out = [`<rect x="${LEFT}" y="${top}" width="${WIDTH - LEFT - RIGHT}" height="${LANE}" fill="#fafafa" stroke="#e0e0e0"/>`]
  out.push(`<text x="${LEFT - 6}" y="${top + 10}" text-anchor="end">${max}</text><text x="${LEFT - 6}" y="${top + LANE}" text-anchor="end">0</text>`)
  if (points.length === 0) {
    out.push(`<text x="${LEFT + 8}" y="${top + LANE / 2 + 4}" fill="#777">no data in this run</text>`)
    return out.join('')
  }
  let d = `M${x(points[0]?.at ?? 0).toFixed(1)},${yOf(points[0]?.value ?? 0).toFixed(1)}`
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as TimelinePoint
    d += `H${x(p.at).toFixed(1)}V${yOf(p.value).toFixed(1)}`
  }
  d += `H${x(duration).toFixed(1)}`
  out.push(`<path class="${name}" d="${d}" fill="none" stroke="${colour}" stroke-width="1.5"/>`)
  return out.join('')
}

function axis(top: number, duration: number, x: (ms: number) => number): string {
  const step = tickStep(duration)
  const out = [`<line x1="${LEFT}" y1="${top}" x2="${WIDTH - RIGHT}" y2="${top}" stroke="#999"/>`]
  for (let ms = 0; ms <= duration; ms += step) {
    out.push(`<line x1="${x(ms).toFixed(1)}" y1="${top}" x2="${x(ms).toFixed(1)}" y2="${top + 4}" stroke="#999"/><text x="${x(ms).toFixed(1)}" y="${top + 15}" text-anchor="middle" fill="#555">${fmt(ms)}</text>`)
  }
  return out.join('')
}
