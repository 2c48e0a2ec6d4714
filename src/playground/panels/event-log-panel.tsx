import { runs } from '../state/event-log.ts'
import { runSummary } from '../state/run-summary.ts'
import { LogRowView } from './log-row.tsx'
import { Panel } from './panel.tsx'
import { timeOf } from './time-of.ts'

/** One row per event of every Send, newest Send first. */
export function EventLogPanel() {
  const list = runs.value
  return (
    <Panel
      label="Event log"
      area="log"
      actions={
        <button type="button" class="btn small" disabled={list.length === 0} onClick={() => (runs.value = [])}>
          Clear
        </button>
      }
    >
      <div class="scroll">
        {list.length === 0 && (
          <p class="empty">
            Nothing sent yet. Press <strong>Send</strong> (or Ctrl/Cmd+Enter): each event appears here with its outcome;
            click a row for every attempt, its delay and the raw request and response.
          </p>
        )}
        {list.map((run) => (
          <div class="log-run" key={run.id} data-run={run.id} data-done={run.done}>
            <div class="run-head">
              <strong>Send #{run.id}</strong>
              <span class="run-time">{timeOf(run.startedAt)}</span>
              <span>→ {run.target}</span>
              <span class="spacer" />
              <span class="run-summary">{run.done ? runSummary(run) : 'sending…'}</span>
            </div>
            {run.notes.map((note, i) => (
              <div key={i} class={`notice ${note.tone}`} role={note.tone === 'error' ? 'alert' : 'status'}>
                <p>
                  {note.text}
                  {note.count !== undefined && note.count > 1 && <span class="note-count"> (×{note.count})</span>}
                </p>
              </div>
            ))}
            <ul class="rows">
              {run.rows.map((row) => (
                <LogRowView key={row.index} row={row} done={run.done} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Panel>
  )
}
