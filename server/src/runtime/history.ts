/** Image size and layer count of the last check of each target, to compare with the next run. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ImageRecord {
  size: number;
  layers: number;
  at: string;
}

export interface HistoryStore {
  get(key: string): ImageRecord | undefined;
  set(key: string, record: ImageRecord): void;
}

export class MemoryHistory implements HistoryStore {
  private readonly records = new Map<string, ImageRecord>();
  get(key: string): ImageRecord | undefined {
    return this.records.get(key);
  }
  set(key: string, record: ImageRecord): void {
    this.records.set(key, record);
  }
}

/** A JSON file (default `$XDG_CACHE_HOME/shipshape/verify-history.json`); unreadable files count as empty. */
export class FileHistory implements HistoryStore {
  constructor(readonly path: string = defaultHistoryPath()) {}

  private read(): Record<string, ImageRecord> {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, ImageRecord>;
    } catch {
      return {};
    }
  }

  get(key: string): ImageRecord | undefined {
    return this.read()[key];
  }

  set(key: string, record: ImageRecord): void {
    const all = this.read();
    all[key] = record;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(this.path, JSON.stringify(all, null, 2) + '\n');
    } catch {
      // history is a convenience; a read-only home must not fail the check
    }
  }
}

export function defaultHistoryPath(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'shipshape', 'verify-history.json');
}
