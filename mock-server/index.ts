// Host-neutral entry: the mock and its types. Hosts, named by where the mock runs: './hosts/browser.ts'
// (startBrowserMock: msw's setupWorker), './hosts/setup-server.ts' (setupServerMock: msw's setupServer in tests),
// './hosts/http-server.ts' (startHttpServerMock: a real port).
export { createMock, generateKey } from './create-mock.ts'
export { DEFAULT_SEED, DEFAULT_PROPERTIES, DEDICATED_SENDING_IPS } from './default-seed.ts'
export { IDEMPOTENCY_WINDOW_MS, IDEMPOTENCY_KEY_MAX } from './idempotency-store.ts'
export { BODY_LIMIT_BYTES } from './read-json-body.ts'
export { fromFetchRequest, toFetchResponse, type MockAnswer, type MockRequest } from './mock-request.ts'
export type {
  FaultRule,
  Mock,
  MockClock,
  MockContact,
  MockKey,
  MockOptions,
  MockSeed,
  RequestLogEntry,
  SentEmail,
  StoredEvent,
} from './types.ts'
export { DEFAULT_RETRY_SCHEDULE_MS, DEFAULT_WEBHOOK_RATE, DEFAULT_WEBHOOK_TIMEOUT_MS, type MockWebhooks } from './webhooks/create-webhooks.ts'
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
} from './webhooks/webhook-types.ts'
