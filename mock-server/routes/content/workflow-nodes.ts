import { kindOf } from '../../../src/core/loops/kind-of.ts'
import type { TeamContent } from '../../content/content-store.ts'
import { createEmailMessage } from '../../content/email-message.ts'
import { onlyKeys, readBoolean } from '../../content/read-fields.ts'
import { addBranch, CREATABLE_TYPES, changeGraph, insertNode, nodeOf, removeNode, removeSubtree, rerouteNode, type CreatableType, type GraphDeps, type WorkflowRecord } from '../../content/workflow-graph.ts'
import { nodeJson, workflowJson } from '../../content/workflow-json.ts'
import { updateNodePayload } from '../../content/workflow-node-update.ts'
import { badRequest } from '../../loops-request-error.ts'
import type { MockState } from '../../mock-state.ts'
import { ok } from '../../reply.ts'
import type { Route, RouteContext } from '../../route.ts'
import { checkRevision, commit, findWorkflow, queuedAt } from './workflows.ts'
import { contentRoute } from './content-route.ts'

function deps(state: MockState, content: TeamContent, workflow: WorkflowRecord): GraphDeps {
  return { newId: state.newId, newEmailMessage: () => createEmailMessage(state, content, { kind: 'workflow', id: workflow.id }).id }
}

const withRevision = (content: TeamContent, workflow: WorkflowRecord, nodeId: string) => ({ ...nodeJson(content, workflow, nodeOf(workflow, nodeId)), workflowRevisionId: workflow.revisionId })

const ids = (ctx: RouteContext) => ({ workflowId: ctx.params.workflowId ?? '', nodeId: ctx.params.nodeId ?? '' })

/** DELETE a node (`recursive`: with its subtree): dry run, queued-contact check, then the change. */
function deleteRoute(recursive: boolean) {
  return async (ctx: RouteContext, content: TeamContent) => {
    const json = await ctx.body()
    onlyKeys(json, ['expectedRevisionId', 'dryRun', 'queuedContactPolicy'])
    const dryRun = readBoolean(json, 'dryRun') ?? false
    const policy = json.queuedContactPolicy ?? 'fail'
    if (policy !== 'fail' && policy !== 'discard') throw badRequest('"queuedContactPolicy" must be "fail" or "discard".')
    const { workflowId, nodeId } = ids(ctx)
    const workflow = findWorkflow(content, workflowId)
    checkRevision(workflow, json)
    const { graph, result: nodeIds } = changeGraph(workflow, (copy) => (recursive ? removeSubtree(copy, nodeId) : removeNode(copy, nodeId)))
    const queued = queuedAt(workflow, nodeIds)
    if (dryRun) return ok({ status: 'dryRun', nodeIds, queuedContactCount: queued })
    if (queued > 0 && policy !== 'discard') return ok({ status: 'queuedContactsFound', nodeIds, queuedContactCount: queued })
    for (const id of nodeIds) {
      const emailId = workflow.nodes.get(id)?.emailMessageId
      if (emailId) content.messages.delete(emailId)
      workflow.queued.delete(id)
    }
    commit(ctx.state, workflow, graph)
    return ok({ status: 'deleted', nodeIds, workflowRevisionId: workflow.revisionId, queuedContactCount: queued, workflow: workflowJson(content, workflow) })
  }
}

