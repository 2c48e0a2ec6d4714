import { revealPanel } from '../layout/active-panel.ts'
import { runs } from '../state/event-log.ts'
import { runSummary } from '../state/run-summary.ts'

/** The latest Send's outcome beside the Send button, on every screen size; it opens the Event log. */
export function LatestOutcome() {
  const run = runs.value[0]
  if (!run) return null
  const failed = run.done && run.rows.some((row) => row.outcome?.status === 'failed' || !row.outcome)
  const text = run.done ? runSummary(run) || 'nothing to send' : 'sending…'
  return (
    <button
      type="button"
      class={`btn latest-outcome${failed ? ' has-failed' : ''}`}
      aria-label={`Latest send: ${text}. Show the Event log`}
      title="Show this Send in the Event log"
      onClick={() => revealPanel('log')}
    >
      <span aria-hidden="true">
        Send #{run.id}: {text}
      </span>
    </button>
  )
}
