/**
 * Discovery benchmark, run in its own process by main.ts: `srm discover`'s
 * engine (walk, read, parse, read the resources, follow modules, resolve
 * claims) over a generated repository of Terraform files, beside parsing the
 * same files with the same web-tree-sitter parser alone (read + parse +
 * free the tree), measured back to back.
 *
 * Usage: node out/scripts/bench/discovery-worker.js <out.json> <dir> <files> [--quick]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildInventory, resolveClaims, type TerraformParser } from '../../server/src/core/iac';
import { NodeIacFileSystem, toCorePath } from '../../server/src/io/iac-fs';
import { loadTerraformParser } from '../../server/src/io/tree-sitter';
import { median } from './stats';

export interface DiscoveryResult {
  readonly files: number;
  readonly bytes: number;
  readonly resources: number;
  readonly undeclared: number;
  readonly samples: number;
  readonly parseMs: readonly number[];
  readonly discoverMs: readonly number[];
  readonly ratios: readonly number[];
  readonly cpuRatios: readonly number[];
  readonly parseMedian: number;
  readonly discoverMedian: number;
  readonly ratioMedian: number;
  readonly cpuRatioMedian: number;
}

const KINDS = [
  (i: number) => `resource "aws_instance" "web_${i}" {\n  ami           = "ami-${i}"\n  instance_type = "t3.micro"\n  count         = 2\n  tags = {\n    Name = "web-${i}"\n  }\n}\n`,
  (i: number) => `resource "aws_lambda_function" "fn_${i}" {\n  function_name = "fn-${i}"\n  runtime       = "python3.12"\n  handler       = "app.handler"\n  package_type  = "Zip"\n  environment {\n    variables = { STAGE = var.stage }\n  }\n}\n`,
  (i: number) => `resource "aws_ecs_service" "svc_${i}" {\n  name        = "svc-${i}"\n  cluster     = aws_ecs_cluster.main.id\n  launch_type = "FARGATE"\n  network_configuration {\n    subnets = [aws_subnet.a.id]\n  }\n}\n`,
  (i: number) => `resource "aws_iam_role" "role_${i}" {\n  name = "role-${i}"\n  assume_role_policy = <<POLICY\n{"Version": "2012-10-17", "Statement": []}\nPOLICY\n}\n`,
  (i: number) => `resource "aws_security_group" "sg_${i}" {\n  name = "sg-${i}"\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n      to_port   = ingress.value\n      protocol  = "tcp"\n    }\n  }\n}\n`,
  (i: number) => `# bucket ${i}\nresource "aws_s3_bucket" "b_${i}" {\n  bucket = "bucket-${i}"\n}\n\nvariable "v_${i}" {\n  type    = string\n  default = "x"\n}\n`,
];

/** `files` Terraform files in folders of 20; every folder's first file calls the next folder as a local module. */
export function generateRepository(dir: string, files: number): { bytes: number; paths: string[] } {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  const paths: string[] = [];
  const folders = Math.ceil(files / 20);
  for (let f = 0; f < files; f++) {
    const folder = path.join(dir, `stack-${Math.floor(f / 20)}`);
    mkdirSync(folder, { recursive: true });
    let text = '';
    for (let r = 0; r < 8; r++) text += KINDS[(f + r) % KINDS.length]!(f * 8 + r) + '\n';
    const next = Math.floor(f / 20) + 1;
    if (f % 20 === 0 && next < folders && next % 10 !== 0) text += `module "next" {\n  source = "../stack-${next}"\n}\n`;
    const file = path.join(folder, `file-${f}.tf`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    paths.push(toCorePath(file));
  }
  return { bytes, paths };
}

function time(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export function benchDiscovery(parser: TerraformParser, dir: string, files: number, quick: boolean): DiscoveryResult {
  const { bytes, paths } = generateRepository(dir, files);
  const fs = new NodeIacFileSystem();
  const root = toCorePath(dir);
  const parseAlone = () => {
    for (const p of paths) parser.parse(fs.read(p)!)?.delete();
  };
  let resources = 0;
  let undeclared = 0;
  const discover = () => {
    const inventory = buildInventory({ fs, parser, roots: [root] });
    const report = resolveClaims([], inventory, fs, [root]);
    resources = inventory.instances.length;
    undeclared = report.undeclared.length;
  };
  // Warm-up: the JIT and the file cache.
  for (let i = 0; i < 2; i++) {
    parseAlone();
    discover();
  }
  const n = quick ? 3 : 9;
  const parseMs: number[] = [];
  const discoverMs: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let s = 0; s < n; s++) {
    // Alternate which goes first, so that neither always runs in the other's wake.
    let p: { wall: number; cpu: number };
    let d: { wall: number; cpu: number };
    if (s % 2 === 0) {
      p = time(parseAlone);
      d = time(discover);
    } else {
      d = time(discover);
      p = time(parseAlone);
    }
    parseMs.push(p.wall);
    discoverMs.push(d.wall);
    ratios.push(d.wall / p.wall);
    cpuRatios.push(d.cpu / p.cpu);
  }
  return {
    files,
    bytes,
    resources,
    undeclared,
    samples: n,
    parseMs,
    discoverMs,
    ratios,
    cpuRatios,
    parseMedian: median(parseMs),
    discoverMedian: median(discoverMs),
    ratioMedian: median(ratios),
    cpuRatioMedian: median(cpuRatios),
  };
}

async function main(): Promise<void> {
  const [out, dir, files] = process.argv.slice(2);
  if (out === undefined || dir === undefined) throw new Error('usage: discovery-worker OUT DIR FILES [--quick]');
  const parser = await loadTerraformParser();
  const result = benchDiscovery(parser, dir, Number(files), process.argv.includes('--quick'));
  writeFileSync(out, JSON.stringify(result));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`discovery bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
