/** The rule registry: codes, names, severities and help, and that every code is exercised. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, checkText, ruleByCode, type Severity } from '../../server/src/core';
import { parseExpectations } from './expectations';
import { REPO_ROOT, listFixtures, readFixture } from './helpers';
import { WORKSPACES, workspaceCases, workspaceFiles } from './workspaces';

/** Every fixture file, the engine's and the workspaces', with its text. */
function allFixtures(): { name: string; text: string }[] {
  const engine = listFixtures().map((rel) => ({ name: rel, text: readFixture(rel) }));
  const workspaces = workspaceCases().flatMap((c) => workspaceFiles(path.join(WORKSPACES, c)).map((rel) => ({ name: `${c}/${rel}`, text: fs.readFileSync(path.join(WORKSPACES, c, rel), 'utf8') })));
  return [...engine, ...workspaces];
}

/** Severities the design reference asks for (checks 1–9); the engine's own findings as registered. */
const SEVERITY: Readonly<Record<string, Severity>> = {
  SRM001: 'error', // 1. a customer layer with no entry
  SRM002: 'error', // 2. a shared layer with no entry
  SRM003: 'warning', // 2. a shared layer's entry without handoff
  SRM004: 'error', // 3. owner: provider on a customer layer
  SRM005: 'error', // 3. … on a shared layer
  SRM006: 'hint', // 4. an entry on a provider layer: a hint, not an error
  SRM007: 'error', // 5. an unknown layer id
  SRM008: 'warning', // 5. a display name or spelling: recognised, fixed to the id
  SRM009: 'error', // 6. model missing
  SRM010: 'error', // 6. model unknown
  SRM011: 'error', // 7. workload missing
  SRM012: 'error', // 7. an empty or non-string owner
  SRM013: 'error', // 7. a duplicate key
  SRM014: 'error', // 7. a value of the wrong type
  SRM015: 'warning', // 7. an unknown top-level key (warning)
  SRM016: 'warning', // 7. an unknown entry key (warning)
  SRM017: 'warning', // 8. service contradicts the catalogue
  SRM018: 'error', // 9. YAML that does not parse
  SRM019: 'error',
  SRM020: 'warning',
  SRM021: 'warning',
  SRM022: 'error',
  SRM023: 'error',
  SRM024: 'warning', // more findings than one file reports
  SRM025: 'error', // a document too large or too deeply nested to read
  SRM026: 'error', // a byte-order mark inside the file
  SRM027: 'warning', // an owner disguised with invisible or look-alike characters
  SRM028: 'warning', // an owner that is the declaration's own provider:
  SRM029: 'error', // an unknown matrix (srm-matrix.md: "an unknown matrix is an error")
  SRM030: 'hint', // an unpinned matrix version ("a hint offers to pin it")
  SRM031: 'warning', // another matrix's layer id, understood (a fix to this matrix's id)
  SRM032: 'error', // a broken matrix ("one error saying the matrix is broken and where")
  SRM033: 'error', // a third-party layer with no entry
  SRM034: 'error', // an override without a reason ("a missing … reason is an error")
  SRM035: 'warning', // a redundant override ("a warning, with a fix that removes it")
  SRM036: 'error', // an override the configuration's policy refuses
  SRM037: 'error', // responsibility: not in the cell vocabulary
  SRM038: 'info', // service advice ("an information finding")
  SRM039: 'warning', // an owner the directory does not list (srm-config.md: at the configuration's unknown-owner severity)
  SRM040: 'hint', // an alias of a directory owner ("an alias gets a hint")
  SRM041: 'error', // matrix files: every validation error its own diagnostic
  SRM042: 'error',
  SRM043: 'error',
  SRM044: 'error',
  SRM045: 'error',
  SRM046: 'error',
  SRM047: 'error',
  SRM048: 'error',
  SRM049: 'warning', // an unknown key in a matrix file
  SRM050: 'error', // srm.config.yaml: never silently ignored, exit 2 in the CLI
  SRM051: 'error',
  SRM052: 'error',
  SRM053: 'error',
  SRM054: 'error',
  SRM060: 'error', // iac-discovery.md: "A path that does not exist, or a named resource that is not in it, is an error"
  SRM061: 'error',
  SRM062: 'warning', // "Two declarations that claim the same resource get a warning on both"
  SRM063: 'warning', // "A resource whose inferred model contradicts the declaration's model: gets a warning with a fix"
  SRM064: 'error', // an iac: entry that cannot be read as a link
  SRM065: 'warning', // a path that exists but holds no IaC: claims nothing
  SRM066: 'info', // "an information diagnostic … on each undeclared resource"
  SRM067: 'warning', // a broken Terraform or CloudFormation file: a diagnostic, never a crash
};

