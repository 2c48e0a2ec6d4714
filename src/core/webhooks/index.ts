// Loops' outgoing webhooks: event names, payload builders, signing and verification (browser and Node).
export { WEBHOOK_EVENT_NAMES, isWebhookEventName, type WebhookEventName } from './webhook-event-names.ts'
export {
  WEBHOOK_SCHEMA_VERSION,
  type WebhookContact,
  type WebhookContactIdentity,
  type WebhookEmail,
  type WebhookMailingList,
  type WebhookPayload,
} from './webhook-payload.ts'
export {
  contactCreatedPayload,
  contactDeletedPayload,
  contactUnsubscribedPayload,
  identityOf,
  mailingListPayload,
  testEventPayload,
  transactionalDeliveredPayload,
  transactionalSentPayload,
  type TransactionalSend,
} from './webhook-payloads.ts'
export { sampleWebhookPayload } from './sample-webhook-payload.ts'
export { createWebhookSecret, webhookSecretProblem } from './webhook-secret.ts'
export { signLoopsWebhook, type SignInput, type WebhookSignatureHeaders } from './sign-loops-webhook.ts'
export {
  verifyLoopsWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  type VerifyInput,
  type WebhookFailureCode,
  type WebhookHeadersLike,
  type WebhookVerification,
} from './verify-loops-webhook.ts'
