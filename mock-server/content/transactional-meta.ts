import type { TransactionalRecord } from '../db.ts'
import type { MockState } from '../mock-state.ts'
import type { TeamContent, TransactionalMeta } from './content-store.ts'
import { compileLmx, createEmailMessage } from './email-message.ts'

/**
 * The content-API side of a transactional email. Emails made by the seed get theirs on first use: a published
 * message (or a draft, for unpublished ones) whose LMX uses each seeded data variable, optional ones with a fallback.
 */
export function transactionalMeta(state: MockState, content: TeamContent, record: TransactionalRecord): TransactionalMeta {
  let meta = content.transactionals.get(record.id)
  if (meta) return meta
  const groupId = [...content.transactionalGroups.values()].find((g) => g.reserved)?.id ?? ''
  const message = createEmailMessage(state, content, { kind: 'transactional', id: record.id })
  const lmx = record.dataVariables.map((v) => `<Paragraph>${v.name}: {data.${v.name}}</Paragraph>`).join('\n')
  message.subject = record.name
  message.fromName = 'Mock Team'
  message.fromEmail = 'hello'
  message.lmx = lmx
  message.doc = compileLmx(lmx, content)
  for (const v of record.dataVariables) if (!v.required) message.dataVariablesFallbacks[v.name] = ''
  meta = { id: record.id, groupId, draftMessageId: record.published ? null : message.id, publishedMessageId: record.published ? message.id : null }
  content.transactionals.set(record.id, meta)
  return meta
}
