/**
 * A failure the user can act on: a bad flag, a path that cannot be read. `srm`
 * prints its message on one line and exits with 2, never a stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The part of a Node.js system error a user needs: `no such file or directory`, not `ENOENT: …, open '…'`. */
export function describeSystemError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    default: {
      const message = e instanceof Error ? e.message : String(err);
      // `EXDEV: cross-device link not permitted, rename 'a' -> 'b'` → `cross-device link not permitted`; `EIO: i/o error, read` → `i/o error`
      return message.replace(/^[A-Z]+: /, '').replace(/, \w+( '.*)?$/, '');
    }
  }
}
