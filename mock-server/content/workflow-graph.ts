import { badRequest, LoopsRequestError } from '../loops-request-error.ts'
import type { AudienceFilter } from './audience-filter.ts'

export const TRIGGER_TYPES = ['SignupTrigger', 'EventTrigger', 'ContactPropertyTrigger', 'AddToListTrigger', 'BlankTrigger'] as const
export const CREATABLE_TYPES = ['AudienceFilter', 'BranchNode', 'ExperimentBranchNode', 'TimerAction', 'SendEmailAction', 'VariantNode'] as const
export type TriggerType = (typeof TRIGGER_TYPES)[number]
export type CreatableType = (typeof CREATABLE_TYPES)[number]
export type NodeType = TriggerType | CreatableType | 'ExitAction'

/** Public workflows can have up to 300 nodes (Loops' OpenAPI document, create-node). */
export const MAX_WORKFLOW_NODES = 300

export interface ContactPropertyQuery {
  key: string
  is: { value: string | number | boolean; operator: string }
  was: { value: string | number | boolean; operator: string }
}

export interface WorkflowNodeRecord {
  id: string
  typeName: NodeType
  /** outgoing connections, in branch order */
  next: string[]
  eventName?: string | null
  reEligible?: boolean
  contactPropertyQuery?: ContactPropertyQuery | null
  mailingListId?: string | null
  audienceFilter?: AudienceFilter | null
  audienceSegmentId?: string | null
  appliesDownstream?: boolean
  amount?: number
  unit?: 'm' | 'h' | 'd'
  emailMessageId?: string
  samplingRate?: number
  isControl?: boolean
}

export interface WorkflowRecord {
  id: string
  name: string
  description: string
  mailingListId: string | null
  status: 'Draft' | 'Sending' | 'Paused' | 'PausedAndQueueing'
  revisionId: string
  rootNodeId: string
  nodes: Map<string, WorkflowNodeRecord>
  /** contacts waiting at a node (set through /_mock; Loops' queued-contact checks read it) */
  queued: Map<string, number>
  createdAt: number
  updatedAt: number
}

/** The graph part of a workflow that the operations change. */
export interface WorkflowGraph {
  rootNodeId: string
  nodes: Map<string, WorkflowNodeRecord>
}

export interface GraphDeps {
  newId: () => string
  /** creates the email message of a new SendEmailAction node and returns its id */
  newEmailMessage: (nodeId: string) => string
}

export const isTrigger = (type: string): type is TriggerType => (TRIGGER_TYPES as readonly string[]).includes(type)
const isBranch = (type: string): boolean => type === 'BranchNode' || type === 'ExperimentBranchNode'

/** "Create a draft workflow with a blank trigger and exit node." */
export function newWorkflowGraph(newId: () => string): WorkflowGraph {
  const root: WorkflowNodeRecord = { id: newId(), typeName: 'BlankTrigger', next: [] }
  const exit: WorkflowNodeRecord = { id: newId(), typeName: 'ExitAction', next: [] }
  root.next.push(exit.id)
  return { rootNodeId: root.id, nodes: new Map([[root.id, root], [exit.id, exit]]) }
}

export function cloneGraph(graph: WorkflowGraph): WorkflowGraph {
  return { rootNodeId: graph.rootNodeId, nodes: new Map([...graph.nodes].map(([id, n]) => [id, { ...n, next: [...n.next] }])) }
}

const notFound = (id: string): LoopsRequestError => new LoopsRequestError(404, `Workflow node "${id}" not found in this workflow.`)

export function nodeOf(graph: WorkflowGraph, id: string): WorkflowNodeRecord {
  const node = graph.nodes.get(id)
  if (!node) throw notFound(id)
  return node
}

function parentsOf(graph: WorkflowGraph, id: string): WorkflowNodeRecord[] {
  return [...graph.nodes.values()].filter((n) => n.next.includes(id))
}

function defaultNode(type: CreatableType, deps: GraphDeps): WorkflowNodeRecord {
  const id = deps.newId()
  switch (type) {
    case 'AudienceFilter':
      return { id, typeName: type, next: [], audienceFilter: null, appliesDownstream: false }
    case 'TimerAction':
      return { id, typeName: type, next: [], amount: 1, unit: 'd' }
    case 'SendEmailAction':
      return { id, typeName: type, next: [], emailMessageId: deps.newEmailMessage(id) }
    case 'ExperimentBranchNode':
      return { id, typeName: type, next: [], samplingRate: 50 }
    case 'VariantNode':
      return { id, typeName: type, next: [], isControl: false }
    case 'BranchNode':
      return { id, typeName: type, next: [] }
  }
}