/** The engine's own findings: reported by the parser, the suppression layer or the checker itself, never per declaration. */
const ENGINE_OWN = new Set(['SRM018', 'SRM019', 'SRM020', 'SRM021', 'SRM022', 'SRM023', 'SRM024', 'SRM025', 'SRM026', ...Array.from({ length: 14 }, (_, i) => `SRM0${41 + i}`)]);

/** Reported on Terraform and CloudFormation files (discovery), never per declaration. */
const ON_IAC_FILES = new Set(['SRM066', 'SRM067']);

/** Codes no committed fixture can hold, and the generated test that exercises each instead. */
const NOT_IN_FIXTURES: Readonly<Record<string, string>> = {
  SRM022: 'test/engine/bad-input.test.ts', // a file over 8 MiB
  SRM024: 'test/engine/bad-input.test.ts', // over a thousand findings
};

describe('rule registry', () => {
  it('lists every rule in code order, each once', () => {
    const codes = RULES.map((r) => r.code);
    for (const c of codes) assert.match(c, /^SRM\d{3}$/);
    assert.deepEqual(codes, [...new Set(codes)].sort());
    assert.equal(codes[0], 'SRM001');
  });

  it('finds every rule by its code, and nothing by another', () => {
    for (const r of RULES) assert.equal(ruleByCode(r.code), r);
    assert.equal(ruleByCode('SRM000'), undefined);
    assert.equal(ruleByCode('srm001'), undefined);
  });

  it('gives every rule a unique kebab-case name, a one-line description, help and a valid severity', () => {
    const names = new Set<string>();
    for (const r of RULES) {
      assert.match(r.name, /^[a-z]+(-[a-z0-9]+)*$/, r.code);
      assert.ok(!names.has(r.name), `${r.name} twice`);
      names.add(r.name);
      assert.ok(r.description.trim().length > 10 && !r.description.includes('\n'), `${r.code}: description`);
      assert.ok(r.help.trim().length > r.description.length / 2 && r.help.trim().length > 40, `${r.code}: help`);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity), `${r.code}: severity ${r.severity}`);
      assert.ok(Array.isArray(r.fixes) && r.fixes.every((f) => f.trim().length > 0), `${r.code}: fixes`);
    }
  });

  it('has the severities the design reference asks for', () => {
    assert.deepEqual(Object.fromEntries(RULES.map((r) => [r.code, r.severity])), SEVERITY);
  });

  it('runs every rule per declaration but the engine\'s own findings and those on IaC files', () => {
    for (const r of RULES) assert.equal(typeof r.check === 'function', !ENGINE_OWN.has(r.code) && !ON_IAC_FILES.has(r.code), r.code);
  });

  it('reports each finding with its rule\'s severity (a YAML warning excepted)', () => {
    for (const rel of listFixtures()) {
      for (const d of checkText(readFixture(rel)).diagnostics) {
        if (d.code === 'SRM018' && d.severity === 'warning') continue;
        assert.equal(d.severity, ruleByCode(d.code)?.severity, `${rel}: ${d.code} reported as ${d.severity}`);
      }
    }
  });

  it('exercises every code in at least one fixture (SRM022, too large to commit, in generated tests)', () => {
    const expected = new Set<string>();
    for (const f of allFixtures()) for (const e of parseExpectations(f.text)) expected.add(e.code);
    for (const r of RULES) {
      const elsewhere = NOT_IN_FIXTURES[r.code];
      if (elsewhere) {
        assert.ok(!expected.has(r.code));
        assert.match(fs.readFileSync(path.join(REPO_ROOT, elsewhere), 'utf8'), new RegExp(`'${r.code}'`), `${elsewhere} does not exercise ${r.code}`);
      } else {
        assert.ok(expected.has(r.code), `no fixture expects ${r.code} (${r.name})`);
      }
    }
  });

  it('has a fixture named after each rule that runs per declaration, and after SRM020 and SRM021', () => {
    const files = allFixtures().map((f) => path.basename(f.name));
    for (const r of RULES.filter((x) => x.check || x.code === 'SRM020' || x.code === 'SRM021')) {
      assert.ok(files.includes(`${r.code.toLowerCase()}-${r.name}.srm.yaml`), `no fixture ${r.code.toLowerCase()}-${r.name}.srm.yaml`);
    }
  });
});
