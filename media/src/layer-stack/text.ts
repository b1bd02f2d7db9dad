/** Plain-text helpers shared by the SVG and Markdown exports. No DOM. */

/** Characters XML 1.0 does not allow anywhere, including lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what XML forbids
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values alike. */
export function escapeXml(value: string): string {
  return String(value)
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Breaks text into lines of at most `max` characters at spaces, honouring line breaks
 * in the text and cutting words that are longer than a line.
 */
export function wrapText(value: string, max: number): string[] {
  const width = Math.max(8, Math.floor(max));
  const lines: string[] = [];
  for (const paragraph of String(value).split(/\r\n|\r|\n|\u2028|\u2029/)) {
    let line = '';
    for (let word of paragraph.replace(/\t/g, ' ').split(/ +/)) {
      if (word === '') {
        continue;
      }
      while (word.length > width) {
        if (line !== '') {
          lines.push(line);
          line = '';
        }
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (line === '') {
        line = word;
      } else if (line.length + 1 + word.length <= width) {
        line += ` ${word}`;
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** A file-name-safe form of a name: letters, digits, dot, dash and underscore. */
export function fileSlug(value: string | undefined): string {
  return String(value ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
}

/** The base name of a file name or URI, without `.srm.yaml` / `.yaml` / `.yml`. */
export function fileStem(nameOrUri: string | undefined): string {
  if (!nameOrUri) {
    return '';
  }
  let base = String(nameOrUri).split(/[\\/]/).pop() ?? '';
  try {
    base = decodeURIComponent(base);
  } catch {
    // Not URI-encoded; keep as is.
  }
  return base.replace(/(\.srm)?\.ya?ml$/i, '');
}
