import type { Instruction, KeyValue } from '../../dockerfile/instruction';
import { defineRule } from '../../engine/rule';
import type { Range } from '../../engine/text';
import { scriptCommands, wordRange } from './insecure-flag-helpers';

/** Variables that turn TLS or signature checks off, and the values that do it (null: any value). */
const VARIABLES: Record<string, { off: RegExp | null; what: string }> = {
  NODE_TLS_REJECT_UNAUTHORIZED: { off: /^0$/, what: 'Node.js stops verifying TLS certificates' },
  PYTHONHTTPSVERIFY: { off: /^0$/, what: 'Python stops verifying HTTPS certificates' },
  NPM_CONFIG_STRICT_SSL: { off: /^false$/i, what: 'npm stops verifying the registry\'s TLS certificate' },
  GIT_SSL_NO_VERIFY: { off: null, what: 'git stops verifying TLS certificates' },
  PIP_TRUSTED_HOST: { off: null, what: 'pip stops verifying TLS for those hosts' },
  GOINSECURE: { off: null, what: 'go fetches those modules without TLS verification' },
  GOFLAGS: { off: /(^|\s)--?insecure(=true)?(\s|$)/, what: 'go get fetches modules without TLS verification' },
};

function lookup(name: string) {
  return VARIABLES[name] ?? (name === 'npm_config_strict_ssl' ? VARIABLES.NPM_CONFIG_STRICT_SSL : undefined);
}

export const tlsDisabledByEnv = defineRule({
  id: 'tls-disabled-by-env',
  aliases: ['CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_14', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'An environment variable turns TLS verification off: `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `NPM_CONFIG_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY`, `PIP_TRUSTED_HOST`, `GOINSECURE`, `GOFLAGS=-insecure`.',
    why: 'Set with ENV, the variable stays in the image: every process of the running container then accepts any certificate, so its outgoing HTTPS calls (APIs, databases, package registries) can be intercepted. Set with ARG or in a RUN, it exposes the build to a man in the middle.',
    bad: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0',
    good: '# trust the internal CA instead\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem',
    notes: 'ENV, ARG and `VAR=… cmd` / `export VAR=…` in RUN are checked. The fix removes the ENV or ARG pair (the whole instruction when it is the only pair), except a GOFLAGS that sets other flags too; RUN uses are reported without a fix.',
  },
  check({ model, report }) {
    const eol = model.index.eol();
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
      for (const prop of instruction.properties) {
        const known = lookup(prop.name);
        if (!known || (prop.value === null && known.off) || (known.off && !known.off.test(prop.value ?? ''))) continue;
        if (prop.value === null && instruction.keyword === 'ARG') continue; // declared, not set
        // GOFLAGS may carry other flags too (`-mod=mod -insecure`): removing the pair would drop them.
        const holdsOtherFlags = prop.name === 'GOFLAGS' && !/^\s*--?insecure(=true)?\s*$/.test(prop.value ?? '');
        report({
          range: prop.range,
          message: `${instruction.keyword} ${prop.name}=${prop.value ?? ''}: ${known.what}`,
          fixes: holdsOtherFlags ? [] : [{ title: `Remove ${prop.name}`, isPreferred: true, edits: [removePair(model.text, model.index, instruction, prop, eol)] }],
        });
      }
    }
    for (const { script, command } of scriptCommands(model)) {
      for (let i = 0; i < command.words.length; i++) {
        const word = command.words[i];
        const isPrefix = i < command.nameIndex || command.nameIndex < 0;
        const isExport = command.nameIndex >= 0 && i > command.nameIndex && ['export', 'env'].includes(command.words[command.nameIndex].value);
        if (!isPrefix && !isExport) continue;
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
        if (!match) continue;
        const known = lookup(match[1]);
        if (!known || (known.off && !known.off.test(match[2]))) continue;
        report({ range: wordRange(script, word), message: `${match[1]}=${match[2]}: ${known.what}` });
      }
    }
  },
});

function removePair(text: string, index: import('../../engine/text').LineIndex, instruction: Instruction, prop: KeyValue, eol: string): { range: Range; newText: string } {
  if (instruction.properties.length === 1) {
    const start = { line: instruction.range.start.line, character: 0 };
    const endLine = instruction.range.end.line;
    const end = endLine + 1 < index.lineCount ? { line: endLine + 1, character: 0 } : index.end();
    if (endLine + 1 >= index.lineCount && start.line > 0) {
      // Last line of the file: remove the line break before it instead.
      const previousEnd = { line: start.line - 1, character: index.lineText(start.line - 1).length };
      return { range: { start: previousEnd, end }, newText: '' };
    }
    void eol;
    return { range: { start, end }, newText: '' };
  }
  const from = index.offsetAt(prop.range.start);
  let to = index.offsetAt(prop.range.end);
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  return { range: { start: prop.range.start, end: index.positionAt(to) }, newText: '' };
}
