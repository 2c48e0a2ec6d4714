import { isLoopsDate } from '../check-value.ts'
import type { MockState } from '../mock-state.ts'
import type { EventPatternRecord, TeamContent } from './content-store.ts'

type PropertyType = 'string' | 'number' | 'boolean' | 'date'
const typeOf = (v: unknown): PropertyType => (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : isLoopsDate(v) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? 'date' : 'string')

/** The pattern of an event name, created on first sight (an event sent, or a workflow trigger naming it). */
export function eventPattern(state: MockState, content: TeamContent, eventName: string): EventPatternRecord {
  let pattern = content.eventPatterns.get(eventName)
  if (!pattern) content.eventPatterns.set(eventName, (pattern = { id: state.newId(), eventName, properties: new Map() }))
  return pattern
}

/**
 * Brings a team's event patterns up to date with the events it has sent: each event name with the names and types
 * of the event properties seen with it (the first type seen wins). Reads only the events not folded in yet.
 */
export function syncEventPatterns(state: MockState, content: TeamContent): void {
  const events = state.db.events
  if (events.length < content.eventsSeen) content.eventsSeen = 0
  for (let i = content.eventsSeen; i < events.length; i++) {
    const e = events.at(i)
    if (!e || e.team !== content.team) continue
    const pattern = eventPattern(state, content, e.eventName)
    for (const [name, value] of Object.entries(e.eventProperties)) if (!pattern.properties.has(name)) pattern.properties.set(name, typeOf(value))
  }
  content.eventsSeen = events.length
}

export const eventPropertiesJson = (p: EventPatternRecord) => [...p.properties].map(([name, type]) => ({ name, type }))
