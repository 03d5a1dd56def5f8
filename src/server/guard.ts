/**
 * What every request passes before any route sees it, and what every answer carries: the Host
 * must be one this server answers to (DNS rebinding), a state-changing request must come from
 * this server's own pages or a client that is not a browser (CSRF), a body must be JSON (or
 * YAML where a scenario is uploaded), and every answer gets the security headers. Global, so a
 * route module added later inherits all of it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

/** Who may reach the server. */
export interface GuardOptions {
  /** Host names (without port) the server answers to besides the loopback names: the bound address, a public name behind a proxy. */
  hosts: readonly string[];
  /** Paths (exact) whose POST body may be YAML as well as JSON. */
  yamlPaths: readonly string[];
}

/** Names that always mean this machine. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Sent with every answer. The explorer loads only its own scripts, styles and data, and is never framed. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const YAML_TYPE = /^(application\/(x-)?yaml|text\/(x-)?yaml)\s*(;|$)/i;

/** The middleware. Refusals are JSON errors with the security headers like any other answer. */
export function guard(options: GuardOptions): MiddlewareHandler {
  const hosts = new Set([...LOOPBACK_HOSTS, ...options.hosts].map((h) => h.toLowerCase()));
  const yamlPaths = new Set(options.yamlPaths);
  return async (c, next) => {
    try {
      checkRequest(c, hosts, yamlPaths);
      await next();
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      c.res = c.json({ error: error.message }, error.status);
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

function checkRequest(c: Context, hosts: Set<string>, yamlPaths: Set<string>): void {
  const host = hostOf(c);
  if (!hosts.has(hostnameOf(host))) {
    throw new HttpError(403, `this server does not answer to the host "${host}"; start it with --allow-host ${hostnameOf(host) || 'NAME'} to serve that name`);
  }
  const method = c.req.method;
  if (SAFE_METHODS.has(method)) return;
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (!sameOrigin(origin, host, hosts)) throw new HttpError(403, `cross-origin ${method} refused: the page at ${origin} may not change this server's data`);
  } else {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, `cross-site ${method} refused (Sec-Fetch-Site: ${site})`);
  }
  // A body is judged by its declared type; a request that declares none may carry no body.
  const type = c.req.header('content-type');
  if (type === undefined && !hasBody(c)) return;
  const path = new URL(c.req.url).pathname;
  const yaml = yamlPaths.has(path);
  if (type !== undefined && (JSON_TYPE.test(type) || (yaml && YAML_TYPE.test(type)))) return;
  throw new HttpError(415, `the body must be sent as application/json${yaml ? ' or application/yaml' : ''}, not "${type || 'no content type'}"`);
}

/** The Host the client asked for, as sent (name and port). */
function hostOf(c: Context): string {
  return (c.req.header('host') ?? new URL(c.req.url).host).trim().toLowerCase();
}

/** `name:port` → `name`; `[::1]:8080` → `[::1]`. */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** An Origin is ours when it names the Host the request was sent to, or a host the server is told to answer to. */
function sameOrigin(origin: string, host: string, hosts: Set<string>): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // A loopback origin must match the port too: another local server's page is another origin.
  return url.host === host || (hosts.has(url.hostname) && !LOOPBACK_HOSTS.includes(url.hostname));
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  return (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
}

/** No route for this method and path: 405 with the methods that exist (204 for OPTIONS), 404 when none does. */
export function routeMissing(c: Context, routes: readonly { method: string; path: string }[]): Response {
  const path = new URL(c.req.url).pathname;
  // The explorer's catch-all page route says nothing about what the API allows.
  const allow = allowedMethods(path.startsWith('/api/') ? routes.filter((r) => r.path !== '*' && r.path !== '/*') : routes, path);
  if (allow.length === 0) return c.json({ error: `no route ${c.req.method} ${path}` }, 404);
  if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow.join(', ') });
  return c.json({ error: `${c.req.method} is not allowed on ${path}; allowed: ${allow.join(', ')}` }, 405, { Allow: allow.join(', ') });
}

/**
 * The methods the app's routes accept for a path, for 405 and OPTIONS answers: read from the
 * routes registered when asked, so routes added later count.
 */
export function allowedMethods(routes: readonly { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    if (patternOf(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();

/** Hono's path syntax (`:param`, `:param{re}`, `*`) as a regular expression. */
function patternOf(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path
      .split('/')
      .map((part) => {
        if (part === '*') return '.*';
        const param = /^:[A-Za-z0-9_]+(\{(.+)\})?(\?)?$/.exec(part);
        if (param) return param[2] ? `(?:${param[2]})` : '[^/]+';
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    pattern = new RegExp(`^${source}/?$`);
    patterns.set(path, pattern);
  }
  return pattern;
}
