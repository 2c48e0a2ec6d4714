import { kindOf } from '../../src/core/loops/kind-of.ts'
import { badRequest, LoopsRequestError } from '../loops-request-error.ts'
import type { MockState } from '../mock-state.ts'
import type { TeamContent } from './content-store.ts'
import { eventPattern } from './event-patterns.ts'
import { readAudience } from './read-audience.ts'
import { onlyKeys, readBoolean, readRecord } from './read-fields.ts'
import { isTrigger, TRIGGER_TYPES, type ContactPropertyQuery, type WorkflowNodeRecord } from './workflow-graph.ts'

/** Operators of a Contact Updated trigger by property type (Loops' OpenAPI `WorkflowContactPropertyComparison`). */
const OPERATORS: Record<string, readonly string[]> = {
  string: ['any', 'equal', 'not_equal', 'contains', 'not_contains', 'empty', 'not_empty'],
  number: ['any', 'greater_than', 'less_than', 'numeric_equal', 'numeric_not_equal', 'empty', 'not_empty'],
  boolean: ['any', 'true', 'false', 'empty', 'not_empty'],
  date: ['any', 'empty', 'not_empty', 'after', 'before', 'between'],
}
/** "Hidden or unsupported fields, such as `createdAt`, `notes`, and computed contact properties, are rejected." */
const HIDDEN_PROPERTIES = new Set(['createdAt', 'notes', 'email', 'userId'])

const FIELDS: Record<string, readonly string[]> = {
  SignupTrigger: ['typeName'],
  EventTrigger: ['typeName', 'eventPatternId', 'eventName', 'reEligible'],
  ContactPropertyTrigger: ['typeName', 'contactPropertyQuery', 'reEligible'],
  AddToListTrigger: ['typeName', 'reEligible'],
  BlankTrigger: ['typeName'],
  AudienceFilter: ['audienceSegmentId', 'audienceFilter', 'appliesDownstream'],
  TimerAction: ['amount', 'unit'],
  ExperimentBranchNode: ['samplingRate'],
  VariantNode: ['isControl'],
}

function readQuery(state: MockState, team: string, value: unknown): ContactPropertyQuery {
  const q = readRecord(value, 'payload.contactPropertyQuery')
  onlyKeys(q, ['key', 'is', 'was'], '"payload.contactPropertyQuery"')
  if (typeof q.key !== 'string' || q.key === '') throw badRequest('"payload.contactPropertyQuery.key" must be a contact property name.')
  const key = q.key
  const property = state.db.properties.findFirst((p) => p.where({ team, key }))
  if (!property || property.internal || HIDDEN_PROPERTIES.has(key)) throw badRequest(`"payload.contactPropertyQuery.key": "${key}" is not a contact property available to Contact Updated triggers.`)
  const side = (name: 'is' | 'was'): ContactPropertyQuery['is'] => {
    const c = readRecord(q[name], `payload.contactPropertyQuery.${name}`)
    onlyKeys(c, ['value', 'operator'], `"payload.contactPropertyQuery.${name}"`)
    const allowed = (OPERATORS[property.type] ?? []).filter((o) => !(name === 'is' && o === 'empty' && (property.type === 'number' || property.type === 'boolean')))
    if (typeof c.operator !== 'string' || !allowed.includes(c.operator))
      throw badRequest(`"payload.contactPropertyQuery.${name}.operator" must be one of ${allowed.join(', ')} for "${key}", a ${property.type} property; got ${kindOf(c.operator)}.`)
    if (typeof c.value !== 'string' && typeof c.value !== 'number' && typeof c.value !== 'boolean') throw badRequest(`"payload.contactPropertyQuery.${name}.value" must be a string, number or boolean.`)
    return { value: c.value, operator: c.operator }
  }
  return { key, is: side('is'), was: side('was') }
}

/**
 * Applies `payload` to a copy of `node` (Loops' update-node): the allowed fields depend on the node's type, a trigger
 * may change to another trigger type with `typeName`; SendEmailAction, ExitAction and BranchNode have nothing to set.
 */
