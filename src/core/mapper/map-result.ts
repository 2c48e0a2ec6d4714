import type { Issue } from '../schemas/issue.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'

export type MapStatus = 'ready' | 'skipped' | 'invalid'

/** Exactly one per input call. `request` is present when ready, and when invalid if a body could be built. */
export interface MapResult {
  status: MapStatus
  request?: LoopsRequest
  reason?: string
  issues: Issue[]
  source: { index: number; type: string; event?: string }
}

/** An issue as the mapper raises it: `from` names the input part it came from, for source positions. */
export type MapperIssue = Issue & { from?: string }
