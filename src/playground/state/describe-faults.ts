import type { StoredFault } from '../../../mock-server/fault-store.ts'

const EVENTS = '/api/v1/events/send'

function describeFault(fault: Partial<StoredFault>): string {
  const what = fault.path === EVENTS ? 'event send' : fault.path ? `request to ${fault.path}` : 'request'
  const times = fault.count !== undefined ? `the next ${fault.count === 1 ? what : `${fault.count} ${what}s`}` : `every ${what}`
  const effects = [
    fault.latencyMs !== undefined ? `wait${fault.count === 1 ? 's' : ''} ${fault.latencyMs >= 1000 ? `${fault.latencyMs / 1000} s` : `${fault.latencyMs} ms`}` : '',
    fault.drop ? `${fault.count === 1 ? 'is' : 'are'} dropped` : '',
    fault.status !== undefined ? `answer${fault.count === 1 ? 's' : ''} ${fault.status}` : '',
  ].filter(Boolean)
  const chance = fault.probability !== undefined ? ` (${Math.round(fault.probability * 100)}% of the time)` : ''
  return `${times} ${effects.join(', then ')}${chance}`
}

/**
 * What the mock's armed faults will do, from `GET /_mock/faults` as it answers now (counts already used up are
 * gone): `Armed: the next 2 event sends answer 500.` or `No faults armed.`
 */
export function describeFaults(faults: readonly unknown[]): string {
  if (faults.length === 0) return 'No faults armed.'
  const parts = faults.map((fault) => describeFault(typeof fault === 'object' && fault !== null ? (fault as Partial<StoredFault>) : {}))
  return `Armed: ${parts.join('; ')}.`
}
