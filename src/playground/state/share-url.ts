/** What a share link carries. Never the API key. */
export interface SharedState {
  script: string
  /** Preset JSON text; absent when it is the Default preset. */
  preset?: string
  /** The Clay table (columns, rows, HTTP API columns) as JSON text; absent when empty. Never a key. */
  clay?: string
}

const PREFIX = '#v1/'

/** `#v1/<base64url(JSON)>`: the versioned prefix lets later formats keep old links working. */
export function encodeState(state: SharedState): string {
  const json = JSON.stringify({
    s: state.script,
    ...(state.preset !== undefined ? { p: state.preset } : {}),
    ...(state.clay !== undefined ? { c: state.clay } : {}),
  })
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
    const { s, p, c } = value as { s?: unknown; p?: unknown; c?: unknown }
    if (typeof s !== 'string') return fallback
    return { script: s, ...(typeof p === 'string' ? { preset: p } : {}), ...(typeof c === 'string' ? { clay: c } : {}) }
  } catch {
    return fallback
  }
}
