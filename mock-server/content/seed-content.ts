import type { MockState } from '../mock-state.ts'
import type { CampaignRecord, TeamContent } from './content-store.ts'
import { compileLmx, createEmailMessage } from './email-message.ts'
import { newWorkflowGraph } from './workflow-graph.ts'

/** Puts the seed's content (themes, components, campaigns with their email, workflows) into a new team's content. */
export function seedContent(state: MockState, content: TeamContent): void {
  const seed = state.seed.content
  if (!seed) return
  const now = state.clock.now()
  for (const t of seed.themes ?? []) {
    const id = t.id ?? state.newId()
    content.themes.set(id, { id, name: t.name, styles: { ...t.styles }, isDefault: false, createdAt: now, updatedAt: now })
  }
  for (const c of seed.components ?? []) {
    const id = c.id ?? state.newId()
    content.components.set(id, { id, name: c.name, lmx: c.lmx, doc: compileLmx(c.lmx, content, { component: true }), createdAt: now })
  }
  const group = [...content.campaignGroups.values()].find((g) => g.reserved)?.id ?? ''
  for (const c of seed.campaigns ?? []) {
    const id = c.id ?? state.newId()
    const message = createEmailMessage(state, content, { kind: 'campaign', id })
    message.subject = c.subject ?? ''
    if (c.lmx !== undefined) {
      message.lmx = c.lmx
      message.doc = compileLmx(c.lmx, content)
    }
    const campaign: CampaignRecord = { id, name: c.name, status: 'Draft', emailMessageId: message.id, campaignGroupId: group, mailingListId: null, audienceSegmentId: null, audienceFilter: null, scheduling: { method: 'now', timestamp: null }, createdAt: now, updatedAt: now }
    content.campaigns.set(id, campaign)
  }
  for (const w of seed.workflows ?? []) {
    const id = w.id ?? state.newId()
    content.workflows.set(id, { id, name: w.name, description: w.description ?? '', mailingListId: null, status: 'Draft', revisionId: state.newId(), ...newWorkflowGraph(state.newId), queued: new Map(), createdAt: now, updatedAt: now })
  }
}
