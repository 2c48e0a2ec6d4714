import type { EmailMessageRecord, TeamContent } from '../../content/content-store.ts'
import { editBlocked, guardianContext } from '../../content/edit-guard.ts'
import { emailMessageJson, updateEmailMessage } from '../../content/email-message.ts'
import { runGuardian } from '../../content/guardian.ts'
import { onlyKeys, readRecord } from '../../content/read-fields.ts'
import { kindOf } from '../../../src/core/loops/kind-of.ts'
import { badRequest, LoopsRequestError } from '../../loops-request-error.ts'
import { isEmail } from '../../../src/core/loops/check-email.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, notFound } from './content-route.ts'

/** "Each team can send up to 100 preview emails per day." */
export const PREVIEW_DAILY_LIMIT = 100
const DAY_MS = 24 * 60 * 60 * 1000

function findMessage(content: TeamContent, id: string): EmailMessageRecord {
  const message = content.messages.get(id)
  if (!message) throw notFound('Email message', id)
  return message
}

const ALLOWED_VARIABLES: Record<EmailMessageRecord['owner']['kind'], string[]> = {
  campaign: ['contactProperties'],
  workflow: ['contactProperties', 'eventProperties'],
  transactional: ['dataVariables'],
}

function readStringMap(value: unknown, key: string): Record<string, string> | undefined {
  if (value === undefined) return undefined
  const map = readRecord(value, key)
  for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') throw badRequest(`"${key}.${k}" must be a string, got ${kindOf(v)}.`)
  return map as Record<string, string>
}

export const emailMessageRoutes: Route[] = [
  contentRoute('email-messages/{emailMessageId}', {
    GET: ({ params }, content) => ok(emailMessageJson(findMessage(content, params.emailMessageId ?? ''))),
    POST: async ({ state, params, body }, content) => {
      const json = await body()
      const message = findMessage(content, params.emailMessageId ?? '')
      const { message: next, warnings } = updateEmailMessage(state, content, message, json, (m) => editBlocked(content, m))
      return ok(emailMessageJson(next, warnings))
    },
  }),
  contentRoute('email-messages/{emailMessageId}/preview', {
    POST: async ({ state, params, body }, content) => {
      const json = await body()
      onlyKeys(json, ['emails', 'contactProperties', 'eventProperties', 'dataVariables'])
      const message = findMessage(content, params.emailMessageId ?? '')
      if (!Array.isArray(json.emails) || json.emails.length === 0) throw badRequest('"emails" must be a non-empty array of email addresses.')
      const emails = json.emails.map((e: unknown, i) => {
        if (typeof e !== 'string' || !isEmail(e)) throw badRequest(`"emails[${i}]" is not a valid email address.`)
        return e
      })
      const allowed = ALLOWED_VARIABLES[message.owner.kind]
      for (const key of ['contactProperties', 'eventProperties', 'dataVariables'])
        if (json[key] !== undefined && !allowed.includes(key))
          throw badRequest(`"${key}" cannot be used in a preview of a ${message.owner.kind} email message; it accepts ${allowed.map((a) => `"${a}"`).join(' and ')}.`)
      const contactProperties = readStringMap(json.contactProperties, 'contactProperties')
      const eventProperties = readStringMap(json.eventProperties, 'eventProperties')
      const dataVariables = readStringMap(json.dataVariables, 'dataVariables')
      const now = state.clock.now()
      const dayStart = now - (now % DAY_MS)
      const sentToday = content.previews.filter((p) => p.at >= dayStart).reduce((n, p) => n + p.emails.length, 0)
      if (sentToday + emails.length > PREVIEW_DAILY_LIMIT)
        throw new LoopsRequestError(429, `The daily preview limit was reached: a team can send up to ${PREVIEW_DAILY_LIMIT} preview emails per day (${sentToday} sent today).`)
      content.previews.push({
        id: state.newId(),
        emailMessageId: message.id,
        emails,
        subject: message.subject,
        at: now,
        ...(contactProperties ? { contactProperties } : {}),
        ...(eventProperties ? { eventProperties } : {}),
        ...(dataVariables ? { dataVariables } : {}),
      })
      return ok({ id: message.id })
    },
  }),
  contentRoute('email-messages/{emailMessageId}/guardian', {
    GET: ({ state, params }, content) => {
      const message = findMessage(content, params.emailMessageId ?? '')
      return ok(runGuardian(message, guardianContext(state, content, message)))
    },
  }),
]
