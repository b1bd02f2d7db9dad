import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file's bytes and the status of the version they were read from. */
export interface Snapshot {
  readonly stat: fs.Stats;
  /** Undefined when the file is larger than the reader accepts (then it was not read). */
  readonly bytes: Buffer | undefined;
}

/** Reads a file, and through the same descriptor which version of it that was. */
export function readSnapshot(file: string, maxBytes: number): Snapshot {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: stat.isDirectory() ? 'EISDIR' : 'EINVAL' });
    return { stat, bytes: stat.size > maxBytes ? undefined : fs.readFileSync(fd) };
  } finally {
    fs.closeSync(fd);
  }
}

export type ReplaceOutcome =
  /** `otherLinks`: the file's other hard links, which still hold the old content. */
  | { readonly replaced: true; readonly otherLinks: number }
  /** Someone changed the file since it was read: it was left as they made it. */
  | { readonly replaced: false };

/**
 * Replaces the file `snapshot` was read from by `bytes`, without ever leaving
 * it half written: the new version is written in full beside it (a full disk
 * fails here, the original untouched), then renamed over it. Through a
 * symbolic link the link's target is replaced and the link stays. The mode
 * is kept, and the owner where the process may set it. A rename gives the
 * path a new file: other hard links keep the old one.
 *
 * Just before the rename the file is compared with the snapshot (identity,
 * size, modification time, then every byte): a change made meanwhile is
 * never overwritten. A change in the instant between that comparison and the
 * rename cannot be seen without locks, which other programs would not honour.
 *
 * Throws (a system error) when the new version cannot be written; the file is
 * then unchanged and no temporary file is left.
 */
export function replaceFile(file: string, bytes: Buffer, snapshot: Snapshot): ReplaceOutcome {
  const target = fs.realpathSync(file);
  // Hidden and not named like a declaration, so no scan picks it up while it exists.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.srm-tmp`);
  const { mode, uid, gid } = snapshot.stat;
  const fd = fs.openSync(temp, 'wx', mode & 0o777);
  let renamed = false;
  try {
    try {
      fs.writeFileSync(fd, bytes);
      // Open applied the umask; the original's mode, setuid bits aside, is what the file keeps.
      fs.fchmodSync(fd, mode & 0o7777);
      keepOwner(fd, uid, gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (changedSince(target, snapshot)) return { replaced: false };
    fs.renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) removeQuietly(temp);
  }
  syncFolder(path.dirname(target));
  return { replaced: true, otherLinks: snapshot.stat.nlink - 1 };
}

function changedSince(target: string, snapshot: Snapshot): boolean {
  const now = fs.statSync(target);
  const then = snapshot.stat;
  if (now.dev !== then.dev || now.ino !== then.ino || now.size !== then.size || now.mtimeMs !== then.mtimeMs) return true;
  // Same size and time is no proof: a write within the clock's resolution, or a restored time, keeps both.
  return !fs.readFileSync(target).equals(snapshot.bytes ?? Buffer.alloc(0));
}

function keepOwner(fd: number, uid: number, gid: number): void {
  if (process.getuid?.() === uid && process.getgid?.() === gid) return;
  try {
    fs.fchownSync(fd, uid, gid);
  } catch {
    // Only root may give a file away: the new version is then the user's own, as an editor's save makes it.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone, or never created
  }
}

/** Makes the rename itself durable; a folder that cannot be synced (some file systems, Windows) is left to the OS. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
