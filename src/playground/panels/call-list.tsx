import type { MapResult } from '../../core/index.ts'
import { describeCall, lineOf } from '../state/describe-call.ts'
import { mapping } from '../state/mapping.ts'
import { toCurl } from '../state/to-curl.ts'
import { ClampText } from './clamp-text.tsx'

function whyOf(result: MapResult): string {
  if (result.status === 'skipped') return result.reason ?? ''
  if (result.status === 'invalid') return result.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' ')
  const body = result.request?.body as { eventName?: unknown } | undefined
  const to = typeof body?.eventName === 'string' ? ` → ${body.eventName}` : ''
  const warnings = result.issues.filter((i) => i.severity === 'warning').length
  return `${result.request?.method ?? ''} ${result.request?.path ?? ''}${to}${warnings ? ` · ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`
}

function CopyCurl({ text }: { text: string }) {
  return (
    <button
      type="button"
      class="btn link small-link"
      title="Copy this request as a curl command for real Loops (the key stays in $LOOPS_API_KEY)"
      onClick={() => void navigator.clipboard.writeText(text).catch(() => undefined)}
    >
      copy as curl
    </button>
  )
}

/** Every call with its status: ready, skipped (with the reason) or invalid (with the issues). */
export function CallList() {
  const { results, calls } = mapping.value
  return (
    <ul class="calls" aria-label="Calls">
      {results.map((result) => {
        const line = lineOf(calls[result.source.index])
        return (
          <li key={result.source.index} data-status={result.status}>
            <span class={`chip ${result.status}`}>{result.status}</span>
            <span class="what">
              {describeCall(result)}
              {line && <span class="why"> · {line}</span>}
              {result.request && result.status === 'ready' && <CopyCurl text={toCurl(result.request)} />}
              <br />
              <ClampText class="why" text={whyOf(result)} />
            </span>
          </li>
        )
      })}
    </ul>
  )
}

/** `2 ready · 1 skipped` chips for the panel heading. */
export function StatusSummary() {
  const counts = { ready: 0, skipped: 0, invalid: 0 }
  for (const result of mapping.value.results) counts[result.status] += 1
  return (
    <span class="summary" aria-label="Call summary">
      {(['ready', 'skipped', 'invalid'] as const)
        .filter((status) => counts[status] > 0)
        .map((status) => (
          <span key={status} class={`chip ${status}`}>
            {counts[status]} {status}
          </span>
        ))}
    </span>
  )
}
