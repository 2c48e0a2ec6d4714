import * as z from 'zod'
import { ConsentPurpose } from './datafly-envelope.ts'

/**
 * A property route: copy the value at `from` (in the resolved call) to `to` (in the Loops body).
 * `from`: `traits.<name>`, `properties.<name>` or `context.<path>`; `to`: `contactProperties.<name>` or
 * `eventProperties.<name>`. A `properties.*` value routed elsewhere is no longer sent as an event property.
 */
export const PropertyRoute = z.strictObject({
  from: z
    .string()
    .regex(/^(traits|properties|context)\.[^.\s][^\s]*$/, 'must start with traits., properties. or context.'),
  to: z
    .string()
    .regex(/^(contactProperties|eventProperties)\.[^.\s]+$/, 'must start with contactProperties. or eventProperties.'),
})
export type PropertyRoute = z.infer<typeof PropertyRoute>

export const Preset = z.strictObject({
  name: z.string().min(1).describe('Shown in the playground and in results.'),
  events: z
    .record(z.string(), z.string().min(1))
    .describe('Datafly event name → Loops eventName. The key `page` names every page call.'),
  unmappedEvents: z
    .enum(['snake_case', 'drop'])
    .describe('Track events not in `events`: send them as GA4-style snake_case, or drop them.'),
  identity: z.strictObject({
    emailTraits: z.array(z.string().min(1)).min(1).describe('Trait names read, in order, for the contact email.'),
  }),
  routes: z.array(PropertyRoute).describe('Property routing into contactProperties.* and eventProperties.*'),
  pageProperties: z
    .array(z.string().min(1))
    .describe('For page calls: the page fields sent as eventProperties (from the call, then context.page).'),
  consent: z.strictObject({
    subscribeWhenGranted: ConsentPurpose.nullable().describe(
      'When this canonical purpose is true, set subscribed: true on the contact. Never sends false.',
    ),
    requirePurpose: ConsentPurpose.nullable().describe('Skip calls whose consent for this purpose is denied.'),
    categoryMap: z
      .record(z.string(), ConsentPurpose)
      .describe('Raw CMP category codes (context.consent.categories) → canonical purposes.'),
  }),
  identify: z
    .enum(['resolve-only', 'contacts/update'])
    .describe('resolve-only: identify only links identity; contacts/update: also PUT /api/v1/contacts/update.'),
  contactProperties: z
    .enum(['nested', 'root'])
    .describe("nested: under contactProperties (the Datafly document's shape); root: top-level keys (Loops' documented shape)."),
  nonScalarValues: z
    .enum(['drop', 'flatten'])
    .describe('Objects and arrays, which Loops rejects: drop them with a warning, or flatten to items[0].sku keys.'),
})
export type Preset = z.infer<typeof Preset>

/** What a preset starts from: `Default` (its tables and settings under yours) or `none` (empty tables). */
export const PresetBase = z.enum(['Default', 'none'])
export type PresetBase = z.infer<typeof PresetBase>

/**
 * A preset as a user writes it: every key optional, laid over the Default preset by `parsePreset`. The tables
 * (`events`, `routes`, `consent.categoryMap`) merge entry by entry over Default's, yours winning; an event mapped
 * to `null` removes Default's entry; `"extends": "none"` starts the three tables empty instead.
 */
export const PresetFile = z.strictObject({
  extends: PresetBase.optional().describe(
    'What this preset starts from. "Default" (the default): your events, routes and categoryMap merge over the Default preset\'s. "none": those tables start empty.',
  ),
  name: Preset.shape.name.optional(),
  events: z
    .record(z.string(), z.string().min(1).nullable())
    .optional()
    .describe('Datafly event name → Loops eventName, merged over the Default table (null removes a Default entry). The key `page` names every page call.'),
  unmappedEvents: Preset.shape.unmappedEvents.optional(),
  identity: Preset.shape.identity.partial().optional(),
  routes: Preset.shape.routes.optional().describe('Property routes, tried before the Default preset\'s (unless "extends": "none").'),
  pageProperties: Preset.shape.pageProperties.optional(),
  consent: Preset.shape.consent.partial().optional(),
  identify: Preset.shape.identify.optional(),
  contactProperties: Preset.shape.contactProperties.optional(),
  nonScalarValues: Preset.shape.nonScalarValues.optional(),
})
export type PresetFile = z.infer<typeof PresetFile>
