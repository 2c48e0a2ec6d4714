import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { graphProblem, type NodeType, type WorkflowGraph, type WorkflowNodeRecord } from '../../mock-server/content/workflow-graph.ts'
import { setupServerMock as createMockServer } from '../../mock-server/hosts/setup-server.ts'

// Random sequences of workflow operations through the HTTP API. The model: after every answer the workflow is still
// a valid graph (one trigger root, every connection to an existing node, no cycle, everything reachable); a 200
// moves the revision on; a refusal (400, 404, 409, 501) leaves nodes and revision exactly as they were.
const KEY = 'workflow-model-key'
const ORIGIN = 'http://workflow-model.mock.test'
const { server, mock } = createMockServer({ keys: { [KEY]: 'Model Team' }, origin: ORIGIN, rateLimit: 1_000_000 })
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
  const res = await fetch(`${ORIGIN}/api/v1/${path}`, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, json: res.status === 204 ? {} : ((await res.json()) as Json) }
}
beforeAll(async () => {
  server.listen({ onUnhandledFrame: 'error' })
  await mock.ready
})
afterAll(() => server.close())

const toGraph = (w: Json): WorkflowGraph => ({
  rootNodeId: w.rootNodeId,
  nodes: new Map(Object.entries(w.nodes as Record<string, Json>).map(([id, n]) => [id, { id, typeName: n.typeName as NodeType, next: n.nextNodeIds as string[] } satisfies WorkflowNodeRecord])),
})

const op = fc.record({
  kind: fc.constantFrom('between', 'before', 'after', 'add-branch', 'reroute', 'delete', 'recursive', 'update-timer'),
  type: fc.constantFrom('AudienceFilter', 'BranchNode', 'ExperimentBranchNode', 'TimerAction', 'SendEmailAction', 'VariantNode'),
  a: fc.nat(),
  b: fc.nat(),
  stale: fc.boolean(),
})

it('keeps every workflow a valid graph under random operations, or refuses them without a trace', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
      let workflow = (await api('POST', 'workflows', { name: 'model' })).json
      const old = workflow.workflowRevisionId as string
      for (const o of ops) {
        const ids = Object.keys(workflow.nodes as Json)
        const a = ids[o.a % ids.length] as string
        const b = ids[o.b % ids.length] as string
        const a1 = (workflow.nodes[a].nextNodeIds as string[])[0] ?? b
        const expectedRevisionId = o.stale && workflow.workflowRevisionId !== old ? old : workflow.workflowRevisionId
        const base = `workflows/${workflow.id}`
        const request: Record<string, [string, string, Json]> = {
          between: ['POST', `${base}/nodes`, { expectedRevisionId, insertMode: 'between', nodeTypeName: o.type, fromNodeId: a, toNodeId: a1 }],
          before: ['POST', `${base}/nodes`, { expectedRevisionId, insertMode: 'before', nodeTypeName: o.type, toNodeId: b }],
          after: ['POST', `${base}/nodes`, { expectedRevisionId, insertMode: 'after', nodeTypeName: o.type, fromNodeId: a }],
          'add-branch': ['POST', `${base}/nodes/${a}/add-branch`, { expectedRevisionId }],
          reroute: ['POST', `${base}/nodes/${a}/reroute`, { expectedRevisionId, newTargetNodeId: b }],
          delete: ['DELETE', `${base}/nodes/${a}`, { expectedRevisionId }],
          recursive: ['DELETE', `${base}/nodes/${a}/recursive`, { expectedRevisionId }],
          'update-timer': ['POST', `${base}/nodes/${a}`, { expectedRevisionId, payload: { amount: o.b % 10, unit: 'h' } }],
        }
        const [method, path, body] = request[o.kind] as [string, string, Json]
        const { status, json } = await api(method, path, body)
        expect([200, 400, 404, 409, 501], `${o.kind} → ${status} ${JSON.stringify(json)}`).toContain(status)
        if (expectedRevisionId !== workflow.workflowRevisionId) expect(status).toBe(409)
        const after = (await api('GET', base)).json
        expect(graphProblem(toGraph(after)), `${o.kind} ${status} ${JSON.stringify(json)}`).toBeUndefined()
        if (status === 200) expect(after.workflowRevisionId).not.toBe(workflow.workflowRevisionId)
        else {
          expect(after).toEqual(workflow)
          expect(json).toMatchObject({ success: false, message: expect.any(String) })
        }
        workflow = after
      }
    }),
    { numRuns: 25 },
  )
}, 120_000)

it('names the node when an operation would break the graph', async () => {
  const workflow = (await api('POST', 'workflows', { name: 'names' })).json
  const root = workflow.rootNodeId as string
  const { json } = await api('DELETE', `workflows/${workflow.id}/nodes/${root}`, { expectedRevisionId: workflow.workflowRevisionId })
  expect(json.message).toContain(root)
  const timer = (await api('POST', `workflows/${workflow.id}/nodes`, { expectedRevisionId: workflow.workflowRevisionId, insertMode: 'after', nodeTypeName: 'TimerAction', fromNodeId: root })).json
  const cycle = await api('POST', `workflows/${workflow.id}/nodes/${timer.node.id}/reroute`, { expectedRevisionId: timer.workflow.workflowRevisionId, newTargetNodeId: timer.node.id })
  expect(cycle).toMatchObject({ status: 400, json: { message: expect.stringContaining(timer.node.id) } })
})
