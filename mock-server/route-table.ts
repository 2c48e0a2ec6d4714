import type { Route } from './route.ts'

/** A route and the values of its `{name}` path segments. */
export interface RouteMatch {
  route: Route
  params: Readonly<Record<string, string>>
}

interface Node {
  /** children by literal segment */
  literal: Map<string, Node>
  /** the child for a `{name}` segment, and the name */
  param?: { name: string; node: Node }
  route?: Route
}

const newNode = (): Node => ({ literal: new Map() })

/**
 * Finds the route for an `/api/v1/…` path in time proportional to its segment count, not the number of routes.
 * Route paths are relative to `/api/v1/` and may hold `{name}` segments (`campaigns/{campaignId}`); a literal
 * segment wins over a parameter at the same depth (`workflows/nodes` before `workflows/{id}`). A trailing slash is
 * ignored; parameter values are URI-decoded (an undecodable value does not match).
 */
export function createRouteTable(routes: readonly Route[], base = '/api/v1/'): (pathname: string) => RouteMatch | undefined {
  const exact = new Map<string, Route>()
  const root = newNode()
  for (const route of routes) {
    if (!route.path.includes('{')) {
      if (exact.has(route.path)) throw new Error(`two routes for path "${route.path}"`)
      exact.set(route.path, route)
      continue
    }
    let node = root
    for (const segment of route.path.split('/')) {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1]
      if (name === undefined) {
        let next = node.literal.get(segment)
        if (!next) node.literal.set(segment, (next = newNode()))
        node = next
      } else {
        if (node.param && node.param.name !== name) throw new Error(`route "${route.path}": parameter {${name}} clashes with {${node.param.name}}`)
        node.param ??= { name, node: newNode() }
        node = node.param.node
      }
    }
    if (node.route) throw new Error(`two routes for path "${route.path}"`)
    node.route = route
  }

  return (pathname) => {
    if (!pathname.startsWith(base)) return undefined
    const rest = pathname.slice(base.length).replace(/\/+$/, '')
    const found = exact.get(rest)
    if (found) return { route: found, params: {} }
    return walk(root, rest.split('/'), 0, {})
  }
}

function walk(node: Node, segments: string[], index: number, params: Record<string, string>): RouteMatch | undefined {
  if (index === segments.length) return node.route ? { route: node.route, params } : undefined
  const segment = segments[index] ?? ''
  const literal = node.literal.get(segment)
  if (literal) {
    const match = walk(literal, segments, index + 1, params)
    if (match) return match
  }
  if (!node.param || segment === '') return undefined
  let value: string
  try {
    value = decodeURIComponent(segment)
  } catch {
    return undefined
  }
  return walk(node.param.node, segments, index + 1, { ...params, [node.param.name]: value })
}
