import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../../http/errors.ts';

export interface StoredFile { path: string; bytes: number; sha256: string }

const tooLarge = (max: number) => {
  const message = `is larger than the ${Number((max / 1024 / 1024).toPrecision(3))} MB limit`;
  return new AppError('PAYLOAD_TOO_LARGE', `file: ${message}`, [{ field: 'file', message }]);
};

/**
 * Streams an upload to `dir/name`, hashing it on the way and refusing it past `maxBytes`; memory
 * stays flat whatever the size. A refused or broken upload leaves no file behind.
 */
export async function storeUpload(stream: Readable, dir: string, name: string, maxBytes: number): Promise<StoredFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(path, { flags: 'wx' }));
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof AppError) throw err;
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw err;
  }
  if ('truncated' in stream && stream.truncated === true) {
    await rm(path, { force: true });
    throw tooLarge(maxBytes);
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw invalid('file', 'is empty');
  }
  return { path, bytes, sha256: hash.digest('hex') };
}
