/**
 * The HTML shell of our webview pages (the layer stack, the report). Pure: no `vscode` import, so tests can
 * render it in a browser. It interpolates no data from the declaration file, only the
 * resource URIs and the nonce, and those are attribute-escaped anyway.
 */

export interface LayerStackHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce per render: newNonce(). */
  readonly nonce: string;
  /** `webview.asWebviewUri(media/dist/layer-stack.js)`, as a string. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(media/layer-stack.css)`, as a string. */
  readonly styleUri: string;
  readonly title?: string;
  /** What the page shows until its data arrives. */
  readonly loading?: string;
}

/** Escapes a value for a double-quoted HTML attribute (and for text content). */
export function escapeAttribute(value: string): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A quoted keyword such as `'self'`, or a scheme/host source such as `https://*.vscode-cdn.net`. */
const CSP_SOURCE_TOKEN = /^(?:'[a-z][a-z0-9-]*'|[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^\s;,'"]*)?|(?:\*\.)?[A-Za-z0-9.-]+(?::\d+)?)$/;
/** What goes after `'nonce-`: base64, base64url or hex. */
const NONCE = /^[A-Za-z0-9+/_=-]{8,}$/;

/**
 * The CSP of the page. Neither value can add a directive: `webview.cspSource` is taken
 * token by token (VS Code gives e.g. `'self' https://*.vscode-cdn.net`) and the nonce
 * must be base64 or hex.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  const tokens = String(cspSource).split(/\s+/).filter((part) => part !== '');
  if (tokens.length === 0 || !tokens.every((token) => CSP_SOURCE_TOKEN.test(token))) {
    throw new Error(`Invalid cspSource for the webview CSP: ${JSON.stringify(cspSource)}`);
  }
  if (!NONCE.test(String(nonce))) {
    throw new Error('Invalid nonce for the webview CSP: use at least 8 base64 or hex characters');
  }
  const source = tokens.join(' ');
  return [`default-src 'none'`, `style-src ${source}`, `script-src 'nonce-${nonce}'`, `img-src ${source} data:`].join('; ');
}

export function renderLayerStackHtml(opts: LayerStackHtmlOptions): string {
  const csp = contentSecurityPolicy(opts.cspSource, opts.nonce);
  const title = escapeAttribute(opts.title ?? 'Layer stack');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${escapeAttribute(opts.styleUri)}">
  <title>${title}</title>
</head>
<body>
  <main id="app" aria-label="${title}">
    <p class="loading">${escapeAttribute(opts.loading ?? 'Loading the layer stack…')}</p>
  </main>
  <script nonce="${escapeAttribute(opts.nonce)}" src="${escapeAttribute(opts.scriptUri)}"></script>
</body>
</html>
`;
}

/** 16 random bytes in base64, from the Web Crypto API (the desktop's extension host and the browser's both have it). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
