/*
 * The client owns the server's lifecycle: a crashed server is restarted and the
 * user is told once; one that keeps crashing is given up on, the status bar and
 * the commands say so, and a click on the status bar brings it back. The
 * server is crashed for real (SIGKILL to the process the API names).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SrmExtensionApi } from '../../../src/extension';
import type { ServerHealth } from '../../../src/server-health';
import { SERVER_RECOVERY_COMMAND } from '../../../src/status-bar';
import type { LayerStackPanel } from '../../../src/webview/layer-stack-panel';
import { api, closeAllEditors, freshCopy, show, waitFor, waitForDiagnostics } from './helpers';

interface Shown {
  readonly kind: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly actions: readonly string[];
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
const windowApi = vscode.window as Writable<typeof vscode.window>;

/**
 * Records every notification the extension shows (the suite shares its `vscode`
 * object) instead of showing it, and answers with `answer` (undefined: dismissed).
 */
function recordNotifications(answer: (shown: Shown) => string | undefined = () => undefined): { shown: Shown[]; restore(): void } {
  const shown: Shown[] = [];
  const original = { error: windowApi.showErrorMessage, warning: windowApi.showWarningMessage, information: windowApi.showInformationMessage };
  const stub = (kind: Shown['kind']) =>
    ((message: string, ...rest: unknown[]) => {
      const note: Shown = { kind, message, actions: rest.filter((r): r is string => typeof r === 'string') };
      shown.push(note);
      return Promise.resolve(answer(note));
    }) as typeof vscode.window.showErrorMessage;
  windowApi.showErrorMessage = stub('error');
  windowApi.showWarningMessage = stub('warning');
  windowApi.showInformationMessage = stub('information');
  return {
    shown,
    restore: () => {
      windowApi.showErrorMessage = original.error;
      windowApi.showWarningMessage = original.warning;
      windowApi.showInformationMessage = original.information;
    },
  };
}

/** Every health the server goes through from now on. */
function recordHealth(srm: SrmExtensionApi): { seen: ServerHealth[]; dispose(): void } {
  const seen: ServerHealth[] = [];
  const listener = srm.onDidChangeHealth((h) => seen.push(h));
  return { seen, dispose: () => listener.dispose() };
}

/** Kills the running server process; returns its pid. */
async function crash(srm: SrmExtensionApi): Promise<number> {
  const pid = await waitFor('a running server process', () => srm.serverPid());
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Waits for the server to run in a process other than `old`; returns the new pid. */
function restartedAfter(srm: SrmExtensionApi, old: number): Promise<number> {
  return waitFor(`a server process other than ${old} to run`, () => {
    const pid = srm.serverPid();
    return pid !== undefined && pid !== old && srm.health().state === 'running' && pid;
  });
}

/** The server answers: a hover on an `identity-access:` key explains the layer. */
async function assertServerAnswers(uri: vscode.Uri, doc: vscode.TextDocument): Promise<void> {
  const key = doc.getText().search(/^ {2}identity-access:/m);
  assert.ok(key >= 0, `${uri.path} has an identity-access entry`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(key + 2));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /Identity & Access/, 'the server answers hovers');
}

const of = (shown: readonly Shown[], kind: Shown['kind']): Shown[] => shown.filter((s) => s.kind === kind);

