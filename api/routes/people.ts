import { listPeople, staffDirectory, writePerson } from '../../db/people.js';
import { readPolicy } from '../../db/settings.js';
import { roles } from '../auth/roles.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { badRequest } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { DirectoryQuery, DirectorySchema, PeoplePageSchema, PeopleQuery, PersonInputSchema, PersonParams, PersonSchema } from '../schemas/notifications.js';

/**
 * The directory of people notices reach (docs/notifications.md "The directory"): maintained by
 * administrators, or by an identity-provider sync through the same endpoint. Audited.
 */
const userCursor = cursorCodec({ userId: cursorParts.id });

export function peopleRoutes(api: ApiRouter, { db }: AppDeps): void {
  const tags = ['Administration'];
  api.add({
    method: 'get',
    path: '/directory',
    summary: 'The staff directory behind the pickers: active people (names, departments, roles; no contact details) and the departments with their heads',
    tags: ['People'],
    roles: [...roles],
    query: DirectoryQuery,
    responses: { 200: { description: 'People and departments', schema: DirectorySchema } },
    handler: async ({ query }) => {
      const people = await staffDirectory(db, query);
      const { value: names } = await readPolicy(db, 'departments');
      const nameOf = new Map(names.departments.map((d) => [d.id, d.name]));
      const departments = new Map<string, { id: string; name: { zh: string; en: string } | null; heads: string[]; members: number }>();
      for (const p of query.role ? await staffDirectory(db, query.department ? { department: query.department } : {}) : people) {
        if (!p.department) continue;
        const d = departments.get(p.department) ?? { id: p.department, name: nameOf.get(p.department) ?? null, heads: [], members: 0 };
        d.members += 1;
        if (p.departmentHead) d.heads.push(p.userId);
        departments.set(p.department, d);
      }
      return { status: 200, body: { people, departments: [...departments.values()] } };
    },
  });
  api.add({
    method: 'get',
    path: '/people',
    summary: 'The directory of people, by user id',
    tags,
    roles: ['admin'],
    query: PeopleQuery,
    responses: { 200: { description: 'A page of the directory', schema: PeoplePageSchema } },
    handler: async ({ query }) => {
      const limit = query.limit ?? 100;
      const rows = await listPeople(db, limit + 1, query.cursor ? userCursor.decode(query.cursor).userId : undefined);
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? items.at(-1) : undefined;
      return { status: 200, body: { items, nextCursor: next ? userCursor.encode({ userId: next.userId }) : null } };
    },
  });
  api.add({
    method: 'put',
    path: '/people/:userId',
    summary: 'Create or replace one person of the directory (audited)',
    tags,
    roles: ['admin'],
    params: PersonParams,
    body: PersonInputSchema,
    responses: { 200: { description: 'The person', schema: PersonSchema } },
    handler: async ({ params, body, principal }) => {
      if (body.userId !== params.userId) throw badRequest('the body’s userId must be the path’s', [{ path: 'body.userId', message: `expected ${params.userId}` }]);
      const { userId: _userId, ...person } = body;
      return { status: 200, body: await writePerson(db, params.userId, { ...person, email: person.email ?? null, department: person.department ?? null }, principal) };
    },
  });
}
