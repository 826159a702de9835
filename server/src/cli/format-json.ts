import type { FileReport } from './report';

/** The CLI's JSON: 1-based `line`/`column` for people, the 0-based LSP `range` for tools. */
export function formatJson(reports: readonly FileReport[]): string {
  return (
    JSON.stringify(
      {
        files: reports.map((report) => ({
          path: report.path,
          findings: report.findings.map((f) => ({
            rule: f.rule,
            aliases: f.aliases,
            severity: f.severity,
            message: f.message,
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            range: f.range,
            fixes: f.fixes.map((fix) => ({
              title: fix.title,
              preferred: fix.isPreferred === true,
              edits: fix.edits,
              ...(fix.createFiles ? { createFiles: fix.createFiles } : {}),
              ...(fix.externalEdits ? { externalEdits: fix.externalEdits } : {}),
            })),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