export function updateNodePayload(state: MockState, content: TeamContent, siblings: WorkflowNodeRecord[], node: WorkflowNodeRecord, payloadValue: unknown): WorkflowNodeRecord {
  const payload = readRecord(payloadValue, 'payload')
  if (Object.keys(payload).length === 0) throw badRequest('"payload" must set at least one field.')
  let next: WorkflowNodeRecord = { ...node, next: [...node.next] }
  if (payload.typeName !== undefined) {
    if (!isTrigger(node.typeName)) throw badRequest(`"payload.typeName" can only change a trigger node's type; node "${node.id}" is a ${node.typeName}.`)
    if (typeof payload.typeName !== 'string' || !(TRIGGER_TYPES as readonly string[]).includes(payload.typeName) || payload.typeName === 'BlankTrigger')
      throw badRequest('"payload.typeName" must be SignupTrigger, EventTrigger, ContactPropertyTrigger or AddToListTrigger.')
    if (payload.typeName !== node.typeName) {
      next = { id: node.id, typeName: payload.typeName as WorkflowNodeRecord['typeName'], next: [...node.next] }
      if (payload.typeName === 'EventTrigger') Object.assign(next, { eventName: null, reEligible: false })
      if (payload.typeName === 'ContactPropertyTrigger') Object.assign(next, { contactPropertyQuery: null, reEligible: false })
      if (payload.typeName === 'AddToListTrigger') Object.assign(next, { mailingListId: null, reEligible: false })
    }
  }
  const fields = FIELDS[next.typeName]
  if (!fields) {
    const hint = next.typeName === 'SendEmailAction' ? ` edit its email with POST /v1/email-messages/${next.emailMessageId ?? ''}` : ' it has no settings'
    throw new LoopsRequestError(next.typeName === 'SendEmailAction' ? 501 : 400, `Node "${node.id}" is a ${next.typeName}: this node update is not implemented;${hint}.`)
  }
  onlyKeys(payload, fields, `"payload" of a ${next.typeName} node`)
  const reEligible = readBoolean(payload, 'reEligible')
  if (reEligible !== undefined) next.reEligible = reEligible
  switch (next.typeName) {
    case 'EventTrigger': {
      if (payload.eventPatternId !== undefined && payload.eventName !== undefined) throw badRequest('Use either "payload.eventPatternId" or "payload.eventName", not both.')
      if (payload.eventPatternId === null || payload.eventName === null) next.eventName = null
      else if (payload.eventPatternId !== undefined) {
        const pattern = [...content.eventPatterns.values()].find((p) => p.id === payload.eventPatternId)
        if (!pattern) throw new LoopsRequestError(404, `Event pattern not found: no pattern with the ID ${JSON.stringify(payload.eventPatternId)}.`)
        next.eventName = pattern.eventName
      } else if (payload.eventName !== undefined) {
        if (typeof payload.eventName !== 'string' || payload.eventName.trim() === '') throw badRequest('"payload.eventName" must be a non-empty event name.')
        next.eventName = eventPattern(state, content, payload.eventName).eventName
      }
      break
    }
    case 'ContactPropertyTrigger':
      if (payload.contactPropertyQuery !== undefined) next.contactPropertyQuery = readQuery(state, content.team, payload.contactPropertyQuery)
      break
    case 'AudienceFilter': {
      Object.assign(next, readAudience(state, content, content.team, payload, false))
      const downstream = readBoolean(payload, 'appliesDownstream')
      if (downstream !== undefined) next.appliesDownstream = downstream
      break
    }
    case 'TimerAction':
      if (payload.amount !== undefined) {
        if (typeof payload.amount !== 'number' || !Number.isInteger(payload.amount) || payload.amount < 0) throw badRequest('"payload.amount" must be a whole number of minutes, hours or days, 0 or more.')
        next.amount = payload.amount
      }
      if (payload.unit !== undefined) {
        if (payload.unit !== 'm' && payload.unit !== 'h' && payload.unit !== 'd') throw badRequest('"payload.unit" must be "m" (minutes), "h" (hours) or "d" (days).')
        next.unit = payload.unit
      }
      break
    case 'ExperimentBranchNode':
      if (typeof payload.samplingRate !== 'number' || payload.samplingRate < 0 || payload.samplingRate > 100) throw badRequest('"payload.samplingRate" must be a percentage between 0 and 100.')
      next.samplingRate = payload.samplingRate
      break
    case 'VariantNode': {
      const isControl = readBoolean(payload, 'isControl')
      if (isControl !== undefined) next.isControl = isControl
      // "This will set `false` on the existing control, if one exists."
      if (isControl) for (const s of siblings) if (s.id !== node.id && s.typeName === 'VariantNode') s.isControl = false
      break
    }
  }
  return next
}
