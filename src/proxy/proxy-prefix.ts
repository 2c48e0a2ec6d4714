/**
 * Where the dev server (and `vite preview`) mounts the Loops proxy: the playground calls
 * `${location.origin}/__loops_proxy/api/v1/…`. No imports, so browser code can use it.
 */
export const LOOPS_PROXY_PREFIX = '/__loops_proxy'
