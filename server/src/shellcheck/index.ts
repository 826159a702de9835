/** ShellCheck on RUN scripts: the pure part (scripts, cache, findings) and the process runner front ends use. */
export { ShellChecker, isShellCheckRule, parseJson1, shellcheckDocUrl, SHELLCHECK_ALIAS } from './checker';
export type { ShellCheckComment, ShellCheckResult, ShellCheckRunner, ShellCheckReplacement } from './checker';
export { dialectOf, shellScripts } from './scripts';
export type { ShellDialect, ShellScript } from './scripts';
