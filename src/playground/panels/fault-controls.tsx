import type { FaultRule } from '../state/fault-rule.ts'
import { controlMock, faultNotes, mockSnapshot } from '../state/mock-state.ts'

const EVENTS = '/api/v1/events/send'

const FAULTS: { label: string; rule: FaultRule; note: string }[] = [
  { label: 'Force 429 ×3', rule: { path: EVENTS, status: 429, count: 3 }, note: 'The next 3 event sends answer 429.' },
  { label: 'Force 500 ×2', rule: { path: EVENTS, status: 500, count: 2 }, note: 'The next 2 event sends answer 500.' },
  { label: 'Latency 1.5 s ×5', rule: { path: EVENTS, latencyMs: 1500, count: 5 }, note: 'The next 5 event sends wait 1.5 s.' },
]

/** Fault injection for the mock targets, so a user can watch the sender cope. */
export function FaultControls({ apiKey }: { apiKey: string }) {
  return (
    <div class="faults" role="group" aria-label="Fault controls">
      <span class="label">Faults:</span>
      {FAULTS.map((fault) => (
        <button key={fault.label} type="button" class="btn small" onClick={() => void controlMock((api) => api.post('faults', fault.rule), fault.note)}>
          {fault.label}
        </button>
      ))}
      <button
        type="button"
        class="btn small"
        disabled={!apiKey}
        onClick={() => void controlMock((api) => api.delete(`keys/${encodeURIComponent(apiKey)}`), 'The API key in use is revoked: the mock answers 401.')}
      >
        Revoke key
      </button>
      <button type="button" class="btn small" onClick={() => void controlMock((api) => api.delete('faults'), 'Faults cleared.')}>
        Clear faults
      </button>
      <span class="hint" role="status">
        {faultNotes.value.at(-1) ?? ''} {mockSnapshot.value?.faults.length ? `(${mockSnapshot.value.faults.length} armed)` : ''}
      </span>
    </div>
  )
}
