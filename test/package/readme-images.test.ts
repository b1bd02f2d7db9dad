/**
 * The README's pictures, as GitHub, the Marketplace and VS Code show them.
 * `npm run screenshots` makes them (scripts/screenshots/) and they are
 * committed, so CI never runs that script; this keeps it honest instead: every
 * picture the README shows is a sound PNG or GIF in media/readme/, each light
 * picture has its dark twin, nothing there is left unused, and the packaged
 * README links every picture over https to the repository, where vsce points
 * relative paths.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { readImageInfo, type ImageInfo } from '../../scripts/screenshots/image-info';

const ROOT = path.resolve(__dirname, '../../..');
const IMAGES = 'media/readme';
const VSIX = path.join(ROOT, 'srm-tools.vsix');

/** Budgets: a picture is a few tens of KB; all of them together a few hundred. */
const FILE_BUDGET_BYTES = 150 * 1024;
const TOTAL_BUDGET_BYTES = 450 * 1024;
/** Sane sizes in pixels: big enough to read, small enough for a README column at most twice over. */
const MIN_SIDE = 100;
const MAX_SIDE = 2000;

/** Where vsce points a relative image path: the repository in package.json, on its default branch. */
function rawBase(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const match = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url ?? '');
  assert.ok(match, `package.json's repository (${url}) is not a GitHub repository`);
  return `https://github.com/${match[1]}/raw/HEAD/`;
}

interface ImageRef {
  kind: 'markdown' | 'img' | 'source';
  src: string;
  alt?: string;
  media?: string;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Every image a Markdown text shows: `![alt](src)`, `<img src>`, `<source srcset>` (comments left out). */
function imageRefs(markdown: string): ImageRef[] {
  const text = markdown.replace(/<!--[\s\S]*?-->/g, '').replace(/^```[\s\S]*?^```/gm, '');
  const refs: ImageRef[] = [];
  for (const m of text.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) refs.push({ kind: 'markdown', alt: m[1] ?? '', src: m[2]! });
  for (const m of text.matchAll(/<img\b[^>]*>/gi)) refs.push({ kind: 'img', src: attribute(m[0], 'src') ?? '', alt: attribute(m[0], 'alt') });
  for (const m of text.matchAll(/<source\b[^>]*>/gi)) refs.push({ kind: 'source', src: attribute(m[0], 'srcset') ?? '', media: attribute(m[0], 'media') });
  return refs;
}

/** The `<picture>` elements of a Markdown text, each with its refs. */
function pictures(markdown: string): ImageRef[][] {
  return [...markdown.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<picture>([\s\S]*?)<\/picture>/gi)].map((m) => imageRefs(m[1]!));
}

