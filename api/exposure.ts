import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config.js';
import { isLoopbackAddress, isLoopbackHost } from '../config/exposure.js';
import { forbidden, Problem, unauthorized } from './problem.js';

/**
 * Request checks that depend on where the API listens (docs/security.md "Secure defaults").
 */

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, lower-cased and without its port (`[::1]:3000` → `[::1]`). */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d+)?$/.exec(h);
  return match?.[1];
}

/**
 * DNS rebinding: a page of another site whose name the attacker points at 127.0.0.1 would reach
 * a loopback API as same-origin. While HOST is loopback (and whenever ALLOWED_HOSTS is set), a
 * request whose Host header is not localhost, 127.0.0.1, [::1] or one of ALLOWED_HOSTS is refused.
 * Behind a proxy on another host, the proxy sets Host; list its public name in ALLOWED_HOSTS.
 */
export function hostCheck(config: Config) {
  const active = isLoopbackHost(config.HOST) || config.ALLOWED_HOSTS.length > 0;
  const allowed = new Set([...(isLoopbackHost(config.HOST) ? loopbackNames : []), ...config.ALLOWED_HOSTS]);
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!active) return next();
    const name = hostName(req.headers.host);
    if (name && allowed.has(name)) return next();
    next(new Problem(421, 'Misdirected request', `this server does not answer to the host ${JSON.stringify(req.headers.host ?? '')}; ALLOWED_HOSTS lists the names it answers to besides localhost`));
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * /metrics: with METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` (Prometheus'
 * `authorization` scrape setting); unset, only peers on this machine's loopback (the socket's
 * address, never a forwarded header).
 */
export function metricsGuard(config: Config) {
  const expected = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    if (!expected) {
      if (isLoopbackAddress(req.socket.remoteAddress)) return next();
      return next(forbidden('/metrics answers this machine only; set METRICS_TOKEN and scrape with it as a bearer token'));
    }
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    next(unauthorized('/metrics needs the bearer token of METRICS_TOKEN'));
  };
}
