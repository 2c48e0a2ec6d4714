/** A Standard Webhooks secret as Loops shows it: `whsec_` and the base64 of the key. */
const SECRET = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/

/** Why `secret` is not a usable signing secret, or `undefined` when it is. */
export function webhookSecretProblem(secret: unknown): string | undefined {
  if (typeof secret !== 'string') return 'the secret must be a string like "whsec_…"'
  if (!secret.startsWith('whsec_')) return 'the secret must start with "whsec_" (copy it whole from the mock or from Loops\' settings page)'
  if (!SECRET.test(secret)) return 'after "whsec_" the secret must be non-empty base64 (A–Z, a–z, 0–9, +, /, padded with =)'
  return undefined
}

/** A new `whsec_…` secret from `bytes` (24 random bytes give Loops' 32-character key). */
export function createWebhookSecret(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `whsec_${btoa(binary)}`
}
