import { ok } from '../reply.ts'
import type { Route } from '../route.ts'

/** `GET /api/v1/api-key`: `{"success":true,"teamName":…}` (observed live). */
export const apiKeyRoute: Route = {
  path: 'api-key',
  methods: { GET: ({ team }) => ok({ success: true, teamName: team }) },
}
