/** Hover text for a Shipshape finding: what the rule finds, why it matters, and a link to its page. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { ruleDocUri } from '../lsp/convert';
import { rangesIntersect } from '../lsp/ranges';
import type { Finding } from '../engine/types';
import { allRules } from '../linter';

export interface RuleDocLinks {
  /** A client command that opens a rule's page (`command:<id>?["rule"]` links); file links when absent. */
  command?: string;
}

export function ruleDocLink(rule: string, links: RuleDocLinks): string {
  if (links.command) return `command:${links.command}?${encodeURIComponent(JSON.stringify([rule]))}`;
  return ruleDocUri(rule);
}

export function findingHover(findings: readonly Finding[], position: Position, links: RuleDocLinks): Hover | null {
  const here = findings.filter((finding) => rangesIntersect(finding.range, { start: position, end: position }));
  if (here.length === 0) return null;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const finding of here) {
    if (seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    const rule = allRules.find((r) => r.id === finding.rule);
    const aliases = finding.aliases.length > 0 ? ` · ${finding.aliases.join(', ')}` : '';
    const lines = [`**Shipshape \`${finding.rule}\`** (${finding.severity}${aliases})`];
    if (rule) lines.push('', rule.docs.summary, '', rule.docs.why);
    const fixable = finding.fixes.length > 0 ? ' · a quick fix is available' : '';
    lines.push('', `[Rule documentation](${ruleDocLink(finding.rule, links)})${fixable}`);
    parts.push(lines.join('\n'));
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