describe('server lifecycle', () => {
  let srm: SrmExtensionApi;
  before(async () => {
    srm = await api();
  });
  after(async () => {
    // Leave a running server for whatever runs next, whatever happened here.
    if (srm.health().state !== 'running') await vscode.commands.executeCommand('srm.restartServer');
    await closeAllEditors();
  });

  it('restarts a crashed server and tells the user once, however often it crashes in a row', async () => {
    const uri = await freshCopy('payments-api.srm.yaml');
    const editor = await show(uri);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'a clean file');
    await vscode.commands.executeCommand('srm.restartServer'); // the user's restart: no crash history
    const notes = recordNotifications();
    const health = recordHealth(srm);
    try {
      const first = await crash(srm);
      const second = await restartedAfter(srm, first);
      assert.ok(
        health.seen.some((h) => h.state === 'starting' && h.detail === 'restarting after a crash'),
        `the health went through "restarting after a crash": ${JSON.stringify(health.seen)}`,
      );
      assert.deepEqual(health.seen.at(-1), { state: 'running' });
      const doc = editor.document;
      assert.ok(await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), '  operating-sytem:\n    owner: platform-team\n')));
      await waitForDiagnostics(uri, (d) => d.length === 1 && /"operating-sytem" is not a layer/.test(d[0]!.message), 'a finding from the restarted server');
      await assertServerAnswers(uri, doc);
      const told = await waitFor('the crash to be reported', () => of(notes.shown, 'warning').length > 0 && of(notes.shown, 'warning'));
      assert.deepEqual(told, [{ kind: 'warning', message: 'The SRM language server crashed and was restarted. Details are in the "SRM" output.', actions: ['Show Output'] }]);

      // A second crash soon after is restarted too, without another notification.
      const third = await restartedAfter(srm, await crash(srm));
      assert.notEqual(third, second);
      await waitForDiagnostics(uri, (d) => d.length === 1, 'the finding again, from the third server');
      await assertServerAnswers(uri, doc);
      assert.deepEqual(notes.shown, told, 'the user was told once, and nothing else');
      assert.equal(srm.statusItem().text, '$(shield) 0 gaps, 1 other', 'the status bar counts again');
    } finally {
      notes.restore();
      health.dispose();
    }
  });

  describe('a server that keeps crashing', () => {
    const GAVE_UP = 'it crashed 5 times in 3 minutes and was not restarted';
    let notes: ReturnType<typeof recordNotifications>;
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;
    let panel: LayerStackPanel;
    before(async () => {
      uri = await freshCopy('gaps.srm.yaml');
      doc = (await show(uri)).document;
      await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings');
      await vscode.commands.executeCommand('srm.showLayerStack');
      panel = await waitFor('the layer-stack panel', () => srm.layerStackPanel());
      await waitFor('the stack of the file', () => panel.shown?.uri === uri.toString());
      await show(uri); // the panel took the focus; the status bar follows the active editor
      await vscode.commands.executeCommand('srm.restartServer'); // no crash history
      notes = recordNotifications();
      // Five crashes in a few seconds: the first four are restarted, the fifth is one too many (5 within 3 minutes).
      for (let restarts = 0; restarts < 4; restarts++) await restartedAfter(srm, await crash(srm));
      await crash(srm);
      await waitFor('the client to give up', () => srm.health().state === 'crashed');
    });
    after(() => {
      notes.restore();
      panel.dispose();
    });

    it('stops after the fifth crash and says so once, offering Restart and Show Output', async () => {
      assert.deepEqual(srm.health(), { state: 'crashed', detail: GAVE_UP });
      assert.equal(srm.serverPid(), undefined, 'no server process');
      assert.equal(srm.client(), undefined, 'no client to ask');
      const errors = await waitFor('the error to be shown', () => of(notes.shown, 'error').length > 0 && of(notes.shown, 'error'));
      assert.deepEqual(errors, [{ kind: 'error', message: 'The SRM language server crashed 5 times in 3 minutes and was not restarted.', actions: ['Restart', 'Show Output'] }]);
      assert.equal(of(notes.shown, 'warning').length, 1, 'the first crash of the burst was reported, the next three restarts were not');
    });

    it('shows the crash in the status bar instead of a gap count', () => {
      assert.deepEqual(srm.statusItem(), {
        visible: true,
        text: '$(error) SRM crashed',
        tooltip: `The SRM language server is not running: ${GAVE_UP}. Click to restart it or see its output.`,
        command: SERVER_RECOVERY_COMMAND,
      });
    });

    it('commands that need the server say it is not running, and it stays down', async () => {
      const notRunning: Shown = { kind: 'error', message: `The SRM language server is not running: ${GAVE_UP}.`, actions: ['Restart', 'Show Output'] };
      const from = notes.shown.length;
      const text = doc.getText();

      assert.equal(await vscode.commands.executeCommand<boolean>('srm.fixAll'), false, 'Fix All Gaps did nothing');
      assert.deepEqual(await waitFor('Fix All Gaps to say why', () => notes.shown.length > from && notes.shown.slice(from)), [notRunning]);

      // The panel stays open with its last picture; its Assign owner button needs the server.
      await panel.receive({ type: 'assignOwner', uri: uri.toString(), version: doc.version, workloadIndex: 0, layerId: 'endpoint-devices' });
      assert.deepEqual(await waitFor('Assign owner to say why', () => notes.shown.length > from + 1 && notes.shown.slice(from + 1)), [notRunning]);

      panel.dispose();
      assert.equal(await vscode.commands.executeCommand('srm.showLayerStack'), undefined);
      assert.equal(srm.layerStackPanel(), undefined, 'no empty panel was opened');
      assert.deepEqual(await waitFor('Show Layer Stack to say why', () => notes.shown.length > from + 2 && notes.shown.slice(from + 2)), [notRunning]);

      assert.equal(doc.getText(), text, 'the file is untouched');
      assert.equal(srm.health().state, 'crashed', 'still down: no restart loop');
      assert.equal(of(notes.shown, 'error').filter((n) => n.message.startsWith('The SRM language server crashed')).length, 1, 'the give-up was said once');
    });

    it('a click on the status bar offers Restart and Show Output; Restart brings the server back', async () => {
      const { command } = srm.statusItem();
      assert.equal(command, SERVER_RECOVERY_COMMAND);
      const offered: { titles: string[]; labels: string[][] } = { titles: [], labels: [] };
      const originalPick = windowApi.showQuickPick;
      const choose = (choice: string) => {
        windowApi.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
          const list = await items;
          offered.titles.push(options?.title ?? '');
          offered.labels.push(list.map((i) => i.label));
          return list.find((i) => i.label.endsWith(choice));
        }) as unknown as typeof vscode.window.showQuickPick;
      };
      try {
        choose('Show Output');
        await vscode.commands.executeCommand(command);
        assert.equal(srm.health().state, 'crashed', 'Show Output does not restart');
        choose('Restart');
        await vscode.commands.executeCommand(command);
      } finally {
        windowApi.showQuickPick = originalPick;
      }
      const offer = ['$(debug-restart) Restart', '$(output) Show Output'];
      assert.deepEqual(offered.labels, [offer, offer]);
      assert.deepEqual(offered.titles, [`The SRM language server is not running: ${GAVE_UP}.`, `The SRM language server is not running: ${GAVE_UP}.`]);

      await waitFor('the server to run again', () => srm.health().state === 'running' && srm.serverPid());
      await waitForDiagnostics(uri, (d) => d.length === 15, 'the findings again, from the new server');
      await waitFor('the status bar to count the gaps again', () => srm.statusItem().text === '$(shield) 10 gaps');
      assert.equal(srm.statusItem().command, 'workbench.actions.view.problems');
      await assertServerAnswers(uri, doc);
    });
  });
});
