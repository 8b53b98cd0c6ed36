/**
 * The profile form's values (strings, as typed) and their conversion to the contract's draft,
 * plus where a BAD_INPUT error's `field` is shown.
 */
import type { InputOf } from '../../../shared/contract';
import type { AppInfo, ProfileSummary } from '../../../shared/connections/types';
import type { WarrenError } from '../../../shared/errors';
import type { ParsedProfileDraft } from '../../../shared/schemas';
import { invalid, type DraftResult } from '../../ui/invalid';

export interface ProfileFormValues {
  /** Set when editing a saved profile. */
  id?: string;
  name: string;
  host: string;
  port: string;
  vhost: string;
  username: string;
  /** Empty when editing means "keep the stored password". */
  password: string;
  rememberPassword: boolean;
  /** Whether the user touched "Remember password" (editing keeps the stored choice otherwise). */
  rememberTouched: boolean;
  tlsEnabled: boolean;
  caFile: string;
  certFile: string;
  keyFile: string;
  verifyPeer: boolean;
  managementUrl: string;
  heartbeat: string;
}

export type FieldKey =
  | 'name'
  | 'host'
  | 'port'
  | 'vhost'
  | 'username'
  | 'password'
  | 'rememberPassword'
  | 'tls'
  | 'caFile'
  | 'certFile'
  | 'keyFile'
  | 'managementUrl'
  | 'heartbeat'
  | 'url'
  | 'form';

export type FieldErrors = Partial<Record<FieldKey, { message: string; hint?: string }>>;

export const AMQP_PORT = 5672;
export const AMQPS_PORT = 5671;
export const DEFAULT_HEARTBEAT = 60;

export function emptyValues(): ProfileFormValues {
  return {
    name: '',
    host: '',
    port: String(AMQP_PORT),
    vhost: '/',
    username: 'guest',
    password: '',
    rememberPassword: false,
    rememberTouched: false,
    tlsEnabled: false,
    caFile: '',
    certFile: '',
    keyFile: '',
    verifyPeer: true,
    managementUrl: '',
    heartbeat: String(DEFAULT_HEARTBEAT),
  };
}

export function valuesFromProfile(profile: ProfileSummary): ProfileFormValues {
  return {
    ...emptyValues(),
    id: profile.id,
    name: profile.name,
    host: profile.host,
    port: String(profile.port),
    vhost: profile.vhost,
    username: profile.username,
    rememberPassword: profile.passwordRemembered,
    tlsEnabled: profile.tls.enabled,
    caFile: profile.tls.caFile ?? '',
    certFile: profile.tls.certFile ?? '',
    keyFile: profile.tls.keyFile ?? '',
    verifyPeer: profile.tls.verifyPeer,
    managementUrl: profile.managementUrl,
    heartbeat: String(profile.heartbeat),
  };
}

/** Fills the form from profiles.parseUrl's answer, keeping which profile is being edited. */
export function valuesFromParsed(parsed: ParsedProfileDraft, current: ProfileFormValues): ProfileFormValues {
  return {
    ...current,
    name: parsed.name,
    host: parsed.host,
    port: String(parsed.port),
    vhost: parsed.vhost,
    username: parsed.username,
    password: parsed.password ?? '',
    tlsEnabled: parsed.tls.enabled,
    caFile: parsed.tls.caFile ?? current.caFile,
    certFile: parsed.tls.certFile ?? current.certFile,
    keyFile: parsed.tls.keyFile ?? current.keyFile,
    verifyPeer: parsed.tls.verifyPeer,
    managementUrl: parsed.managementUrl,
    heartbeat: String(parsed.heartbeat),
  };
}

/** Ticking "Use TLS" moves the port between the usual AMQP and AMQPS ports, if it was the usual one. */
export function withTls(values: ProfileFormValues, enabled: boolean): ProfileFormValues {
  let port = values.port;
  if (enabled && port === String(AMQP_PORT)) port = String(AMQPS_PORT);
  if (!enabled && port === String(AMQPS_PORT)) port = String(AMQP_PORT);
  return { ...values, tlsEnabled: enabled, port };
}

