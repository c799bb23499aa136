/**
 * The external URL checker against HTTP servers this file starts on loopback addresses (127.0.0.1–127.0.0.5:
 * Linux routes all of 127/8 to loopback, so each address is a host of its own). Nothing reaches the internet:
 * URLs name those servers or, for DNS, names an injected resolver answers. Waits (backoff, Retry-After, intervals)
 * go through a fake clock, so a 30-second Retry-After costs no time and its length can be asserted.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { UrlChecker, retryAfterMs, type Clock, type Resolver, type UrlCheck } from '../src/core/external/checker.js';
import { resolveExternal } from '../src/core/external/settings.js';

interface Hit {
  method: string;
  path: string;
  /** The fake clock's time when the request came in. */
  at: number;
}

interface TestServer {
  host: string;
  origin: string;
  hits: Hit[];
  /** Requests being answered now, and the most at once. */
  active: number;
  maxActive: number;
  /** Body bytes the server managed to hand to the socket. */
  bytesSent: number;
  /** Connections opened to it. */
  connections: number;
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const servers: TestServer[] = [];

afterEach(async () => {
  while (servers.length) await (servers.pop() as TestServer).close();
});

/**
 * A fake clock: time moves only when a wait ends, to that wait's deadline, and a wait takes 1/`speed` of its length
 * in real time (a 30-second Retry-After takes 0.3 s at 100). Every wait is recorded at its asked length. What a
 * server reads from it at a request is the deadline of the wait that let the request go, whatever the I/O took:
 * the spacing the checker chose, as long as waits end in order (timing tests run slower, at 5 or 1).
 */
function fakeClock(speed = 100): Clock & { sleeps: number[] } {
  let t = Date.parse('2024-05-01T12:00:00Z');
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: (ms: number) => {
      sleeps.push(ms);
      const deadline = t + ms;
      return new Promise((r) =>
        setTimeout(() => {
          t = Math.max(t, deadline);
          r();
        }, Math.ceil(ms / speed)),
      );
    },
  };
}

/** A server on `host` (a loopback address) answering `routes` by path; 404 for anything else. */
async function serve(host: string, routes: Record<string, Route>, clock?: Clock): Promise<TestServer> {
  const counts = new Map<string, number>();
  const state: TestServer = { host, origin: '', hits: [], active: 0, maxActive: 0, bytesSent: 0, connections: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    state.hits.push({ method: req.method ?? '', path, at: clock?.now() ?? Date.now() });
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    res.on('close', () => state.active--);
    const route = routes[path];
    if (route) route(req, res, n);
    else res.writeHead(404).end('not here');
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  servers.push(state);
  return state;
}

const ok: Route = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
const after = (ms: number, route: Route): Route => (req, res, n) => setTimeout(() => route(req, res, n), ms);

function settings(overrides: Record<string, unknown> = {}) {
  const { settings: s, errors } = resolveExternal({ retries: 1, timeoutMs: 400, ...overrides });
  expect(errors).toEqual([]);
  return s;
}

const LOOPBACK = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];

async function checkAll(urls: string[], options: { settings?: Record<string, unknown>; clock?: Clock; resolve?: Resolver } = {}) {
  const checker = new UrlChecker({ settings: settings({ allowHosts: LOOPBACK, ...options.settings }), clock: options.clock ?? fakeClock(), ...(options.resolve ? { resolve: options.resolve } : {}) });
  const results = await checker.checkAll(urls);
  return { results, stats: checker.stats };
}

/** Only the fields a test states, for readable expectations. */
function brief(c: UrlCheck | undefined) {
  if (!c) return undefined;
  const { url: _url, text: _text, ...rest } = c;
  return rest;
}

// undici compiles its HTTP parser on the first connection of the process (tens of milliseconds): not in the timings.
beforeAll(async () => {
  const s = await serve('127.0.0.1', { '/warm': ok });
  await checkAll([`${s.origin}/warm`]);
});

