import { addPersonIfMissing, type PersonInput } from '../../db/people.js';
import { demoUser, demoUsers, principalOf, type DemoUser } from '../auth/demo-users.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { z } from '../zod.js';

/**
 * Development sign-in for the embedded default (README "Identity"): the web UI's user picker.
 * Mounted only when `deps.devTokens` is set, i.e. the server verifies its own embedded HS256
 * tokens — never with JWT_JWKS_URL (a bank's identity provider) nor NODE_ENV=production
 * (api/auth/dev-tokens.ts). Without it these paths answer 404 and the UI asks for a token.
 */
const DemoUserSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    department: z.string().optional(),
    committee: z.enum(['chair', 'member']).optional(),
    title: z.object({ en: z.string(), zh: z.string() }),
  })
  .openapi('DemoUser');

const TokenRequestSchema = z.strictObject({ userId: z.string().min(1).max(200) }).openapi('DevTokenRequest');

/**
 * A demo user as the directory knows them (docs/notifications.md "The directory"): a mailbox at
 * the reserved example domain (delivered to the embedded Mailpit), Chinese, email as the channel.
 */
export function demoDirectoryEntry(u: DemoUser): PersonInput {
  return { name: u.name, email: `${u.userId}@demo.cxgov.example`, language: 'zh', department: u.department ?? null, roles: [...u.roles], departmentHead: false, channel: 'email', active: true };
}

export function devRoutes(api: ApiRouter, { devTokens, db }: AppDeps): void {
  if (!devTokens) return;
  const tags = ['Development sign-in'];

  api.add({
    method: 'get',
    path: '/dev/users',
    summary: 'The demo users a development token can be signed for (embedded HS256 setup only; absent with an identity provider or NODE_ENV=production)',
    tags,
    public: true,
    responses: { 200: { description: 'The demo cast', schema: z.object({ items: z.array(DemoUserSchema) }) } },
    handler: async () => ({ status: 200, body: { items: demoUsers } }),
  });

  api.add({
    method: 'post',
    path: '/dev/tokens',
    summary: 'Sign a 12-hour token for one demo user (embedded HS256 setup only; absent with an identity provider or NODE_ENV=production)',
    tags,
    public: true,
    body: TokenRequestSchema,
    responses: {
      200: { description: 'The token and who it is for', schema: z.object({ token: z.string(), user: DemoUserSchema }) },
      404: { description: 'No demo user with that id' },
    },
    handler: async ({ body }) => {
      const user = demoUser(body.userId);
      if (!user) throw notFound(`no demo user ${body.userId}; GET /api/v1/dev/users lists them`);
      // Whoever signs in is in the directory, so role and department notices reach them.
      await addPersonIfMissing(db, user.userId, demoDirectoryEntry(user), { userId: 'dev-signin', roles: ['system'] });
      return { status: 200, body: { token: await devTokens(principalOf(user)), user } };
    },
  });
}
