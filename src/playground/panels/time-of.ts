/** `14:03:07` (local time) for log rows. */
export function timeOf(at: number | string): string {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour12: false })
}
