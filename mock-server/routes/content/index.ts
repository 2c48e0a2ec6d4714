import type { Route } from '../../route.ts'
import { audienceSegmentRoutes } from './audience-segments.ts'
import { campaignRoutes } from './campaigns.ts'
import { componentRoutes } from './components.ts'
import { emailMessageRoutes } from './email-messages.ts'
import { eventPatternRoutes } from './event-patterns.ts'
import { campaignGroupRoutes, transactionalGroupRoutes } from './groups.ts'
import { themeRoutes } from './themes.ts'
import { transactionalEmailRoutes } from './transactional-emails.ts'
import { uploadRoutes } from './uploads.ts'
import { workflowNodeRoutes } from './workflow-nodes.ts'
import { workflowRoutes } from './workflows.ts'

/** Loops' content API: campaigns, emails and LMX, themes, components, segments, uploads, event patterns, transactional emails, workflows. */
export const contentRoutes: readonly Route[] = [
  ...audienceSegmentRoutes,
  ...campaignRoutes,
  ...campaignGroupRoutes,
  ...componentRoutes,
  ...emailMessageRoutes,
  ...eventPatternRoutes,
  ...themeRoutes,
  ...transactionalEmailRoutes,
  ...transactionalGroupRoutes,
  ...uploadRoutes,
  ...workflowRoutes,
  ...workflowNodeRoutes,
]
