/**
 * `srm report`'s work per file — read it, check it, take its workloads — in
 * this thread or in worker threads. A worker's pieces travel as data: the
 * matrix of each workload is named by its place in the registry (which every
 * thread builds from the same files, in the same order) and found again here,
 * so the report assembled from them is the one this thread would have built.
 */
import * as fs from 'node:fs';
import { reportPiecesOf, type ReportInput, type ReportPieces } from '../core/report';
import type { Built } from '../core/report/build';
import type { CheckEnvironment } from '../core';
import { decode } from '../io/encoding';
import { fileTooLargeToRead, MAX_FILE_BYTES } from '../io/file-size';
import { displayPathOf } from './check';
import { CliError, describeSystemError } from './errors';

/** One file's pieces as a worker sends them, or the error that stops the report (a file that cannot be read). */
export type SentPieces =
  | {
      readonly file: string;
      readonly built: readonly { readonly matrixEntry: number; readonly workload: Built['workload'] }[];
      readonly skipped: ReportPieces['skipped'];
    }
  | { readonly error: string };

/** The pieces of one file, read from disk; a file that cannot be read is a CliError. */
export function piecesOfFile(absolutePath: string, cwd: string, environment: CheckEnvironment): ReportPieces {
  return reportPiecesOf(readInput(absolutePath, cwd, environment));
}

/** `piecesOfFile` for a worker thread: plain data. */
export function sendPieces(absolutePath: string, cwd: string, environment: CheckEnvironment): SentPieces {
  let pieces: ReportPieces;
  try {
    pieces = piecesOfFile(absolutePath, cwd, environment);
  } catch (err) {
    if (err instanceof CliError) return { error: err.message };
    throw err;
  }
  const entries = environment.registry.entries;
  return {
    file: pieces.file,
    built: pieces.built.map((b) => ({ matrixEntry: entries.findIndex((e) => e.index === b.matrix), workload: b.workload })),
    skipped: pieces.skipped,
  };
}

/** A worker's pieces with this thread's matrices and owner directory: throws the CliError the worker met. */
export function receivePieces(sent: SentPieces, environment: CheckEnvironment): ReportPieces {
  if ('error' in sent) throw new CliError(sent.error);
  const entries = environment.registry.entries;
  const built = sent.built.map((b): Built => {
    const matrix = entries[b.matrixEntry]?.index;
    // Both threads built the registry from the same files: a mismatch means they changed during the run.
    if (!matrix) throw new CliError(`the matrices changed while srm was reading ${sent.file}; run srm report again.`);
    return { matrix, workload: b.workload, directory: environment.config.owners };
  });
  return { file: sent.file, built, skipped: sent.skipped };
}

function readInput(absolutePath: string, cwd: string, environment: CheckEnvironment): ReportInput {
  const file = displayPathOf(absolutePath, cwd);
  let size: number;
  try {
    size = fs.statSync(absolutePath).size;
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${describeSystemError(err)}.`);
  }
  if (size > MAX_FILE_BYTES) return { file, skipped: fileTooLargeToRead(size).message };
  try {
    return { file, text: decode(fs.readFileSync(absolutePath)).text, environment };
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${describeSystemError(err)}.`);
  }
}
