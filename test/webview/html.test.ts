import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, renderLayerStackHtml } from '../../src/webview/html';

describe('renderLayerStackHtml', () => {
  const opts = {
    cspSource: "'self' https://*.vscode-cdn.net",
    nonce: 'c2VjcmV0LW5vbmNlLTEyMw==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/layer-stack.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/layer-stack.css',
  };

  it('carries the strict CSP, the nonce on the script and the stylesheet', () => {
    const html = renderLayerStackHtml(opts);
    assert.ok(
      html.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;self&#39; https://*.vscode-cdn.net; script-src &#39;nonce-${opts.nonce}&#39;; img-src &#39;self&#39; https://*.vscode-cdn.net data:">`,
      ),
      html,
    );
    assert.ok(html.includes(`<script nonce="${opts.nonce}" src="${opts.scriptUri}"></script>`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${opts.styleUri}">`));
    assert.ok(html.includes('<main id="app"'));
    // Exactly one script, no inline style or handler.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(!/\sstyle=|\son[a-z]+=/i.test(html));
    assert.equal(contentSecurityPolicy(opts.cspSource, opts.nonce), `default-src 'none'; style-src 'self' https://*.vscode-cdn.net; script-src 'nonce-${opts.nonce}'; img-src 'self' https://*.vscode-cdn.net data:`);
  });

  it('escapes the URIs and the title as attributes', () => {
    const html = renderLayerStackHtml({ ...opts, scriptUri: 'https://x/a.js?"><script>alert(1)</script>', title: '</title><script>alert(1)</script>' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('src="https://x/a.js?&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.equal(escapeAttribute(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });

  it('refuses a nonce or CSP source that could change the policy', () => {
    assert.throws(() => renderLayerStackHtml({ ...opts, nonce: "abc'; script-src *" }), /nonce/);
    assert.throws(() => renderLayerStackHtml({ ...opts, nonce: '' }), /nonce/);
    assert.throws(() => renderLayerStackHtml({ ...opts, cspSource: 'https://a; script-src *' }), /cspSource/);
    assert.throws(() => renderLayerStackHtml({ ...opts, cspSource: "'unsafe-inline" }), /cspSource/);
    assert.throws(() => renderLayerStackHtml({ ...opts, cspSource: '' }), /cspSource/);
    assert.doesNotThrow(() => renderLayerStackHtml({ ...opts, cspSource: 'vscode-webview-resource:', nonce: 'a1b2c3d4e5f6a7b8' }));
    assert.doesNotThrow(() => renderLayerStackHtml({ ...opts, cspSource: 'http://127.0.0.1:4321' }));
  });
});