describe('statuses, each from a server that answers that way', () => {
  it('ok, redirected, loops, 404/410, 429 then 200, 503 then 200, HEAD 405, a hang, a reset, a 50 MB body', async () => {
    const clock = fakeClock();
    const a = await serve('127.0.0.1', {
      '/ok': ok,
      '/moved': (_req, res) => res.writeHead(301, { location: '/ok-too' }).end(),
      '/ok-too': ok,
      '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a#again' }).end(),
      '/gone-404': (_req, res) => res.writeHead(404).end('no such page'),
      '/gone-410': (_req, res) => res.writeHead(410).end(),
      '/busy': (_req, res, n) => (n === 1 ? res.writeHead(429, { 'retry-after': '30' }).end() : ok(_req, res, n)),
      '/flaky': (_req, res, n) => (n === 1 ? res.writeHead(503).end() : ok(_req, res, n)),
    }, clock);
    const b = await serve('127.0.0.2', { '/head-refused': (req, res) => (req.method === 'HEAD' ? res.writeHead(405).end() : ok(req, res, 1)) });
    const c = await serve('127.0.0.3', { '/hang': () => undefined, '/reset': (req) => req.socket.destroy() });
    const d = await serve('127.0.0.4', {
      '/big': (req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(405).end();
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(50 * 1024 * 1024) });
        const chunk = Buffer.alloc(64 * 1024, 120);
        let sent = 0;
        const pump = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            d.bytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
    });
    const url = (s: TestServer, path: string) => `${s.origin}${path}`;
    const urls = [
      url(a, '/ok'), url(a, '/moved'), url(a, '/loop-a'), url(a, '/gone-404'), url(a, '/gone-410'), url(a, '/busy'), url(a, '/flaky'),
      url(b, '/head-refused'), url(c, '/hang'), url(c, '/reset'), url(d, '/big'),
    ];
    const { results, stats } = await checkAll(urls, { clock });
    const r = (s: TestServer, path: string) => brief(results.get(url(s, path)));

    expect(r(a, '/ok')).toEqual({ status: 'ok', code: 200, requests: 1, retries: 0 });
    expect(r(a, '/moved')).toEqual({ status: 'redirected', code: 200, finalUrl: url(a, '/ok-too'), hops: 1, requests: 2, retries: 0 });
    expect(r(a, '/loop-a')).toEqual({ status: 'broken', code: 302, reason: 'redirect loop', loop: [url(a, '/loop-a'), url(a, '/loop-b'), url(a, '/loop-a')], finalUrl: url(a, '/loop-b'), hops: 1, requests: 2, retries: 0 });
    expect(r(a, '/gone-404')).toEqual({ status: 'broken', code: 404, requests: 2, retries: 0 });
    expect(r(a, '/gone-410')).toEqual({ status: 'broken', code: 410, requests: 1, retries: 0 });
    expect(r(a, '/busy')).toEqual({ status: 'ok', code: 200, requests: 2, retries: 1 });
    expect(r(a, '/flaky')).toEqual({ status: 'ok', code: 200, requests: 2, retries: 1 });
    expect(r(b, '/head-refused')).toEqual({ status: 'ok', code: 200, requests: 2, retries: 0 });
    expect(r(c, '/hang')).toEqual({ status: 'timeout', timeoutPhase: 'headers', reason: 'no answer within 400 ms', requests: 2, retries: 1 });
    expect(r(c, '/reset')).toMatchObject({ status: 'unreachable', requests: 2, retries: 1 });
    expect(results.get(url(c, '/reset'))?.reason).toMatch(/^connection reset/);
    expect(r(d, '/big')).toEqual({ status: 'ok', code: 200, requests: 2, retries: 0 });
    expect(results.get(url(a, '/gone-404'))?.text).toBe('Not Found');

    // The 404 is asked again with GET (a server may refuse HEAD only), the 410 is not.
    expect(a.hits.filter((h) => h.path === '/gone-404').map((h) => h.method)).toEqual(['HEAD', 'GET']);
    expect(a.hits.filter((h) => h.path === '/gone-410').map((h) => h.method)).toEqual(['HEAD']);
    // Requests: each unique URL once, plus redirect hops, GET after a refused HEAD, and retries; as the servers counted.
    const served = a.hits.length + b.hits.length + c.hits.length + d.hits.length;
    expect(stats).toMatchObject({ urls: 11, retries: 4, redirects: 2, getAfterHead: 3 });
    expect(served).toBe(stats.urls + stats.redirects + stats.getAfterHead + stats.retries);
    expect(stats.requests).toBe(served);
    expect(stats.requests).toBe([...results.values()].reduce((n, x) => n + x.requests, 0));
    // Retry-After was honoured: 30 s, on the fake clock.
    expect(clock.sleeps).toContain(30000);
    // The body cap: at most 64 KiB (and the chunk that crossed it) read of 50 MB; the server was cut off early.
    expect(stats.bodyBytesMax).toBeLessThanOrEqual(128 * 1024);
    expect(d.bytesSent).toBeLessThan(16 * 1024 * 1024);
  });

  it('a server that keeps saying 429 is rate-limited (a warning, never broken), after the retries, waiting as Retry-After says but at most a minute', async () => {
    const clock = fakeClock();
    const s = await serve('127.0.0.1', {
      '/limited': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
      '/dated': (_req, res, n) => (n === 1 ? res.writeHead(503, { 'retry-after': new Date(clock.now() + 45000).toUTCString() }).end() : ok(_req, res, n)),
    });
    const { results } = await checkAll([`${s.origin}/limited`, `${s.origin}/dated`], { clock, settings: { retries: 2 } });
    expect(brief(results.get(`${s.origin}/limited`))).toEqual({ status: 'rate-limited', code: 429, host: '127.0.0.1', requests: 3, retries: 2 });
    expect(brief(results.get(`${s.origin}/dated`))).toEqual({ status: 'ok', code: 200, requests: 2, retries: 1 });
    expect(clock.sleeps.filter((ms) => ms === 60000).length).toBeGreaterThanOrEqual(2);
    // The date has whole seconds, and the fake clock runs on while the answer travels.
    expect(clock.sleeps.some((ms) => ms > 40000 && ms <= 45000)).toBe(true);
  });

  it('Retry-After: seconds, an HTTP date, or nothing usable', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120000);
    expect(retryAfterMs('Wed, 01 May 2024 12:01:30 GMT', now)).toBe(90000);
    expect(retryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('a host that rate-limits gets one request at a time, spaced, for the rest of the run', async () => {
    const clock = fakeClock(5);
    let limitedAt: number | undefined;
    let after429 = 0;
    let maxAfter429 = 0;
    const s = await serve('127.0.0.1', {}, clock);
    const routes: Record<string, Route> = {};
    for (let k = 0; k < 12; k++) {
      routes[`/p${k}`] = (_req, res) => {
        if (limitedAt === undefined) {
          limitedAt = clock.now();
          return void res.writeHead(429, { 'retry-after': '2' }).end();
        }
        // Requests sent before the 429 came back are not the ones the slowdown governs.
        if (clock.now() < limitedAt + 2000) return void setTimeout(() => ok(_req, res, 1), 20);
        after429++;
        maxAfter429 = Math.max(maxAfter429, after429);
        setTimeout(() => {
          after429--;
          ok(_req, res, 1);
        }, 20);
      };
    }
    const server = await serve('127.0.0.2', routes, clock);
    void s;
    const { results } = await checkAll(Object.keys(routes).map((p) => `${server.origin}${p}`), { clock });
    expect([...results.values()].every((r) => r.status === 'ok')).toBe(true);
    const later = server.hits.filter((h) => h.at >= (limitedAt as number) + 2000);
    expect(later.length).toBeGreaterThan(0);
    // Requests that started after the 429: one at a time, the first after the 2 s asked for, then 1 s apart at least.
    expect(maxAfter429).toBe(1);
    expect((later[0] as Hit).at - (limitedAt as number)).toBeGreaterThanOrEqual(2000);
    for (let k = 1; k < later.length; k++) expect((later[k] as Hit).at - (later[k - 1] as Hit).at).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 without Retry-After slows the host too: one request at a time, 1 s apart, for the rest of the run', async () => {
    const clock = fakeClock(5);
    let limitedAt: number | undefined;
    const routes: Record<string, Route> = {};
    for (let k = 0; k < 12; k++) {
      routes[`/q${k}`] = (_req, res) => {
        if (limitedAt === undefined) {
          limitedAt = clock.now();
          return void res.writeHead(429).end();
        }
        setTimeout(() => ok(_req, res, 1), 20);
      };
    }
    const server = await serve('127.0.0.2', routes, clock);
    const { results } = await checkAll(Object.keys(routes).map((p) => `${server.origin}${p}`), { clock, settings: { perHost: 4 } });
    expect([...results.values()].every((r) => r.status === 'ok')).toBe(true);
    // Requests sent once the 429 was in: 1 s apart at least (the host's interval after a rate limit), not 4 at once.
    const later = server.hits.filter((h) => h.at > (limitedAt as number)).map((h) => h.at);
    expect(later.length).toBeGreaterThanOrEqual(6);
    for (let k = 1; k < later.length; k++) expect((later[k] as number) - (later[k - 1] as number)).toBeGreaterThanOrEqual(1000);
  });

  it('a server that answers HEAD with 403 and GET with 200 is asked again with GET: the URL works', async () => {
    const s = await serve('127.0.0.1', { '/page': (req, res) => (req.method === 'HEAD' ? res.writeHead(403).end() : ok(req, res, 1)) });
    const { results, stats } = await checkAll([`${s.origin}/page`]);
    expect(brief(results.get(`${s.origin}/page`))).toEqual({ status: 'ok', code: 200, requests: 2, retries: 0 });
    expect(s.hits.map((h) => h.method)).toEqual(['HEAD', 'GET']);
    expect(stats.getAfterHead).toBe(1);
  });

  it('minIntervalMs spaces the requests to a host', async () => {
    const clock = fakeClock(1);
    const routes = Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`/i${k}`, ok]));
    const s = await serve('127.0.0.1', routes, clock);
    await checkAll(Object.keys(routes).map((p) => `${s.origin}${p}`), { clock, settings: { minIntervalMs: 200 } });
    const times = s.hits.map((h) => h.at).sort((x, y) => x - y);
    for (let k = 1; k < times.length; k++) expect((times[k] as number) - (times[k - 1] as number)).toBeGreaterThanOrEqual(200);
  });

  it('more than maxRedirects redirects is reported', async () => {
    const s = await serve('127.0.0.1', Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`/r${k}`, ((_req, res) => res.writeHead(307, { location: `/r${k + 1}` }).end()) as Route])));
    const { results } = await checkAll([`${s.origin}/r0`], { settings: { maxRedirects: 2 } });
    expect(brief(results.get(`${s.origin}/r0`))).toEqual({ status: 'broken', code: 307, reason: 'more than 2 redirects', finalUrl: `${s.origin}/r2`, hops: 2, requests: 3, retries: 0 });
  });

  it('403 from a bot wall host and 999 from anyone are bot walls; accept and exclude come from the settings', async () => {
    const s = await serve('127.0.0.1', { '/wall': (_req, res) => res.writeHead(999).end(), '/forbidden': (_req, res) => res.writeHead(403).end(), '/teapot': (_req, res) => res.writeHead(418).end() });
    const { results } = await checkAll([`${s.origin}/wall`, `${s.origin}/forbidden`, `${s.origin}/teapot`, `${s.origin}/skip-me`], {
      settings: { accept: ['200-299', 418], exclude: ['/skip-'], botWalls: ['127.0.0.1'] },
    });
    expect(results.get(`${s.origin}/wall`)?.status).toBe('bot-wall');
    expect(results.get(`${s.origin}/forbidden`)?.status).toBe('bot-wall');
    expect(results.get(`${s.origin}/teapot`)?.status).toBe('ok');
    expect(results.get(`${s.origin}/skip-me`)?.status).toBe('excluded');
    expect(s.hits.map((h) => h.path)).not.toContain('/skip-me');
  });
});

