const NAME = /^[A-Za-z0-9_-]+(?:\[\])?(?:\.[A-Za-z0-9_-]+(?:\[\])?)*$/

/**
 * Whether a transactional data variable name is one LMX allows: segments of letters, numbers, underscores and
 * dashes, joined by dots, each optionally in array notation (`order-total`, `order.id`, `products[].name`; the
 * earlier LMX specification, §7 "Data variable names may include dots, hyphens, underscores, brackets, and array
 * notation"). Anything else is Guardian's `invalidCustomDataVariables`.
 */
export function isDataVariableName(name: string): boolean {
  return NAME.test(name)
}

/** The variable a send must supply for a reference: `order` for `order.id`, `products` for `products[].name`. */
export function dataVariableRoot(name: string): string {
  return name.split(/[.[]/, 1)[0] ?? name
}
