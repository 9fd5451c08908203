import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { SESSION_COOKIE, sessionCookieOf } from '../access.js';
import { ROLES, type ApiToken, type Me, type NewApiToken, type User } from '../../api-types.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const Role = oneOf(ROLES);
const UserSchema = wireSchema<User>()(Type.Object({ id: Type.String(), role: Role, disabled: Type.Boolean(), createdAtMs: Type.Integer() }));
const TokenSchema = wireSchema<ApiToken>()(
  Type.Object({
    id: Type.String(),
    userId: Type.String(),
    name: Type.String(),
    createdAtMs: Type.Integer(),
    lastUsedAtMs: nullable(Type.Integer()),
    revokedAtMs: nullable(Type.Integer()),
  }),
);
const MeSchema = wireSchema<Me>()(
  Type.Object({
    actor: Type.String(),
    role: Role,
    userId: nullable(Type.String()),
    via: oneOf(['admin-token', 'api-token', 'session']),
  }),
);
const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 128 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });
const NewUser = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), role: Role, password: Type.String({ minLength: 12, maxLength: 1024 }) }, { additionalProperties: false });
const UserPatch = Type.Object(
  { role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()), password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })) },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ maxLength: 128 }) });
const TokenParams = Type.Object({ id: Type.String({ maxLength: 128 }), tokenId: Type.String({ maxLength: 64 }) });

const tags = ['access'];

/** POST /api/v1/auth/login (session cookie for the web UI) and /logout. No authentication needed. */
export const loginRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet }) => {
  app.post<{ Body: Static<typeof LoginBody>; Reply: { user: User; expiresAtMs: number } }>(
    '/api/v1/auth/login',
    { schema: { tags, body: LoginBody, response: { 200: Type.Object({ user: UserSchema, expiresAtMs: Type.Integer() }) } } },
    async (request, reply) => {
      const { user, sessionToken, expiresAtMs } = await fleet.users.login(request.body.username, request.body.password, request.ip);
      const secure = request.protocol === 'https' ? '; Secure' : '';
      const maxAge = Math.floor((expiresAtMs - Date.now()) / 1000);
      return reply
        .header('set-cookie', `${SESSION_COOKIE}=${sessionToken}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`)
        .header('cache-control', 'no-store')
        .send({ user, expiresAtMs });
    },
  );
  app.post('/api/v1/auth/logout', { schema: { tags } }, async (request, reply) => {
    const session = sessionCookieOf(request);
    if (session) await fleet.users.logout(session, { actor: 'anonymous', source: request.ip });
    return reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`).status(204).send();
  });
};

/** Who am I, and user/token management (admin). */
export const userRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet }) => {
  const { users } = fleet;
  const manage = { permission: 'users:manage' as const };
  app.get<{ Reply: Me }>('/api/v1/auth/me', { schema: { tags, response: { 200: MeSchema } } }, async (request) => request.principal!);
  app.get<{ Reply: { users: User[] } }>('/api/v1/users', { config: manage, schema: { tags, response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } } }, async () => ({ users: users.list() }));
  app.post<{ Body: Static<typeof NewUser>; Reply: User }>('/api/v1/users', { config: manage, schema: { tags, body: NewUser, response: { 201: UserSchema } } }, async (request, reply) =>
    reply.status(201).send(await users.create(request.body, actorOf(request))),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UserPatch>; Reply: User }>(
    '/api/v1/users/:id',
    { config: manage, schema: { tags, params: IdParams, body: UserPatch, response: { 200: UserSchema } } },
    async (request) => users.update(request.params.id, request.body, actorOf(request)),
  );
  app.get<{ Params: Static<typeof IdParams>; Reply: { tokens: ApiToken[] } }>('/api/v1/users/:id/tokens', { config: manage, schema: { tags, params: IdParams, response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }) } } }, async (request) => ({
    tokens: users.tokens(users.get(request.params.id).id),
  }));
  app.post<{ Params: Static<typeof IdParams>; Body: { name: string }; Reply: NewApiToken }>(
    '/api/v1/users/:id/tokens',
    {
      config: manage,
      schema: { tags, params: IdParams, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), response: { 201: Type.Object({ token: Type.String(), info: TokenSchema }) } },
    },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await users.createToken(request.params.id, request.body.name, actorOf(request))),
  );
  app.delete<{ Params: Static<typeof TokenParams> }>('/api/v1/users/:id/tokens/:tokenId', { config: manage, schema: { tags, params: TokenParams } }, async (request, reply) => {
    await users.revokeToken(request.params.id, request.params.tokenId, actorOf(request));
    return reply.status(204).send();
  });
};