/** The repository path of an image reference: relative to the root, or under the raw URL vsce uses. */
function localPath(src: string, base: string): string {
  const relative = src.startsWith(base) ? src.slice(base.length) : src;
  assert.ok(!/^[a-z]+:/i.test(relative) && !relative.startsWith('//'), `${src} is neither a repository path nor under ${base}`);
  return path.posix.normalize(relative.replace(/^\.\//, ''));
}

function readEntry(file: string, name: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let found: string | undefined;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            found = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function listVsix(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the README\'s pictures', function () {
  const base = rawBase();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const refs = imageRefs(readme);
  const files = fs.existsSync(path.join(ROOT, IMAGES)) ? fs.readdirSync(path.join(ROOT, IMAGES)).sort() : [];
  const info = (file: string): ImageInfo => readImageInfo(fs.readFileSync(path.join(ROOT, IMAGES, file)));

  it('shows pictures, each one a file in media/readme/', function () {
    assert.ok(refs.length >= 5, `the README shows ${refs.length} pictures`);
    for (const ref of refs) {
      const file = localPath(ref.src, base);
      assert.equal(path.posix.dirname(file), IMAGES, `${ref.src} is not in ${IMAGES}/`);
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${ref.src}: ${file} does not exist`);
    }
  });

  it('describes every picture in its alt text', function () {
    for (const ref of refs.filter((r) => r.kind !== 'source')) assert.ok((ref.alt ?? '').trim().length >= 20, `${ref.src} has no real alt text`);
  });

  it('keeps nothing in media/readme/ that the README does not show', function () {
    const shown = new Set(refs.map((r) => path.posix.basename(localPath(r.src, base))));
    assert.deepEqual(files.filter((f) => !shown.has(f)), []);
  });

  it('has only sound PNG and GIF files there, of sane sizes, within the size budget', function () {
    assert.ok(files.length > 0, `${IMAGES}/ is empty`);
    let total = 0;
    for (const file of files) {
      const bytes = fs.statSync(path.join(ROOT, IMAGES, file)).size;
      total += bytes;
      const image = info(file);
      assert.equal(`.${image.format}`, path.extname(file), `${file} holds a ${image.format}`);
      for (const side of [image.width, image.height]) assert.ok(side >= MIN_SIDE && side <= MAX_SIDE, `${file} is ${image.width}×${image.height}`);
      assert.ok(bytes <= FILE_BUDGET_BYTES, `${file} is ${(bytes / 1024).toFixed(0)} KB, over ${FILE_BUDGET_BYTES / 1024} KB`);
      if (image.format === 'gif') assert.ok(image.frames >= 3, `${file} is meant to be an animation but has ${image.frames} frame(s)`);
    }
    assert.ok(total <= TOTAL_BUDGET_BYTES, `the pictures take ${(total / 1024).toFixed(0)} KB, over ${TOTAL_BUDGET_BYTES / 1024} KB`);
  });

  it('pairs each light picture with its dark twin: GitHub picks by theme, everyone else shows the dark one', function () {
    const found = pictures(readme);
    assert.ok(found.length >= 4, `${found.length} <picture> elements`);
    for (const picture of found) {
      const sources = picture.filter((r) => r.kind === 'source');
      const imgs = picture.filter((r) => r.kind === 'img');
      assert.equal(sources.length, 1, 'one <source> per <picture>');
      assert.equal(imgs.length, 1, 'one <img> per <picture>');
      assert.equal(sources[0]!.media?.replace(/\s+/g, ''), '(prefers-color-scheme:light)');
      // vsce rewrites <img src> but not srcset: an absolute URL is the only one that works on every site.
      assert.ok(sources[0]!.src.startsWith(base), `the <source> ${sources[0]!.src} is not under ${base}`);
      const light = path.posix.basename(localPath(sources[0]!.src, base));
      const dark = path.posix.basename(localPath(imgs[0]!.src, base));
      assert.match(light, /-light\.png$/);
      assert.equal(dark, light.replace(/-light\.png$/, '-dark.png'));
      const [l, d] = [info(light), info(dark)];
      assert.deepEqual([d.width, d.height], [l.width, l.height], `${light} and ${dark} differ in size`);
    }
  });

  it('is packaged with every picture linked over https to the repository, and none of them inside', async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    const names = await listVsix(VSIX);
    assert.deepEqual(names.filter((n) => n.includes(`${IMAGES}/`)), []);
    const packaged = await readEntry(VSIX, 'extension/readme.md');
    assert.ok(packaged, 'the .vsix has no readme.md');
    const packagedRefs = imageRefs(packaged);
    assert.equal(packagedRefs.length, refs.length, 'the packaged README shows the same pictures');
    for (const ref of packagedRefs) {
      assert.ok(ref.src.startsWith(base), `${ref.src} is not under ${base}`);
      assert.ok(fs.existsSync(path.join(ROOT, localPath(ref.src, base))), `${ref.src} points to no file`);
    }
  });

  it('tells a cut or damaged file from a sound one (so the checks above can fail)', function () {
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(ROOT, IMAGES, file));
      assert.throws(() => readImageInfo(bytes.subarray(0, bytes.length - 40)), `${file} cut short`);
      assert.throws(() => readImageInfo(Buffer.concat([bytes, Buffer.from('junk')])), `${file} with bytes after its end`);
      if (file.endsWith('.png')) {
        const damaged = Buffer.from(bytes);
        damaged[Math.floor(bytes.length / 2)]! ^= 0xff;
        assert.throws(() => readImageInfo(damaged), `${file} with a flipped byte`);
      }
    }
    assert.throws(() => readImageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), /unknown signature/);
  });
});
