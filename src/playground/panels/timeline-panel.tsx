import { useMemo } from 'preact/hooks'
import { buildTimeline } from '../../core/explain/build-timeline.ts'
import { renderTimelineSvg } from '../../core/explain/render-timeline-svg.ts'
import { runs } from '../state/event-log.ts'
import { senderEventsOf, sendEventsVersion } from '../state/send-events.ts'
import { Panel } from './panel.tsx'

/**
 * The latest Send on the sender's clock: each attempt as a mark coloured by outcome, the waits between them (rate
 * spacing, backoff, Retry-After pauses), the rate-limit budget and the queue depth. The SVG comes from the core
 * renderer (all text escaped there), the same picture `send --timeline` writes.
 */
export function TimelinePanel() {
  const latest = runs.value[0]
  const version = sendEventsVersion.value
  const svg = useMemo(() => {
    if (!latest) return undefined
    const events = senderEventsOf(latest.id)
    return events.length === 0 ? undefined : { markup: renderTimelineSvg(buildTimeline(events)), attempts: events.filter((e) => e.type === 'attempt').length }
  }, [latest?.id, version])
  return (
    <Panel label="Send timeline" area="timeline" hint={latest ? `Send #${latest.id}${svg ? ` · ${svg.attempts} attempts` : ''}` : undefined}>
      <div class="scroll timeline">
        {!svg && (
          <p class="empty">
            Send something: each attempt appears here on the sender's clock, coloured by its answer (200, 409, 429, 5xx,
            network), with the waits between attempts, the rate-limit budget and the queue.
          </p>
        )}
        {svg && <div class="timeline-chart" data-testid="timeline-chart" dangerouslySetInnerHTML={{ __html: svg.markup }} />}
      </div>
    </Panel>
  )
}
