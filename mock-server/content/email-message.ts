import { LMX_MAX_BYTES, parseLmx, type LmxDocument } from '../../src/core/lmx/index.ts'
import { kindOf } from '../../src/core/loops/kind-of.ts'
import { badRequest, LoopsRequestError } from '../loops-request-error.ts'
import type { MockState } from '../mock-state.ts'
import { isEmail } from '../../src/core/loops/check-email.ts'
import { iso, type EmailMessageRecord, type MessageOwner, type TeamContent } from './content-store.ts'
import { dataVariableRoot } from './data-variable-name.ts'
import { onlyKeys } from './read-fields.ts'

const EMPTY_DOC: LmxDocument = { blockCount: 0, style: undefined, variables: [], hrefs: [], componentIds: [], loops: [], warnings: [] }

/** A new empty email message (campaigns, transactional drafts and SendEmailAction nodes each get one). */
export function createEmailMessage(state: MockState, content: TeamContent, owner: MessageOwner, from?: EmailMessageRecord): EmailMessageRecord {
  const message: EmailMessageRecord = from
    ? { ...from, id: state.newId(), owner, contentRevisionId: state.newId(), updatedAt: state.clock.now(), contactPropertiesFallbacks: { ...from.contactPropertiesFallbacks }, eventPropertiesFallbacks: { ...from.eventPropertiesFallbacks }, dataVariablesFallbacks: { ...from.dataVariablesFallbacks } }
    : {
        id: state.newId(),
        team: content.team,
        owner,
        subject: '',
        previewText: '',
        fromName: '',
        fromEmail: '',
        replyToEmail: '',
        emailFormat: 'styled',
        lmx: '',
        doc: EMPTY_DOC,
        contentRevisionId: state.newId(),
        updatedAt: state.clock.now(),
        contactPropertiesFallbacks: {},
        eventPropertiesFallbacks: {},
        dataVariablesFallbacks: {},
      }
  content.messages.set(message.id, message)
  return message
}

const nonEmpty = (o: Record<string, string>): boolean => Object.keys(o).length > 0

/** `EmailMessageResponse`: optional fields only when set, `campaignId` or `transactionalId` by owner. */
export function emailMessageJson(m: EmailMessageRecord, warnings?: LmxDocument['warnings']): Record<string, unknown> {
  return {
    id: m.id,
    ...(m.owner.kind === 'campaign' ? { campaignId: m.owner.id } : m.owner.kind === 'transactional' ? { transactionalId: m.owner.id } : {}),
    subject: m.subject,
    previewText: m.previewText,
    fromName: m.fromName,
    fromEmail: m.fromEmail,
    replyToEmail: m.replyToEmail,
    ...(m.ccEmail ? { ccEmail: m.ccEmail } : {}),
    ...(m.bccEmail ? { bccEmail: m.bccEmail } : {}),
    ...(m.languageCode ? { languageCode: m.languageCode } : {}),
    emailFormat: m.emailFormat,
    lmx: m.lmx,
    contentRevisionId: m.contentRevisionId,
    updatedAt: iso(m.updatedAt),
    ...(nonEmpty(m.contactPropertiesFallbacks) ? { contactPropertiesFallbacks: m.contactPropertiesFallbacks } : {}),
    ...(nonEmpty(m.eventPropertiesFallbacks) ? { eventPropertiesFallbacks: m.eventPropertiesFallbacks } : {}),
    ...(nonEmpty(m.dataVariablesFallbacks) ? { dataVariablesFallbacks: m.dataVariablesFallbacks } : {}),
    ...(warnings && warnings.length > 0 ? { warnings } : {}),
  }
}

/**
 * Compiles LMX as the content API does: over 100 KB → 413, a document that does not compile → 422 whose message
 * points at the tag, line and column; a `<Component componentId>` of no component of the team → 422.
 */
export function compileLmx(lmx: string, content: TeamContent, options: { component?: boolean } = {}): LmxDocument {
  const bytes = new TextEncoder().encode(lmx).byteLength
  if (bytes > LMX_MAX_BYTES) throw new LoopsRequestError(413, `LMX payload exceeds the 100KB limit (${bytes} bytes; at most ${LMX_MAX_BYTES}).`)
  const result = parseLmx(lmx, options)
  if (!result.ok) throw new LoopsRequestError(422, `LMX failed to compile: ${result.error.message}.`)
  for (const id of result.document.componentIds)
    if (!content.components.has(id)) throw new LoopsRequestError(422, `LMX failed to compile: <Component componentId="${id}"> names no component of this team (create it with POST /v1/components).`)
  return result.document
}

const UPDATE_FIELDS = ['expectedRevisionId', 'subject', 'previewText', 'fromName', 'fromEmail', 'replyToEmail', 'ccEmail', 'bccEmail', 'languageCode', 'emailFormat', 'lmx', 'contactPropertiesFallbacks', 'eventPropertiesFallbacks', 'dataVariablesFallbacks'] as const

function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key]
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw badRequest(`"${key}" must be a string, got ${kindOf(v)}.`)
  return v
}

