import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ConfigSettingsSchema, PROFILE_SCOPES, type ConfigProfile, type ConfigSettings, type ProfileScope } from '../config-profiles.js';
import { IdParams } from '../../http/device-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const Scope = Type.Union(PROFILE_SCOPES.map((s) => Type.Literal(s)));
const ProfileParams = Type.Object({ scope: Scope, scopeId: Type.String({ minLength: 1, maxLength: 128 }) });
const ProfileSchema = Type.Object({ scope: Scope, scopeId: Type.String(), settings: ConfigSettingsSchema, updatedAtMs: Type.Integer() });
const ConfigStateSchema = Type.Object({
  deviceId: Type.String(),
  wantedVersion: Type.Integer(),
  appliedVersion: Type.Union([Type.Integer(), Type.Null()]),
  appliedAtMs: Type.Union([Type.Integer(), Type.Null()]),
  changedAtMs: Type.Integer(),
  drift: Type.Boolean(),
  config: Type.Object({}, { additionalProperties: true, description: 'the Config message (protobufjs field names), Wi-Fi passphrases hidden' }),
});

type ConfigState = Static<typeof ConfigStateSchema>;

/** Wi-Fi passphrases are write-only through the API. */
function hidePsk<T extends { config: Record<string, unknown> }>(state: T): T {
  const wifi = state.config.wifi as { ssid: string; psk?: string }[] | undefined;
  if (!wifi) return state;
  return { ...state, config: { ...state.config, wifi: wifi.map((w) => ({ ssid: w.ssid, psk: w.psk ? '********' : '' })) } };
}

function shown(profile: ConfigProfile): ConfigProfile {
  return { ...profile, settings: hidePsk({ config: profile.settings as Record<string, unknown> }).config as ConfigSettings };
}

const tags = ['fleet: config'];

/**
 * Config profiles (`fleet/*`, `branch/<id>`, `group/<id>`, `device/<id>`),
 * a device's effective config with wanted/applied versions, and the list of
 * devices in drift.
 */
export const configRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry }) => {
  const { profiles } = fleet;
  app.get('/api/v1/config/profiles', { schema: { tags, response: { 200: Type.Object({ profiles: Type.Array(ProfileSchema) }) } } }, async () => ({
    profiles: profiles.listProfiles().map(shown),
  }));
  app.get<{ Params: Static<typeof ProfileParams> }>('/api/v1/config/profiles/:scope/:scopeId', { schema: { tags, params: ProfileParams, response: { 200: ProfileSchema } } }, async (request) => {
    return shown(profiles.getProfile(request.params.scope as ProfileScope, request.params.scopeId));
  });
  app.put<{ Params: Static<typeof ProfileParams>; Body: Static<typeof ConfigSettingsSchema> }>(
    '/api/v1/config/profiles/:scope/:scopeId',
    { schema: { tags, description: 'Replaces the profile; fields left out inherit from the level below (device > group > branch > fleet). Use scopeId * for the fleet.', params: ProfileParams, body: ConfigSettingsSchema, response: { 200: ProfileSchema } } },
    async (request) => {
      return shown(await profiles.setProfile(request.params.scope as ProfileScope, request.params.scopeId, request.body, actorOf(request)));
    },
  );
  app.delete<{ Params: Static<typeof ProfileParams> }>('/api/v1/config/profiles/:scope/:scopeId', { schema: { tags, params: ProfileParams } }, async (request, reply) => {
    await profiles.deleteProfile(request.params.scope as ProfileScope, request.params.scopeId, actorOf(request));
    return reply.status(204).send();
  });
  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/devices/:id/config', { schema: { tags, params: IdParams, response: { 200: ConfigStateSchema } } }, async (request) => {
    const device = await registry.get(request.params.id);
    return hidePsk(profiles.state(device.id) as ConfigState);
  });
  app.get('/api/v1/config/drift', { schema: { tags, response: { 200: Type.Object({ devices: Type.Array(ConfigStateSchema) }) } } }, async () => ({
    devices: profiles.drifted().map((s) => hidePsk(s as ConfigState)),
  }));
};
