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
import { pointerToken, type MapTrace } from './provenance.ts'

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
  trace?: MapTrace,
): Mapped {
  const event = envelope.type === 'track' ? envelope.event : undefined
  const source = { index, type: envelope.type, ...(typeof event === 'string' ? { event } : {}) }
  // What the preset sends nowhere is said up front, as an unmapped event name is.
  const issues: MapperIssue[] = reportUnrouted(envelope, preset, trace, index)
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

  const emailTrait = preset.identity.emailTraits.find((trait) => {
    const v = Object.hasOwn(identity.traits, trait) ? identity.traits[trait] : undefined
    return typeof v === 'string' && v !== ''
  })
  const email = emailTrait === undefined ? undefined : (identity.traits[emailTrait] as string)
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
  const contactPointer = contactBodyPath === 'body' ? '/body' : '/body/contactProperties'
  /** putValue, and when explaining, what it wrote (a flattened value writes several keys) or why it wrote nothing */
  const put = (target: Record<string, unknown>, key: string, value: unknown, kind: 'contact' | 'event', from: string, rule: string, call: number): void => {
    const bodyPath = kind === 'contact' ? contactBodyPath : 'body.eventProperties'
    if (!trace) return putValue(target, key, value, kind, bodyPath, from, policy, issues)
    const before = new Set(Object.keys(target))
    const said = issues.length
    putValue(target, key, value, kind, bodyPath, from, policy, issues)
    let wrote = false
    for (const k of Object.keys(target)) {
      if (before.has(k)) continue
      wrote = true
      const flattened = k !== key
      trace.field(`${kind === 'contact' ? contactPointer : '/body/eventProperties'}/${pointerToken(k)}`, { call, from: flattened ? from + k.slice(key.length) : from, rule, ...(flattened ? { transform: 'flatten' as const } : {}) })
    }
    if (!wrote && value !== undefined) {
      const nonScalar = typeof value === 'object' && value !== null && policy === 'drop'
      trace.drop({ call, from, reason: issues.slice(said).map((i) => i.message).join(' ') || 'not sent', ...(nonScalar ? { route: '"nonScalarValues": "flatten"' } : {}) })
    }
  }
  let routeIndex = -1
  for (const route of compilePreset(preset).routes) {
    routeIndex++
    const from = route.root === 'traits' ? identity.traits : route.root === 'properties' ? envelope.properties : envelope.context
    const value = getPath(from, route.segments)
    if (value === undefined) continue
    if (route.root === 'properties') consumed.add(route.firstKey)
    const targetKey = route.targetKey
    const rule = trace ? `routes[${routeIndex}]: ${route.from} → ${route.target}.${targetKey}` : ''
    const call = route.root === 'traits' ? (identity.origins?.traits.get(route.firstKey) ?? index) : index
    if (route.target === 'contactProperties') {
      if (Object.hasOwn(contact, targetKey)) continue
      if (BODY_KEYS.has(targetKey)) {
        issues.push({ severity: 'warning', path: `${contactBodyPath}.${targetKey}`, message: `"${targetKey}" is set by the request itself; the route ${route.from} → contactProperties.${targetKey} was ignored.`, from: route.from })
        trace?.drop({ call, from: route.from, reason: `"${targetKey}" is set by the request itself, so ${rule} was ignored.`, route: `a route to another contactProperties name` })
        continue
      }
      put(contact, targetKey, value, 'contact', route.from, rule, call)
    } else if (envelope.type !== 'identify' && !Object.hasOwn(eventProps, targetKey)) {
      put(eventProps, targetKey, value, 'event', route.from, rule, call)
    }
  }

  if (preset.consent.subscribeWhenGranted !== null && consent.purposes[preset.consent.subscribeWhenGranted] === true) {
    contact['subscribed'] = true
    trace?.field(`${contactPointer}/subscribed`, { call: index, from: consentPathOf(consent.shape, preset.consent.subscribeWhenGranted), rule: `consent.subscribeWhenGranted: "${preset.consent.subscribeWhenGranted}"` })
  }
  if (trace) {
    if (email !== undefined && emailTrait !== undefined) trace.field('/body/email', { call: identity.origins?.traits.get(emailTrait) ?? index, from: `traits.${emailTrait}`, rule: 'identity.emailTraits' })
    if (userId !== undefined) trace.field('/body/userId', { call: identity.origins?.userId ?? index, from: 'userId', rule: 'identity (the user id of datafly.identify, resolved over the session)' })
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
      trace?.drop({ call: index, from: 'event', reason: `"${datafly}" is not in the preset's events table, and unmapped events are dropped.`, route: `events[${JSON.stringify(datafly)}]` })
      return skip(`"${datafly}" is not in the preset's events table, and unmapped events are dropped (unmappedEvents: "drop").`)
    }
    eventName = toSnakeCase(datafly)
    if (eventName === '') {
      return { status: 'invalid', issues: [...issues, { severity: 'error', path: 'body.eventName', message: `"${datafly}" has no letters or digits to make a Loops event name from. Rename the event or map it in the preset.`, from: 'event' }], source }
    }
    issues.push({ severity: 'info', path: 'body.eventName', message: `"${datafly}" is not in the events table; sent as "${eventName}" (unmappedEvents: "snake_case").`, from: 'event' })
    trace?.field('/body/eventName', { call: index, from: envelope.type === 'page' ? 'type' : 'event', rule: 'unmappedEvents: "snake_case"', transform: 'snake_case' })
  } else {
    trace?.field('/body/eventName', { call: index, from: envelope.type === 'page' ? 'type' : 'event', rule: `events[${JSON.stringify(datafly)}]` })
  }

  // event properties
  if (envelope.type === 'page') {
    for (const { field, segments } of compilePreset(preset).pageFields) {
      const fromProperties = field === 'name' ? envelope.name === undefined : getPath(envelope.properties, segments) !== undefined
      const value = field === 'name' ? (envelope.name ?? getPath(envelope.properties, segments)) : (getPath(envelope.properties, segments) ?? getPath(envelope.context?.page, segments))
      const from = fromProperties ? `properties.${field}` : field === 'name' ? 'name' : `context.page.${field}`
      if (!Object.hasOwn(eventProps, field)) put(eventProps, field, value, 'event', from, `pageProperties ("${field}")`, index)
    }
  } else if (envelope.properties && typeof envelope.properties === 'object') {
    const properties = envelope.properties
    for (const key of Object.keys(properties)) {
      if (consumed.has(key) || Object.hasOwn(eventProps, key)) continue
      put(eventProps, key, properties[key], 'event', `properties.${key}`, 'track properties are sent as event properties', index)
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

/** The input path consent was read from, for provenance. */
function consentPathOf(shape: string, purpose: string): string {
  if (shape === 'canonical') return `context.consent.canonical.${purpose}`
  if (shape === 'categories') return 'context.consent.categories'
  return `context.consent.${purpose}`
}
