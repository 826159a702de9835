/**
 * Links a failed runtime check to the Dockerfile line that causes it and the lint rule that
 * predicts it: the engine's own finding when it reports one, else the instruction that decides.
 */
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import type { Instruction } from '../dockerfile/instruction';
import { lintText } from '../linter';

export interface Cause {
  path: string;
  /** 1-based line, or null when no line of the file decides it. */
  line: number | null;
  /** The rule that predicts the failure, if any. */
  rule: string | null;
  /** True when the engine reports that rule on this file. */
  ruleReported: boolean;
}

export class CauseFinder {
  private readonly model: DockerfileModel;
  private readonly findings: { rule: string; line: number }[];

  constructor(
    private readonly path: string,
    text: string,
  ) {
    this.model = parseDockerfile(text);
    let findings: { rule: string; line: number }[] = [];
    try {
      findings = lintText(text, 'dockerfile').findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1 }));
    } catch {
      // a rule that throws must not stop the report
    }
    this.findings = findings;
  }

  private cause(rule: string | null, fallback: Instruction | null | undefined): Cause {
    const finding = rule ? this.findings.find((f) => f.rule === rule) : undefined;
    if (finding) return { path: this.path, line: finding.line, rule, ruleReported: true };
    return { path: this.path, line: fallback ? fallback.range.start.line + 1 : null, rule, ruleReported: false };
  }

  private finalInstructions(keyword: string): Instruction[] {
    return (this.model.finalStage?.instructions ?? []).filter((i) => i.keyword === keyword);
  }

  private get finalFrom(): Instruction | null {
    return this.model.finalStage?.from ?? null;
  }

  /** Check 1: the process runs as root. */
  rootUser(): Cause {
    return this.cause('final-user-root', this.finalInstructions('USER').pop() ?? this.finalFrom);
  }

  /** Checks 2 and 5 without a HEALTHCHECK. */
  missingHealthcheck(): Cause {
    return this.cause('healthcheck-missing', this.finalInstructions('HEALTHCHECK').pop() ?? this.finalFrom);
  }

  /** Check 5 with a HEALTHCHECK that does not notice a frozen app. */
  healthcheck(): Cause {
    const hc = this.finalInstructions('HEALTHCHECK').pop();
    return hc ? this.cause(null, hc) : this.missingHealthcheck();
  }

  /** Check 4: PID 1 does not exit on SIGTERM. */
  slowStop(): Cause {
    const starts = [...this.finalInstructions('ENTRYPOINT'), ...this.finalInstructions('CMD')].sort((a, b) => a.range.start.line - b.range.start.line);
    const shellForm = starts.filter((i) => i.json === null).pop();
    if (shellForm) return this.cause('shell-form-cmd', shellForm);
    return this.cause(null, starts.pop() ?? this.finalFrom);
  }

  /** Check 2 when the container exited before it was healthy: the command that started it. */
  startCommand(): Cause {
    const starts = [...this.finalInstructions('ENTRYPOINT'), ...this.finalInstructions('CMD')].sort((a, b) => a.range.start.line - b.range.start.line);
    return this.cause(null, starts.pop() ?? this.finalFrom);
  }

  /** Check 3: a volume the user cannot write. */
  volume(path: string): Cause {
    const clean = (p: string): string => p.replace(/\/+$/, '') || '/';
    const volume = this.finalInstructions('VOLUME').find((i) => (i.json ?? i.args).some((w) => clean(w.value) === clean(path)));
    return this.cause(null, volume ?? this.finalInstructions('USER').pop() ?? null);
  }

  /** Check 6: the line of the final FROM (size depends on the whole file). */
  image(): Cause {
    return this.cause(null, this.finalFrom);
  }
}
