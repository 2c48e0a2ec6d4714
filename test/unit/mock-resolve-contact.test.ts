import { expect, it } from 'vitest'
import { resolveContact } from '../../mock-server/resolve-contact.ts'

type C = { id: string; email: string; userId: string | null }
const lookup = (contacts: C[]) => ({
  byEmail: (email: string) => contacts.find((c) => c.email.toLowerCase() === email.toLowerCase()),
  byUserId: (userId: string) => contacts.find((c) => c.userId === userId),
})
const ada: C = { id: 'c1', email: 'ada@example.com', userId: 'u1' }
const bob: C = { id: 'c2', email: 'bob@example.com', userId: null }

it('finds a contact by email alone, case-insensitively, and creates one when the email is unknown', () => {
  expect(resolveContact(lookup([ada]), { email: 'ADA@example.com' })).toEqual({ kind: 'update', contact: ada, set: {} })
  expect(resolveContact(lookup([ada]), { email: 'new@example.com' })).toEqual({ kind: 'create', email: 'new@example.com' })
})

it('finds a contact by userId alone and fails for an unknown userId alone', () => {
  expect(resolveContact(lookup([ada]), { userId: 'u1' })).toEqual({ kind: 'update', contact: ada, set: {} })
  expect(resolveContact(lookup([ada]), { userId: 'u9' })).toMatchObject({ kind: 'fail', message: expect.stringMatching(/not found/) })
})

it('with both, matches by userId and updates the email', () => {
  expect(resolveContact(lookup([ada]), { email: 'ada.new@example.com', userId: 'u1' })).toEqual({ kind: 'update', contact: ada, set: { email: 'ada.new@example.com' } })
})

it('with both, matches by email when the userId is unknown and writes the userId', () => {
  expect(resolveContact(lookup([bob]), { email: 'bob@example.com', userId: 'u2' })).toEqual({ kind: 'update', contact: bob, set: { userId: 'u2' } })
})

it('with both unknown, creates a contact with both', () => {
  expect(resolveContact(lookup([ada]), { email: 'cy@example.com', userId: 'u3' })).toEqual({ kind: 'create', email: 'cy@example.com', userId: 'u3' })
})

it('fails when the userId and the email belong to two different contacts, or neither is given', () => {
  expect(resolveContact(lookup([ada, bob]), { email: 'bob@example.com', userId: 'u1' })).toEqual({ kind: 'fail', message: 'Multiple contacts found for the given criteria' })
  expect(resolveContact(lookup([ada]), {})).toMatchObject({ kind: 'fail', message: 'An email or userId is required.' })
})
