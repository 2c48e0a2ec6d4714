import type { RequestView } from '../state/mock-state.ts'
import { timeOf } from './time-of.ts'

/** The mock's request log, newest first. */
export function MockRequests({ requests }: { requests: RequestView[] }) {
  if (requests.length === 0) return <p class="empty">No requests yet.</p>
  return (
    <ul class="rows" aria-label="Requests">
      {requests
        .slice(-200)
        .toReversed()
        .map((request, i) => (
          <li class="req-row" key={i}>
            <span class="hint mono">{timeOf(request.at)}</span>
            <span class={`mono status-${String(request.status)[0]}`}>{request.status}</span>
            <span class="mono">{request.method}</span>
            <span class="path" title={request.path}>
              {request.path}
            </span>
          </li>
        ))}
    </ul>
  )
}
