/** A value Loops stores: a string, a finite number or a boolean (dates travel as one of those). */
export const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
