import type { MapResult, ScriptCall } from '../../core/index.ts'

/** `#2 track: Order Completed`: how the preview and the log name a call. */
export function describeCall(result: MapResult): string {
  const { index, type, event } = result.source
  return `#${index + 1} ${type}${event !== undefined ? `: ${event}` : ''}`
}

/** `line 3` for a call that came from the script. */
export function lineOf(call: ScriptCall | undefined): string {
  return call?.position.line !== undefined ? `line ${call.position.line}` : ''
}
