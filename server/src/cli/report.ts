import type { Finding } from '../engine/types';

export interface FileReport {
  path: string;
  findings: Finding[];
}
