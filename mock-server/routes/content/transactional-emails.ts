import { iso, type TeamContent } from '../../content/content-store.ts'
import { publishProblem } from '../../content/publish-check.ts'
import { createEmailMessage, dataVariablesOf } from '../../content/email-message.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { atLeastOne, onlyKeys, readString } from '../../content/read-fields.ts'
import { transactionalMeta } from '../../content/transactional-meta.ts'
import type { TransactionalRecord } from '../../db.ts'
import { badRequest, LoopsRequestError } from '../../loops-request-error.ts'
import type { MockState } from '../../mock-state.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { appUrl, contentRoute, created, notFound } from './content-route.ts'

function resourceJson(state: MockState, content: TeamContent, t: TransactionalRecord): Record<string, unknown> {
  const meta = transactionalMeta(state, content, t)
  return {
    id: t.id,
    url: appUrl('transactional', t.id),
    name: t.name,
    draftEmailMessageId: meta.draftMessageId,
    publishedEmailMessageId: meta.publishedMessageId,
    transactionalGroupId: meta.groupId,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    dataVariables: t.published ? t.dataVariables.map((v) => v.name) : [],
  }
}

function draftJson(state: MockState, content: TeamContent, t: TransactionalRecord): Record<string, unknown> {
  const json = resourceJson(state, content, t)
  const draftId = json.draftEmailMessageId as string | null
  return { ...json, draftEmailMessageContentRevisionId: draftId === null ? null : (content.messages.get(draftId)?.contentRevisionId ?? null) }
}

function findTransactional(state: MockState, team: string, id: string): TransactionalRecord {
  const record = state.db.transactionals.findFirst((q) => q.where({ team, id }))
  if (!record) throw notFound('Transactional email', id)
  return record
}

function readGroup(content: TeamContent, json: Record<string, unknown>): string | undefined {
  const groupId = readString(json, 'transactionalGroupId', { nonEmpty: true })
  if (groupId !== undefined && !content.transactionalGroups.has(groupId)) throw badRequest(`Transactional group not found: no group with the ID "${groupId}".`)
  return groupId
}

async function setRecord(state: MockState, id: string, change: (r: TransactionalRecord) => void): Promise<TransactionalRecord> {
  await state.db.transactionals.update((q) => q.where({ id }), { data: (r) => void change(r) })
  return state.db.transactionals.findFirst((q) => q.where({ id })) as TransactionalRecord
}

export const transactionalEmailRoutes: Route[] = [
  contentRoute('transactional-emails', {
    GET: ({ state, team, url }, content) => {
      const all = newestFirst(new Map(state.db.transactionals.findMany((q) => q.where({ team })).map((t) => [t.id, t])))
      return paginate(url, all, (t) => resourceJson(state, content, t))
    },
    POST: async ({ state, team, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'transactionalGroupId'])
      const name = readString(json, 'name', { required: true, max: 255 })
      const groupId = readGroup(content, json)
      return state.lock.run(async () => {
        const now = state.clock.now()
        const record = await state.db.transactionals.create({ id: state.newId(), team, name, dataVariables: [], published: false, createdAt: now, updatedAt: now })
        const message = createEmailMessage(state, content, { kind: 'transactional', id: record.id })
        content.transactionals.set(record.id, { id: record.id, groupId: groupId ?? ([...content.transactionalGroups.values()].find((g) => g.reserved)?.id ?? ''), draftMessageId: message.id, publishedMessageId: null })
        return created(draftJson(state, content, record))
      })
    },
  }),
  contentRoute('transactional-emails/{transactionalId}', {
    GET: ({ state, team, params }, content) => ok(resourceJson(state, content, findTransactional(state, team, params.transactionalId ?? ''))),
    POST: async ({ state, team, params, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'transactionalGroupId'])
      atLeastOne(json, ['name', 'transactionalGroupId'])
      const name = readString(json, 'name', { max: 255, nonEmpty: true })
      const groupId = readGroup(content, json)
      return state.lock.run(async () => {
        const record = findTransactional(state, team, params.transactionalId ?? '')
        const meta = transactionalMeta(state, content, record)
        if (groupId !== undefined) meta.groupId = groupId
        const next = await setRecord(state, record.id, (r) => {
          if (name !== undefined) r.name = name
          r.updatedAt = state.clock.now()
        })
        return ok(resourceJson(state, content, next))
      })
    },
  }),
  contentRoute('transactional-emails/{transactionalId}/draft', {
    POST: ({ state, team, params }, content) => {
      const record = findTransactional(state, team, params.transactionalId ?? '')
      const meta = transactionalMeta(state, content, record)
      if (meta.draftMessageId === null) {
        const published = meta.publishedMessageId === null ? undefined : content.messages.get(meta.publishedMessageId)
        meta.draftMessageId = createEmailMessage(state, content, { kind: 'transactional', id: record.id }, published).id
      }
      return ok(draftJson(state, content, record))
    },
  }),
  contentRoute('transactional-emails/{transactionalId}/publish', {
    POST: ({ state, team, params }, content) =>
      state.lock.run(async () => {
        const record = findTransactional(state, team, params.transactionalId ?? '')
        const meta = transactionalMeta(state, content, record)
        const draft = meta.draftMessageId === null ? undefined : content.messages.get(meta.draftMessageId)
        if (!draft) throw new LoopsRequestError(409, `No draft to publish: transactional email "${record.id}" has no draft email message (create one with POST /v1/transactional-emails/${record.id}/draft).`)
        const problem = publishProblem(state, content, draft)
        if (problem !== undefined) throw new LoopsRequestError(422, `Draft failed validation: ${problem}`)
        meta.publishedMessageId = draft.id
        meta.draftMessageId = null
        const vars = dataVariablesOf(draft)
        const next = await setRecord(state, record.id, (r) => {
          r.published = true
          r.dataVariables = vars
          r.updatedAt = state.clock.now()
        })
        return ok(resourceJson(state, content, next))
      }),
  }),
]
