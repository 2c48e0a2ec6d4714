import { LoopsRequestError } from '../loops-request-error.ts'
import type { MockState } from '../mock-state.ts'
import { filterContext, readAudienceFilter, type AudienceFilter } from './audience-filter.ts'
import type { TeamContent } from './content-store.ts'
import { readNullableString } from './read-fields.ts'

export interface AudienceChange {
  mailingListId?: string | null
  audienceSegmentId?: string | null
  audienceFilter?: AudienceFilter | null
}

/**
 * `mailingListId`, `audienceSegmentId` and `audienceFilter` of a campaign (or a workflow AudienceFilter node):
 * a list or segment that does not exist → 404. Setting the segment without a filter clears the filter, and the
 * other way round; when both are sent, the filter applies on top of the segment's.
 */
export function readAudience(state: MockState, content: TeamContent, team: string, json: Record<string, unknown>, withList = true): AudienceChange {
  const change: AudienceChange = {}
  if (withList) {
    const listId = readNullableString(json, 'mailingListId')
    if (listId !== undefined) {
      if (listId !== null && !state.db.lists.findFirst((q) => q.where({ team, id: listId }))) throw new LoopsRequestError(404, `Mailing list not found: no list with the ID "${listId}" (see GET /v1/lists).`)
      change.mailingListId = listId
    }
  }
  const segmentId = readNullableString(json, 'audienceSegmentId')
  if (segmentId !== undefined && segmentId !== null && !content.segments.has(segmentId))
    throw new LoopsRequestError(404, `Audience segment not found: no segment with the ID "${segmentId}".`)
  const filter = json.audienceFilter === undefined ? undefined : json.audienceFilter === null ? null : readAudienceFilter(json.audienceFilter, 'audienceFilter', filterContext(state, team, content))
  if (segmentId !== undefined) {
    change.audienceSegmentId = segmentId
    if (filter === undefined) change.audienceFilter = null
  }
  if (filter !== undefined) {
    change.audienceFilter = filter
    if (segmentId === undefined) change.audienceSegmentId = null
  }
  return change
}
