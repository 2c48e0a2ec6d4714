import type { Route } from '../route.ts'
import { apiKeyRoute } from './api-key.ts'
import { contactPropertiesRoute, customFieldsRoute } from './contact-properties.ts'
import { createContactRoute, deleteContactRoute, findContactRoute, updateContactRoute } from './contacts.ts'
import { dedicatedSendingIpsRoute } from './dedicated-sending-ips.ts'
import { eventsSendRoute } from './events-send.ts'
import { listsRoute } from './lists.ts'
import { suppressionRoute } from './suppression.ts'
import { transactionalRoute } from './transactional.ts'
import { contentRoutes } from './content/index.ts'

/** Every Loops v1 endpoint the mock serves. */
export const routes: readonly Route[] = [
  apiKeyRoute,
  createContactRoute,
  updateContactRoute,
  findContactRoute,
  deleteContactRoute,
  contactPropertiesRoute,
  customFieldsRoute,
  suppressionRoute,
  listsRoute,
  eventsSendRoute,
  transactionalRoute,
  dedicatedSendingIpsRoute,
  ...contentRoutes,
]
