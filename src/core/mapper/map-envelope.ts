import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'
import type { Preset } from '../schemas/preset.ts'
import { checkBody } from './check-body.ts'
import { setOwn } from '../util/set-own.ts'
import { putValue } from './check-value.ts'
import { compilePreset } from './compile-preset.ts'
import { getPath } from './get-path.ts'
import { idempotencyKeyFor } from './idempotency-key-for.ts'
import type { MapperIssue, MapResult } from './map-result.ts'
import type { ResolvedIdentity } from './resolve-identities.ts'
import { reportUnrouted } from './report-unrouted.ts'
import { resolveConsent } from './resolve-consent.ts'
import { toSnakeCase } from './to-snake-case.ts'

/** The input part a body path came from, so an issue can point at it in the script. */
function inputPathOf(path: string): string | undefined {
  if (path === 'body.eventName') return 'event'
  const m = /^body\.eventProperties\.([^.[]+)/.exec(path)
  return m ? `properties.${m[1] ?? ''}` : undefined
}

function hasKeys(o: object): boolean {
  return Object.keys(o).length > 0
}

type Mapped = Omit<MapResult, 'issues'> & { issues: MapperIssue[] }

/** Keys the body sets itself; a contact property of the same name would clash with them. */
const BODY_KEYS = new Set(['email', 'userId', 'eventName', 'eventProperties', 'contactProperties', 'mailingLists'])

/**
 * Maps one envelope, already resolved to an identity, to exactly one result: ready (with the Loops request),
 * skipped (with a reason) or invalid (with error issues). Pure; never throws on user input.
 */
export function mapEnvelope(
  envelope: DataflyEnvelope,
  identity: ResolvedIdentity,
  preset: Preset,
  index: number,
): Mapped {
  const event = envelope.type === 'track' ? envelope.event : undefined
  const source = { index, type: envelope.type, ...(typeof event === 'string' ? { event } : {}) }
  // What the preset sends nowhere is said up front, as an unmapped event name is.
  const issues: MapperIssue[] = reportUnrouted(envelope, preset)
  const skip = (reason: string): Mapped => ({ status: 'skipped', reason, issues, source })

  if (envelope.type === 'group') {
    return skip('Loops has no group concept: group calls are accepted and not sent.')
  }
  if (envelope.type === 'identify' && preset.identify === 'resolve-only') {
    return skip(
      'identify only resolves identity in this preset (identify: "resolve-only"): its user id and traits reach Loops on this visitor\'s events. Set "identify": "contacts/update" to also update the contact.',
    )
  }

  const consent = resolveConsent(envelope.context?.consent, preset.consent.categoryMap)
  if (consent.shape !== 'none') {
    issues.push({
      severity: consent.shape === 'legacy' ? 'warning' : 'info',
      path: 'context.consent',
      message:
        consent.shape === 'legacy'
          ? 'Consent read from the legacy flat shape (context.consent.marketing); Datafly now sends context.consent.canonical.'
          : `Consent read from context.consent.${consent.shape}${consent.shape === 'categories' ? ' (CMP codes mapped through the preset\'s categoryMap)' : ''}.`,
    })
  }
  const required = preset.consent.requirePurpose
  if (required !== null && consent.purposes[required] === false) {
    return skip(`Consent for ${required} is denied, and this preset requires it (consent.requirePurpose).`)
  }

  const email = preset.identity.emailTraits
    .map((trait) => (Object.hasOwn(identity.traits, trait) ? identity.traits[trait] : undefined))
    .find((v): v is string => typeof v === 'string' && v !== '')
  const userId = identity.userId
  if (email === undefined && userId === undefined) {
    return skip(
      'Anonymous-only events cannot be delivered to Loops: this visitor has no email trait and no user id. Call datafly.identify(userId, { email }) first.',
    )
  }

  const contact: Record<string, unknown> = {}
  const eventProps: Record<string, unknown> = {}
  const consumed = new Set<string>()
  const contactBodyPath = envelope.type !== 'identify' && preset.contactProperties === 'nested' ? 'body.contactProperties' : 'body'

  const policy = preset.nonScalarValues
  for (const route of compilePreset(preset).routes) {
    const from = route.root === 'traits' ? identity.traits : route.root === 'properties' ? envelope.properties : envelope.context
    const value = getPath(from, route.segments)
    if (value === undefined) continue
    if (route.root === 'properties') consumed.add(route.firstKey)
    const targetKey = route.targetKey
    if (route.target === 'contactProperties') {
      if (Object.hasOwn(contact, targetKey)) continue
      if (BODY_KEYS.has(targetKey)) {
        issues.push({ severity: 'warning', path: `${contactBodyPath}.${targetKey}`, message: `"${targetKey}" is set by the request itself; the route ${route.from} → contactProperties.${targetKey} was ignored.`, from: route.from })
        continue
      }
      putValue(contact, targetKey, value, 'contact', contactBodyPath, route.from, policy, issues)
    } else if (envelope.type !== 'identify' && !Object.hasOwn(eventProps, targetKey)) {
      putValue(eventProps, targetKey, value, 'event', 'body.eventProperties', route.from, policy, issues)
    }
  }

  if (preset.consent.subscribeWhenGranted !== null && consent.purposes[preset.consent.subscribeWhenGranted] === true) {
    contact['subscribed'] = true
  }

  if (envelope.type === 'identify') {
    const body: Record<string, unknown> = {
      ...(email !== undefined ? { email } : {}),
      ...(userId !== undefined ? { userId } : {}),
    }
    for (const k of Object.keys(contact)) setOwn(body, k, contact[k])
    return finish({ method: 'PUT', path: '/api/v1/contacts/update', headers: { 'Content-Type': 'application/json' }, body: body as LoopsRequest['body'] })
  }

  // event name
  const datafly = envelope.type === 'page' ? 'page' : (event ?? '')
  let eventName = compilePreset(preset).events.get(datafly)
  if (eventName === undefined) {
    if (preset.unmappedEvents === 'drop') {
      return skip(`"${datafly}" is not in the preset's events table, and unmapped events are dropped (unmappedEvents: "drop").`)
    }
    eventName = toSnakeCase(datafly)
    if (eventName === '') {
      return { status: 'invalid', issues: [...issues, { severity: 'error', path: 'body.eventName', message: `"${datafly}" has no letters or digits to make a Loops event name from. Rename the event or map it in the preset.`, from: 'event' }], source }
    }
    issues.push({ severity: 'info', path: 'body.eventName', message: `"${datafly}" is not in the events table; sent as "${eventName}" (unmappedEvents: "snake_case").`, from: 'event' })
  }

  // event properties
  if (envelope.type === 'page') {
    for (const { field, segments } of compilePreset(preset).pageFields) {
      const value = field === 'name' ? (envelope.name ?? getPath(envelope.properties, segments)) : (getPath(envelope.properties, segments) ?? getPath(envelope.context?.page, segments))
      if (!Object.hasOwn(eventProps, field)) putValue(eventProps, field, value, 'event', 'body.eventProperties', `properties.${field}`, policy, issues)
    }
  } else if (envelope.properties && typeof envelope.properties === 'object') {
    const properties = envelope.properties
    for (const key of Object.keys(properties)) {
      if (consumed.has(key) || Object.hasOwn(eventProps, key)) continue
      putValue(eventProps, key, properties[key], 'event', 'body.eventProperties', `properties.${key}`, policy, issues)
    }
  }

  const body: Record<string, unknown> = {
    ...(email !== undefined ? { email } : {}),
    ...(userId !== undefined ? { userId } : {}),
    eventName,
  }
  if (preset.contactProperties === 'nested') {
    if (hasKeys(contact)) body['contactProperties'] = contact
  } else {
    for (const k of Object.keys(contact)) setOwn(body, k, contact[k])
  }
  if (hasKeys(eventProps)) body['eventProperties'] = eventProps

  return finish({
    method: 'POST',
    path: '/api/v1/events/send',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKeyFor(envelope.messageId) },
    body: body as LoopsRequest['body'],
  })

  function finish(request: LoopsRequest): Mapped {
    const errors = checkBody(request, inputPathOf)
    issues.push(...errors)
    const invalid = issues.some((i) => i.severity === 'error')
    return { status: invalid ? 'invalid' : 'ready', request, issues, source }
  }
}
