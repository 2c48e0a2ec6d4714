/** A fault for the mock's `POST /_mock/faults` (mock-server/types.ts FaultRule). */
export interface FaultRule {
  path?: string
  method?: string
  status?: number
  latencyMs?: number
  drop?: boolean
  count?: number
  probability?: number
}
