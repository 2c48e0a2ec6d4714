import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import { assignOwn } from '../util/set-own.ts'
import type { IdentityOrigins, ResolvedIdentity } from './resolve-identities.ts'

/**
 * `resolveIdentities` for input streamed twice (a big NDJSON file), in memory that grows with the visitors that
 * have identity data, not with the calls:
 *
 * 1. first pass: `learn` every envelope that can change an identity (an `identify`, a `userId`, `context.traits`;
 *    `mayChangeIdentity` tells from the raw line, so the others need not even be parsed);
 * 2. second pass: `resolve` every call in input order; it gets the identity its whole session resolves to.
 *
 * Same rules as `resolveIdentities`: calls are grouped by `anonymousId`; `identify` and `context.traits` merge
 * traits; a different user id on the same device starts a new person. A person is (visitor, generation): the
 * generation grows only on a user-id switch, which only a learned envelope can cause, so both passes count the
 * same generations even though the first skips calls.
 */
export interface IdentityIndex {
  /** `index`: the call's input position, kept (with `origins`) as the origin of the traits and user id it sets */
  learn(envelope: DataflyEnvelope, index?: number): void
  resolve(envelope: DataflyEnvelope | null): ResolvedIdentity | null
}

interface Person {
  userId?: string
  traits: Record<string, unknown>
  origins?: IdentityOrigins
}
interface Current {
  generation: number
  userId?: string
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const userIdOf = (envelope: DataflyEnvelope): string | undefined =>
  typeof envelope.userId === 'string' && envelope.userId !== '' ? envelope.userId : undefined

/**
 * The texts `mayChangeIdentity` looks for: a line holding none of them cannot change an identity. Each is a part
 * of a name involved (`"userId"`, `"identify"`, `"traits"`) or a `\u` escape that could spell one, so a line that
 * holds a name holds its marker. They are the parts `Buffer.indexOf` searches fastest: on the benchmark corpus the
 * four take about 85 ms per 100 MiB, where the whole names took about 230 ms.
 */
export const IDENTITY_MARKERS: readonly string[] = ['userI', 'identif', 'raits"', '\\u']

/**
 * Whether a raw NDJSON line may hold an envelope that changes an identity. False only when none of the names
 * involved appears in the text (and no `\u` escape could spell one), so a false answer is always safe.
 */
export function mayChangeIdentity(line: string): boolean {
  return IDENTITY_MARKERS.some((marker) => line.includes(marker))
}


/** Moves a visitor's current person on for this envelope (a user-id switch starts the next generation). */
function step(current: Map<string, Current>, envelope: DataflyEnvelope): Current {
  const userId = userIdOf(envelope)
  let state = current.get(envelope.anonymousId)
  if (!state) {
    state = { generation: 0 }
    current.set(envelope.anonymousId, state)
  } else if (userId !== undefined && state.userId !== undefined && state.userId !== userId) {
    state.generation++
    delete state.userId
  }
  if (userId !== undefined) state.userId = userId
  return state
}

const keyOf = (visitor: string, generation: number): string => `${generation}\u0000${visitor}`

export function createIdentityIndex(options: { origins?: boolean } = {}): IdentityIndex {
  const learned = new Map<string, Current>()
  const replayed = new Map<string, Current>()
  const people = new Map<string, Person>()

  return {
    learn(envelope, index) {
      const state = step(learned, envelope)
      const key = keyOf(envelope.anonymousId, state.generation)
      let person = people.get(key)
      if (!person) {
        person = { traits: {}, ...(options.origins ? { origins: { traits: new Map() } } : {}) }
        people.set(key, person)
      }
      if (state.userId !== undefined) person.userId = state.userId
      const at = person.origins && index !== undefined ? { origins: person.origins, index } : undefined
      if (at && userIdOf(envelope) !== undefined) at.origins.userId = at.index
      if (envelope.type === 'identify' && isObject(envelope.traits)) {
        assignOwn(person.traits, envelope.traits)
        if (at) for (const trait of Object.keys(envelope.traits)) at.origins.traits.set(trait, at.index)
      }
      const contextTraits = envelope.context?.traits
      if (isObject(contextTraits)) {
        assignOwn(person.traits, contextTraits)
        if (at) for (const trait of Object.keys(contextTraits)) at.origins.traits.set(trait, at.index)
      }
    },
    resolve(envelope) {
      if (!envelope) return null
      // a visitor the first pass never learned about has no user id and no traits
      if (!learned.has(envelope.anonymousId)) return { traits: {} }
      const state = step(replayed, envelope)
      const person = people.get(keyOf(envelope.anonymousId, state.generation))
      if (!person) return { traits: {} }
      const identity: ResolvedIdentity = person.userId !== undefined ? { userId: person.userId, traits: person.traits } : { traits: person.traits }
      if (person.origins) identity.origins = person.origins
      return identity
    },
  }
}
