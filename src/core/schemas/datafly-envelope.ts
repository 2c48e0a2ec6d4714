import * as z from 'zod'

/** The canonical consent purposes of Datafly Signal (`context.consent.canonical.<purpose>`). */
export const ConsentPurpose = z.enum(['essential', 'functional', 'analytics', 'marketing', 'personalization'])
export type ConsentPurpose = z.infer<typeof ConsentPurpose>

const purposeFlags = {
  essential: z.boolean().optional(),
  functional: z.boolean().optional(),
  analytics: z.boolean().optional(),
  marketing: z.boolean().optional(),
  personalization: z.boolean().optional(),
}

/**
 * `context.consent` in all three shapes Datafly's documents use:
 * - `canonical`: the current fixed vocabulary (wins when present);
 * - `categories`: the CMP's own codes (OneTrust `C0004`, Cookiebot `marketing`), as a map or a list of granted codes;
 * - flat legacy keys (`analytics`, `marketing`, `advertising`, …) directly under `consent`.
 */
export const DataflyConsent = z.looseObject({
  canonical: z.looseObject(purposeFlags).optional(),
  categories: z.union([z.record(z.string(), z.boolean()), z.array(z.string())]).optional(),
  ...purposeFlags,
  advertising: z.boolean().optional(),
})
export type DataflyConsent = z.infer<typeof DataflyConsent>

export const DataflyPageContext = z.looseObject({
  url: z.string().optional(),
  path: z.string().optional(),
  referrer: z.string().optional(),
  title: z.string().optional(),
  search: z.string().optional(),
})

export const DataflyContext = z.looseObject({
  page: DataflyPageContext.optional(),
  consent: DataflyConsent.optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
})
export type DataflyContext = z.infer<typeof DataflyContext>

export const DataflyCallType = z.enum(['track', 'identify', 'page', 'group'])
export type DataflyCallType = z.infer<typeof DataflyCallType>

/**
 * The canonical Datafly Signal envelope, one per `datafly.*` call. `messageId` and `anonymousId` are required by
 * Signal; the readers fill them deterministically when an input lacks them.
 */
export const DataflyEnvelope = z.looseObject({
  type: DataflyCallType,
  event: z.string().optional(),
  name: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
  userId: z.string().min(1).nullable().optional(),
  anonymousId: z.string().min(1),
  groupId: z.string().nullable().optional(),
  context: DataflyContext.optional(),
  timestamp: z.string(),
  messageId: z.string().min(1),
})
export type DataflyEnvelope = z.infer<typeof DataflyEnvelope>
