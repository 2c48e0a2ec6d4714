import { kindOf } from '../../src/core/loops/kind-of.ts'
import { badRequest, LoopsRequestError } from '../loops-request-error.ts'
import type { MockState } from '../mock-state.ts'
import { onlyKeys, readRecord } from './read-fields.ts'

export type AudienceCondition =
  | { type: 'property'; key: string; operator: string; value?: string | number | { from: string; to: string } }
  | { type: 'optIn'; status: 'accepted' | 'pending' | 'rejected' | null }
  | { type: 'activity'; action: 'sent' | 'opened' | 'clicked'; negate: boolean; target: 'campaign' | 'workflow' | 'workflowEmail'; id: string }

export interface AudienceFilter {
  match: 'all' | 'any'
  conditions: AudienceCondition[]
}

/** How many conditions a filter may hold (Loops: "a filter with too many conditions" → 400; the number is not published). */
export const MAX_FILTER_CONDITIONS = 50

const NO_VALUE = ['any', 'isTrue', 'isFalse', 'empty', 'notEmpty', 'dateEmpty', 'dateNotEmpty']
/** operators by the contact property type they apply to (undefined = any type) */
const OPERATOR_TYPES: Readonly<Record<string, readonly string[] | undefined>> = {
  any: undefined,
  empty: undefined,
  notEmpty: undefined,
  contains: ['string'],
  notContains: ['string'],
  equals: ['string', 'number'],
  notEquals: ['string', 'number'],
  greaterThan: ['number'],
  lessThan: ['number'],
  isTrue: ['boolean'],
  isFalse: ['boolean'],
  dateEmpty: ['date'],
  dateNotEmpty: ['date'],
  after: ['date'],
  before: ['date'],
  between: ['date'],
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v))

export interface FilterContext {
  /** contact property key → type */
  propertyType(key: string): string | undefined
  /** whether a campaign / workflow / workflow email with this id exists */
  exists(target: 'campaign' | 'workflow' | 'workflowEmail', id: string): boolean
}

/**
 * Reads an audience filter as Loops documents it: `match` all|any and one or more conditions of the three kinds
 * (property, optIn, activity), each operator valid for the property's type. 400 names the condition at fault;
 * an activity condition naming a missing campaign or workflow is a 404.
 */
export function readAudienceFilter(value: unknown, key: string, ctx: FilterContext): AudienceFilter {
  const filter = readRecord(value, key)
  onlyKeys(filter, ['match', 'conditions'], `"${key}"`)
  if (filter.match !== 'all' && filter.match !== 'any') throw badRequest(`"${key}.match" must be "all" or "any", got ${kindOf(filter.match)}.`)
  if (!Array.isArray(filter.conditions) || filter.conditions.length === 0) throw badRequest(`"${key}.conditions" must be a non-empty array of conditions.`)
  if (filter.conditions.length > MAX_FILTER_CONDITIONS) throw badRequest(`"${key}" has ${filter.conditions.length} conditions; a filter may have at most ${MAX_FILTER_CONDITIONS}.`)
  const conditions = filter.conditions.map((c: unknown, i) => readCondition(c, `${key}.conditions[${i}]`, ctx))
  return { match: filter.match, conditions }
}

