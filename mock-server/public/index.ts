// `loops-playground/mock`: the mock Loops API for your own tests. In-process (msw handlers, a ready setupServer)
// or on a real port (startMockServer), with its control API as typed functions.
export { loopsHandlers, LOOPS_ORIGIN, type LoopsHandlers } from './loops-handlers.ts'
export { setupLoopsMock, type LoopsMockSetup } from './setup-loops-mock.ts'
export { startMockServer, type RunningMockServer, type StartMockServerOptions } from './start-mock-server.ts'
export { mockControl, type MockControl } from './mock-control.ts'
export { MockControlError } from './mock-control-error.ts'
export { createMock, generateKey } from '../create-mock.ts'
export { parseSeed } from '../parse-seed.ts'
export { DEFAULT_SEED } from '../default-seed.ts'
export type {
  ContactValue,
  FaultRule,
  Mock,
  MockClock,
  MockContact,
  MockKey,
  MockOptions,
  MockSeed,
  PropertyType,
  RequestLogEntry,
  SentEmail,
  StoredEvent,
} from '../types.ts'
export type { MockWebhooks } from '../webhooks/create-webhooks.ts'
export type {
  DeliveryState,
  WebhookAttempt,
  WebhookDeliverFn,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointPatch,
  WebhookOptions,
  WebhookReply,
  WebhookRequest,
} from '../webhooks/webhook-types.ts'