export type SaveInput = InputOf<'profiles.save'>;

function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/**
 * The draft to send. Numbers are sent as numbers (the main process checks their range);
 * only text that is not a number at all is refused here.
 */
export function toDraft(values: ProfileFormValues, appInfo: AppInfo | undefined): DraftResult<SaveInput> {
  const errors: WarrenError[] = [];
  const port = readNumber(values.port);
  const portMissing = invalid('Enter a port number (1–65535).', { field: 'port', hint: 'AMQP uses 5672, AMQPS 5671.' });
  if (port === undefined) errors.push(portMissing);
  const heartbeat = readNumber(values.heartbeat);
  if (values.heartbeat.trim() !== '' && heartbeat === undefined) {
    errors.push(invalid('Enter a number of seconds (0 turns heartbeats off).', { field: 'heartbeat' }));
  }
  const [first, ...rest] = errors;
  if (first || port === undefined) return { ok: false, errors: [first ?? portMissing, ...rest] };

  const editing = values.id !== undefined;
  const draft: SaveInput = {
    name: values.name,
    host: values.host,
    port,
    vhost: values.vhost,
    username: values.username,
    tls: {
      enabled: values.tlsEnabled,
      caFile: optional(values.caFile),
      certFile: optional(values.certFile),
      keyFile: optional(values.keyFile),
      verifyPeer: values.verifyPeer,
    },
    managementUrl: values.managementUrl,
    heartbeat: heartbeat ?? DEFAULT_HEARTBEAT,
  };
  if (values.id !== undefined) draft.id = values.id;
  // Editing with an empty password keeps the stored one.
  if (!editing || values.password !== '') draft.password = values.password;
  if (canRemember(appInfo) && (!editing || values.rememberTouched)) draft.rememberPassword = values.rememberPassword;
  return { ok: true, value: draft };
}

/** The same draft for "Test" (profiles.test takes a plain profile draft). */
export function toTestDraft(draft: SaveInput): InputOf<'profiles.test'> {
  const { rememberPassword: _ignored, ...rest } = draft;
  return rest;
}

/** "Remember password" is offered unless the OS keychain already keeps every password. */
export function canRemember(appInfo: AppInfo | undefined): boolean {
  return appInfo?.canRememberPasswords === true;
}

const DIRECT_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'host',
  'port',
  'vhost',
  'username',
  'password',
  'rememberPassword',
  'managementUrl',
  'heartbeat',
  'url',
]);

const TLS_FIELDS: Readonly<Record<string, FieldKey>> = { caFile: 'caFile', certFile: 'certFile', keyFile: 'keyFile' };

/** Where a BAD_INPUT error's field (e.g. "port", "tls.caFile") is shown; 'form' when nowhere in particular. */
export function fieldFor(field: string | undefined): FieldKey {
  if (!field) return 'form';
  const [head, sub] = field.split('.');
  if (head === 'tls') return (sub && TLS_FIELDS[sub]) || 'tls';
  if (head && DIRECT_FIELDS.has(head)) return head as FieldKey;
  return 'form';
}

/** The dispatcher's generic hint ("Correct “port” and try again.") says nothing a field error does not. */
const GENERIC_HINT = /^Correct (“[^”]*”|the input|the highlighted field) and try again\.$/;

/** Turns failures (a refused save/test/import, or local ones) into errors per field. */
export function errorsFrom(...failures: WarrenError[]): FieldErrors {
  return Object.assign({}, ...failures.map(errorsOf)) as FieldErrors;
}

function errorsOf(error: WarrenError): FieldErrors {
  const key = error.code === 'BAD_INPUT' ? fieldFor(error.field) : 'form';
  const hint = key !== 'form' && GENERIC_HINT.test(error.hint) ? undefined : error.hint;
  return { [key]: { message: error.message, hint } };
}
