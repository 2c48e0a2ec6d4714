/** One package entry of a package-lock.json (lockfileVersion 3). */
interface LockEntry {
  version?: string
  resolved?: string
  integrity?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  [field: string]: unknown
}

export interface Lockfile {
  name: string
  lockfileVersion: 3
  requires: true
  packages: Record<string, LockEntry>
}

/** Where Node finds `name` from the package at `from` (a lockfile path such as node_modules/a/node_modules/b). */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`
    if (packages[candidate]) return candidate
    if (base === '') return undefined
    const at = base.lastIndexOf('/node_modules/')
    base = at < 0 ? '' : base.slice(0, at)
  }
}

/** Where the npm registry serves the entry's tarball: with it (and the integrity) npm ci needs no registry metadata. */
function registryUrl(path: string, entry: LockEntry): string {
  const name = typeof entry.name === 'string' ? entry.name : path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
  return `https://registry.npmjs.org/${name}/-/${name.slice(name.lastIndexOf('/') + 1)}-${String(entry.version)}.tgz`
}

/**
 * The lockfile of a fresh project that depends on `root` (name → range) and on the packed tarball: every entry
 * comes from this repository's own lockfile (same versions and integrity, so `npm ci --offline` finds them in the
 * npm cache that installing this repository filled), plus the tarball itself.
 */
export function consumerLockfile(options: {
  repoLock: Lockfile
  name: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  tarball: { name: string; version: string; resolved: string; integrity: string; manifest: LockEntry }
}): Lockfile {
  const source = options.repoLock.packages
  const packages: Record<string, LockEntry> = {
    '': { name: options.name, dependencies: options.dependencies, devDependencies: options.devDependencies },
  }
  const tarballPath = `node_modules/${options.tarball.name}`
  const all: Record<string, LockEntry> = { ...source, [tarballPath]: { version: options.tarball.version, resolved: options.tarball.resolved, integrity: options.tarball.integrity, ...options.tarball.manifest } }
  const queue: string[] = []
  const want = (from: string, name: string, optional: boolean): void => {
    const path = resolve(all, from, name)
    if (path === undefined) {
      if (optional) return
      throw new Error(`the repository's lockfile has no ${name} for ${from || 'the project'}; run npm install in the repository`)
    }
    if (packages[path]) return
    const { dev: _dev, devOptional: _devOptional, optional: _optional, peer: _peer, ...entry } = all[path] as LockEntry
    packages[path] = entry.resolved === undefined && entry.version !== undefined ? { ...entry, resolved: registryUrl(path, entry) } : entry
    queue.push(path)
  }
  for (const name of [...Object.keys(options.dependencies), ...Object.keys(options.devDependencies)]) want('', name, false)
  while (queue.length > 0) {
    const path = queue.shift() as string
    const entry = packages[path] as LockEntry
    for (const name of Object.keys(entry.dependencies ?? {})) want(path, name, false)
    for (const name of Object.keys(entry.optionalDependencies ?? {})) want(path, name, true)
    for (const name of Object.keys(entry.peerDependencies ?? {})) want(path, name, entry.peerDependenciesMeta?.[name]?.optional === true)
  }
  return { name: options.name, lockfileVersion: 3, requires: true, packages }
}

/** The lockfile paths `from` needs at run time (itself and its dependencies, transitively). */
export function closureOf(lock: Lockfile, from: string): string[] {
  const seen = new Set<string>([from])
  const queue = [from]
  while (queue.length > 0) {
    const path = queue.shift() as string
    const entry = lock.packages[path] ?? {}
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})]) {
      const found = resolve(lock.packages, path, name)
      if (found !== undefined && !seen.has(found)) {
        seen.add(found)
        queue.push(found)
      }
    }
  }
  return [...seen]
}
