/**
 * "Create declaration" on an undeclared Terraform resource in a real VS Code
 * (code-server + Chromium, the packaged srm-tools.vsix): the code lens above
 * the resource, clicked, creates the proposal beside the file and opens it,
 * and the information diagnostic on the resource goes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './harness';


const MAIN_TF = `# one web server, declared by nobody yet
resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"
}
`;

const LENS = 'Create declaration for aws_instance.web';
const FINDING = /No responsibility declaration covers aws_instance\.web/;

describe('Create declaration on a Terraform resource in a real VS Code', function () {
  this.timeout(180_000);
  const session = h.useWorkspaceSession('iac', { 'infra/main.tf': MAIN_TF });

  it('the code lens creates the declaration, opens it, and the finding on the resource goes', async () => {
    const { page, workspace } = session();
    await h.openFile(page, 'infra/main.tf');
    // The server is up, and has read the file, once the finding is in the Problems panel.
    await h.waitForProblem(page, FINDING, 60_000);
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: LENS }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const proposal = path.join(workspace, 'infra', 'web.srm.yaml');
    await h.waitFor('the declaration to be created on disk', () => fs.existsSync(proposal), { timeoutMs: 30_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'web.srm.yaml' }).waitFor({ state: 'visible', timeout: 30_000 });
    await h.waitFor('the new declaration to claim the resource in its editor', async () => /iac:\s+- path: main\.tf\s+resources:\s+- aws_instance\.web/.test(await h.visibleEditorText(page)), { timeoutMs: 30_000 });
    // The new declaration's own findings (owners to fill in) show the panel is live while the resource's finding is gone.
    let rows: h.ProblemRow[] = [];
    await h
      .waitFor(
        'the finding on aws_instance.web to disappear',
        async () => {
          rows = await h.readProblems(page);
          return rows.some((r) => /web\.srm\.yaml|SRM0[0-3]\d/.test(r.label + r.text)) && !rows.some((r) => FINDING.test(r.label) || FINDING.test(r.text));
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      )
      .catch((error: Error) => {
        throw new Error(`${error.message}; the Problems panel shows:\n${rows.map((r) => r.label).join('\n')}`);
      });
    await h.screenshot(page, 'iac-declaration-created');
  });
});
