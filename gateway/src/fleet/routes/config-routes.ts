import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { PROFILE_SCOPES, type ConfigProfile, type ConfigState } from '../../api-types.js';
import { ConfigSettingsSchema, type DeviceConfigState } from '../config-profiles.js';
import { IdParams } from '../../http/device-schema.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import { actorOf, type FleetRouteOptions } from './index.js';

const Scope = oneOf(PROFILE_SCOPES);
const ProfileParams = Type.Object({ scope: Scope, scopeId: Type.String({ minLength: 1, maxLength: 128 }) });
const ProfileSchema = wireSchema<ConfigProfile>()(Type.Object({ scope: Scope, scopeId: Type.String(), settings: ConfigSettingsSchema, updatedAtMs: Type.Integer() }));
const ConfigStateSchema = wireSchema<ConfigState>()(
  Type.Object({
    deviceId: Type.String(),
    wantedVersion: Type.Integer(),
    appliedVersion: nullable(Type.Integer()),
    appliedAtMs: nullable(Type.Integer()),
    changedAtMs: Type.Integer(),
    drift: Type.Boolean(),
    config: Type.Object({}, { additionalProperties: true, description: 'the Config message (protobufjs field names), Wi-Fi passphrases hidden' }),
  }),
);

/** Wi-Fi passphrases are write-only through the API: '********' when set, '' when not. */
function hidePsk<W extends { psk?: string | null }>(wifi: W[]): (W & { psk: string })[] {
  return wifi.map((w) => ({ ...w, psk: w.psk ? '********' : '' }));
}

function shownProfile(profile: ConfigProfile): ConfigProfile {
  const { wifi } = profile.settings;
  return wifi ? { ...profile, settings: { ...profile.settings, wifi: hidePsk(wifi) } } : profile;
}

function shownState(state: DeviceConfigState): ConfigState {
  const { config, ...rest } = state;
  return { ...rest, config: config.wifi ? { ...config, wifi: hidePsk(config.wifi) } : { ...config } };
}

const tags = ['fleet: config'];

/**
 * Config profiles (`fleet/*`, `branch/<id>`, `group/<id>`, `device/<id>`),
 * a device's effective config with wanted/applied versions, and the list of
 * devices in drift.
 */
export const configRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { fleet, registry }) => {
  const { profiles } = fleet;
  app.get<{ Reply: { profiles: ConfigProfile[] } }>('/api/v1/config/profiles', { schema: { tags, response: { 200: Type.Object({ profiles: Type.Array(ProfileSchema) }) } } }, async () => ({
    profiles: profiles.listProfiles().map(shownProfile),
  }));
  app.get<{ Params: Static<typeof ProfileParams>; Reply: ConfigProfile }>('/api/v1/config/profiles/:scope/:scopeId', { schema: { tags, params: ProfileParams, response: { 200: ProfileSchema } } }, async (request) => {
    return shownProfile(profiles.getProfile(request.params.scope, request.params.scopeId));
  });
  app.put<{ Params: Static<typeof ProfileParams>; Body: Static<typeof ConfigSettingsSchema>; Reply: ConfigProfile }>(
    '/api/v1/config/profiles/:scope/:scopeId',
    { schema: { tags, description: 'Replaces the profile; fields left out inherit from the level below (device > group > branch > fleet). Use scopeId * for the fleet.', params: ProfileParams, body: ConfigSettingsSchema, response: { 200: ProfileSchema } } },
    async (request) => {
      return shownProfile(await profiles.setProfile(request.params.scope, request.params.scopeId, request.body, actorOf(request)));
    },
  );
  app.delete<{ Params: Static<typeof ProfileParams> }>('/api/v1/config/profiles/:scope/:scopeId', { schema: { tags, params: ProfileParams } }, async (request, reply) => {
    await profiles.deleteProfile(request.params.scope, request.params.scopeId, actorOf(request));
    return reply.status(204).send();
  });
  app.get<{ Params: Static<typeof IdParams>; Reply: ConfigState }>('/api/v1/devices/:id/config', { schema: { tags, params: IdParams, response: { 200: ConfigStateSchema } } }, async (request) => {
    const device = await registry.get(request.params.id);
    return shownState(profiles.state(device.id));
  });
  app.get<{ Reply: { devices: ConfigState[] } }>('/api/v1/config/drift', { schema: { tags, response: { 200: Type.Object({ devices: Type.Array(ConfigStateSchema) }) } } }, async () => ({
    devices: profiles.drifted().map(shownState),
  }));
};
