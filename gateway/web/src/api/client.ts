import type {
  Alert,
  AlertQuery,
  ApiToken,
  Assignment,
  AuditEntry,
  AuditQuery,
  Branch,
  Command,
  CommandKind,
  ConfigProfile,
  ConfigSettings,
  ConfigState,
  Device,
  DeviceHealth,
  DeviceWithSecret,
  FleetPage,
  FleetQuery,
  Group,
  HealthHistory,
  ImportReport,
  Me,
  NewApiToken,
  Placement,
  Release,
  Rollout,
  RolloutDetail,
  RolloutInput,
  Role,
  Staff,
  User,
  WebhookStatus,
} from './types.js';

/** The fleet API (gateway/src/fleet/routes); the browser authenticates with the session cookie. */
export const API_BASE = '/api/v1';

/** A non-2xx answer from the API, with the gateway's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired on window when the gateway answers 401 (the session expired or was ended): the app shows its login form. */
export const UNAUTHORIZED_EVENT = 'parley:unauthorized';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, { credentials: 'same-origin', ...init });
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (!res.ok) {
    const e = ((body ?? {}) as { error?: { code?: string; message?: string } }).error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? (text.slice(0, 200) || res.statusText));
  }
  return body as T;
}

const json = (method: string, body?: unknown): RequestInit =>
  body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };

