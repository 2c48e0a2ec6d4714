import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import { assignOwn } from '../util/set-own.ts'
import type { ResolvedIdentity } from './resolve-identities.ts'

/**
 * `resolveIdentities` for input that arrives one envelope at a time (a file streamed twice): `add` every envelope
 * in input order (the first pass), then `identityOf(index)` gives each call the identity its whole session
 * resolves to (the second pass). Same rules as `resolveIdentities`: calls are grouped by `anonymousId`;
 * `identify` and `context.traits` merge traits; a different user id on the same device starts a new person.
 *
 * Memory is one small integer per call plus one entry per visitor and per person (user id and merged traits),
 * never the envelopes themselves.
 */
export interface IdentityIndex {
  /** Records the call at `index` (0, 1, 2, … in input order); `null` for a call that is not an envelope. */
  add(index: number, envelope: DataflyEnvelope | null): void
  /** The resolved identity of the call at `index`; `null` when it was added as `null` (or never added). */
  identityOf(index: number): ResolvedIdentity | null
  /** Calls added so far. */
  readonly size: number
}

const NONE = -1
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function createIdentityIndex(): IdentityIndex {
  let personOf = new Int32Array(1024)
  let size = 0
  const current = new Map<string, number>()
  const userIds: (string | undefined)[] = []
  const traits: (Record<string, unknown> | undefined)[] = []

  return {
    get size() {
      return size
    },
    add(index, envelope) {
      if (index !== size) throw new RangeError(`Expected call ${size} next, got ${index}: add calls in input order`)
      if (size === personOf.length) {
        const grown = new Int32Array(personOf.length * 2)
        grown.set(personOf)
        personOf = grown
      }
      size++
      if (!envelope) {
        personOf[index] = NONE
        return
      }
      const userId = typeof envelope.userId === 'string' && envelope.userId !== '' ? envelope.userId : undefined
      let person = current.get(envelope.anonymousId)
      const known = person === undefined ? undefined : userIds[person]
      if (person === undefined || (userId !== undefined && known !== undefined && known !== userId)) {
        person = userIds.length
        userIds.push(undefined)
        traits.push(undefined)
        current.set(envelope.anonymousId, person)
      }
      if (userId !== undefined) userIds[person] = userId
      const merge = (source: unknown): void => {
        if (!isObject(source)) return
        const target = traits[person] ?? {}
        assignOwn(target, source)
        traits[person] = target
      }
      if (envelope.type === 'identify') merge(envelope.traits)
      merge(envelope.context?.traits)
      personOf[index] = person
    },
    identityOf(index) {
      if (index < 0 || index >= size) return null
      const person = personOf[index] ?? NONE
      if (person === NONE) return null
      const userId = userIds[person]
      // one traits object per person, shared by its calls, as resolveIdentities does
      let merged = traits[person]
      if (merged === undefined) {
        merged = {}
        traits[person] = merged
      }
      return userId !== undefined ? { userId, traits: merged } : { traits: merged }
    },
  }
}
