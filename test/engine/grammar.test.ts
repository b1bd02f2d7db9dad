import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type StateStack } from 'vscode-textmate';
import { PROVIDER_OWNER } from '../../server/src/core/format';
import { AZURE, REFERENCE } from './helpers';

const REFERENCE_MODEL = REFERENCE.matrix;
import { GRAMMAR_PATH, generatedFiles } from '../../scripts/contributions/generated-files';
import { SRM_SCOPE, YAML_SCOPE } from '../../scripts/contributions/grammar';

const ROOT = path.resolve(__dirname, '../../..');
const PROVIDER = 'keyword.other.provider.srm';
const SUPPRESSION = 'comment.line.suppression.srm';
const CODE = 'constant.other.code.srm';

/**
 * Where VS Code's own YAML grammar is: code-server, installed by
 * scripts/e2e/install-code-server.sh, ships it. The brief's path first, then
 * where that script's `npm install` puts it.
 */
const VSCODE_YAML_DIRS = [
  process.env.SRM_VSCODE_YAML_SYNTAXES,
  '.tools/code-server/lib/vscode/extensions/yaml/syntaxes',
  '.tools/code-server/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes',
].filter((d): d is string => !!d);

/**
 * A minimal stand-in for `source.yaml`, used whatever else is found: keys,
 * comments, quoted strings, flow collections, plain scalars and block scalars
 * (scoped as the classic TextMate YAML grammar does). Like VS Code's grammar it
 * opens the file with a zero-width `\A` rule.
 */
const STAND_IN_YAML = {
  name: 'YAML (minimal stand-in)',
  scopeName: YAML_SCOPE,
  patterns: [{ begin: '\\A', while: '^', patterns: [{ include: '#node' }] }],
  repository: {
    node: {
      patterns: [
        { include: '#document' },
        { include: '#comment' },
        { include: '#block-scalar' },
        { include: '#key' },
        { include: '#separator' },
        { include: '#double' },
        { include: '#single' },
        { include: '#flow-mapping' },
        { include: '#flow-sequence' },
        { match: '[^\\s#][^#]*?(?=[ \\t]+#|[ \\t]*$)', name: 'string.unquoted.plain.out.yaml' },
      ],
    },
    document: { match: '^(?:---|\\.\\.\\.)(?=[ \\t]|$)', name: 'entity.other.document.begin.yaml' },
    comment: { match: '(?<=^|[ \\t])(#).*$', name: 'comment.line.number-sign.yaml', captures: { 1: { name: 'punctuation.definition.comment.yaml' } } },
    'block-scalar': {
      begin: '^([ \\t]*)([^\\s#:][^#:]*?)[ \\t]*(:)[ \\t]+([|>][-+0-9]*)[ \\t]*$',
      beginCaptures: { 2: { name: 'entity.name.tag.yaml' }, 3: { name: 'punctuation.separator.key-value.mapping.yaml' }, 4: { name: 'keyword.control.flow.block-scalar.yaml' } },
      while: '^(?:\\1[ \\t]+|[ \\t]*$)',
      contentName: 'string.unquoted.block.yaml',
    },
    key: { match: '[^\\s#:,\\[\\]{}"\'][^#:,\\[\\]{}]*?(?=[ \\t]*:(?:[ \\t]|$))', name: 'entity.name.tag.yaml' },
    separator: { match: ':(?=[ \\t]|$)', name: 'punctuation.separator.key-value.mapping.yaml' },
    double: { begin: '"', end: '"', name: 'string.quoted.double.yaml', patterns: [{ match: '\\\\.', name: 'constant.character.escape.yaml' }] },
    single: { begin: "'", end: "'(?!')", name: 'string.quoted.single.yaml' },
    'flow-mapping': {
      begin: '\\{',
      end: '\\}',
      name: 'meta.flow-mapping.yaml',
      patterns: [{ include: '#flow-content' }],
    },
    'flow-sequence': {
      begin: '\\[',
      end: '\\]',
      name: 'meta.flow-sequence.yaml',
      patterns: [{ include: '#flow-content' }],
    },
    'flow-content': {
      patterns: [
        { include: '#comment' },
        { include: '#key' },
        { include: '#separator' },
        { match: ',', name: 'punctuation.separator.yaml' },
        { include: '#double' },
        { include: '#single' },
        { include: '#flow-mapping' },
        { include: '#flow-sequence' },
        { match: '[^\\s#,\\[\\]{}][^#,\\[\\]{}]*?(?=[ \\t]*[,\\]}]|[ \\t]+#|[ \\t]*$)', name: 'string.unquoted.plain.in.yaml' },
      ],
    },
  },
};

