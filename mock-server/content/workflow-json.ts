import { appUrl } from '../routes/content/content-route.ts'
import type { TeamContent } from './content-store.ts'
import { eventPropertiesJson } from './event-patterns.ts'
import type { WorkflowNodeRecord, WorkflowRecord } from './workflow-graph.ts'

const subjectOf = (content: TeamContent, node: WorkflowNodeRecord): string => (node.emailMessageId ? (content.messages.get(node.emailMessageId)?.subject ?? '') : '')

/** `SimplifiedWorkflowNode`: `typeName`, `nextNodeIds` and the display fields of the type (no others: the schema is closed). */
export function simplifiedNodeJson(content: TeamContent, n: WorkflowNodeRecord): Record<string, unknown> {
  const base = { typeName: n.typeName, nextNodeIds: [...n.next] }
  switch (n.typeName) {
    case 'EventTrigger':
      return { ...base, eventName: n.eventName ?? null, reEligible: n.reEligible ?? false }
    case 'ContactPropertyTrigger':
      return { ...base, contactPropertyQuery: n.contactPropertyQuery ?? null, reEligible: n.reEligible ?? false }
    case 'AddToListTrigger':
      return { ...base, mailingListId: n.mailingListId ?? null, reEligible: n.reEligible ?? false }
    case 'TimerAction':
      return { ...base, amount: n.amount ?? 0, unit: n.unit ?? 'd' }
    case 'SendEmailAction':
      return { ...base, emailMessageId: n.emailMessageId ?? null, subject: subjectOf(content, n) }
    case 'ExperimentBranchNode':
      return { ...base, samplingRate: n.samplingRate ?? 50 }
    case 'VariantNode':
      return { ...base, isControl: n.isControl ?? false }
    default:
      return base
  }
}

/** The detailed node (`WorkflowNode`, and the mutation shape, which is the same plus `workflowId`). */
export function nodeJson(content: TeamContent, workflow: WorkflowRecord, n: WorkflowNodeRecord): Record<string, unknown> {
  const base = { id: n.id, workflowId: workflow.id, typeName: n.typeName, nextNodeIds: [...n.next] }
  switch (n.typeName) {
    case 'EventTrigger': {
      const pattern = n.eventName ? content.eventPatterns.get(n.eventName) : undefined
      return { ...base, ...(n.eventName ? { eventName: n.eventName } : {}), ...(pattern ? { eventProperties: eventPropertiesJson(pattern) } : {}), reEligible: n.reEligible ?? false }
    }
    case 'AudienceFilter':
      return { ...base, ...(n.audienceFilter ? { audienceFilter: n.audienceFilter } : {}), ...(n.audienceSegmentId ? { audienceSegmentId: n.audienceSegmentId } : {}), appliesDownstream: n.appliesDownstream ?? false }
    case 'SendEmailAction':
      return { ...base, emailMessageId: n.emailMessageId ?? '', subject: subjectOf(content, n) }
    case 'VariantNode':
      return { ...base, isControl: n.isControl ?? false }
    default: {
      const { typeName: _t, nextNodeIds: _n, ...fields } = simplifiedNodeJson(content, n)
      return { ...base, ...fields }
    }
  }
}

export function workflowJson(content: TeamContent, w: WorkflowRecord): Record<string, unknown> {
  return {
    id: w.id,
    url: appUrl('workflows', w.id),
    workflowRevisionId: w.revisionId,
    status: w.status,
    name: w.name,
    description: w.description,
    mailingListId: w.mailingListId,
    rootNodeId: w.rootNodeId,
    nodes: Object.fromEntries([...w.nodes].map(([id, n]) => [id, simplifiedNodeJson(content, n)])),
  }
}
