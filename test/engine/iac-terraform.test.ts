/** Terraform through web-tree-sitter: resources, modules, options and broken files, against the fixtures' markers. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION } from 'web-tree-sitter';
import { parseTerraform, wantedOptions, type TerraformParser } from '../../server/src/core/iac';
import { LineIndex } from '../../server/src/core/text/line-index';
import { RUNTIME_WASM, TERRAFORM_WASM, createTerraformParser, wasmPath } from '../../server/src/io/tree-sitter';
import { IAC_FIXTURES, assertWithin, expectedMarkers, fixtureText, foundMarkers, terraformParser, first } from './iac-helpers';

function terraformFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tf')) out.push(path.relative(IAC_FIXTURES, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(IAC_FIXTURES, 'terraform'));
  return out.sort();
}

describe('Terraform parsing', function () {
  // WebAssembly parsing on a shared 2-core machine: generous, as the CLI tests are.
  this.timeout(30_000);
  let parser: TerraformParser;
  before(async () => {
    parser = await terraformParser();
  });
  const parse = (text: string) => parseTerraform('/x/main.tf', text, parser, wantedOptions);

  describe('the pinned web-tree-sitter and grammar', () => {
    it('load together: the grammar\'s ABI is one the runtime reads, and it parses Terraform', async () => {
      const fresh = await createTerraformParser(fs.readFileSync(wasmPath(RUNTIME_WASM)), fs.readFileSync(wasmPath(TERRAFORM_WASM)));
      assert.ok(fresh.abiVersion >= MIN_COMPATIBLE_VERSION && fresh.abiVersion <= LANGUAGE_VERSION, `ABI ${fresh.abiVersion} outside ${MIN_COMPATIBLE_VERSION}–${LANGUAGE_VERSION}`);
      assert.deepEqual(parseTerraform('/m.tf', 'resource "a_b" "c" {}\n', fresh).resources.map((r) => `${r.type}.${r.name}`), ['a_b.c']);
    });

    it('are pinned to exact versions in package.json', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(IAC_FIXTURES, '../../../package.json'), 'utf8'));
      for (const name of ['web-tree-sitter', '@tree-sitter-grammars/tree-sitter-hcl']) assert.match(pkg.devDependencies[name], /^\d+\.\d+\.\d+$/, name);
    });
  });

  describe('the fixtures hold exactly what their markers say', () => {
    for (const rel of terraformFixtures()) {
      it(rel, () => {
        const text = fixtureText(rel);
        const file = parseTerraform(`/${rel}`, text, parser, wantedOptions);
        assertWithin(file);
        assert.deepEqual(foundMarkers(file), expectedMarkers(text));
      });
    }
  });

  it('reads count and for_each as several instances, and only where they are the resource\'s own', () => {
    const file = parse('resource "aws_instance" "one" {\n  dynamic "x" {\n    for_each = var.list\n    content {}\n  }\n}\nresource "aws_instance" "many" {\n  for_each = var.map\n}\n');
    assert.deepEqual(file.resources.map((r) => [r.name, r.multiInstance]), [['one', undefined], ['many', 'for_each']]);
  });

  it('reads the options the table asks for: literals, expressions with the resources they name, nested and dynamic blocks', () => {
    const file = parse(fixtureText('terraform/options/main.tf'));
    const options = (name: string) => Object.fromEntries(file.resources.find((r) => r.name === name)!.options);
    assert.deepEqual(options('on_fargate'), { launch_type: { kind: 'literal', value: 'FARGATE' } });
    assert.deepEqual(options('by_variable'), { launch_type: { kind: 'expression', text: 'var.launch_type', refs: [] } });
    assert.deepEqual(options('auto'), { compute_config: { kind: 'block' }, 'compute_config.enabled': { kind: 'literal', value: true } });
    assert.deepEqual(options('dynamic_compute'), { compute_config: { kind: 'dynamic' } });
    assert.deepEqual(options('workers'), { cluster_name: { kind: 'expression', text: 'aws_eks_cluster.classic.name', refs: ['aws_eks_cluster.classic'] } });
    // Options no row asks about are not read at all.
    assert.deepEqual(options('site'), {});
  });

  it('gives UTF-16 offsets, in CRLF files and after characters outside the BMP', () => {
    const text = '# caf\u00e9 \u{1F600}\r\nresource "aws_instance" "w\u00e9b" {\r\n}\r\n';
    const r = first(parse(text).resources);
    assert.equal(text.slice(r.headerSpan.start, r.headerSpan.end), 'resource "aws_instance" "w\u00e9b"');
    assert.equal(r.name, 'w\u00e9b');
    assert.deepEqual(new LineIndex(text).position(r.headerSpan.start), { line: 2, column: 1 });
    const crlf = parseTerraform('/c.tf', fixtureText('terraform/crlf/main.tf'), parser, wantedOptions);
    assert.ok(crlf.text.includes('\r\n'));
    assert.deepEqual(crlf.resources.map((x) => crlf.text.slice(x.headerSpan.start, x.headerSpan.end)), ['resource "aws_instance" "web"', 'resource "google_compute_instance" "vm"']);
  });

  it('puts the diagnostic of an unclosed block on its header, and still reads the blocks after it', () => {
    const text = fixtureText('terraform/broken/unclosed.tf');
    const file = parse(text);
    assert.equal(file.diagnostics.length, 1);
    assert.equal(text.slice(file.diagnostics[0]!.span.start, file.diagnostics[0]!.span.end), 'resource "aws_instance" "first"');
    assert.match(file.diagnostics[0]!.message, /never closed/);
  });

  it('points a stray token\'s diagnostic at the token', () => {
    const text = fixtureText('terraform/broken/garbage.tf');
    const d = first(parse(text).diagnostics);
    assert.equal(text.slice(d.span.start, d.span.end), '=');
    assert.equal(new LineIndex(text).position(d.span.start).line, 6);
  });

  it('ignores text that only looks like a resource: in comments of all three kinds, heredocs and strings', () => {
    const names = parse(fixtureText('terraform/basic/main.tf')).resources.map((r) => r.name);
    for (const fake of ['not_a_resource', 'commented_out', 'also_commented', 'in_a_block_comment', 'in_a_string']) assert.ok(!names.includes(fake), fake);
  });

  it('reads module calls, local or not, and their sources', () => {
    const file = parse('module "a" { source = "./a" }\nmodule "b" {\n  source = "hashicorp/consul/aws"\n}\nmodule "c" { source = "${path.module}/c" }\n');
    assert.deepEqual(file.modules.map((m) => [m.name, m.source, m.local]), [['a', './a', true], ['b', 'hashicorp/consul/aws', false], ['c', undefined, false]]);
  });

  it('refuses a file too large to be hand-written, with a diagnostic instead of a hang', () => {
    const file = parse(`${'#'.repeat(8 * 1024 * 1024)}\n`);
    assert.equal(file.resources.length, 0);
    assert.match(file.diagnostics[0]!.message, /at most 8 MB/);
  });

  it('finds no workload in files that define none', () => {
    for (const rel of ['terraform/no-workload/variables.tf']) assert.deepEqual(parse(fixtureText(rel)).resources, []);
    assert.deepEqual(parse('').resources, []);
    assert.deepEqual(parse('\n\n# just a comment\n').diagnostics, []);
  });

  it('finds every resource of generated files at its line, and never throws or leaves the text on arbitrary input', () => {
    const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
    const filler = fc.constantFrom('', '# c\n', '// c\n', '/* c */\n', 'locals { a = 1 }\n', 'variable "v" {}\n', 'x = <<EOT\nresource "no" "no" {}\nEOT\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(ident, ident, filler, fc.constantFrom('\n', '\r\n')), { maxLength: 8 }), (blocks) => {
        let text = '';
        const expected: string[] = [];
        for (const [type, name, before, eol] of blocks) {
          text += before.replace(/\n/g, eol);
          expected.push(`${new LineIndex(text).lineCount}: aws_${type}.${name}`);
          text += `resource "aws_${type}" "${name}" {${eol}  a = 1${eol}}${eol}`;
        }
        const file = parse(text);
        const lines = new LineIndex(text);
        assert.deepEqual(file.resources.map((r) => `${lines.position(r.headerSpan.start).line}: ${r.type}.${r.name}`), expected);
        assert.deepEqual(file.diagnostics, []);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom('r', 'e', 's', 'o', 'u', 'c', ' ', '"', '{', '}', '=', '\n', '#', '<', '/', '*', '$', 'a', '\r', '\u00e9') }), (text) => {
        const file = parse(`resource "a_b" "c" {${text}`);
        assertWithin(file);
      }),
      { numRuns: 200 },
    );
  });
});