interface Host {
  readonly name: string;
  /** Every grammar by scope name, `source.yaml` and what it includes. */
  readonly grammars: ReadonlyMap<string, object>;
}

function vscodeYaml(): Host | undefined {
  for (const dir of VSCODE_YAML_DIRS) {
    const abs = path.resolve(ROOT, dir);
    if (!fs.existsSync(path.join(abs, 'yaml.tmLanguage.json'))) continue;
    const grammars = new Map<string, object>();
    for (const file of fs.readdirSync(abs).filter((f) => f.endsWith('.tmLanguage.json'))) {
      const grammar = JSON.parse(fs.readFileSync(path.join(abs, file), 'utf8')) as { scopeName: string };
      grammars.set(grammar.scopeName, grammar);
    }
    return { name: `VS Code's YAML grammar (${dir})`, grammars };
  }
  return undefined;
}

const HOSTS: Host[] = [{ name: 'a minimal stand-in source.yaml', grammars: new Map([[YAML_SCOPE, STAND_IN_YAML]]) }];
const found = vscodeYaml();
if (found) HOSTS.unshift(found);

let onigLib: Promise<IOnigLib> | undefined;
function onig(): Promise<IOnigLib> {
  // loadWASM runs once per process; a second call returns the first one's promise.
  return (onigLib ??= oniguruma
    .loadWASM(fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')))
    .then(() => ({ createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources), createOnigString: (text: string) => new oniguruma.OnigString(text) })));
}

const SRM_GRAMMAR = JSON.parse(fs.readFileSync(path.join(ROOT, GRAMMAR_PATH), 'utf8')) as Record<string, unknown>;

async function load(host: Host, srm: object): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: onig(),
    loadGrammar: (scopeName) => {
      const raw = scopeName === SRM_SCOPE ? srm : host.grammars.get(scopeName);
      return Promise.resolve(raw ? parseRawGrammar(JSON.stringify(raw), `${scopeName}.json`) : null);
    },
  });
  const grammar = await registry.loadGrammar(SRM_SCOPE);
  assert.ok(grammar, 'the srm grammar loads');
  return grammar;
}

interface Line {
  readonly text: string;
  /** The scopes of each character. */
  readonly scopes: readonly (readonly string[])[];
}

function tokenize(grammar: IGrammar, text: string): Line[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const scopes: string[][] = [];
    for (const token of result.tokens) for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
    return { text: line, scopes };
  });
}

const isOurs = (scope: string) => scope.endsWith('.srm') && scope !== SRM_SCOPE;