export const workflowNodeRoutes: Route[] = [
  contentRoute(
    'workflows/{workflowId}/nodes',
    {
      POST: async (ctx, content) => {
        const json = await ctx.body()
        const mode = json.insertMode
        if (mode !== 'between' && mode !== 'before' && mode !== 'after') throw badRequest(`"insertMode" must be "between", "before" or "after", got ${kindOf(mode)}.`)
        onlyKeys(json, ['expectedRevisionId', 'insertMode', 'nodeTypeName', ...(mode === 'between' ? ['fromNodeId', 'toNodeId'] : mode === 'before' ? ['toNodeId', 'beforeNodeId'] : ['fromNodeId'])])
        const type = json.nodeTypeName
        if (typeof type !== 'string' || !(CREATABLE_TYPES as readonly string[]).includes(type))
          throw badRequest(`"nodeTypeName" must be one of ${CREATABLE_TYPES.join(', ')} (trigger and ExitAction nodes cannot be created), got ${kindOf(type)}.`)
        const toNodeId = mode === 'before' ? (json.toNodeId ?? json.beforeNodeId) : json.toNodeId
        if (mode === 'before' && json.toNodeId !== undefined && json.beforeNodeId !== undefined) throw badRequest('Send "toNodeId" or the deprecated "beforeNodeId", not both.')
        for (const [key, value] of [['fromNodeId', mode === 'before' ? '' : json.fromNodeId], ['toNodeId', mode === 'after' ? '' : toNodeId]] as const)
          if (typeof value !== 'string') throw badRequest(`"${key}" is required with insertMode "${mode}".`)
        const workflow = findWorkflow(content, ctx.params.workflowId ?? '')
        checkRevision(workflow, json)
        const { graph, result } = changeGraph(workflow, (copy) =>
          insertNode(copy, { insertMode: mode, nodeTypeName: type as CreatableType, ...(typeof json.fromNodeId === 'string' ? { fromNodeId: json.fromNodeId } : {}), ...(typeof toNodeId === 'string' ? { toNodeId } : {}) }, deps(ctx.state, content, workflow)),
        )
        commit(ctx.state, workflow, graph)
        const node = { ...withRevision(content, workflow, result.node.id), ...(result.children.length > 0 ? { createdChildNodes: result.children.map((c) => nodeJson(content, workflow, c)) } : {}) }
        return ok({ node, workflow: workflowJson(content, workflow) })
      },
    },
    false,
  ),
  contentRoute(
    'workflows/{workflowId}/nodes/{nodeId}',
    {
      GET: (ctx, content) => {
        const { workflowId, nodeId } = ids(ctx)
        const workflow = findWorkflow(content, workflowId)
        return ok(withRevision(content, workflow, nodeId))
      },
      POST: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId', 'payload'])
        if (json.payload === undefined) throw badRequest('"payload" is required: the node-type fields to update.')
        const { workflowId, nodeId } = ids(ctx)
        const workflow = findWorkflow(content, workflowId)
        nodeOf(workflow, nodeId)
        checkRevision(workflow, json)
        const { graph } = changeGraph(workflow, (copy) => {
          const node = nodeOf(copy, nodeId)
          const parent = [...copy.nodes.values()].find((n) => n.next.includes(nodeId) && n.typeName === 'ExperimentBranchNode')
          const siblings = parent ? parent.next.map((id) => nodeOf(copy, id)) : []
          copy.nodes.set(nodeId, updateNodePayload(ctx.state, content, siblings, node, json.payload))
        })
        commit(ctx.state, workflow, graph)
        return ok({ ...withRevision(content, workflow, nodeId), workflow: workflowJson(content, workflow) })
      },
      DELETE: deleteRoute(false),
    },
    false,
  ),
  contentRoute('workflows/{workflowId}/nodes/{nodeId}/recursive', { DELETE: deleteRoute(true) }, false),
  contentRoute(
    'workflows/{workflowId}/nodes/{nodeId}/add-branch',
    {
      POST: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId'])
        const { workflowId, nodeId } = ids(ctx)
        const workflow = findWorkflow(content, workflowId)
        checkRevision(workflow, json)
        const { graph, result } = changeGraph(workflow, (copy) => addBranch(copy, nodeId, deps(ctx.state, content, workflow)))
        commit(ctx.state, workflow, graph)
        return ok({ node: withRevision(content, workflow, result.id), workflow: workflowJson(content, workflow) })
      },
    },
    false,
  ),
  contentRoute(
    'workflows/{workflowId}/nodes/{nodeId}/reroute',
    {
      POST: async (ctx, content) => {
        const json = await ctx.body()
        onlyKeys(json, ['expectedRevisionId', 'newTargetNodeId'])
        if (typeof json.newTargetNodeId !== 'string' || json.newTargetNodeId === '') throw badRequest('"newTargetNodeId" is required: the node that should receive the connection.')
        const target = json.newTargetNodeId
        const { workflowId, nodeId } = ids(ctx)
        const workflow = findWorkflow(content, workflowId)
        checkRevision(workflow, json)
        const { graph } = changeGraph(workflow, (copy) => rerouteNode(copy, nodeId, target))
        commit(ctx.state, workflow, graph)
        return ok({ ...withRevision(content, workflow, nodeId), workflow: workflowJson(content, workflow) })
      },
    },
    false,
  ),
]
