import { useState } from 'preact/hooks'
import type { ContactView } from '../state/mock-state.ts'
import { timeOf } from './time-of.ts'

const HIDDEN = new Set(['id', 'email', 'userId', 'mailingLists', 'optInStatus'])

function propsOf(contact: Record<string, unknown>): string {
  return Object.entries(contact)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== '' && value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(' · ')
}

/** Contacts with their properties and activity timeline. */
export function MockContacts({ contacts }: { contacts: ContactView[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const toggle = (i: number): void => {
    const next = new Set(expanded)
    if (!next.delete(i)) next.add(i)
    setExpanded(next)
  }
  if (contacts.length === 0) return <p class="empty">No contacts yet. Send events and they appear here, merged by email or user id.</p>
  return (
    <ul class="rows" aria-label="Contacts">
      {contacts.map((entry, i) => {
        const { email, userId } = entry.contact as { email?: string; userId?: string }
        return (
          <li class="contact" key={String(entry.contact['id'] ?? i)}>
            <div class="who">
              {email ?? '(no email)'} {userId && <span class="hint">· {userId}</span>}
            </div>
            <div class="props">{propsOf(entry.contact) || 'no other properties'}</div>
            <ul class="timeline" aria-label="Timeline">
              {(expanded.has(i) ? entry.timeline : entry.timeline.slice(-8)).map((event, j) => (
                <li key={j}>
                  <span class="time">{timeOf(event.at)}</span>
                  <span class="event-name">{event.eventName}</span>
                </li>
              ))}
              {entry.timeline.length > 8 && (
                <li>
                  <button type="button" class="btn link small-link" aria-expanded={expanded.has(i)} onClick={() => toggle(i)}>
                    {expanded.has(i) ? 'show the last 8 only' : `… and ${entry.timeline.length - 8} earlier events: show all`}
                  </button>
                </li>
              )}
            </ul>
          </li>
        )
      })}
    </ul>
  )
}
