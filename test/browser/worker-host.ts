/**
 * The browser server (dist/browser-server.js) in a real web worker in headless
 * Chromium, as vscode.dev runs it: a page on a loopback server starts the
 * worker, and every message the worker posts is handed to Node, which posts
 * its own into the worker. The worker is the only code under test: the page
 * only relays.
 */
import { readFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver-protocol/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../shared/chromium';

/** The repository root, from out/test/browser. */
export const ROOT = path.resolve(__dirname, '../../..');
export const BROWSER_SERVER = path.join(ROOT, 'dist', 'browser-server.js');

const PAGE = '<!doctype html><meta charset="utf-8"><title>SRM web worker host</title>';

/** What the page reports besides the messages: a worker that fails to load or throws. */
export interface WorkerFault {
  readonly message: string;
}

/** Messages from the worker, as a jsonrpc reader. */
class PageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

/** Messages into the worker: posted by the page, as the client in a web extension host posts them. */
class PageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly page: Page) {
    super();
  }

  async write(message: Message): Promise<void> {
    try {
      await this.page.evaluate((m) => (window as unknown as { srmWorker: Worker }).srmWorker.postMessage(m), message);
    } catch (error) {
      this.fireError(error, message, 1);
      throw error;
    }
  }

  end(): void {
    // The page goes with the browser.
  }
}

export class WorkerHost {
  readonly faults: WorkerFault[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly server: http.Server,
    readonly reader: MessageReader,
    readonly writer: MessageWriter,
  ) {}

  /** Serves the bundle, opens the page and starts the server's worker in it. */
  static async start(): Promise<WorkerHost> {
    const bundle = await readFile(BROWSER_SERVER, 'utf8').catch(() => {
      throw new Error(`${BROWSER_SERVER} is missing: run \`node scripts/build.mjs\` first.`);
    });
    const server = http.createServer((req, res) => {
      if (req.url === '/browser-server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      } else if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
    const page = await browser.newPage();
    const reader = new PageReader();
    const host = new WorkerHost(browser, server, reader, new PageWriter(page));
    await page.exposeFunction('srmFromWorker', (message: Message) => reader.deliver(message));
    await page.exposeFunction('srmWorkerFault', (message: string) => void host.faults.push({ message }));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(() => {
      const w = window as unknown as { srmWorker: Worker; srmFromWorker(m: unknown): void; srmWorkerFault(m: string): void };
      w.srmWorker = new Worker('/browser-server.js');
      w.srmWorker.onmessage = (e: MessageEvent) => w.srmFromWorker(e.data);
      w.srmWorker.onerror = (e: ErrorEvent) => w.srmWorkerFault(`${e.message} (${e.filename}:${e.lineno})`);
      w.srmWorker.onmessageerror = () => w.srmWorkerFault('a message could not be deserialized');
    });
    return host;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
