/** Files larger than this are not read at all: no declaration, matrix or configuration comes near it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
