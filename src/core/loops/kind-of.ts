/** A value's kind as a sentence fragment: `a string`, `a number`, `null`, `an array`, `an object`. */
export const kindOf = (v: unknown): string =>
  Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : v === undefined ? 'undefined' : `a ${typeof v}`