/** The scopes of `needle` (its `nth` occurrence) on the line that contains it; fails unless all its characters share them. */
function scopesOf(lines: readonly Line[], lineText: string, needle: string, nth = 0): string[] {
  const line = lines.find((l) => l.text === lineText);
  assert.ok(line, `no line ${JSON.stringify(lineText)}`);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = line.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no ${JSON.stringify(needle)} in ${JSON.stringify(lineText)}`);
  const first = line.scopes[at]!.join(' ');
  for (let i = at; i < at + needle.length; i++) assert.equal(line.scopes[i]!.join(' '), first, `${JSON.stringify(needle)} is split into several tokens in ${JSON.stringify(lineText)}`);
  return [...line.scopes[at]!];
}

function ourScopesOnLine(lines: readonly Line[], lineText: string): string[] {
  const line = lines.find((l) => l.text === lineText);
  assert.ok(line, `no line ${JSON.stringify(lineText)}`);
  return [...new Set(line.scopes.flat().filter(isOurs))];
}

function assertHas(scopes: readonly string[], expected: string | readonly string[], what: string): void {
  for (const s of typeof expected === 'string' ? [expected] : expected) assert.ok(scopes.includes(s), `${what}: expected ${s} in [${scopes.join(', ')}]`);
}

function assertNone(scopes: readonly string[], what: string): void {
  assert.deepEqual(scopes.filter(isOurs), [], `${what}: expected no srm scope`);
}

const layers = REFERENCE_MODEL.layers.map((l) => l.id);
const models = REFERENCE_MODEL.models.map((m) => m.id);

describe('TextMate grammar: syntaxes/srm.tmLanguage.json', () => {
  it('is committed exactly as generated from the model', () => {
    const expected = generatedFiles().find((f) => f.path === GRAMMAR_PATH)!.content;
    assert.equal(fs.readFileSync(path.join(ROOT, GRAMMAR_PATH), 'utf8').replace(/\r\n/g, '\n'), expected, `${GRAMMAR_PATH} is stale: run npm run schema`);
  });

  it('includes source.yaml for everything and injects only into source.srm, outside comments and quoted strings', () => {
    assert.equal(SRM_GRAMMAR.scopeName, SRM_SCOPE);
    assert.deepEqual(SRM_GRAMMAR.patterns, [{ include: YAML_SCOPE }]);
    const selectors = Object.keys(SRM_GRAMMAR.injections as object);
    assert.equal(selectors.length, 1);
    assert.match(selectors[0]!, /^L:source\.srm -comment -string\.quoted\b/);
  });

  it(`is tokenized against ${HOSTS.map((h) => h.name).join(' and ')}`, () => {
    // The stand-in always runs; VS Code's grammar runs too when code-server is installed.
    assert.ok(HOSTS.length >= 1);
  });

  for (const host of HOSTS) {
    describe(`with ${host.name}`, () => {
      let grammar: IGrammar;
      let plain: IGrammar;
      before(async () => {
        grammar = await load(host, SRM_GRAMMAR);
        plain = await load(host, { ...SRM_GRAMMAR, injections: {} });
      });

      it('leaves layer keys and model ids to the language server: whichever matrix a declaration uses, they keep their YAML scopes only', () => {
        // A grammar cannot know a declaration's matrix, so the server marks them with semantic tokens.
        const ids = [...layers, ...AZURE.layers.map((l) => l.id)];
        const text = ['workload: w', `model: ${models[0]}`, 'layers:', ...ids.map((id) => `  ${id}: {owner: team}`), '---', 'matrix: azure@2026-01', `model: ${AZURE.models[0]!.id}`].join('\n');
        const lines = tokenize(grammar, text);
        for (const id of ids) {
          assertNone(ourScopesOnLine(lines, `  ${id}: {owner: team}`), id);
          assertHas(scopesOf(lines, `  ${id}: {owner: team}`, id), 'entity.name.tag.yaml', `${id} is a YAML key`);
        }
        assertNone(ourScopesOnLine(lines, `model: ${models[0]}`), 'a model id');
      });

      it(`scopes the reserved owner ${PROVIDER_OWNER} as the value of owner:, in any case`, () => {
        const upper = PROVIDER_OWNER[0]!.toUpperCase() + PROVIDER_OWNER.slice(1);
        const text = ['workload: w', 'layers:', `  ${layers[0]}:`, `    owner: ${PROVIDER_OWNER}`, `  ${layers[1]}:`, `    owner: ${upper} # relies on it`, `  ${layers[2]}: {owner: ${PROVIDER_OWNER}, notes: x}`].join('\n');
        const lines = tokenize(grammar, text);
        assertHas(scopesOf(lines, `    owner: ${PROVIDER_OWNER}`, PROVIDER_OWNER), PROVIDER, 'block style');
        assertNone(scopesOf(lines, `    owner: ${PROVIDER_OWNER}`, 'owner'), 'the key');
        assertHas(scopesOf(lines, `    owner: ${upper} # relies on it`, upper), PROVIDER, 'another case, before a comment');
        assertHas(scopesOf(lines, `  ${layers[2]}: {owner: ${PROVIDER_OWNER}, notes: x}`, PROVIDER_OWNER), PROVIDER, 'flow style');
      });

      it(`does not scope other owners or other keys' ${PROVIDER_OWNER} values`, () => {
        const text = ['workload: w', `${PROVIDER_OWNER}: aws`, 'layers:', `  ${layers[0]}:`, `    owner: ${PROVIDER_OWNER}-team`, `    contact: ${PROVIDER_OWNER}`, `  ${layers[1]}:`, `    owner: "${PROVIDER_OWNER}"`].join('\n');
        const lines = tokenize(grammar, text);
        for (const line of [`${PROVIDER_OWNER}: aws`, `    owner: ${PROVIDER_OWNER}-team`, `    contact: ${PROVIDER_OWNER}`, `    owner: "${PROVIDER_OWNER}"`]) assertNone(ourScopesOnLine(lines, line), line);
      });

      it('scopes srm-ignore comments and their codes, at the end of a line, alone on a line, and on the first line', () => {
        const first = '# srm-ignore SRM011: the first line of the file';
        const trailing = 'workload: w  # srm-ignore SRM015, srm017: the reason names SRM003';
        const alone = '  # srm-ignore SRM001:   reason';
        const text = [first, trailing, `model: ${models[0]}`, 'layers:', alone, `  ${layers[0]}:`, '    owner: team # just a note', '    # srm-ignored SRM004 is not a suppression'].join('\n');
        const lines = tokenize(grammar, text);
        const cases = [
          [first, ['SRM011'], 'first'],
          [trailing, ['SRM015', 'srm017'], 'names'],
          [alone, ['SRM001'], 'reason'],
        ] as const;
        for (const [line, codes, reason] of cases) {
          const hash = scopesOf(lines, line, '#');
          assertHas(hash, SUPPRESSION, `# of ${line}`);
          assert.ok(hash.some((s) => s.startsWith('comment.')), 'still a comment for themes');
          assertHas(scopesOf(lines, line, 'srm-ignore'), SUPPRESSION, line);
          for (const code of codes) {
            const scopes = scopesOf(lines, line, code);
            assertHas(scopes, [SUPPRESSION, CODE], `${code} in ${line}`);
          }
          assertHas(scopesOf(lines, line, reason), SUPPRESSION, `the reason of ${line}`);
          assert.ok(!scopesOf(lines, line, reason).includes(CODE), `the reason of ${line}`);
        }
        assert.ok(!scopesOf(lines, trailing, 'SRM003').includes(CODE), 'a code in the reason is not a suppressed code');
        assertNone(ourScopesOnLine(lines, '    owner: team # just a note'), 'a plain comment');
        assertNone(ourScopesOnLine(lines, '    # srm-ignored SRM004 is not a suppression'), 'srm-ignored');
      });

      it('leaves comments, quoted strings and block scalars alone', () => {
        const text = [
          'workload: w',
          `description: "model: ${models[0]}"`,
          `model: ${models[0]}`,
          `# ${layers[0]}: commented out`,
          'layers:',
          `  ${layers[0]}:`,
          '    owner: team',
          '    notes: |',
          `      ${layers[1]}: inside a block scalar`,
          `      owner: ${PROVIDER_OWNER}`,
          '    handoff: >-',
          `      ${layers[2]}: folded`,
          `  ${layers[3]}:`,
          `    owner: 'owner: ${PROVIDER_OWNER}'`,
        ].join('\n');
        const lines = tokenize(grammar, text);
        for (const line of [`description: "model: ${models[0]}"`, `# ${layers[0]}: commented out`, `      ${layers[1]}: inside a block scalar`, `      owner: ${PROVIDER_OWNER}`, `      ${layers[2]}: folded`, `    owner: 'owner: ${PROVIDER_OWNER}'`]) {
          assertNone(ourScopesOnLine(lines, line), line);
        }
      });

      it('keeps the YAML grammar\'s own scopes on every character it does not mark', () => {
        const text = [
          '# srm-ignore SRM011: first line',
          'workload: payments-api  # srm-ignore SRM015: reason',
          `model: ${models[1] ?? models[0]} # comment`,
          'description: "quoted: text"',
          'layers:',
          ...layers.slice(0, 4).flatMap((id, i) => [`  ${id}:`, `    owner: ${i % 2 ? PROVIDER_OWNER : 'team'}`, '    controls: [a, b]', '    notes: |', '      free: text', '      more']),
          '  # srm-ignore SRM004: alone',
          `  ${layers[4]}: {owner: ${PROVIDER_OWNER}, handoff: "x"}`,
          '---',
          `workload: second`,
          `model: ${models[0]}`,
          `layers: {${layers[5]}: {owner: team}}`,
          '',
        ].join('\n');
        const marked = tokenize(grammar, text);
        const base = tokenize(plain, text);
        // A layer key in a flow mapping takes the place of VS Code's zero-width implicit-pair
        // rule, so that pair loses its meta.flow.map.implicit scope; themes colour no meta scope.
        const flowLayerKey = new RegExp(`[{,][ \\t]*(?:${layers.join('|')})[ \\t]*:`);
        const visible = (scopes: readonly string[], lenient: boolean) => scopes.filter((s) => !lenient || !s.startsWith('meta.')).join(' ');
        let ours = 0;
        marked.forEach((line, n) => {
          const lenient = flowLayerKey.test(line.text);
          for (let i = 0; i < line.text.length; i++) {
            if (line.scopes[i]!.some(isOurs)) {
              ours++;
              continue;
            }
            assert.equal(visible(line.scopes[i]!, lenient), visible(base[n]!.scopes[i]!, lenient), `line ${n + 1} ${JSON.stringify(line.text)}, column ${i + 1}`);
          }
        });
        assert.ok(ours > 0);
      });
    });
  }
});

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
  folding: { offSide: boolean };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: { beforeText: string; action: { indent: string } }[];
}

