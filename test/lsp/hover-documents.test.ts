/**
 * Hover finds the document under the cursor among many (by bisection): at
 * every offset of multi-document files, with LF, CRLF or lone CR line breaks,
 * comments and blank documents between declarations, on the `---` lines, past
 * the end of a line and past the end of the file, a hover describes what the
 * core finds there in the whole file.
 */
import * as assert from 'node:assert/strict';
import type { MarkupContent, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtInEnvironment, checkText, describeTarget, targetAt } from '../../server/src/core';
import { untitled, useServer } from './client';
import { MULTI } from './texts';

const [WEB, VM, CRM] = MULTI.split('---\n') as [string, string, string];

/** Documents back to back, a comment and a blank document between two, a document ending without a line break. */
const MANY = [WEB, VM, `# a comment between documents\n${CRM}`, '', WEB.replace('storefront-web', 'storefront-admin'), `${VM.replace('reporting-vm', 'billing-vm').trimEnd()}`].join('---\n');

const BREAKS: Record<string, string> = { LF: '\n', CRLF: '\r\n', CR: '\r' };

describe('LSP: hover in a file of many documents', function () {
  this.timeout(120_000);
  const server = useServer({ settings: {} });

  for (const [name, eol] of Object.entries(BREAKS)) {
    it(`describes at every offset what the core finds in the whole file (${name})`, async () => {
      const client = server();
      const text = MANY.replace(/\n/g, eol);
      const uri = untitled(`hover-many-${name}.srm.yaml`);
      await client.open(uri, text);
      const doc = TextDocument.create(uri, 'srm', 1, text);
      const environment = builtInEnvironment();
      const result = checkText(text);
      const positions: Position[] = [];
      for (let offset = 0; offset <= text.length; offset++) positions.push(doc.positionAt(offset));
      // Past the end of each line, and past the end of the file: the editor may ask there (a mouse beyond the text).
      for (let line = 0; line < doc.lineCount; line++) positions.push({ line, character: 500 });
      positions.push({ line: doc.lineCount, character: 0 }, { line: doc.lineCount + 3, character: 7 });
      let described = 0;
      for (const position of positions) {
        const offset = doc.offsetAt(position);
        const target = targetAt(result, offset, environment.config.overrides);
        const markdown = target && describeTarget(target, environment.catalogue);
        if (!markdown) continue;
        const hover = await client.hover(uri, position);
        assert.equal(hover ? (hover.contents as MarkupContent).value : undefined, markdown, `hover at ${JSON.stringify(position)} (offset ${offset}, ${JSON.stringify(text.slice(Math.max(0, offset - 10), offset + 10))})`);
        assert.deepEqual(hover!.range, { start: doc.positionAt(target.span.start), end: doc.positionAt(target.span.end) });
        described++;
      }
      assert.ok(described > 300, `only ${described} positions had a target`);
      await client.close(uri);
    });
  }
});
