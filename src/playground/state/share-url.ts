/** What a share link carries. Never the API key. */
export interface SharedState {
  script: string
  /** Preset JSON text; absent when it is the Default preset. */
  preset?: string
}

const PREFIX = '#v1/'

/** `#v1/<base64url(JSON)>`: the versioned prefix lets later formats keep old links working. */
export function encodeState(state: SharedState): string {
  const json = JSON.stringify(state.preset === undefined ? { s: state.script } : { s: state.script, p: state.preset })
  const bytes = new TextEncoder().encode(json)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return PREFIX + btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** Reads a share hash; anything unreadable (a foreign hash, a truncated link) gives the fallback. */
export function decodeState(hash: string, fallback: SharedState): SharedState {
  if (!hash.startsWith(PREFIX)) return fallback
  try {
    const binary = atob(hash.slice(PREFIX.length).replaceAll('-', '+').replaceAll('_', '/'))
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
    const value: unknown = JSON.parse(json)
    if (typeof value !== 'object' || value === null) return fallback
    const { s, p } = value as { s?: unknown; p?: unknown }
    if (typeof s !== 'string') return fallback
    return typeof p === 'string' ? { script: s, preset: p } : { script: s }
  } catch {
    return fallback
  }
}