function fallbacks(body: Record<string, unknown>, key: string, current: Record<string, string>): Record<string, string> {
  const v = body[key]
  if (v === undefined) return current
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest(`"${key}" must be an object of strings (null deletes a fallback), got ${kindOf(v)}.`)
  const next = { ...current }
  for (const [name, value] of Object.entries(v as Record<string, unknown>)) {
    if (value === null) delete next[name]
    else if (typeof value === 'string') next[name] = value
    else throw badRequest(`"${key}.${name}" must be a string or null, got ${kindOf(value)}.`)
  }
  return next
}

/** Why the owner does not allow edits now (the campaign was sent, the message is a published version), or undefined. */
export type EditGuard = (message: EmailMessageRecord) => string | undefined

/**
 * `POST /v1/email-messages/{id}`: checks every field, then the revision (a stale `expectedRevisionId` → 409 carrying
 * the current `contentRevisionId`), compiles the LMX and writes the fields; every change gets a new revision.
 */
export function updateEmailMessage(state: MockState, content: TeamContent, message: EmailMessageRecord, body: Record<string, unknown>, guard: EditGuard): { message: EmailMessageRecord; warnings: LmxDocument['warnings'] } {
  onlyKeys(body, UPDATE_FIELDS)
  const expected = body.expectedRevisionId
  if (expected !== undefined && typeof expected !== 'string') throw badRequest(`"expectedRevisionId" must be a string, got ${kindOf(expected)}.`)
  const fromEmail = str(body, 'fromEmail')
  if (fromEmail !== undefined && (fromEmail.includes('@') || /\s/.test(fromEmail)))
    throw badRequest(`"fromEmail" is the sender username only, without "@" or a domain (e.g. "updates"); the team's sending domain is appended. Got "${fromEmail}".`)
  const replyTo = str(body, 'replyToEmail')
  if (replyTo !== undefined && replyTo !== '' && !isEmail(replyTo)) throw badRequest(`"replyToEmail" must be empty or a valid email address, got "${replyTo}".`)
  for (const key of ['ccEmail', 'bccEmail']) {
    const v = str(body, key)
    if (v !== undefined && v !== '' && !isEmail(v)) throw badRequest(`"${key}" must be a valid email address, got "${v}".`)
  }
  const languageCode = str(body, 'languageCode')
  if (languageCode !== undefined && languageCode !== '' && !/^[a-z]{2}$/.test(languageCode)) throw badRequest(`"languageCode" must be an ISO 639-1 code such as "en" or "fr", got "${languageCode}".`)
  const emailFormat = body.emailFormat
  if (emailFormat !== undefined && emailFormat !== 'styled' && emailFormat !== 'plain') throw badRequest(`"emailFormat" must be "styled" or "plain", got ${kindOf(emailFormat)}.`)
  const subject = str(body, 'subject')
  const previewText = str(body, 'previewText')
  const fromName = str(body, 'fromName')
  const lmx = str(body, 'lmx')
  const contactFallbacks = fallbacks(body, 'contactPropertiesFallbacks', message.contactPropertiesFallbacks)
  const eventFallbacks = fallbacks(body, 'eventPropertiesFallbacks', message.eventPropertiesFallbacks)
  const dataFallbacks = fallbacks(body, 'dataVariablesFallbacks', message.dataVariablesFallbacks)
  const blocked = guard(message)
  if (blocked !== undefined) throw new LoopsRequestError(409, blocked)
  if (expected !== undefined && expected !== message.contentRevisionId)
    throw new LoopsRequestError(409, `The email message has changed since you read it: \`expectedRevisionId\` "${expected}" is stale; the current \`contentRevisionId\` is "${message.contentRevisionId}". Fetch the message, reapply your change and retry with that revision.`, { contentRevisionId: message.contentRevisionId })
  const doc = lmx === undefined ? message.doc : compileLmx(lmx, content)
  const next: EmailMessageRecord = {
    ...message,
    ...(subject !== undefined ? { subject } : {}),
    ...(previewText !== undefined ? { previewText } : {}),
    ...(fromName !== undefined ? { fromName } : {}),
    ...(fromEmail !== undefined ? { fromEmail } : {}),
    ...(replyTo !== undefined ? { replyToEmail: replyTo } : {}),
    ...(languageCode !== undefined ? { languageCode } : {}),
    ...(emailFormat !== undefined ? { emailFormat } : {}),
    ...(lmx !== undefined ? { lmx, doc } : {}),
    contactPropertiesFallbacks: contactFallbacks,
    eventPropertiesFallbacks: eventFallbacks,
    dataVariablesFallbacks: dataFallbacks,
    contentRevisionId: state.newId(),
    updatedAt: state.clock.now(),
  }
  for (const key of ['ccEmail', 'bccEmail'] as const) {
    const v = str(body, key)
    if (v === '') delete next[key]
    else if (v !== undefined) next[key] = v
  }
  content.messages.set(next.id, next)
  return { message: next, warnings: lmx === undefined ? [] : doc.warnings }
}

/** The data variables of a message's LMX, in order of first use; a variable with a fallback is optional. */
export function dataVariablesOf(message: EmailMessageRecord): { name: string; required: boolean }[] {
  const seen = new Map<string, boolean>()
  for (const v of [...message.doc.variables, ...message.doc.loops])
    if (v.kind === 'data') {
      const name = dataVariableRoot(v.name)
      if (!seen.has(name)) seen.set(name, !Object.hasOwn(message.dataVariablesFallbacks, name))
    }
  return [...seen].map(([name, required]) => ({ name, required }))
}
