import type { TeamContent } from '../../content/content-store.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { onlyKeys, readBoolean, readString } from '../../content/read-fields.ts'
import { newWorkflowGraph, type WorkflowGraph, type WorkflowRecord } from '../../content/workflow-graph.ts'
import { workflowJson } from '../../content/workflow-json.ts'
import { kindOf } from '../../../src/core/loops/kind-of.ts'
import { badRequest, LoopsRequestError } from '../../loops-request-error.ts'
import type { MockState } from '../../mock-state.ts'
import { ok } from '../../reply.ts'
import type { Route, RouteContext } from '../../route.ts'
import { appUrl, contentRoute, notFound } from './content-route.ts'

export function findWorkflow(content: TeamContent, id: string): WorkflowRecord {
  const workflow = content.workflows.get(id)
  if (!workflow) throw notFound('Workflow', id)
  return workflow
}

/** `expectedRevisionId` must be sent (a string, or null for a workflow without a revision) and be the current one; stale → 409. */
export function checkRevision(workflow: WorkflowRecord, body: Record<string, unknown>): void {
  if (!Object.hasOwn(body, 'expectedRevisionId')) throw badRequest(`"expectedRevisionId" is required: pass the workflowRevisionId of your latest read or change ("${workflow.revisionId}").`)
  const expected = body.expectedRevisionId
  if (expected !== null && typeof expected !== 'string') throw badRequest(`"expectedRevisionId" must be a string or null, got ${kindOf(expected)}.`)
  if (expected !== workflow.revisionId)
    throw new LoopsRequestError(409, `\`expectedRevisionId\` is stale: the workflow is at revision "${workflow.revisionId}" (you sent ${JSON.stringify(expected)}). Read the workflow again and retry.`, { workflowRevisionId: workflow.revisionId })
}

/** Stores a changed graph and gives the workflow a new revision. */
export function commit(state: MockState, workflow: WorkflowRecord, graph?: WorkflowGraph): void {
  if (graph) workflow.nodes = graph.nodes
  workflow.revisionId = state.newId()
  workflow.updatedAt = state.clock.now()
}

export function queuedAt(workflow: WorkflowRecord, nodeIds?: readonly string[]): number {
  let total = 0
  for (const [id, count] of workflow.queued) if (nodeIds === undefined || nodeIds.includes(id)) total += count
  return total
}

function readPolicy(body: Record<string, unknown>): 'fail' | 'discard' {
  const policy = body.queuedContactPolicy ?? 'fail'
  if (policy !== 'fail' && policy !== 'discard') throw badRequest('"queuedContactPolicy" must be "fail" or "discard".')
  return policy
}

function readListId(state: MockState, team: string, body: Record<string, unknown>, key: string): string | null | undefined {
  const id = body[key]
  if (id === undefined || id === null) return id
  if (typeof id !== 'string' || id === '') throw badRequest(`"${key}" must be a mailing list ID or null.`)
  if (!state.db.lists.findFirst((q) => q.where({ team, id }))) throw badRequest(`Mailing list not found: no list with the ID "${id}" (see GET /v1/lists).`)
  return id
}

const summaryJson = (w: WorkflowRecord) => ({ id: w.id, url: appUrl('workflows', w.id), name: w.name, createdAt: new Date(w.createdAt).toISOString(), updatedAt: new Date(w.updatedAt).toISOString() })

const idOf = (ctx: RouteContext): string => ctx.params.workflowId ?? ''

export const workflowRoutes: Route[] = [
  contentRoute(
    'workflows',
    {
      GET: ({ url }, content) => paginate(url, newestFirst(content.workflows), summaryJson),
      POST: async ({ state, team, body }, content) => {
        const json = await body()
        onlyKeys(json, ['name', 'description', 'mailingListId'])
        const name = readString(json, 'name', { required: true, max: 255 })
        const description = readString(json, 'description', { max: 1000 }) ?? ''
        const mailingListId = readListId(state, team, json, 'mailingListId') ?? null
        const now = state.clock.now()
        const graph = newWorkflowGraph(state.newId)
        const workflow: WorkflowRecord = { id: state.newId(), name, description, mailingListId, status: 'Draft', revisionId: state.newId(), ...graph, queued: new Map(), createdAt: now, updatedAt: now }
        content.workflows.set(workflow.id, workflow)
        return ok(workflowJson(content, workflow))
      },
    },
    false,
  ),
  contentRoute(
    'workflows/{workflowId}',
    {
      GET: (ctx, content) => ok(workflowJson(content, findWorkflow(content, idOf(ctx)))),
      POST: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId', 'name', 'description'])
        const name = readString(json, 'name', { max: 255, nonEmpty: true })
        const description = readString(json, 'description', { max: 1000 })
        if (name === undefined && description === undefined) throw badRequest('At least one property must be provided: name, description. (To change the mailing list use POST /v1/workflows/{workflowId}/mailing-list.)')
        const workflow = findWorkflow(content, idOf(ctx))
        checkRevision(workflow, json)
        if (name !== undefined) workflow.name = name
        if (description !== undefined) workflow.description = description
        commit(ctx.state, workflow)
        return ok(workflowJson(content, workflow))
      },
      // JS SDK 7.3.0 deleteWorkflow (OpenAPI 1.21.9): 204 on success; 409 while sending or with queued contacts unless confirmDelete
      DELETE: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId', 'confirmDelete'])
        const confirm = readBoolean(json, 'confirmDelete') ?? false
        const workflow = findWorkflow(content, idOf(ctx))
        checkRevision(workflow, json)
        const queued = queuedAt(workflow)
        if (!confirm && (workflow.status === 'Sending' || queued > 0))
          throw new LoopsRequestError(409, `Workflow "${workflow.id}" is ${workflow.status === 'Sending' ? 'sending' : 'paused'}${queued > 0 ? ` with ${queued} queued contacts` : ''}: retry with "confirmDelete": true to stop it and cancel queued contacts.`)
        for (const node of workflow.nodes.values()) if (node.emailMessageId) content.messages.delete(node.emailMessageId)
        content.workflows.delete(workflow.id)
        return { status: 204, body: null }
      },
    },
    false,
  ),
  contentRoute(
    'workflows/{workflowId}/mailing-list',
    {
      POST: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId', 'mailingListId', 'dryRun', 'queuedContactPolicy'])
        if (!Object.hasOwn(json, 'mailingListId')) throw badRequest('"mailingListId" is required: a mailing list ID, or null to clear it.')
        const mailingListId = readListId(ctx.state, ctx.team, json, 'mailingListId') ?? null
        const dryRun = readBoolean(json, 'dryRun') ?? false
        const policy = readPolicy(json)
        const workflow = findWorkflow(content, idOf(ctx))
        checkRevision(workflow, json)
        // clearing the list does not discard queued contacts; assigning one may exclude them
        const affected = mailingListId === null || mailingListId === workflow.mailingListId ? 0 : queuedAt(workflow)
        if (dryRun) return ok({ status: 'dryRun', mailingListId, queuedContactCount: affected })
        if (affected > 0 && policy !== 'discard') return ok({ status: 'queuedContactsFound', mailingListId, queuedContactCount: affected })
        if (affected > 0) workflow.queued.clear()
        workflow.mailingListId = mailingListId
        commit(ctx.state, workflow)
        return ok({ status: 'updated', mailingListId, workflowRevisionId: workflow.revisionId, queuedContactCount: affected, workflow: workflowJson(content, workflow) })
      },
    },
    false,
  ),
]

