/**
 * The README's Neovim setup, run as written: the Lua block is taken from
 * README.md, pointed at the bundled server, and Neovim opens the example with
 * gaps headless. Keeps the README's promise to other editors true.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './client';

function readmeNeovimConfig(): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Other editors'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the README has a Lua block under "Other editors"');
  return block[1];
}

describe('LSP: the README\'s Neovim setup', function () {
  this.timeout(60_000);

  it('gives Neovim the diagnostics of the example with gaps', function () {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'nvim is installed (scripts/e2e/install-code-server.sh installs it)');
    const config = readmeNeovimConfig();
    assert.ok(config.includes('/path/to/srm-tools/dist/server.js'), 'the README names the server path a user replaces');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-nvim-'));
    try {
      const init = path.join(dir, 'init.lua');
      fs.writeFileSync(init, config.replace('/path/to/srm-tools/dist/server.js', path.join(REPO, 'dist', 'server.js')));
      const probe = [
        'vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)',
        'local d = vim.diagnostic.get(0)',
        'local codes = {}',
        'for _, x in ipairs(d) do codes[#codes + 1] = tostring(x.code) end',
        'io.stdout:write("filetype=" .. vim.bo.filetype .. " count=" .. #d .. " codes=" .. table.concat(codes, ",") .. "\\n")',
        'vim.cmd("qa!")',
      ].join('; ');
      const out = execFileSync('nvim', ['--headless', '-u', init, path.join(REPO, 'examples', 'gaps.srm.yaml'), `+lua ${probe}`], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
        timeout: 50_000,
      });
      const line = /filetype=(\S*) count=(\d+) codes=(\S*)/.exec(out);
      assert.ok(line, `Neovim reported: ${out}`);
      assert.equal(line[1], 'srm');
      assert.equal(Number(line[2]), 15, 'the 15 findings srm check reports for examples/gaps.srm.yaml');
      assert.ok(line[3].split(',').includes('SRM001'), 'the missing-layer errors among them');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