export interface InsertRequest {
  insertMode: 'between' | 'before' | 'after'
  nodeTypeName: CreatableType
  fromNodeId?: string
  toNodeId?: string
}

/**
 * Inserts a node with default settings (Loops' create-node): `between` an existing `fromNodeId` → `toNodeId`
 * connection, `before` `toNodeId` (every parent then points at the new node), or `after` a `fromNodeId` with exactly
 * one outgoing connection. A BranchNode comes with two AudienceFilter children, an ExperimentBranchNode with two
 * VariantNodes and a control VariantNode; the first child continues to the old target, the others end in their
 * own ExitAction (the mock's reading: Loops counts 3 and 4 nodes and does not say where the other paths end).
 */
export function insertNode(graph: WorkflowGraph, req: InsertRequest, deps: GraphDeps): { node: WorkflowNodeRecord; children: WorkflowNodeRecord[] } {
  let parents: WorkflowNodeRecord[]
  let target: string
  if (req.insertMode === 'before') {
    target = req.toNodeId ?? ''
    const to = nodeOf(graph, target)
    if (isTrigger(to.typeName)) throw badRequest(`Cannot insert before node "${to.id}": it is the ${to.typeName}, the workflow's root.`)
    if (req.nodeTypeName === 'VariantNode') throw badRequest('VariantNode cannot use insertMode "before"; to restore a missing variant path use insertMode "between" with the experiment branch as fromNodeId.')
    parents = parentsOf(graph, target)
    if (parents.length === 0) throw badRequest(`Cannot insert before node "${to.id}": it has no incoming connection.`)
    if (parents.some((p) => p.typeName === 'ExperimentBranchNode')) throw badRequest(`Cannot insert a ${req.nodeTypeName} before "${to.id}": the children of an ExperimentBranchNode must be VariantNodes.`)
  } else {
    const from = nodeOf(graph, req.fromNodeId ?? '')
    if (req.insertMode === 'after') {
      if (from.typeName === 'ExitAction') throw badRequest(`Cannot insert after node "${from.id}": it is an ExitAction.`)
      if (from.next.length !== 1)
        throw badRequest(`Cannot insert after node "${from.id}": it has ${from.next.length} outgoing connections; "after" needs exactly one (use "between" with the exact toNodeId).`)
      target = from.next[0] as string
    } else {
      target = req.toNodeId ?? ''
      nodeOf(graph, target)
      if (!from.next.includes(target)) throw badRequest(`Node "${from.id}" does not point to node "${target}": "between" needs an existing fromNodeId → toNodeId connection.`)
    }
    const toType = graph.nodes.get(target)?.typeName
    if (from.typeName === 'ExperimentBranchNode') {
      if (req.nodeTypeName !== 'VariantNode') throw badRequest(`The children of ExperimentBranchNode "${from.id}" must be VariantNodes: nodeTypeName must be "VariantNode".`)
      if (toType === 'VariantNode') throw badRequest(`Node "${target}" is already a VariantNode; use add-branch to add another variant path.`)
    } else if (req.nodeTypeName === 'VariantNode') throw badRequest(`A VariantNode can only be inserted directly under an ExperimentBranchNode; "${from.id}" is a ${from.typeName}.`)
    parents = [from]
  }
  // a branch's first path continues to the old target; every other path ends in its own ExitAction
  const added = req.nodeTypeName === 'BranchNode' ? 4 : req.nodeTypeName === 'ExperimentBranchNode' ? 6 : 1
  if (graph.nodes.size + added > MAX_WORKFLOW_NODES) throw badRequest(`The workflow would have ${graph.nodes.size + added} nodes; public workflows can have up to ${MAX_WORKFLOW_NODES}.`)
  const node = defaultNode(req.nodeTypeName, deps)
  const children: WorkflowNodeRecord[] = []
  if (req.nodeTypeName === 'BranchNode') children.push(defaultNode('AudienceFilter', deps), defaultNode('AudienceFilter', deps))
  if (req.nodeTypeName === 'ExperimentBranchNode') children.push(defaultNode('VariantNode', deps), defaultNode('VariantNode', deps), { ...defaultNode('VariantNode', deps), isControl: true })
  const exits: WorkflowNodeRecord[] = []
  if (children.length > 0) {
    node.next = children.map((c) => c.id)
    children.forEach((child, i) => {
      if (i === 0) return void (child.next = [target])
      const exit: WorkflowNodeRecord = { id: deps.newId(), typeName: 'ExitAction', next: [] }
      child.next = [exit.id]
      exits.push(exit)
    })
  } else node.next = [target]
  for (const parent of parents) parent.next = parent.next.map((id) => (id === target ? node.id : id))
  for (const n of [node, ...children, ...exits]) graph.nodes.set(n.id, n)
  return { node, children }
}

