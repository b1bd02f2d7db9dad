/**
 * Name-based UUIDs (version 5, RFC 9562 §5.5): the same name in the same
 * namespace gives the same UUID on every run and machine, so an exported
 * OSCAL document diffs cleanly in git. SHA-1 comes from @noble/hashes (pure
 * JavaScript, audited), as the core does no I/O and uses no node:crypto.
 */
import { sha1 } from '@noble/hashes/legacy';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

/** RFC 9562's namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version-5 UUID of `name` in `namespace`, lower case. */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespaceBytes(namespace);
  const text = utf8ToBytes(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const bytes = sha1(input).slice(0, 16);
  // Version 5 and the RFC 4122 variant; a SHA-1 digest always has these bytes.
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SHA-256 of a text's UTF-8 bytes, in base64: what a CSP `'sha256-…'` source names. */
export function sha256Base64(text: string): string {
  const bytes = sha256(utf8ToBytes(text));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** A few namespaces serve many names: their bytes are worked out once. */
const namespaces = new Map<string, Uint8Array>();

function namespaceBytes(namespace: string): Uint8Array {
  let bytes = namespaces.get(namespace);
  if (!bytes) {
    if (!UUID.test(namespace)) throw new Error(`not a UUID: ${namespace}`);
    if (namespaces.size > 64) namespaces.clear();
    namespaces.set(namespace, (bytes = hexToBytes(namespace.replace(/-/g, ''))));
  }
  return bytes;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
