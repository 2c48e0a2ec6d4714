import type { Issue } from '../schemas/issue.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'
import type { DroppedInput, Provenance } from './provenance.ts'

export type MapStatus = 'ready' | 'skipped' | 'invalid'

/** Exactly one per input call. `request` is present when ready, and when invalid if a body could be built. */
export interface MapResult {
  status: MapStatus
  request?: LoopsRequest
  reason?: string
  issues: Issue[]
  source: { index: number; type: string; event?: string }
  /** with `mapCalls(…, { explain: true })`: where each body field came from, by JSON pointer (ready results) */
  provenance?: Record<string, Provenance>
  /** with `explain`: the input parts this call did not send, why, and the preset key that would send them */
  dropped?: DroppedInput[]
}

/** An issue as the mapper raises it: `from` names the input part it came from, for source positions. */
export type MapperIssue = Issue & { from?: string }