describe('language-configuration.json', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
  const indentAfter = [`layers:`, `  ${layers[0]}:`, `  ${layers[0]}:   # comment`, '    notes: |', '    notes: >-', `  ${layers[0]}: {`, '    controls: ['];
  const keepAfter = ['workload: payments', '    owner: team', '    evidence: https://wiki.example.com/x', '# a comment:', '    notes: see: the wiki # and:', ''];

  it('comments with #, brackets, auto-closing and surrounding pairs including quotes, folding by indentation', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
    for (const q of ['"', "'", '{', '[']) assert.ok(config.autoClosingPairs.some((p) => p.open === q), q);
    for (const q of ['"', "'"]) assert.ok(config.surroundingPairs.some(([open, close]) => open === q && close === q), q);
    assert.equal(config.folding.offSide, true);
  });

  it('indents after a line ending with a colon (or a block scalar or an open bracket), and only then', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const indentRule = config.onEnterRules.find((r) => r.action.indent === 'indent')!;
    const onEnter = new RegExp(indentRule.beforeText);
    for (const line of indentAfter) {
      assert.ok(increase.test(line), `increaseIndentPattern: ${line}`);
      assert.ok(onEnter.test(line), `onEnterRules: ${line}`);
    }
    for (const line of keepAfter) {
      assert.ok(!increase.test(line), `increaseIndentPattern: ${line}`);
      assert.ok(!onEnter.test(line), `onEnterRules: ${line}`);
    }
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }'));
  });

  it('keeps the indentation after any other line', () => {
    const keep = config.onEnterRules.find((r) => r.action.indent === 'none')!;
    for (const line of keepAfter.filter((l) => l.trim())) assert.ok(new RegExp(keep.beforeText).test(line), line);
    assert.ok(config.onEnterRules.indexOf(keep) > config.onEnterRules.findIndex((r) => r.action.indent === 'indent'), 'the indent rule comes first');
  });

  it('treats a layer id as one word, and the key\'s colon as a separator', () => {
    const word = new RegExp(config.wordPattern, 'g');
    assert.deepEqual(`  ${layers[0]}: {owner: a}`.match(word), [layers[0], 'owner', 'a']);
    assert.deepEqual('    evidence: https://wiki.example.com/x'.match(word), ['evidence', 'https://wiki.example.com/x']);
  });
});
