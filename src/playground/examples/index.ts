import { anonymous } from './anonymous.ts'
import { burst } from './burst.ts'
import { clayRoundTrip } from './clay-round-trip.ts'
import { consent } from './consent.ts'
import type { Example } from './example.ts'
import { funnel } from './funnel.ts'
import { invalidProperty } from './invalid-property.ts'
import { workedExample } from './worked-example.ts'

export type { Example } from './example.ts'

/** The Examples menu, in order. The first is what a new visitor sees. */
export const examples: readonly Example[] = [workedExample, funnel, consent, anonymous, invalidProperty, burst, clayRoundTrip]
