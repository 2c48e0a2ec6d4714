import type { Timeline } from './build-timeline.ts'
import { ATTEMPT_COLOURS, ATTEMPT_LABELS, escapeXml, renderTimelineSvg } from './render-timeline-svg.ts'

/** A self-contained HTML page (inline SVG and CSS, no script, no network) with a send's timeline and its counts. */
export function renderTimelinePage(timeline: Timeline, title = 'loops-playground send timeline'): string {
  const counts = Object.entries(timeline.outcomes)
    .map(([status, n]) => `<tr><td>${escapeXml(status)}</td><td>${n}</td></tr>`)
    .join('')
  const byClass = new Map<string, number>()
  for (const a of timeline.attempts) byClass.set(a.class, (byClass.get(a.class) ?? 0) + 1)
  const legend = (Object.keys(ATTEMPT_COLOURS) as (keyof typeof ATTEMPT_COLOURS)[])
    .map((c) => `<li><span class="swatch" style="background:${ATTEMPT_COLOURS[c]}"></span>${escapeXml(ATTEMPT_LABELS[c])} (${byClass.get(c) ?? 0})</li>`)
    .join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:18px}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.chart{overflow-x:auto}
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p>${timeline.total} events, ${timeline.attempts.length} attempts, ${(timeline.durationMs / 1000).toFixed(2)} s on the sender's clock. ${timeline.truncated ? `Only the first marks are drawn: ${timeline.truncated} more attempts and waits are counted but not drawn. ` : ''}Hover a mark for its event, attempt, status and timing. Light bars are waits: blue rate spacing, orange backoff before a retry, yellow (full height) a pause for Retry-After or a spent rate-limit window.</p>
<ul class="legend">${legend}</ul>
<table><thead><tr><th>outcome</th><th>events</th></tr></thead><tbody>${counts}</tbody></table>
<div class="chart">${renderTimelineSvg(timeline)}</div>
</body>
</html>
`
}
