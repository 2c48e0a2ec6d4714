import type { InputCall } from '../mapper/input-call.ts'

/** A "what if" for marketing consent: as the script says, or as if every call had granted, denied or no consent. */
export type ConsentWhatIf = 'as-written' | 'granted' | 'denied' | 'absent'

/**
 * The same calls with every envelope's `context.consent` replaced: `granted` / `denied` set
 * `canonical.marketing` to true / false (the shape Datafly sends now), `absent` removes consent entirely. The
 * input is not changed; calls that could not be read stay as they are. Pure.
 */
export function withConsent(calls: readonly InputCall[], whatIf: ConsentWhatIf): readonly InputCall[] {
  if (whatIf === 'as-written') return calls
  return calls.map((call) => {
    if (!call.envelope) return call
    const { consent: _dropped, ...context } = call.envelope.context ?? {}
    const consent = whatIf === 'absent' ? undefined : { canonical: { marketing: whatIf === 'granted' } }
    return { ...call, envelope: { ...call.envelope, context: consent ? { ...context, consent } : context } }
  })
}
