import * as assert from 'node:assert/strict';
import { buildMarkdownTable, escapeMarkdownCell } from '../../media/src/layer-stack/export-markdown';
import { buildStackSvg, suggestedSvgName } from '../../media/src/layer-stack/export-svg';
import { summaryText } from '../../media/src/layer-stack/labels';
import { escapeXml, fileStem, fileSlug, wrapText } from '../../media/src/layer-stack/text';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostileStack, LAYERS, multiDocStack, stack, UNKNOWN_SPEC } from './fixtures';

describe('layer stack exports (pure)', () => {
  it('escapes XML text and attributes and drops characters XML cannot hold', () => {
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(escapeXml('a\u0001b\u0008c\td\ne\uD800f\uFFFE'), 'a\uFFFDb\uFFFDc\td\ne\uFFFDf\uFFFD');
    assert.equal(escapeXml('😀'), '😀');
  });

  it('wraps text at words, keeps line breaks and cuts long words', () => {
    assert.deepEqual(wrapText('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrapText('a\nb', 20), ['a', 'b']);
    assert.deepEqual(wrapText('abcdefghijklmnopqrstuvwxyz', 10), ['abcdefghij', 'klmnopqrst', 'uvwxyz']);
    assert.deepEqual(wrapText('', 10), ['']);
  });

  it('escapes Markdown table cells', () => {
    assert.equal(escapeMarkdownCell('a | b'), 'a \\| b');
    assert.equal(escapeMarkdownCell('line1\nline2\r\nline3\rline4'), 'line1<br>line2<br>line3<br>line4');
    assert.equal(escapeMarkdownCell('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(escapeMarkdownCell('Data & Classification'), 'Data & Classification');
    assert.equal(escapeMarkdownCell('&lt; &#60;'), '&amp;lt; &amp;#60;');
    assert.equal(escapeMarkdownCell('*a* _b_ `c` [d](e) \\'), '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\\\');
  });

  it('builds a Markdown table with one row per band and five cells each', () => {
    const s = hostileStack();
    const md = buildMarkdownTable(s.workloads[0]!, { fileName: 'x|y.srm.yaml' });
    const lines = md.trimEnd().split('\n');
    assert.equal(lines.length, 4 + LAYERS.length);
    assert.ok(lines[0]!.includes('file x\\|y.srm.yaml'));
    for (const line of lines.slice(2)) {
      assert.equal(line.match(/(?<!\\)\|/g)?.length, 6, line);
    }
    assert.ok(!md.includes(HOSTILE_IMG));
    assert.ok(!md.includes(HOSTILE_SCRIPT));
  });

  it('builds an SVG with every string escaped', () => {
    const s = hostileStack();
    const svg = buildStackSvg(s, s.workloads[0]!, { fileName: '<x>&.srm.yaml' });
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.ok(!svg.includes('<img') && !svg.includes('<script') && !svg.includes('<iframe') && !svg.includes('<x>'));
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(svg.includes('File: &lt;x&gt;&amp;.srm.yaml'));
    assert.equal(svg.match(/<g class="band"/g)?.length, LAYERS.length);
    // Balanced tags (a cheap well-formedness check; the browser test parses it for real).
    const opens = (svg.match(/<(g|text|title|desc)[\s>]/g) ?? []).length;
    const closes = (svg.match(/<\/(g|text|title|desc)>/g) ?? []).length;
    assert.equal(opens, closes);
  });

  it('draws the SVG for an unknown model without a handoff line', () => {
    const s = stack([UNKNOWN_SPEC]);
    const svg = buildStackSvg(s, s.workloads[0]!);
    assert.ok(!svg.includes('class="handoff-line"'));
    assert.ok(svg.includes(escapeXml(summaryText(s.workloads[0]!))));
  });

  it('suggests a safe SVG file name', () => {
    const s = multiDocStack();
    assert.equal(suggestedSvgName(s, s.workloads[0]!), 'payments-api-layer-stack.svg');
    const unnamed = stack([UNKNOWN_SPEC]);
    assert.equal(suggestedSvgName(unnamed, unnamed.workloads[0]!, 'payments.srm.yaml'), 'payments-1-layer-stack.svg');
    assert.equal(fileStem('file:///a/b/My%20File.srm.yaml'), 'My File');
    assert.equal(fileSlug('../../etc/passwd'), 'etc-passwd');
    assert.equal(fileSlug('.hidden'), 'hidden');
  });
});
