// The isomorphic core: no I/O, no globals. Named re-exports only.
export { DataflyConsent, DataflyContext, DataflyEnvelope, ConsentPurpose, DataflyCallType } from './schemas/datafly-envelope.ts'
export { Issue, IssueSeverity } from './schemas/issue.ts'
export { LoopsContactUpdateRequest, LoopsEventRequest, LoopsRequest, HttpMethod } from './schemas/loops-requests.ts'
export { Preset, PropertyRoute } from './schemas/preset.ts'
export { jsonSchemas } from './schemas/json-schemas.ts'
export { readScript, type ScriptCall, type ScriptRead } from './script/read-script.ts'
export { readEnvelopes } from './mapper/read-envelopes.ts'
export { readInput, inputKindOf, type InputKind, type InputRead } from './mapper/read-input.ts'
export { resolveIdentities, type ResolvedIdentity } from './mapper/resolve-identities.ts'
export { resolveConsent, type ConsentView, type ConsentShape } from './mapper/resolve-consent.ts'
export { mapCalls } from './mapper/map-calls.ts'
export { mapEnvelope } from './mapper/map-envelope.ts'
export { defaultPreset } from './mapper/default-preset.ts'
export { parsePreset, type PresetRead } from './mapper/parse-preset.ts'
export { idempotencyKeyFor } from './mapper/idempotency-key-for.ts'
export { checkLoopsBody, checkOneIdentifier, errorsOf, LOOPS_ENDPOINTS, type LoopsEndpoint, type CheckLoopsBodyOptions } from './loops/check-loops-body.ts'
export { checkContactFields } from './loops/check-contact-fields.ts'
export { checkIdempotencyKey } from './loops/check-idempotency-key.ts'
export { emailProblem, isEmail } from './loops/check-email.ts'
export type { LoopsIssue, LoopsIssueCode } from './loops/loops-issue.ts'
export { VALUE_MAX, EMAIL_MAX, IDEMPOTENCY_KEY_MAX, RESERVED_CONTACT_PROPERTIES, IGNORED_CONTACT_PROPERTIES } from './loops/limits.ts'
export { kindOf } from './loops/kind-of.ts'
export { isObject } from './loops/is-object.ts'
export { isScalar } from './loops/is-scalar.ts'
export { isHeaderToken } from './loops/is-header-token.ts'
export { toSnakeCase } from './mapper/to-snake-case.ts'
export type { InputCall, SourcePosition } from './mapper/input-call.ts'
export type { MapResult, MapStatus } from './mapper/map-result.ts'
export { stableHash } from './util/stable-hash.ts'
export { createSender, type Sender, type SenderOptions } from './sender/create-sender.ts'
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './sender/rate-limiter.ts'
export type { Clock } from './sender/clock.ts'
export type { FetchLike } from './sender/attempt-once.ts'
export { retryDelay } from './sender/retry-delay.ts'
export { parseRetryAfter } from './sender/parse-retry-after.ts'
export { defaultRetryOptions, type RetryOptions } from './sender/retry-options.ts'
export type { SenderEvent, SenderEventType, RetryReason } from './sender/sender-events.ts'
export type { SendOutcome, SendStatus, FailureCode } from './sender/send-outcome.ts'
export type { SendReport, SendSummary } from './sender/send-report.ts'
export { LoopsError } from './sender/errors/loops-error.ts'
export { LoopsHttpError, type RequestLine } from './sender/errors/loops-http-error.ts'
export { RateLimitError } from './sender/errors/rate-limit-error.ts'
export { ApiKeyError } from './sender/errors/api-key-error.ts'
export { NetworkError } from './sender/errors/network-error.ts'
export { TimeoutError } from './sender/errors/timeout-error.ts'
export { isLoopsError } from './sender/errors/is-loops-error.ts'
export { decide, type DeliveryState, type DecideContext, type Decision, type Step, type Effects } from './sender/decide.ts'
export { isConnectionRefused } from './sender/is-connection-refused.ts'
export type { Answer } from './sender/attempt-once.ts'
export {
  WEBHOOK_EVENT_NAMES,
  isWebhookEventName,
  sampleWebhookPayload,
  signLoopsWebhook,
  verifyLoopsWebhook,
  createWebhookSecret,
  webhookSecretProblem,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookEventName,
  type WebhookPayload,
  type WebhookVerification,
} from './webhooks/index.ts'
