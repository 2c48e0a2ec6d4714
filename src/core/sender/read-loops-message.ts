/**
 * Loops' error text from a response body, in the order the official SDK reads it: `error.message` (object),
 * `error` (string), `message`; else the raw text (trimmed, at most 200 characters), else `HTTP <status>`.
 */
export function readLoopsMessage(status: number, text: string): string {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  if (typeof json === 'object' && json !== null) {
    const { error, message } = json as { error?: unknown; message?: unknown }
    if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message
    }
    if (typeof error === 'string' && error !== '') return error
    if (typeof message === 'string' && message !== '') return message
  }
  const raw = text.trim().slice(0, 200)
  return raw !== '' ? raw : `HTTP ${status}`
}
