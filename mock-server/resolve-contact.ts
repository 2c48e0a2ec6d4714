export interface ContactLookup<C extends { id: string; email: string; userId: string | null }> {
  byEmail(email: string): C | undefined
  byUserId(userId: string): C | undefined
}

export type Resolution<C> =
  | { kind: 'update'; contact: C; set: { email?: string; userId?: string } }
  | { kind: 'create'; email: string; userId?: string }
  | { kind: 'fail'; message: string }

/**
 * Loops' contact resolution for `events/send` and `contacts/update`: with both `email` and `userId`, a contact
 * matching either is used and the other value is written to it (none → a new contact with both); `email` alone
 * finds or creates; `userId` alone must match an existing contact.
 */
export function resolveContact<C extends { id: string; email: string; userId: string | null }>(
  lookup: ContactLookup<C>,
  ids: { email?: string | undefined; userId?: string | undefined },
): Resolution<C> {
  const { email, userId } = ids
  if (email === undefined && userId === undefined) return { kind: 'fail', message: 'An email or userId is required.' }
  if (email === undefined) {
    const contact = lookup.byUserId(userId ?? '')
    return contact
      ? { kind: 'update', contact, set: {} }
      : { kind: 'fail', message: 'Contact not found. A contact is created only when an email is given.' }
  }
  if (userId === undefined) {
    const contact = lookup.byEmail(email)
    return contact ? { kind: 'update', contact, set: {} } : { kind: 'create', email }
  }
  const byUser = lookup.byUserId(userId)
  if (byUser) {
    if (sameEmail(byUser.email, email)) return { kind: 'update', contact: byUser, set: {} }
    const other = lookup.byEmail(email)
    if (other && other.id !== byUser.id)
      // Loops' wording (polarsource/polar#11675): the email and the userId match two different contacts
      return { kind: 'fail', message: 'Multiple contacts found for the given criteria' }
    return { kind: 'update', contact: byUser, set: { email } }
  }
  const byEmail = lookup.byEmail(email)
  if (byEmail) return { kind: 'update', contact: byEmail, set: { userId } }
  return { kind: 'create', email, userId }
}

export const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