function readCondition(value: unknown, at: string, ctx: FilterContext): AudienceCondition {
  const c = readRecord(value, at)
  switch (c.type) {
    case 'property': {
      onlyKeys(c, ['type', 'key', 'operator', 'value'], `"${at}"`)
      if (typeof c.key !== 'string' || c.key === '') throw badRequest(`"${at}.key" must be a contact property name.`)
      const type = ctx.propertyType(c.key)
      if (type === undefined) throw badRequest(`"${at}.key": "${c.key}" is not a contact property of this team; create it first or use an existing one.`)
      const operator = c.operator
      if (typeof operator !== 'string' || !Object.hasOwn(OPERATOR_TYPES, operator))
        throw badRequest(`"${at}.operator" must be one of ${Object.keys(OPERATOR_TYPES).join(', ')}; got ${kindOf(operator)}.`)
      const types = OPERATOR_TYPES[operator]
      if (types && !types.includes(type)) throw badRequest(`"${at}.operator" "${operator}" does not apply to "${c.key}", a ${type} property (it applies to ${types.join(' and ')} properties).`)
      if (NO_VALUE.includes(operator)) {
        if (c.value !== undefined) throw badRequest(`"${at}.value" must be left out for the operator "${operator}".`)
        return { type: 'property', key: c.key, operator }
      }
      if (operator === 'between') {
        const range = c.value as Record<string, unknown> | undefined
        if (typeof range !== 'object' || range === null || !isDate(range.from) || !isDate(range.to))
          throw badRequest(`"${at}.value" must be {"from": <ISO date>, "to": <ISO date>} for the operator "between".`)
        return { type: 'property', key: c.key, operator, value: { from: range.from, to: range.to } }
      }
      if (operator === 'after' || operator === 'before') {
        if (!isDate(c.value)) throw badRequest(`"${at}.value" must be an ISO 8601 date for the operator "${operator}".`)
        return { type: 'property', key: c.key, operator, value: c.value }
      }
      if (typeof c.value !== 'string' && !(typeof c.value === 'number' && Number.isFinite(c.value)))
        throw badRequest(`"${at}.value" must be a string or a number for the operator "${operator}", got ${kindOf(c.value)}.`)
      if ((operator === 'greaterThan' || operator === 'lessThan') && typeof c.value !== 'number') throw badRequest(`"${at}.value" must be a number for the operator "${operator}".`)
      return { type: 'property', key: c.key, operator, value: c.value }
    }
    case 'optIn': {
      onlyKeys(c, ['type', 'status'], `"${at}"`)
      if (!['accepted', 'pending', 'rejected', null].includes(c.status as string | null)) throw badRequest(`"${at}.status" must be "accepted", "pending", "rejected" or null.`)
      return { type: 'optIn', status: c.status as 'accepted' | 'pending' | 'rejected' | null }
    }
    case 'activity': {
      onlyKeys(c, ['type', 'action', 'negate', 'target', 'id'], `"${at}"`)
      if (c.action !== 'sent' && c.action !== 'opened' && c.action !== 'clicked') throw badRequest(`"${at}.action" must be "sent", "opened" or "clicked".`)
      if (typeof c.negate !== 'boolean') throw badRequest(`"${at}.negate" must be true or false.`)
      if (c.target !== 'campaign' && c.target !== 'workflow' && c.target !== 'workflowEmail') throw badRequest(`"${at}.target" must be "campaign", "workflow" or "workflowEmail".`)
      if (typeof c.id !== 'string' || c.id === '') throw badRequest(`"${at}.id" must be the ID of the ${c.target}.`)
      if (!ctx.exists(c.target, c.id)) throw new LoopsRequestError(404, `"${at}.id": no ${c.target === 'workflowEmail' ? 'workflow email' : c.target} with the ID "${c.id}".`)
      return { type: 'activity', action: c.action, negate: c.negate, target: c.target, id: c.id }
    }
    default:
      throw badRequest(`"${at}.type" must be "property", "optIn" or "activity", got ${kindOf(c.type)}.`)
  }
}

/** A FilterContext over a team's contact properties and content. */
export function filterContext(state: MockState, team: string, content: { campaigns: Map<string, unknown>; workflows: Map<string, { nodes: Map<string, { emailMessageId?: string }> }> }): FilterContext {
  return {
    propertyType: (key) => state.db.properties.findFirst((q) => q.where({ team, key }))?.type,
    exists: (target, id) => {
      if (target === 'campaign') return content.campaigns.has(id)
      if (target === 'workflow') return content.workflows.has(id)
      for (const w of content.workflows.values()) for (const n of w.nodes.values()) if (n.emailMessageId === id || (n as { id?: string }).id === id) return true
      return false
    },
  }
}
