import { DEFAULT_PROPERTIES, DEFAULT_SEED, labelOf } from './default-seed.ts'
import type { MockState } from './mock-state.ts'
import { readContactInput, type ContactInput } from './read-contact-input.ts'
import { applyContact, contactLookup, teamCatalog } from './team-contacts.ts'

/** Puts the default seed and the user's seed into `team`: lists, properties, transactional emails, contacts. */
export async function seedTeam(state: MockState, team: string): Promise<void> {
  const { db, seed } = state
  const now = state.clock.now()
  for (const list of [...DEFAULT_SEED.lists, ...(seed.lists ?? [])])
    await db.lists.create({ id: list.id ?? state.newId(), team, name: list.name, description: list.description ?? null, isPublic: list.isPublic ?? false })
  for (const p of DEFAULT_PROPERTIES)
    await db.properties.create({ team, key: p.key, label: p.label, type: p.type, custom: false, internal: p.internal === true })
  for (const p of [...DEFAULT_SEED.properties, ...(seed.properties ?? [])])
    if (!db.properties.findFirst((q) => q.where({ team, key: p.key })))
      await db.properties.create({ team, key: p.key, label: p.label ?? labelOf(p.key), type: p.type, custom: true, internal: false })
  for (const t of [...DEFAULT_SEED.transactionalEmails, ...(seed.transactionalEmails ?? [])]) {
    const dataVariables = (t.dataVariables ?? []).map((v) => (typeof v === 'string' ? { name: v, required: true } : { name: v.name, required: v.required ?? true }))
    await db.transactionals.create({
      id: t.id ?? state.newId(),
      team,
      name: t.name,
      dataVariables,
      ...(t.system === true ? { systemDataVariables: dataVariables.map((v) => v.name) } : {}),
      published: t.published ?? true,
      createdAt: now,
      updatedAt: now,
    })
  }
  for (const [i, c] of (seed.contacts ?? []).entries()) {
    const { suppressed, ...body } = c
    let input: ContactInput
    try {
      input = readContactInput(body, teamCatalog(state, team))
    } catch (error) {
      throw new TypeError(`the seed's contacts[${i}] is invalid: ${(error as Error).message}`, { cause: error })
    }
    if (input.email === undefined) continue
    const existing = contactLookup(state, team).byEmail(input.email)
    const record = await applyContact(state, team, existing ? { kind: 'update', contact: existing, set: {} } : { kind: 'create', email: input.email, ...(input.userId !== undefined ? { userId: input.userId } : {}) }, input)
    if (suppressed === true) db.contacts.update(record.id, (r) => void (r.suppressed = true))
  }
}
