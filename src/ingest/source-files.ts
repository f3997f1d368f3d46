/**
 * Turns the paths a user gives (files, folders, .zip archives) into SourceFiles that can be
 * opened as byte streams any number of times. Nothing is read whole into memory.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ConfigError } from '../errors.ts';

export interface SourceFile {
  /** What error messages and the quarantine list call this file: a path, or `archive.zip!inner/path`. */
  readonly displayPath: string;
  /** The base name used for sniffing (`conversations.json`). */
  readonly name: string;
  readonly size: number;
  /** Modification time in ms (of the archive for zip entries): part of the resume fingerprint. */
  readonly modifiedMs: number;
  open(): Promise<Readable>;
}

/** Extensions that may hold conversations; everything else in a folder is passed over. */
const CANDIDATE_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.txt']);

/** Companion files of known exports that never hold conversations. */
const COMPANION_FILES = new Set([
  'users.json',
  'user.json',
  'projects.json',
  'memories.json',
  'message_feedback.json',
  'model_comparisons.json',
  'shared_conversations.json',
  'package.json',
  'package-lock.json',
  'sha256sums',
]);

export function isCandidateName(name: string): boolean {
  const lower = name.toLowerCase();
  if (COMPANION_FILES.has(lower)) return false;
  if (lower.startsWith('.')) return false;
  return CANDIDATE_EXTENSIONS.has(path.extname(lower));
}

const readStreamOptions = { highWaterMark: 1024 * 1024 };

function localFile(filePath: string, size: number, modifiedMs: number): SourceFile {
  return {
    displayPath: filePath,
    name: path.basename(filePath),
    size,
    modifiedMs,
    open: async () => createReadStream(filePath, readStreamOptions),
  };
}

export interface SourceListing {
  files: SourceFile[];
  /** Files inside folders or archives passed over because their name says they hold no conversations. */
  ignored: string[];
}

/**
 * Expands paths into source files, in a stable (sorted) order.
 * A path given explicitly is always a candidate; inside folders and archives only known extensions are.
 * Throws ConfigError for a path that does not exist.
 */
export async function listSourceFiles(paths: readonly string[]): Promise<SourceListing> {
  const listing: SourceListing = { files: [], ignored: [] };
  for (const given of paths) {
    const info = await stat(given).catch((error: unknown) => {
      throw new ConfigError(`cannot read input path: ${given}`, {
        hint: 'check the path exists and is readable',
        cause: error,
      });
    });
    if (info.isDirectory()) await addFolder(given, listing);
    else if (given.toLowerCase().endsWith('.zip')) await addZip(given, info.mtimeMs, listing, true);
    else listing.files.push(localFile(given, info.size, info.mtimeMs));
  }
  return listing;
}

async function addFolder(folder: string, listing: SourceListing): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      await addFolder(full, listing);
    } else if (entry.isFile()) {
      const lower = entry.name.toLowerCase();
      const info = await stat(full);
      if (lower.endsWith('.zip')) await addZip(full, info.mtimeMs, listing, false);
      else if (isCandidateName(entry.name)) listing.files.push(localFile(full, info.size, info.mtimeMs));
      else listing.ignored.push(full);
    }
  }
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('cannot open zip'));
      else resolve(zip);
    });
  });
}

/** Lists a zip's entries (central directory only); each entry re-opens the archive when read. */
async function addZip(zipPath: string, modifiedMs: number, listing: SourceListing, explicit: boolean): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (error) {
    if (explicit) {
      throw new ConfigError(`cannot open zip archive: ${zipPath}: ${(error as Error).message}`, { cause: error });
    }
    listing.ignored.push(`${zipPath} (unreadable zip: ${(error as Error).message})`);
    return;
  }
  const entries: { name: string; size: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.push({ name: entry.fileName, size: entry.uncompressedSize });
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const display = `${zipPath}!${entry.name}`;
    if (!isCandidateName(path.basename(entry.name)) || entry.name.startsWith('__MACOSX/')) {
      listing.ignored.push(display);
      continue;
    }
    listing.files.push({
      displayPath: display,
      name: path.basename(entry.name),
      size: entry.size,
      modifiedMs,
      open: () => openZipEntry(zipPath, entry.name),
    });
  }
}

async function openZipEntry(zipPath: string, entryName: string): Promise<Readable> {
  const zip = await openZip(zipPath);
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== entryName) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) {
          zip.close();
          reject(error ?? new Error('cannot read zip entry'));
          return;
        }
        stream.on('close', () => zip.close());
        resolve(stream);
      });
    });
    zip.on('end', () => reject(new Error(`entry not found in zip: ${entryName}`)));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Reads the first `bytes` of a file (for sniffing) and closes the stream. */
export async function readHead(file: SourceFile, bytes = 64 * 1024): Promise<Buffer> {
  const stream = await file.open();
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      length += buffer.length;
      if (length >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}
