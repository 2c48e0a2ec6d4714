import { DEDICATED_SENDING_IPS } from '../default-seed.ts'
import { ok } from '../reply.ts'
import type { Route } from '../route.ts'

/** `GET /api/v1/dedicated-sending-ips`: an array of IP strings (the observed live list). */
export const dedicatedSendingIpsRoute: Route = {
  path: 'dedicated-sending-ips',
  methods: { GET: () => ok([...DEDICATED_SENDING_IPS]) },
}
