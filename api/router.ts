import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import { authenticate, requireRole } from './auth/middleware.js';
import type { Principal, Role } from './auth/roles.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { CommandGuard } from './command-guard.js';
import type { IdempotencyStore } from './idempotency.js';
import { fieldProblemCodes } from '../domain/field-rules.js';
import { Problem } from './problem.js';
import { parseOrThrow } from './validation.js';
import { z } from './zod.js';

/**
 * One declaration per endpoint: it mounts the express handler (auth, role check, validation,
 * idempotency) and registers the OpenAPI operation from the same zod schemas, so the document at
 * /api/v1/openapi.json is the single truth of what is served. State-changing methods pass the
 * command guard (api/command-guard.ts): the database must answer before anything is sent, and
 * every Temporal call of the handler has a deadline.
 */
export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  principal: Principal;
  body: B;
  query: Q;
  params: P;
  /** The request's Idempotency-Key, when the client sent one. */
  idempotencyKey?: string;
}

export interface Answer {
  status: number;
  body?: unknown;
  contentType?: string;
}

/**
 * A route whose request body is a file, not JSON: read as raw bytes (a Buffer in `ctx.req.body`)
 * after authentication, for this route only. A Content-Type outside `mediaTypes` is refused
 * (415) before the body is read, and a body over `limit` bytes with 413.
 */
export interface RawBodySpec {
  mediaTypes: readonly string[];
  limit: number;
  /** What the 413 says, e.g. which setting sets the limit. */
  tooLarge: string;
  description: string;
}

export interface RouteSpec<B, Q, P> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path under the base path, e.g. `/initiatives/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Roles allowed; omitted → any authenticated caller (finer checks in the handler). */
  roles?: Role[];
  /** No authentication at all (development sign-in only); `principal` is then not set. */
  public?: true;
  body?: ZodType<B>;
  /** The body is a file of one of these media types (no `body` schema then). */
  rawBody?: RawBodySpec;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** Status → description (and schema, or the media types of a file answered) for the OpenAPI document. */
  responses: Record<number, { description: string; schema?: ZodType; files?: readonly string[] }>;
  /** Accept `Idempotency-Key` (state-changing POSTs). */
  idempotent?: boolean;
  handler: (ctx: RouteContext<B, Q, P>) => Promise<Answer>;
}

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.enum(fieldProblemCodes).optional().openapi({ description: 'why the field was refused (domain/field-rules.ts), for clients to say in their own words' }),
          limit: z.number().optional().openapi({ description: 'the bound broken, for too_long, too_small and too_big' }),
        }),
      )
      .optional(),
    instance: z.string().optional().openapi({ description: 'the path of the request' }),
  })
  .openapi('Problem');

export class ApiRouter {
  readonly router = express.Router();

  constructor(
    readonly registry: OpenAPIRegistry,
    readonly basePath: string,
    private readonly verify: TokenVerifier,
    private readonly idempotency: IdempotencyStore,
    private readonly guard?: CommandGuard,
  ) {
    registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  }

  add<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): void {
    this.document(spec);
    const guards = [...(spec.public ? [] : [authenticate(this.verify), ...(spec.roles ? [requireRole(...spec.roles)] : [])]), ...(spec.rawBody ? [rawFile(spec.rawBody)] : [])];
    this.router[spec.method](spec.path, ...guards, async (req: Request, res: Response) => {
      const principal = req.principal!;
      const body = spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'body') : (undefined as B);
      const query = spec.query ? parseOrThrow(spec.query, req.query, 'query') : (undefined as Q);
      const params = spec.params ? parseOrThrow(spec.params, req.params, 'params') : (undefined as P);
      const idempotencyKey = spec.idempotent ? req.get('Idempotency-Key') : undefined;
      const ctx: RouteContext<B, Q, P> = { req, res, principal, body, query, params, idempotencyKey };
      const command = spec.method !== 'get' && this.guard ? this.guard : undefined;
      await command?.databaseReady();
      const run = command ? () => command.within(() => spec.handler(ctx)) : () => spec.handler(ctx);
      const answer = idempotencyKey ? await this.once(principal.userId, idempotencyKey, `${spec.method} ${req.originalUrl}`, req.body, run, res) : await run();
      send(res, answer);
    });
  }

  private async once(principal: string, key: string, route: string, body: unknown, run: () => Promise<Answer>, res: Response): Promise<Answer> {
    const claim = await this.idempotency.claim(principal, key, route, body);
    if (claim.kind === 'replay') {
      res.setHeader('Idempotent-Replayed', 'true');
      return claim.answer;
    }
    try {
      const answer = await run();
      await this.idempotency.complete(principal, key, { status: answer.status, body: answer.body ?? null });
      return answer;
    } catch (err) {
      // A 4xx is the answer to this request and is kept; anything else lets the retry run again.
      if (err instanceof Problem && err.status < 500) {
        await this.idempotency.complete(principal, key, { status: err.status, body: err.toJSON() });
      } else {
        await this.idempotency.release(principal, key).catch(() => undefined);
      }
      throw err;
    }
  }

  private document<B, Q, P>(spec: RouteSpec<B, Q, P>): void {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = r.files
        ? { description: r.description, content: Object.fromEntries(r.files.map((t) => [t, { schema: binary }])) }
        : r.schema
          ? { description: r.description, content: { 'application/json': { schema: r.schema } } }
          : { description: r.description };
    }
    for (const status of ['400', ...(spec.public ? [] : ['401']), ...(spec.roles ? ['403'] : [])]) {
      responses[status] ??= { description: 'Problem', content: { 'application/problem+json': { schema: problemSchema } } };
    }
    this.registry.registerPath({
      method: spec.method,
      path: this.basePath + spec.path.replace(/:(\w+)/g, '{$1}'),
      summary: spec.summary,
      tags: spec.tags,
      security: spec.public ? [] : [{ bearer: [] }],
      ...(spec.roles ? { description: `Roles: ${spec.roles.join(', ')}` } : {}),
      request: {
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.rawBody ? { body: { description: spec.rawBody.description, required: true, content: Object.fromEntries(spec.rawBody.mediaTypes.map((t) => [t, { schema: binary }])) } } : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.params ? { params: spec.params as never } : {}),
        ...(spec.idempotent ? { headers: z.object({ 'Idempotency-Key': z.string().optional() }) } : {}),
      },
      responses: responses as never,
    });
  }
}

const binary = { type: 'string', format: 'binary' } as const;

/** The media type of a Content-Type header without its parameters, lower-cased. */
const essence = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Reads a file body as bytes, refusing other media types (415) and larger bodies (413) with what to do. */
function rawFile(spec: RawBodySpec) {
  const read = express.raw({ type: () => true, limit: spec.limit });
  return (req: Request, res: Response, next: NextFunction) => {
    const type = essence(req.get('content-type'));
    if (!spec.mediaTypes.includes(type)) {
      next(new Problem(415, 'Unsupported media type', `${type ? `"${type.slice(0, 100)}"` : 'a body without a Content-Type'} is not accepted; send the file with its own Content-Type, one of: ${spec.mediaTypes.join(', ')}`));
      return;
    }
    read(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') next(new Problem(413, 'Payload too large', spec.tooLarge));
      else next(err);
    });
  };
}

function send(res: Response, answer: Answer): void {
  if (answer.contentType) res.type(answer.contentType);
  if (answer.body === undefined) res.status(answer.status).end();
  else if (answer.contentType && (typeof answer.body === 'string' || Buffer.isBuffer(answer.body))) res.status(answer.status).send(answer.body);
  else res.status(answer.status).json(answer.body);
}
