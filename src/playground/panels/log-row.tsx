import { useState } from 'preact/hooks'
import type { Attempt, Exchange, LogRow } from '../state/event-log.ts'
import { outcomeOf } from '../state/outcome-of.ts'
import { timeOf } from './time-of.ts'

const pretty = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
const headerLines = (headers: Record<string, string>): string => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n')

function AttemptView({ attempt, exchange }: { attempt: Attempt; exchange: Exchange | undefined }) {
  return (
    <div class="attempt">
      <div>
        Attempt {attempt.n} · {attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.message ?? 'no answer yet')}
        {attempt.durationMs !== undefined && ` · ${Math.round(attempt.durationMs)} ms`}
        {attempt.retry && ` · retry in ${Math.round(attempt.retry.delayMs)} ms (${attempt.retry.reason})`}
      </div>
      {attempt.message && attempt.status !== undefined && <div class="reason">{attempt.message}</div>}
      {exchange && (
        <>
          <pre aria-label="Raw request">{`${exchange.request.method} ${exchange.request.url}\n${headerLines(exchange.request.headers)}\n\n${pretty(exchange.request.body)}`}</pre>
          <pre aria-label="Raw response">
            {exchange.response
              ? `HTTP ${exchange.response.status} · ${exchange.latencyMs} ms\n${headerLines(exchange.response.headers)}\n\n${pretty(exchange.response.body)}`
              : `No response: ${exchange.error ?? 'unknown'} · ${exchange.latencyMs} ms`}
          </pre>
        </>
      )}
    </div>
  )
}

/** One event of a Send: time, name, outcome; expands to every attempt with the raw exchange. */
export function LogRowView({ row, done }: { row: LogRow; done: boolean }) {
  const [open, setOpen] = useState(false)
  const outcome = outcomeOf(row, done)
  return (
    <li class="log-row" data-outcome={outcome.label}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="time">{timeOf(row.attempts[0]?.at ?? row.at)}</span>
        <span class="name" title={`${row.name} ${row.call}`}>
          {row.name} <span class="hint">{row.call}</span>
        </span>
        <span class={`chip ${outcome.chip}`}>{outcome.label}</span>
      </button>
      {open && (
        <div class="log-detail">
          <p class="full-name">
            {row.name} <span class="hint">{row.call}</span>
          </p>
          {outcome.reason && <p class="reason">{outcome.reason}</p>}
          {row.attempts.map((attempt) => (
            <AttemptView key={attempt.n} attempt={attempt} exchange={row.exchanges[attempt.n - 1]} />
          ))}
        </div>
      )}
    </li>
  )
}
