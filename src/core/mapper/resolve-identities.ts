import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import { assignOwn } from '../util/set-own.ts'
import { isObject } from '../loops/is-object.ts'

/** Who a call belongs to after identity resolution: the visitor's user id and merged traits. */
export interface ResolvedIdentity {
  userId?: string
  traits: Record<string, unknown>
  /** when asked for (explaining a mapping): the position of the call that set the user id and each trait last */
  origins?: IdentityOrigins
}

export interface IdentityOrigins {
  userId?: number
  traits: Map<string, number>
}

interface Segment {
  userId?: string
  traits: Record<string, unknown>
  members: number[]
  origins?: IdentityOrigins
}


/**
 * Resolves every call of a session to an identity, as Signal's Identity Hub does: calls are grouped by visitor
 * (`anonymousId`); `identify` sets the user id and merges traits (new keys overwrite); every call of that visitor,
 * earlier or later, resolves to the merged identity. An `identify` with a different user id starts a new person
 * on the same device (a log-out / log-in), so traits never leak between users.
 */
export function resolveIdentities(envelopes: readonly (DataflyEnvelope | null)[], options: { origins?: boolean } = {}): (ResolvedIdentity | null)[] {
  const current = new Map<string, Segment>()
  const segmentOf: (Segment | undefined)[] = []

  envelopes.forEach((envelope, index) => {
    if (!envelope) return
    const visitor = envelope.anonymousId
    let segment = current.get(visitor)
    const userId = typeof envelope.userId === 'string' && envelope.userId !== '' ? envelope.userId : undefined
    if (!segment || (userId !== undefined && segment.userId !== undefined && segment.userId !== userId)) {
      segment = { traits: {}, members: [], ...(options.origins ? { origins: { traits: new Map() } } : {}) }
      current.set(visitor, segment)
    }
    if (userId !== undefined) {
      segment.userId = userId
      if (segment.origins) segment.origins.userId = index
    }
    if (envelope.type === 'identify' && isObject(envelope.traits)) {
      assignOwn(segment.traits, envelope.traits)
      if (segment.origins) noteOrigins(segment.origins, envelope.traits, index)
    }
    const contextTraits = envelope.context?.traits
    if (isObject(contextTraits)) {
      assignOwn(segment.traits, contextTraits)
      if (segment.origins) noteOrigins(segment.origins, contextTraits, index)
    }
    segment.members.push(index)
    segmentOf[index] = segment
  })

  return envelopes.map((envelope, index) => {
    const segment = segmentOf[index]
    if (!envelope || !segment) return null
    const identity: ResolvedIdentity = segment.userId !== undefined ? { userId: segment.userId, traits: segment.traits } : { traits: segment.traits }
    if (segment.origins) identity.origins = segment.origins
    return identity
  })
}

function noteOrigins(origins: IdentityOrigins, traits: Record<string, unknown>, index: number): void {
  for (const key of Object.keys(traits)) origins.traits.set(key, index)
}
