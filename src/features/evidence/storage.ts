/**
 * Where evidence files live: a content-addressed store (SHA-256 of the bytes). The local store keeps
 * them under BSC_DATA_DIR/evidence (outside the web root), in `ab/cd/<hash>` — the path is made
 * from the hash only, never from a user's file name. An S3-compatible store implements the same
 * interface (several app processes then share it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface EvidenceStore {
  readonly kind: string;
  /** Stores the bytes under their SHA-256 (idempotent: the same content is stored once). */
  put(bytes: Buffer): Promise<{ hash: string; size: number }>;
  /** The content of a hash; rejects when it is not stored. */
  open(hash: string): Promise<Readable>;
  has(hash: string): Promise<boolean>;
}

const HASH = /^[0-9a-f]{64}$/;

export const sha256Hex = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export class LocalEvidenceStore implements EvidenceStore {
  readonly kind = 'local';
  constructor(readonly root: string) {}

  private pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error('invalid content hash');
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(bytes: Buffer) {
    const hash = sha256Hex(bytes);
    const file = this.pathOf(hash);
    if (await this.has(hash)) return { hash, size: bytes.length };
    await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o750 });
    const tmpDir = path.join(this.root, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true, mode: 0o750 });
    const tmp = path.join(tmpDir, `${hash}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`);
    const fh = await fsp.open(tmp, 'wx', 0o640);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, file);
    return { hash, size: bytes.length };
  }

  async open(hash: string): Promise<Readable> {
    const file = this.pathOf(hash);
    await fsp.access(file, fs.constants.R_OK);
    return fs.createReadStream(file);
  }

  async has(hash: string) {
    try {
      await fsp.access(this.pathOf(hash), fs.constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }
}