/** Query string from defined values only (booleans and numbers as text). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const id = encodeURIComponent;

export const api = {
  me: () => request<Me>('/auth/me'),
  login: (username: string, password: string) => request<unknown>('/auth/login', json('POST', { username, password })),
  logout: () => request<unknown>('/auth/logout', { method: 'POST' }),

  fleet: (q: FleetQuery) => request<FleetPage>(`/fleet/devices${queryString({ ...q })}`),
  device: (deviceId: string) => request<Device>(`/devices/${id(deviceId)}`),
  createDevice: (body: { id?: string; serial: string; hardwareRevision: string; firmwareVersion?: string }) =>
    request<DeviceWithSecret>('/devices', json('POST', body)),
  importDevices: (csv: string) =>
    request<ImportReport>('/devices/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }),
  rotateSecret: (deviceId: string) => request<DeviceWithSecret>(`/devices/${id(deviceId)}/rotate-secret`, { method: 'POST' }),
  deviceLifecycle: (deviceId: string, action: 'revoke' | 'retire' | 'reinstate') => request<Device>(`/devices/${id(deviceId)}/${action}`, { method: 'POST' }),

  health: (deviceId: string) => request<DeviceHealth>(`/devices/${id(deviceId)}/health`),
  history: (deviceId: string, fromMs: number, toMs: number, bucketMs: number) =>
    request<HealthHistory>(`/devices/${id(deviceId)}/health/history${queryString({ fromMs, toMs, bucketMs })}`),

  commands: (deviceId: string) => request<{ commands: Command[] }>(`/devices/${id(deviceId)}/commands?limit=50`),
  sendCommand: (deviceId: string, kind: CommandKind) => request<Command>(`/devices/${id(deviceId)}/commands`, json('POST', { kind })),
  cancelCommand: (deviceId: string, commandId: string) => request<Command>(`/devices/${id(deviceId)}/commands/${id(commandId)}/cancel`, { method: 'POST' }),

  config: (deviceId: string) => request<ConfigState>(`/devices/${id(deviceId)}/config`),
  drift: () => request<{ devices: ConfigState[] }>('/config/drift'),
  profiles: () => request<{ profiles: ConfigProfile[] }>('/config/profiles'),
  profile: (scope: ConfigProfile['scope'], scopeId: string) => request<ConfigProfile>(`/config/profiles/${scope}/${id(scopeId)}`),
  setProfile: (scope: ConfigProfile['scope'], scopeId: string, settings: ConfigSettings) =>
    request<ConfigProfile>(`/config/profiles/${scope}/${id(scopeId)}`, json('PUT', settings)),
  deleteProfile: (scope: ConfigProfile['scope'], scopeId: string) => request<null>(`/config/profiles/${scope}/${id(scopeId)}`, { method: 'DELETE' }),

  branches: () => request<{ branches: Branch[] }>('/branches'),
  createBranch: (body: { id: string; name: string; region?: string }) => request<Branch>('/branches', json('POST', body)),
  staff: () => request<{ staff: Staff[] }>('/staff'),
  createStaff: (body: { id: string; name: string; branchId?: string | null }) => request<Staff>('/staff', json('POST', body)),
  updateStaff: (staffId: string, body: { name?: string; branchId?: string | null }) => request<Staff>(`/staff/${id(staffId)}`, json('PATCH', body)),
  groups: () => request<{ groups: Group[] }>('/groups'),
  createGroup: (body: { id: string; name: string }) => request<Group>('/groups', json('POST', body)),
  addToGroup: (groupId: string, deviceId: string) => request<Placement>(`/groups/${id(groupId)}/devices/${id(deviceId)}`, { method: 'PUT' }),
  removeFromGroup: (groupId: string, deviceId: string) => request<Placement>(`/groups/${id(groupId)}/devices/${id(deviceId)}`, { method: 'DELETE' }),
  placement: (deviceId: string) => request<Placement>(`/devices/${id(deviceId)}/placement`),
  setBranch: (deviceId: string, branchId: string | null) => request<Placement>(`/devices/${id(deviceId)}/branch`, json('PUT', { branchId })),
  assign: (deviceId: string, staffId: string) => request<Assignment>(`/devices/${id(deviceId)}/assign`, json('POST', { staffId })),
  unassign: (deviceId: string) => request<Assignment>(`/devices/${id(deviceId)}/unassign`, json('POST', {})),
  assignments: (q: { deviceId?: string; staffId?: string }) => request<{ assignments: Assignment[] }>(`/assignments${queryString({ ...q })}`),

  alerts: (q: AlertQuery) => request<{ alerts: Alert[] }>(`/alerts${queryString({ ...q })}`),
  alertWebhook: () => request<WebhookStatus>('/alerts/webhook'),
  evaluateAlerts: () => request<{ open: number }>('/alerts/evaluate', { method: 'POST' }),

  releases: () => request<{ releases: Release[] }>('/releases'),
  uploadRelease: (bundle: ArrayBuffer, q: { version: string; minHardwareRevision?: string; notes?: string }) =>
    request<Release>(`/releases${queryString({ ...q })}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bundle }),
  rollouts: () => request<{ rollouts: Rollout[] }>('/rollouts'),
  rollout: (rolloutId: string) => request<RolloutDetail>(`/rollouts/${id(rolloutId)}`),
  createRollout: (body: RolloutInput) =>
    request<Rollout>('/rollouts', json('POST', body)),
  rolloutAction: (rolloutId: string, action: 'pause' | 'resume' | 'abort') => request<Rollout>(`/rollouts/${id(rolloutId)}/${action}`, { method: 'POST' }),

  users: () => request<{ users: User[] }>('/users'),
  createUser: (body: { id: string; role: Role; password: string }) => request<User>('/users', json('POST', body)),
  updateUser: (userId: string, body: { role?: Role; disabled?: boolean; password?: string }) => request<User>(`/users/${id(userId)}`, json('PATCH', body)),
  tokens: (userId: string) => request<{ tokens: ApiToken[] }>(`/users/${id(userId)}/tokens`),
  createToken: (userId: string, name: string) => request<NewApiToken>(`/users/${id(userId)}/tokens`, json('POST', { name })),
  revokeToken: (userId: string, tokenId: string) => request<null>(`/users/${id(userId)}/tokens/${id(tokenId)}`, { method: 'DELETE' }),

  audit: (q: AuditQuery) => request<{ entries: AuditEntry[] }>(`/audit${queryString({ ...q })}`),
  auditExportUrl: (format: 'csv' | 'jsonl', q: Omit<AuditQuery, 'afterSeq' | 'limit'>) => `${API_BASE}/audit/export${queryString({ format, ...q })}`,
};
