import { browserMockLimit, setBrowserMockLimit } from '../mock/start-in-browser-mock.ts'
import type { FaultRule } from '../../../mock-server/types.ts'
import { controlMock, faultNotes, mockSnapshot, refreshMock } from '../state/mock-state.ts'
import { target } from '../state/target.ts'

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
        onClick={() => void controlMock((api) => api.post('keys/revoke', { key: apiKey }), 'The API key in use is revoked: the mock answers 401.')}
      >
        Revoke key
      </button>
      <button type="button" class="btn small" onClick={() => void controlMock((api) => api.delete('faults'), 'Faults cleared.')}>
        Clear faults
      </button>
      {target.value === 'browser-mock' && (
        <span class="field">
          <label for="mock-limit">Limit</label>
          <select
            id="mock-limit"
            value={String(browserMockLimit.value)}
            title="The in-browser mock's rate limit; changing it starts a fresh mock"
            onChange={(e) => {
              const limit = Number(e.currentTarget.value)
              void setBrowserMockLimit(limit).then(() => {
                faultNotes.value = [...faultNotes.value.slice(-4), `A fresh mock at ${limit} requests per second.`]
                return refreshMock()
              })
            }}
          >
            {[10, 5, 2].map((n) => (
              <option key={n} value={String(n)}>
                {n}/s{n === 10 ? ' (Loops)' : ''}
              </option>
            ))}
            {![10, 5, 2].includes(browserMockLimit.value) && <option value={String(browserMockLimit.value)}>{browserMockLimit.value}/s</option>}
          </select>
        </span>
      )}
      <span class="hint" role="status">
        {faultNotes.value.at(-1) ?? ''} {mockSnapshot.value?.faults.length ? `(${mockSnapshot.value.faults.length} armed)` : ''}
      </span>
    </div>
  )
}
