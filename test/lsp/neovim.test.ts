/**
 * The README's Neovim setup, run as written: the npm package is installed
 * globally (into a temporary prefix put first on PATH, offline), the Lua block
 * is taken from README.md unchanged, and Neovim opens the example with gaps
 * headless. Keeps the README's promise to other editors true.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/core';
import { npmTarball, offlineNpmEnv, PACKAGE_NAME, removeTemps, run, shown, tempDir } from '../package/npm-package';
import { REPO } from './client';

const EXAMPLE = path.join(REPO, 'examples', 'gaps.srm.yaml');

function readmeSection(): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('### Other editors');
  assert.ok(start >= 0, 'the README has an "Other editors" section');
  const end = readme.indexOf('\n## ', start);
  return readme.slice(start, end < 0 ? undefined : end);
}

function readmeNeovimConfig(): string {
  const block = /```lua\n([\s\S]*?)```/.exec(readmeSection());
  assert.ok(block, 'the README has a Lua block under "Other editors"');
  return block[1]!;
}

describe('LSP: the README\'s Neovim setup, with the npm package installed globally', function () {
  this.timeout(90_000);
  after(removeTemps);

  it('gives Neovim the diagnostics of the example with gaps', function () {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'nvim is installed (scripts/e2e/install-code-server.sh installs it)');
    assert.match(readmeSection(), new RegExp(`npm install -g ${PACKAGE_NAME}`), 'the README says how to install the server');
    const config = readmeNeovimConfig();
    assert.match(config, /cmd = \{ 'srm-language-server', '--stdio' \}/, 'the README starts the installed server by its name');

    const prefix = tempDir('nvim-prefix');
    const npmEnv = offlineNpmEnv();
    const install = run('npm', ['install', '-g', '--offline', '--prefix', prefix, npmTarball()], { cwd: prefix, env: npmEnv });
    assert.equal(install.status, 0, shown(install));
    const bin = path.join(prefix, 'bin');

    const dir = tempDir('nvim');
    const init = path.join(dir, 'init.lua');
    fs.writeFileSync(init, config);
    const probe = [
      'vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)',
      'local d = vim.diagnostic.get(0)',
      'local codes = {}',
      'for _, x in ipairs(d) do codes[#codes + 1] = tostring(x.code) end',
      'io.stdout:write("filetype=" .. vim.bo.filetype .. " server=" .. vim.fn.exepath("srm-language-server") .. " codes=" .. table.concat(codes, ",") .. "\\n")',
      'vim.cmd("qa!")',
    ].join('; ');
    const out = execFileSync('nvim', ['--headless', '-u', init, EXAMPLE, `+lua ${probe}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...npmEnv, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
      timeout: 50_000,
    });
    const line = /filetype=(\S*) server=(\S*) codes=(\S*)/.exec(out);
    assert.ok(line, `Neovim reported: ${out}`);
    assert.equal(line[1], 'srm');
    assert.equal(line[2], path.join(bin, 'srm-language-server'), 'the server Neovim ran is the installed package\'s');
    const expected = checkText(fs.readFileSync(EXAMPLE, 'utf8')).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(line[3]!.split(',').sort(), expected, 'the findings srm check reports for the example');
  });
});