describe('keep-alive', () => {
  it('HEAD after HEAD goes on one connection', async () => {
    const routes = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`/k${k}`, ((_req, res) => res.writeHead(200, { 'content-length': '0' }).end()) as Route]));
    const s = await serve('127.0.0.5', routes);
    const { results } = await checkAll(Object.keys(routes).map((p) => `${s.origin}${p}`), { settings: { perHost: 1 } });
    expect([...results.values()].every((r) => r.status === 'ok')).toBe(true);
    expect(s.hits.map((h) => h.method)).toEqual(new Array(8).fill('HEAD'));
    expect(s.connections).toBe(1);
  });

  it('a server that sends a body to HEAD anyway still gets honest answers', async () => {
    // Every answer, HEAD's too, has a body, on a connection kept alive.
    let requests = 0;
    const raw = createNetServer((socket) => {
      socket.on('data', (chunk) => {
        const heads = chunk.toString('latin1').split('\r\n\r\n').filter((x) => /^[A-Z]+ /.test(x)).length;
        for (let k = 0; k < heads; k++) {
          requests++;
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello');
        }
      });
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.4', r));
    const origin = `http://127.0.0.4:${(raw.address() as AddressInfo).port}`;
    try {
      const { results } = await checkAll(Array.from({ length: 8 }, (_, k) => `${origin}/b${k}`), { settings: { perHost: 1 } });
      expect([...results.values()].map((r) => r.status)).toEqual(new Array(8).fill('ok'));
      expect(requests).toBeGreaterThanOrEqual(8);
    } finally {
      raw.close();
    }
  });
});

