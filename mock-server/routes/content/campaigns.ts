import { iso, type CampaignRecord, type TeamContent } from '../../content/content-store.ts'
import { createEmailMessage } from '../../content/email-message.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { readAudience } from '../../content/read-audience.ts'
import { atLeastOne, onlyKeys, readRecord, readString } from '../../content/read-fields.ts'
import { badRequest, LoopsRequestError } from '../../loops-request-error.ts'
import type { MockState } from '../../mock-state.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { appUrl, contentRoute, created, notFound } from './content-route.ts'

const FIELDS = ['name', 'campaignGroupId', 'mailingListId', 'audienceSegmentId', 'audienceFilter', 'scheduling']

export const campaignJson = (c: CampaignRecord): Record<string, unknown> => ({
  id: c.id,
  url: appUrl('campaigns', c.id),
  name: c.name,
  status: c.status,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
  emailMessageId: c.emailMessageId,
  campaignGroupId: c.campaignGroupId,
  mailingListId: c.mailingListId,
  audienceSegmentId: c.audienceSegmentId,
  audienceFilter: c.audienceFilter,
  scheduling: c.scheduling,
})

/** "`timestamp` is required and must be in the future when `method` is `schedule`, and must be omitted when `method` is `now`." */
function readScheduling(state: MockState, value: unknown): CampaignRecord['scheduling'] {
  const s = readRecord(value, 'scheduling')
  onlyKeys(s, ['method', 'timestamp'], '"scheduling"')
  if (s.method === 'now') {
    if (s.timestamp !== undefined) throw badRequest('"scheduling.timestamp" must be left out when "scheduling.method" is "now".')
    return { method: 'now', timestamp: null }
  }
  if (s.method !== 'schedule') throw badRequest('"scheduling.method" must be "now" or "schedule".')
  const at = typeof s.timestamp === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s.timestamp) ? Date.parse(s.timestamp) : Number.NaN
  if (Number.isNaN(at)) throw badRequest('"scheduling.timestamp" is required with "schedule" and must be an ISO 8601 date-time.')
  if (at <= state.clock.now()) throw badRequest(`"scheduling.timestamp" must be in the future (now is ${iso(state.clock.now())}).`)
  return { method: 'schedule', timestamp: new Date(at).toISOString() }
}

function readGroup(content: TeamContent, json: Record<string, unknown>): string | undefined {
  const id = readString(json, 'campaignGroupId', { nonEmpty: true })
  if (id !== undefined && !content.campaignGroups.has(id)) throw badRequest(`Campaign group not found: no group with the ID "${id}".`)
  return id
}

export const campaignRoutes: Route[] = [
  contentRoute('campaigns', {
    GET: ({ url }, content) => paginate(url, newestFirst(content.campaigns), campaignJson),
    POST: async ({ state, team, body }, content) => {
      const json = await body()
      onlyKeys(json, FIELDS)
      const name = readString(json, 'name', { required: true, max: 255 })
      const groupId = readGroup(content, json) ?? ([...content.campaignGroups.values()].find((g) => g.reserved)?.id as string)
      const scheduling = json.scheduling === undefined ? { method: 'now' as const, timestamp: null } : readScheduling(state, json.scheduling)
      const audience = readAudience(state, content, team, json)
      const now = state.clock.now()
      const id = state.newId()
      const message = createEmailMessage(state, content, { kind: 'campaign', id })
      const campaign: CampaignRecord = {
        id,
        name,
        status: 'Draft',
        emailMessageId: message.id,
        campaignGroupId: groupId,
        mailingListId: audience.mailingListId ?? null,
        audienceSegmentId: audience.audienceSegmentId ?? null,
        audienceFilter: audience.audienceFilter ?? null,
        scheduling,
        createdAt: now,
        updatedAt: now,
      }
      content.campaigns.set(id, campaign)
      return created({ ...campaignJson(campaign), emailMessageContentRevisionId: message.contentRevisionId })
    },
  }),
  contentRoute('campaigns/{campaignId}', {
    GET: ({ params }, content) => {
      const campaign = content.campaigns.get(params.campaignId ?? '')
      if (!campaign) throw notFound('Campaign', params.campaignId ?? '')
      return ok(campaignJson(campaign))
    },
    POST: async ({ state, team, params, body }, content) => {
      const json = await body()
      onlyKeys(json, FIELDS)
      atLeastOne(json, FIELDS)
      const campaign = content.campaigns.get(params.campaignId ?? '')
      if (!campaign) throw notFound('Campaign', params.campaignId ?? '')
      const name = readString(json, 'name', { max: 255, nonEmpty: true })
      const groupId = readGroup(content, json)
      const scheduling = json.scheduling === undefined ? undefined : readScheduling(state, json.scheduling)
      const audience = readAudience(state, content, team, json)
      const locked = FIELDS.filter((f) => f !== 'name' && f !== 'campaignGroupId' && json[f] !== undefined)
      if (campaign.status !== 'Draft' && locked.length > 0)
        throw new LoopsRequestError(409, `Campaign "${campaign.id}" has been ${campaign.status === 'Sent' ? 'sent' : campaign.status.toLowerCase()}: only "name" and "campaignGroupId" can be updated (got ${locked.join(', ')}).`)
      const next: CampaignRecord = {
        ...campaign,
        ...(name !== undefined ? { name } : {}),
        ...(groupId !== undefined ? { campaignGroupId: groupId } : {}),
        ...(scheduling !== undefined ? { scheduling } : {}),
        ...audience,
        updatedAt: state.clock.now(),
      }
      content.campaigns.set(next.id, next)
      return ok(campaignJson(next))
    },
  }),
]
