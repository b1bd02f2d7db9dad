/**
 * What a terminal would act on rather than show: C0 and C1 controls (ESC
 * starts sequences that clear the screen or set the window title), DEL, and
 * the invisible marks that reorder text (bidirectional overrides and isolates).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text from the user's files (names, keys quoted in messages) made safe to print: each such character as a visible `\u001b`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/**
 * JSON text with DEL and C1 controls escaped too (JSON.stringify leaves them
 * raw; a terminal showing the report would act on them). Only strings can
 * hold them, so escaping them keeps the same JSON value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, escape);
}
