import type { ContactRecord } from '../db.ts'
import type { MockState } from '../mock-state.ts'
import type { ContactInput } from '../read-contact-input.ts'
import type { Resolution } from '../resolve-contact.ts'
import { applyContact } from '../team-contacts.ts'
import { contactBefore, emitContactWrite } from './emit-contact-events.ts'

/** `applyContact` for API routes: the same write, then the webhooks it causes (seeding uses `applyContact` alone). */
export async function applyContactAndEmit(
  state: MockState,
  team: string,
  resolution: Exclude<Resolution<ContactRecord>, { kind: 'fail' }>,
  input: ContactInput,
): Promise<ContactRecord> {
  const before = resolution.kind === 'create' ? undefined : contactBefore(resolution.contact)
  const after = await applyContact(state, team, resolution, input)
  emitContactWrite(state, team, before, after)
  return after
}
