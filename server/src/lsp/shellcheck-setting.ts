/** `shipshape.shellcheck.*`: finds the program and keeps one background checker while the setting holds. */
import { BackgroundShellCheck } from '../shellcheck/background';
import { ShellChecker } from '../shellcheck/checker';
import { findShellCheck, ProcessShellCheckRunner } from '../shellcheck/process-runner';

export interface ShellCheckPreference {
  enable: boolean;
  /** A path to the program; empty: `shellcheck` on PATH. */
  path: string;
}

export function readShellCheckPreference(raw: { enable?: unknown; path?: unknown } | undefined): ShellCheckPreference {
  return { enable: raw?.enable !== false, path: typeof raw?.path === 'string' ? raw.path : '' };
}

export class ShellCheckSetting {
  /** The checker in use, or null when ShellCheck is off or not found. */
  background: BackgroundShellCheck | null = null;
  private key: string | null = null;

  constructor(private readonly log: { info(message: string): void; warn(message: string): void }) {}

  apply(preference: ShellCheckPreference): void {
    const found = preference.enable ? findShellCheck(preference.path) : null;
    const key = preference.enable ? `${preference.path}\0${found ?? ''}` : null;
    if (key === this.key) return;
    this.key = key;
    this.background?.dispose();
    this.background = found ? new BackgroundShellCheck(new ShellChecker(new ProcessShellCheckRunner(found))) : null;
    if (found) this.log.info(`ShellCheck: ${found} checks RUN scripts`);
    else if (preference.enable && preference.path) this.log.warn(`ShellCheck: "${preference.path}" (shipshape.shellcheck.path) is not an executable file; RUN scripts are not checked`);
    else if (preference.enable) this.log.info('ShellCheck: not found on PATH; RUN scripts are not checked (install shellcheck or set shipshape.shellcheck.path)');
  }
}