describe('interrupted', () => {
  it('on Ctrl-C, URLs not yet requested are unchecked, never reported as failing', async () => {
    const signal = { aborted: false };
    const routes = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`/s${k}`, after(30, ok)]));
    const s = await serve('127.0.0.1', routes);
    const checker = new UrlChecker({ settings: settings({ allowHosts: LOOPBACK, perHost: 1 }), clock: fakeClock(), signal });
    const pending = checker.checkAll(Object.keys(routes).map((p) => `${s.origin}${p}`));
    while (s.hits.length < 3) await new Promise((r) => setTimeout(r, 5));
    signal.aborted = true;
    const results = [...(await pending).values()];
    expect(s.hits.length).toBeLessThan(20);
    expect(results.filter((r) => r.status === 'ok').length).toBe(s.hits.length);
    expect(results.filter((r) => r.status === 'unchecked').every((r) => r.reason === 'interrupted' && r.requests === 0)).toBe(true);
    expect(results.filter((r) => r.status === 'unchecked').length).toBe(20 - s.hits.length);
  });
});

describe('limits', () => {
  it('never more than perHost requests at once at any host, nor more than concurrency in all', async () => {
    const hosts = await Promise.all(
      ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].map((h) => serve(h, Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`/u${k}`, after(30, ok)])))),
    );
    const urls = hosts.flatMap((s) => Array.from({ length: 40 }, (_, k) => `${s.origin}/u${k}`));
    const { results, stats } = await checkAll(urls, { settings: { perHost: 4, concurrency: 32 } });
    expect([...results.values()].every((r) => r.status === 'ok')).toBe(true);
    for (const s of hosts) {
      expect(s.maxActive).toBe(4);
      expect(s.hits.length).toBe(40);
    }
    expect(stats.requests).toBe(160);
  });

  it('the global limit holds across hosts', async () => {
    let active = 0;
    let maxActive = 0;
    const counted: Route = (req, res) => {
      active++;
      maxActive = Math.max(maxActive, active);
      setTimeout(() => {
        active--;
        ok(req, res, 1);
      }, 20);
    };
    const hosts = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((h) => serve(h, Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`/g${k}`, counted])))));
    await checkAll(hosts.flatMap((s) => Array.from({ length: 10 }, (_, k) => `${s.origin}/g${k}`)), { settings: { perHost: 4, concurrency: 3 } });
    expect(maxActive).toBe(3);
  });
});