/** Adds a sibling path under a BranchNode (an AudienceFilter) or an ExperimentBranchNode (a VariantNode). */
export function addBranch(graph: WorkflowGraph, nodeId: string, deps: GraphDeps): WorkflowNodeRecord {
  const node = nodeOf(graph, nodeId)
  if (!isBranch(node.typeName)) throw badRequest(`Node "${nodeId}" is a ${node.typeName}; add-branch works on BranchNode and ExperimentBranchNode nodes.`)
  if (graph.nodes.size + 2 > MAX_WORKFLOW_NODES) throw badRequest(`The workflow already has ${graph.nodes.size} nodes; public workflows can have up to ${MAX_WORKFLOW_NODES}.`)
  const child = defaultNode(node.typeName === 'BranchNode' ? 'AudienceFilter' : 'VariantNode', deps)
  const exit: WorkflowNodeRecord = { id: deps.newId(), typeName: 'ExitAction', next: [] }
  child.next = [exit.id]
  node.next.push(child.id)
  graph.nodes.set(child.id, child)
  graph.nodes.set(exit.id, exit)
  return child
}

/** Points the source's only outgoing connection at another node. */
export function rerouteNode(graph: WorkflowGraph, nodeId: string, newTargetNodeId: string): WorkflowNodeRecord {
  const source = nodeOf(graph, nodeId)
  if (isBranch(source.typeName)) throw badRequest(`Node "${nodeId}" is a ${source.typeName}: branch nodes have several outputs and cannot be rerouted.`)
  if (source.next.length !== 1) throw badRequest(`Node "${nodeId}" has ${source.next.length} outgoing connections; reroute needs exactly one.`)
  const target = graph.nodes.get(newTargetNodeId)
  if (!target) throw badRequest(`newTargetNodeId "${newTargetNodeId}" is not a node of this workflow: the connection would point to a missing node.`)
  if (isTrigger(target.typeName)) throw badRequest(`Node "${newTargetNodeId}" is the workflow's trigger and cannot receive a connection.`)
  if (target.id === source.id) throw badRequest(`Node "${nodeId}" cannot connect to itself.`)
  const current = source.next[0] as string
  if (current === newTargetNodeId) throw badRequest(`Node "${nodeId}" already points to "${newTargetNodeId}".`)
  const orphan = parentsOf(graph, current).length < 2 ? graph.nodes.get(current) : undefined
  // an ExitAction only ends a path: one left without an incoming connection goes with the reroute
  if (orphan && orphan.typeName !== 'ExitAction')
    throw badRequest(`Rerouting "${nodeId}" would leave node "${current}" (${orphan.typeName}) without an incoming connection; it must keep another one.`)
  source.next = [newTargetNodeId]
  if (orphan) graph.nodes.delete(orphan.id)
  return source
}

/** Deletes one node; its parents then point at its only child. Returns the deleted ids. */
export function removeNode(graph: WorkflowGraph, nodeId: string): string[] {
  const node = nodeOf(graph, nodeId)
  if (node.id === graph.rootNodeId) throw badRequest(`Node "${nodeId}" is the workflow's trigger and cannot be deleted.`)
  if (node.next.length > 1) throw badRequest(`Node "${nodeId}" is a ${node.typeName} with ${node.next.length} paths; delete it with DELETE …/nodes/${nodeId}/recursive.`)
  const child = node.next[0]
  for (const parent of parentsOf(graph, nodeId)) {
    const next: string[] = []
    for (const id of parent.next) {
      const replaced = id === nodeId ? child : id
      if (replaced !== undefined && !next.includes(replaced)) next.push(replaced)
    }
    parent.next = next
  }
  graph.nodes.delete(nodeId)
  return [nodeId]
}

