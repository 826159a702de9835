import type { ComposeModel } from '../compose/model';
import type { DockerignoreModel } from '../dockerignore/model';
import type { DockerfileModel } from '../dockerfile/model';
import type { Settings } from './settings';
import type { Range } from './text';
import type { FileAccess, FileKind, Fix, RuleDocs, Severity } from './types';

/** The parsed file each kind of rule receives. */
export interface ModelByKind {
  dockerfile: DockerfileModel;
  compose: ComposeModel;
  dockerignore: DockerignoreModel;
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (a settings override still wins). */
  severity?: Severity;
}

export interface RuleContext<M> {
  model: M;
  /** Path of the linted file, when it has one. */
  path?: string;
  /** Reads neighbouring files (the build context, a service's Dockerfile); absent for unsaved text. */
  files?: FileAccess;
  /** The settings the file is linted with (rule levels, the project's `.hadolint.yaml`). */
  settings?: Settings;
  report(report: Report): void;
}

/** See `Rule.scope`. */
export type RuleScope = 'unit' | 'stage';

export interface RuleMeta {
  /** Readable, stable id (`final-user-root`). */
  id: string;
  /** Ids of the same check in other tools: hadolint DLxxxx, BuildKit check names, Trivy AVD-DS-xxxx, Checkov CKV_DOCKER_x, KICS query names. */
  aliases: string[];
  severity: Severity;
  kinds: FileKind[];
  /** True when at least one of its findings carries a fix. */
  fixable: boolean;
  docs: RuleDocs;
}

export interface Rule<K extends keyof ModelByKind = keyof ModelByKind> extends RuleMeta {
  kinds: K[];
  /**
   * What its reports depend on, when that is less than the whole file. 'unit': one Dockerfile
   * instruction alone. 'stage': one build stage, the stages it builds on and the ARGs before the
   * first FROM. Neither reads the settings or other files. The engine then checks one part at a
   * time and, while a document is edited, reuses the reports of the parts that did not change. A
   * test holds every such rule to its scope over the corpus.
   */
  scope?: RuleScope;
  check(context: RuleContext<ModelByKind[K]>): void;
}

export function defineRule<K extends keyof ModelByKind>(rule: Rule<K>): Rule<K> {
  return rule;
}
