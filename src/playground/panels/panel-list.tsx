import { ClayPanel } from '../clay/clay-panel.tsx'
import type { PanelEntry } from '../layout/panel-entry.ts'
import { ComparePanel } from './compare-panel.tsx'
import { EventLogPanel } from './event-log-panel.tsx'
import { MockStatePanel } from './mock-state-panel.tsx'
import { PresetPanel } from './preset-panel.tsx'
import { RequestPanel } from './request-panel.tsx'
import { ScriptPanel } from './script-panel.tsx'
import { TimelinePanel } from './timeline-panel.tsx'
import { WebhooksPanel } from './webhooks-panel.tsx'

/**
 * Every pane of the playground, in order. A new panel is one entry here: its group decides where it sits
 * (a column on wide screens, a tab on narrow ones); nothing else needs to change.
 */
export const PANELS: readonly PanelEntry[] = [
  { id: 'script', title: 'Script', group: 'source', weight: 3, render: (c) => <ScriptPanel onSubmit={c.send} onReady={() => c.onEditorReady('script')} /> },
  { id: 'preset', title: 'Preset', group: 'source', weight: 2, render: (c) => <PresetPanel onSubmit={c.send} /> },
  { id: 'request', title: 'Loops request', group: 'preview', weight: 3, render: (c) => <RequestPanel onReady={() => c.onEditorReady('request')} /> },
  { id: 'clay', title: 'Clay table', group: 'preview', weight: 1, render: () => <ClayPanel /> },
  { id: 'compare', title: 'Compare with Default', group: 'preview', weight: 1, folded: true, render: () => <ComparePanel /> },
  { id: 'log', title: 'Event log', group: 'outcome', weight: 3, render: () => <EventLogPanel /> },
  { id: 'mock', title: 'Mock state', group: 'outcome', weight: 2, render: () => <MockStatePanel /> },
  { id: 'webhooks', title: 'Webhooks', group: 'outcome', weight: 2, render: () => <WebhooksPanel /> },
  { id: 'timeline', title: 'Send timeline', group: 'outcome', weight: 2, folded: true, render: () => <TimelinePanel /> },
]
