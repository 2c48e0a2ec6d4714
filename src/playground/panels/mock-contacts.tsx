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
              {entry.timeline.slice(-8).map((event, j) => (
                <li key={j}>
                  <span class="time">{timeOf(event.at)}</span>
                  <span>{event.eventName}</span>
                </li>
              ))}
              {entry.timeline.length > 8 && <li class="hint">… and {entry.timeline.length - 8} earlier events</li>}
            </ul>
          </li>
        )
      })}
    </ul>
  )
}