describe('private addresses', () => {
  it('are never contacted without the opt-in: loopback by address and by name, and after a redirect', async () => {
    const target = await serve('127.0.0.3', { '/secret': ok });
    const front = await serve('127.0.0.2', { '/out': (_req, res) => res.writeHead(302, { location: `${target.origin}/secret` }).end() });
    const resolve: Resolver = async (name) => {
      if (name === 'intranet.test') return [{ address: '127.0.0.3', family: 4 }];
      if (name === 'metadata.test') return [{ address: '169.254.169.254', family: 4 }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const port = new URL(target.origin).port;
    const urls = [`${target.origin}/secret`, `http://intranet.test:${port}/secret`, `http://metadata.test/latest/meta-data/`, `http://[::1]:${port}/secret`, `${front.origin}/out`];
    const checker = new UrlChecker({ settings: settings({ allowHosts: ['127.0.0.2'] }), clock: fakeClock(), resolve });
    const results = await checker.checkAll(urls);
    expect(brief(results.get(`${target.origin}/secret`))).toEqual({ status: 'blocked', host: '127.0.0.3', address: '127.0.0.3', addressKind: 'loopback', requests: 0, retries: 0 });
    expect(brief(results.get(`http://intranet.test:${port}/secret`))).toEqual({ status: 'blocked', host: 'intranet.test', address: '127.0.0.3', addressKind: 'loopback', requests: 0, retries: 0 });
    expect(results.get('http://metadata.test/latest/meta-data/')).toMatchObject({ status: 'blocked', addressKind: 'cloud metadata' });
    expect(results.get(`http://[::1]:${port}/secret`)).toMatchObject({ status: 'blocked', addressKind: 'loopback' });
    expect(brief(results.get(`${front.origin}/out`))).toEqual({ status: 'blocked', host: '127.0.0.3', address: '127.0.0.3', addressKind: 'loopback', finalUrl: `${target.origin}/secret`, hops: 1, requests: 1, retries: 0 });
    expect(target.hits).toEqual([]);
    expect(front.hits.length).toBe(1);
  });

  it('are checked with allowPrivateHosts, or when the host is listed in allowHosts', async () => {
    const target = await serve('127.0.0.3', { '/secret': ok });
    const resolve: Resolver = async () => [{ address: '127.0.0.3', family: 4 }];
    const port = new URL(target.origin).port;
    const everyone = new UrlChecker({ settings: settings({ allowPrivateHosts: true }), clock: fakeClock(), resolve });
    expect((await everyone.checkAll([`${target.origin}/secret`])).get(`${target.origin}/secret`)?.status).toBe('ok');
    const listed = new UrlChecker({ settings: settings({ allowHosts: ['*.test'] }), clock: fakeClock(), resolve });
    // The connection goes to the address vetted (the name resolves only through the injected resolver).
    expect((await listed.checkAll([`http://intranet.test:${port}/secret`])).get(`http://intranet.test:${port}/secret`)?.status).toBe('ok');
    expect(target.hits.length).toBe(2);
  });
});

describe('no network', () => {
  it('is one finding: after a few hosts fail to resolve, and a well-known name too, nothing is checked and nothing is dead', async () => {
    const asked: string[] = [];
    const resolve: Resolver = async (name) => {
      asked.push(name);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    };
    const local = await serve('127.0.0.2', { '/here': ok });
    const urls = [...Array.from({ length: 30 }, (_, k) => `https://site${k}.example/page${k % 3}`), `${local.origin}/here`];
    const checker = new UrlChecker({ settings: settings({ allowHosts: LOOPBACK }), clock: fakeClock(), resolve, probeHost: 'probe.example' });
    const results = await checker.checkAll(urls);
    expect(checker.stats.networkUnavailable).toBe('network unavailable: no host name resolves (site0.example, site1.example, site2.example, nor probe.example)');
    expect(asked.length).toBeLessThanOrEqual(4);
    expect(asked).toContain('probe.example');
    for (const u of urls.slice(0, 30)) expect(results.get(u)?.status, u).toBe('unchecked');
    // What needs no name still stands.
    expect(results.get(`${local.origin}/here`)?.status).toBe('ok');
    expect(checker.stats.byStatus).toMatchObject({ unchecked: 30, ok: 1, unreachable: 0 });
    // The well-known name among the hosts that failed is named once.
    const again = new UrlChecker({ settings: settings(), clock: fakeClock(), resolve, probeHost: 'site1.example' });
    await again.checkAll(urls.slice(0, 30));
    expect(again.stats.networkUnavailable).toBe('network unavailable: no host name resolves (site0.example, site1.example, site2.example)');
  });

  it('a host that does not resolve while others (or the well-known name) do is unreachable', async () => {
    const resolve: Resolver = async (name) => {
      if (name === 'probe.example') return [{ address: '203.0.113.1', family: 4 }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const checker = new UrlChecker({ settings: settings(), clock: fakeClock(), resolve, probeHost: 'probe.example' });
    const results = await checker.checkAll(['https://gone.example/a', 'https://gone.example/b']);
    expect(brief(results.get('https://gone.example/a'))).toEqual({ status: 'unreachable', reason: 'host not found (ENOTFOUND)', host: 'gone.example', requests: 0, retries: 0 });
    expect(checker.stats.networkUnavailable).toBeUndefined();
  });
});
