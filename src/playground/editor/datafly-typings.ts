import type { Preset } from '../../core/index.ts'

const quote = (s: string): string => JSON.stringify(s)

/**
 * The `datafly` declarations the script editor knows: completion, hover docs and parameter hints.
 * The preset's event names (and what each becomes in Loops) are offered as completions for `track`.
 */
export function dataflyTypings(preset: Preset): string {
  const tracked = Object.entries(preset.events).filter(([name]) => name !== 'page')
  const eventDocs = tracked.map(([name, loops]) => ` * - \`${name}\` → \`${loops}\``).join('\n')
  const eventType = tracked.length ? `${tracked.map(([name]) => quote(name)).join(' | ')} | (string & {})` : 'string'
  const unmapped =
    preset.unmappedEvents === 'drop' ? 'Other events are dropped (unmappedEvents: "drop").' : 'Other events are sent in snake_case.'
  return `/** A value Loops stores: string, number, boolean (dates as ISO-8601 strings or ms timestamps). */
type DataflyValue = string | number | boolean | null | DataflyValue[] | { [key: string]: DataflyValue }
type DataflyProperties = { [key: string]: DataflyValue }
/** Event names of the "${preset.name}" preset. */
type DataflyEvent = ${eventType}
interface DataflyConsent { essential?: boolean; functional?: boolean; analytics?: boolean; marketing?: boolean; personalization?: boolean }

/** Datafly.js. In the playground the script is read, never run: arguments must be literals. */
declare const datafly: {
  /**
   * Track a behavioural event: POST /api/v1/events/send.
   * Events of the "${preset.name}" preset:
${eventDocs}
   *
   * ${unmapped}
   * @param event the Datafly event name
   * @param properties sent as eventProperties (scalars only: objects and arrays are ${preset.nonScalarValues === 'flatten' ? 'flattened' : 'dropped'})
   */
  track(event: DataflyEvent, properties?: DataflyProperties): Promise<void>
  /**
   * Identify the visitor: sets the user id and merges traits (email, first_name, last_name, user_group…).
   * Earlier and later events of this visitor reach Loops with this identity.
   * ${preset.identify === 'resolve-only' ? 'Sends nothing by itself in this preset (identify: "resolve-only").' : 'Also sends PUT /api/v1/contacts/update.'}
   */
  identify(userId: string, traits?: DataflyProperties): Promise<void>
  /** A page view: sent as \`${preset.events['page'] ?? 'page_view'}\` with ${preset.pageProperties.join(', ')}. */
  page(name?: string, properties?: DataflyProperties): Promise<void>
  /** Accepted, never sent: Loops has no groups. */
  group(groupId: string, traits?: DataflyProperties): Promise<void>
  /** Consent for the calls that follow; marketing: true sets subscribed: true on the contact. */
  setConsent(consent: DataflyConsent): void
}
`
}
