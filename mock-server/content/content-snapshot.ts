import type { MockState } from '../mock-state.ts'
import { campaignJson } from '../routes/content/campaigns.ts'
import { contentOf, iso, type EmailMessageRecord, type TeamContent } from './content-store.ts'
import { dataVariablesOf, emailMessageJson } from './email-message.ts'
import { syncEventPatterns } from './event-patterns.ts'
import { transactionalMeta } from './transactional-meta.ts'

const email = (m: EmailMessageRecord | undefined) => (m ? { ...emailMessageJson(m), dataVariables: dataVariablesOf(m) } : null)

/** One team's content as `/_mock/content` shows it: campaigns and transactional emails with their LMX, workflows as node lists. */
export function teamSnapshot(state: MockState, content: TeamContent) {
  syncEventPatterns(state, content)
  return {
    team: content.team,
    campaigns: [...content.campaigns.values()].map((c) => ({ ...campaignJson(c), email: email(content.messages.get(c.emailMessageId)) })),
    transactionalEmails: state.db.transactionals
      .findMany((q) => q.where({ team: content.team }))
      .map((t) => {
        const meta = transactionalMeta(state, content, t)
        const draft = meta.draftMessageId === null ? undefined : content.messages.get(meta.draftMessageId)
        const published = meta.publishedMessageId === null ? undefined : content.messages.get(meta.publishedMessageId)
        return { id: t.id, name: t.name, status: t.published ? (draft ? 'published, draft pending' : 'published') : 'draft', sendable: t.published, dataVariables: t.dataVariables, transactionalGroupId: meta.groupId, draft: email(draft), published: email(published) }
      }),
    workflows: [...content.workflows.values()].map((w) => ({
      id: w.id,
      name: w.name,
      description: w.description,
      status: w.status,
      mailingListId: w.mailingListId,
      workflowRevisionId: w.revisionId,
      rootNodeId: w.rootNodeId,
      nodes: [...w.nodes.values()].map((n) => ({ ...n, next: [...n.next], ...(n.emailMessageId ? { subject: content.messages.get(n.emailMessageId)?.subject ?? '' } : {}), queuedContacts: w.queued.get(n.id) ?? 0 })),
      updatedAt: iso(w.updatedAt),
    })),
    campaignGroups: [...content.campaignGroups.values()],
    transactionalGroups: [...content.transactionalGroups.values()],
    themes: [...content.themes.values()],
    components: [...content.components.values()].map((c) => ({ id: c.id, name: c.name, lmx: c.lmx })),
    audienceSegments: [...content.segments.values()],
    eventPatterns: [...content.eventPatterns.values()].map((p) => ({ id: p.id, eventName: p.eventName, eventProperties: Object.fromEntries(p.properties) })),
    previews: content.previews.map((p) => ({ ...p, at: iso(p.at) })),
    uploads: [...contentOf(state).uploads.values()].filter((u) => u.team === content.team).map((u) => ({ id: u.id, contentType: u.contentType, contentLength: u.contentLength, uploaded: u.bytes !== undefined, completed: u.completed, createdAt: iso(u.createdAt) })),
  }
}

export type TeamContentSnapshot = ReturnType<typeof teamSnapshot>
