/**
 * Shared helpers of the engine tests: where things are, line numbers, and the
 * checks that every fix must pass whatever the input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker, MatrixRegistry, applyEdits, checkText, fixAllEdits, type Diagnostic, type Edit, type Fix, type MatrixIndex, type TextFacts } from '../../server/src/core';
import { decode, textFactsOf } from '../../server/src/io/encoding';

/** The built-in matrices, as the checker indexes them. */
export const REFERENCE: MatrixIndex = MatrixRegistry.builtIn().get('reference@1')!.index!;
export const AZURE: MatrixIndex = MatrixRegistry.builtIn().get('azure@2026-01')!.index!;

/** The repository root: this file runs as out/test/engine/helpers.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'engine');

/** 1-based line of a UTF-16 offset (lines end at `\n`; a `\r` before it belongs to the line). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The lines of a text, without their line breaks (`\n`, `\r\n` or a lone `\r`, as YAML reads them). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function ofCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** A short description of findings for assertion messages. */
export function describeFindings(text: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `  line ${lineAt(text, d.span.start)}: ${d.code}${d.layerId ? `(${d.layerId})` : ''} ${d.message}`).join('\n') || '  (none)';
}

/** Every `.srm.yaml` / `.srm.yml` under a folder, sorted, as paths relative to it. */
export function listFixtures(dir = FIXTURE_DIR): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (/\.srm\.ya?ml$/.test(entry.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Reads a fixture the way the CLI and editor see it: UTF-8, invalid bytes become U+FFFD, a BOM is kept. */
export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, rel)).toString('utf8');
}

/** What the CLI's decoder tells the engine about a fixture's bytes (where invalid UTF-8 starts), as offsets into `readFixture`'s text. */
export function fixtureFacts(rel: string): TextFacts {
  const decoded = decode(fs.readFileSync(path.join(FIXTURE_DIR, rel)));
  // readFixture keeps a UTF-8 byte-order mark in the text; the decoder drops it.
  const facts = textFactsOf(decoded);
  return facts.invalidUtf8At !== undefined && decoded.encoding === 'utf-8-bom' ? { invalidUtf8At: facts.invalidUtf8At + 1 } : facts;
}

/** The number of YAML syntax findings, parse failures of any kind. */
export function syntaxErrors(text: string): number {
  return checkText(text).diagnostics.filter((d) => d.code === 'SRM018' && d.severity === 'error').length;
}

/** Asserts what every fix of every finding must satisfy, whatever the input. */
export function assertWellFormedFix(text: string, fix: Fix, where: string): void {
  assert.ok(fix.title.trim().length > 0, `${where}: a fix without a title`);
  assert.ok(fix.edits.length > 0, `${where}: fix "${fix.title}" has no edits`);
  let previousEnd = 0;
  for (const e of [...fix.edits].sort((a, b) => a.start - b.start)) {
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), `${where}: fix "${fix.title}" has a non-integer offset`);
    assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${where}: fix "${fix.title}" edits ${e.start}..${e.end} outside 0..${text.length}`);
    assert.ok(e.start >= previousEnd, `${where}: fix "${fix.title}" has overlapping edits`);
    previousEnd = e.end;
  }
}

/** Asserts that a diagnostic's span lies within the text. */
export function assertSpanInText(text: string, d: Diagnostic): void {
  assert.ok(
    Number.isInteger(d.span.start) && Number.isInteger(d.span.end) && d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length,
    `${d.code} span ${d.span.start}..${d.span.end} is outside the text (length ${text.length})`,
  );
}

/**
 * Applies one fix's edits, checking independently of `applyEdits` that the text
 * outside the edited ranges is unchanged, byte for byte.
 */
export function applyFix(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const result = applyEdits(text, sorted);
  let cursor = 0;
  let at = 0;
  for (const e of sorted) {
    const kept = text.slice(cursor, e.start);
    assert.equal(result.slice(at, at + kept.length), kept, 'text between edits changed');
    at += kept.length;
    assert.equal(result.slice(at, at + e.text.length), e.text, 'an edit did not land where it said');
    at += e.text.length;
    cursor = e.end;
  }
  assert.equal(result.slice(at), text.slice(cursor), 'text after the last edit changed');
  return result;
}

/**
 * Fix-all, round by round like `fixText`, asserting on the way that every edit
 * is well formed. Returns the final text and whether every edit was an insertion.
 */
export function fixAllTracked(text: string, checker = new Checker(), maxRounds = 10): { text: string; onlyInsertions: boolean } {
  let current = text;
  let onlyInsertions = true;
  for (let round = 0; round < maxRounds; round++) {
    const edits = fixAllEdits(checker.check(current).diagnostics);
    if (edits.length === 0) break;
    for (const e of edits) {
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= current.length, `fix-all edit ${e.start}..${e.end} outside the text`);
      if (e.start !== e.end) onlyInsertions = false;
    }
    current = applyEdits(current, edits);
  }
  return { text: current, onlyInsertions };
}

/** True when `needle` is a subsequence of `hay` (characters in order, gaps allowed). */
export function isSubsequence(needle: readonly string[] | string, hay: readonly string[] | string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** The comments of a text, in order, as `#…` up to the end of their line (a rough scan: `#` after a space or at line start). */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of linesOf(text)) {
    const m = /(?:^|[ \t])(#.*)$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}
