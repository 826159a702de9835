import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocMarkdown } from '../docs';
import type { Rule } from '../engine/rule';
import type { Severity } from '../engine/types';
import type { FileReport } from './report';
import { shellcheckDocUrl } from '../shellcheck/checker';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code scanning: paths relative to the working directory (%SRCROOT%). */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Findings of external checkers (ShellCheck's SCxxxx) get a descriptor of their own after ours.
  const externalRules = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.rule)).filter((id) => !ruleIndex.has(id)))].sort();
  for (const id of externalRules) ruleIndex.set(id, ruleIndex.size);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version,
            semanticVersion: version,
            rules: [...rules.map(ruleDescriptor), ...externalRules.map(shellcheckDescriptor)],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + '/').href } },
        results: reports.flatMap((report) =>
          report.findings.map((finding) => ({
            ruleId: finding.rule,
            ruleIndex: ruleIndex.get(finding.rule),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relative(process.cwd(), report.path).split('\\').join('/'), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule): object {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.why },
    help: { text: `${rule.docs.summary}\n\n${rule.docs.why}`, markdown: ruleDocMarkdown(rule) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', 'containers', ...rule.kinds], aliases: rule.aliases },
  };
}

function shellcheckDescriptor(id: string): object {
  return { id, name: id, shortDescription: { text: `ShellCheck ${id}` }, helpUri: shellcheckDocUrl(id), properties: { tags: ['shell'] } };
}