/** Deletes a node and everything downstream that no other path still reaches. Returns the deleted ids. */
export function removeSubtree(graph: WorkflowGraph, nodeId: string): string[] {
  const node = nodeOf(graph, nodeId)
  if (node.id === graph.rootNodeId) throw badRequest(`Node "${nodeId}" is the workflow's trigger and cannot be deleted.`)
  for (const parent of parentsOf(graph, nodeId)) parent.next = parent.next.filter((id) => id !== nodeId)
  const reachable = reachableFrom(graph, graph.rootNodeId)
  const removed = [...graph.nodes.keys()].filter((id) => !reachable.has(id))
  for (const id of removed) graph.nodes.delete(id)
  return removed
}

function reachableFrom(graph: WorkflowGraph, start: string): Set<string> {
  const seen = new Set<string>([start])
  const todo = [start]
  while (todo.length > 0) {
    const id = todo.pop() as string
    for (const next of graph.nodes.get(id)?.next ?? [])
      if (!seen.has(next) && graph.nodes.has(next)) {
        seen.add(next)
        todo.push(next)
      }
  }
  return seen
}

/**
 * The graph's invariants: a trigger root (the only trigger), every connection to an existing node, no cycle, every
 * node reachable from the root, exit nodes without outputs, one output except on branch nodes, at most 300 nodes.
 * Returns what is wrong, naming the node, or undefined.
 */
export function graphProblem(graph: WorkflowGraph): string | undefined {
  const root = graph.nodes.get(graph.rootNodeId)
  if (!root) return `the root node "${graph.rootNodeId}" is missing`
  if (!isTrigger(root.typeName)) return `the root node "${root.id}" is a ${root.typeName}, not a trigger`
  if (graph.nodes.size > MAX_WORKFLOW_NODES) return `the workflow has ${graph.nodes.size} nodes (at most ${MAX_WORKFLOW_NODES})`
  for (const node of graph.nodes.values()) {
    if (node.id !== root.id && isTrigger(node.typeName)) return `node "${node.id}" is a second trigger`
    for (const next of node.next) if (!graph.nodes.has(next)) return `node "${node.id}" points to the missing node "${next}"`
    if (new Set(node.next).size !== node.next.length) return `node "${node.id}" points to the same node twice`
    if (node.typeName === 'ExitAction' && node.next.length > 0) return `exit node "${node.id}" has an outgoing connection`
    if (!isBranch(node.typeName) && node.next.length > 1) return `node "${node.id}" (${node.typeName}) has ${node.next.length} outgoing connections`
    if (node.next.includes(root.id)) return `node "${node.id}" points back to the trigger`
  }
  const reachable = reachableFrom(graph, root.id)
  for (const id of graph.nodes.keys()) if (!reachable.has(id)) return `node "${id}" cannot be reached from the trigger`
  // cycle check: iterative DFS with colours
  const colour = new Map<string, 1 | 2>()
  for (const start of graph.nodes.keys()) {
    if (colour.has(start)) continue
    const stack: [string, number][] = [[start, 0]]
    colour.set(start, 1)
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number]
      const next = graph.nodes.get(top[0])?.next[top[1]]
      if (next === undefined) {
        colour.set(top[0], 2)
        stack.pop()
        continue
      }
      top[1]++
      const c = colour.get(next)
      if (c === 1) return `the connection from "${top[0]}" to "${next}" makes a cycle`
      if (c === undefined) {
        colour.set(next, 1)
        stack.push([next, 0])
      }
    }
  }
  return undefined
}

/**
 * Runs `change` on a copy of the graph and keeps the copy only when the result is still a valid graph: an
 * operation that would break it is a 400 naming the node, and the workflow is left as it was.
 */
export function changeGraph<T>(graph: WorkflowGraph, change: (copy: WorkflowGraph) => T): { graph: WorkflowGraph; result: T } {
  const copy = cloneGraph(graph)
  const result = change(copy)
  const problem = graphProblem(copy)
  if (problem !== undefined) throw badRequest(`The change would break the workflow graph: ${problem}.`)
  return { graph: copy, result }
}
