import { defineRule } from '../../engine/rule';
import type { Instruction, KeyValue } from '../../dockerfile/instruction';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { runMounts } from '../../dockerfile/package-commands';
import type { Range, TextEdit } from '../../engine/text';
import type { Fix, Severity } from '../../engine/types';

/** Name parts that make a name a secret wherever they stand (`DB_PASSWORD`, `JWT_SECRET`, `NPM_TOKEN`). */
const SECRET_PARTS = new Set([
  'password', 'passwd', 'pword', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'accesskey',
  'secretkey', 'privatekey', 'credential', 'credentials', 'creds',
]);
/** Name parts that make a secret only at the end (`API_KEY`, `SSH_KEY`, `COMPOSER_AUTH`, but not `KEY_ID`, `AUTH_URL`). */
const SECRET_LAST_PARTS = new Set(['key', 'keys', 'auth']);
/** Any of these parts means the value is public or not a key at all (`GPG_KEYS`, `PUBLIC_KEY`, `SECRET_KEY_BASE_DUMMY`). */
const PUBLIC_PARTS = new Set(['public', 'pub', 'gpg', 'pgp', 'keyserver', 'keyring', 'keyrings', 'fingerprint', 'dummy', 'example', 'sample', 'placeholder']);
/** A last part naming something about the secret rather than the secret (`*_FILE`, `*_PATH`, `*_URL`, `PASSWORD_MIN_LENGTH`). */
const ABOUT_SUFFIXES = new Set([
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'url', 'urls', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name',
  'user', 'username', 'id', 'ids', 'version', 'length', 'len', 'min', 'max', 'size', 'type', 'mode', 'enabled', 'enable',
  'disabled', 'required', 'header', 'method', 'provider', 'algorithm', 'alg', 'format', 'ttl', 'expiry', 'expires',
  'expiration', 'timeout', 'lifetime', 'prefix', 'suffix', 'location', 'policy', 'strength', 'rounds', 'count', 'level',
  'env', 'var', 'field', 'param', 'scope', 'scopes', 'audience', 'issuer', 'realm', 'server', 'service', 'store', 'storage',
  'manager', 'helper', 'command', 'cmd', 'hint', 'regex', 'pattern', 'complexity', 'age', 'days', 'interval', 'validation',
  'mount', 'volume', 'source', 'target', 'flag', 'option', 'options', 'strategy', 'backend', 'reset', 'time', 'validity',
  'duration', 'seconds', 'secs', 'minutes', 'mins', 'hours', 'ms', 'retries', 'attempts', 'limit', 'threshold', 'window',
  'refresh', 'encoding', 'charset',
]);
/** A first part that makes the name a switch or a setting (`ALLOW_EMPTY_PASSWORD`, `DISABLE_AUTH`). */
const SWITCH_PREFIXES = new Set(['allow', 'enable', 'disable', 'no', 'skip', 'use', 'require', 'ignore', 'generate', 'random', 'empty', 'has', 'is', 'with', 'without']);
/** Before `KEY`, parts that make it a lookup key, not a secret (`SORT_KEY`, `CACHE_KEY`). */
const NOT_SECRET_KEYS = new Set(['sort', 'cache', 'primary', 'partition', 'foreign', 'hot', 'shortcut', 'lookup', 'routing', 'idempotency', 'map', 'object']);
/** Values that cannot be a secret: switches, small numbers, placeholders, punctuation (`_`). */
const NOT_A_VALUE = /^(true|false|yes|no|on|off|\d{1,5}|none|null|nil|changeme|xxx+|<[^>]*>|[^A-Za-z0-9]+)$/i;
const PATH_VALUE = /^(\/|\.\.?\/|~\/)[\w.@+\/-]*$/;

/** Values that are secrets whatever their name, by the shape their issuers give them. */
const SECRET_VALUES: { label: string; pattern: RegExp }[] = [
  { label: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { label: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})\b/ },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { label: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Stripe key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  {
    label: 'a password in a URL',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$"'`]+:(?![$"'`]|(?:pass|password|passwd|secret|changeme|example|dummy|placeholder|x+|\*+)@)[^\s/@"'`]+@[^\s/@]/i,
  },
];

export const secretInEnvArg = defineRule({
  id: 'secret-in-env-arg',
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064', 'AVD-DS-0031'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'An ENV or ARG whose name or value looks like a secret (a password, token or key), or a credential written anywhere in the Dockerfile.',
    why:
      'ENV values are part of the image configuration: anyone who can pull the image reads them with `docker inspect`. Build arguments used by a RUN are recorded in the image history and in build provenance. A secret needed while building belongs in a secret mount (`RUN --mount=type=secret`), which leaves nothing in the image; a secret needed at run time belongs in the runtime environment or a mounted file.',
    bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc',
    good:
      '# syntax=docker/dockerfile:1\nFROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc',
    notes:
      'Names are split into parts at `_`, `-`, `.` and case changes. A name is a secret when a part is password, passwd, pwd, passphrase, secret, token, apikey or credentials, or when it ends in KEY or AUTH; not when it names something about the secret (`*_FILE`, `*_PATH`, `*_DIR`, `*_URL`, `*_ID`, `*_NAME`, `*_USER`, `*_VERSION`, `PASSWORD_MIN_LENGTH`…), is public (`PUBLIC_*`, `GPG_KEY`), or is a switch (`ALLOW_EMPTY_PASSWORD`); values like `true`, `0` or a path are not secrets. Severity: error (rather than hadolint\'s warning) when ENV gives the secret a value (it is in the image) or ARG a default (it is in the Dockerfile); warning for an ARG without default (a value passed with --build-arg is recorded); info for an empty ENV, which stores nothing but invites a value later (base images often declare runtime settings this way). Small numbers, switches (`true`, `no`), placeholders (`changeme`, `_`) and paths are not taken for secrets, nor placeholder passwords in URLs (`user:pass@`). Values shaped like a private key, AWS, GitHub, GitLab, Slack, Stripe, Google or npm credentials, or a password in a URL, are errors wherever they appear (ENV, ARG, LABEL, RUN). The fix removes the ENV/ARG and passes the secret to the RUNs that use it with `--mount=type=secret,id=<name>,env=<NAME>` (build with `docker build --secret id=<name>,env=<NAME>`); `env=` needs Dockerfile syntax 1.10, so the fix adds `# syntax=docker/dockerfile:1` when the file has no syntax directive and raises an older docker/dockerfile version. It is the preferred fix only for an ARG without default; when a value would be lost, it is offered but not applied by --fix. No fix for other uses of the variable (COPY, ENV, LABEL…) or for literal credentials: revoke those.',
  },
  check({ model, report }) {
    const namedValues = new Set<KeyValue>();
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
      for (const prop of instruction.properties) {
        if (!isSecretName(prop.name)) continue;
        const value = prop.value ?? '';
        if (NOT_A_VALUE.test(value.trim()) || PATH_VALUE.test(value.trim())) continue;
        namedValues.add(prop);
        const hasValue = value.trim() !== '';
        // An empty ENV declares the variable and stores nothing; an ARG without default still receives --build-arg values.
        const severity: Severity = hasValue ? 'error' : instruction.keyword === 'ENV' ? 'info' : 'warning';
        const keyword = instruction.keyword;
        const message =
          keyword === 'ENV'
            ? hasValue
              ? /^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?-[^}]*)?\}?$/.test(value.trim())
                ? `ENV ${prop.name} copies a secret into the image configuration: anyone who can pull the image can read it`
                : `ENV ${prop.name} stores a secret in the image configuration: anyone who can pull the image can read it`
              : `ENV ${prop.name} looks like a secret: set it at run time, or pass it to the build with a secret mount`
            : hasValue
              ? `ARG ${prop.name} has a secret default written in the Dockerfile, and build arguments are recorded in the image history`
              : `ARG ${prop.name} looks like a secret: build arguments are recorded in the image history; use a secret mount`;
        const fix = secretMountFix(model, instruction, prop, !hasValue && instruction.keyword === 'ARG');
        report({ range: prop.nameRange, message, severity, fixes: fix ? [fix] : [] });
      }
    }
    // Credentials by their shape, wherever they are written.
    for (const instruction of model.instructions) {
      const target = instruction.keyword === 'ONBUILD' && instruction.trigger ? instruction.trigger : instruction;
      if (target.keyword === 'ENV' || target.keyword === 'ARG' || target.keyword === 'LABEL') {
        for (const prop of target.properties) {
          if (namedValues.has(prop) || !prop.valueRange) continue;
          reportValue(model, prop.valueRange, report);
        }
      } else if (target.script) {
        const script = target.script;
        // Matched once per distinct script text: unchanged RUNs cost nothing on the next keystroke.
        const matches = script.derived('secret-values', (text) =>
          SECRET_VALUES.flatMap(({ label, pattern }) => {
            const match = pattern.exec(text);
            return match ? [{ label, start: match.index, end: match.index + match[0].length }] : [];
          }),
        );
        for (const { label, start, end } of matches) report({ range: script.rangeOf(start, end), message: credentialMessage(label) });
      }
    }
  },
});

function credentialMessage(label: string): string {
  return `This looks like ${label} written in the Dockerfile: anyone with the file or the image can use it (revoke it, then pass it as a build secret)`;
}

function reportValue(model: DockerfileModel, valueRange: Range, report: (r: { range: Range; message: string }) => void): void {
  const start = model.index.offsetAt(valueRange.start);
  const text = model.text.slice(start, model.index.offsetAt(valueRange.end));
  for (const { label, pattern } of SECRET_VALUES) {
    const match = pattern.exec(text);
    if (!match) continue;
    report({
      range: { start: model.index.positionAt(start + match.index), end: model.index.positionAt(start + match.index + match[0].length) },
      message: credentialMessage(label),
    });
    return;
  }
}

/** The parts of a name: split at `_`, `-`, `.` and lower-to-upper case changes, lower-cased. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.toLowerCase());
}

export function isSecretName(name: string): boolean {
  if (/^(OLD)?PWD$/.test(name)) return false;
  const parts = nameParts(name);
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1];
  if (parts.some((part) => PUBLIC_PARTS.has(part))) return false;
  if (ABOUT_SUFFIXES.has(last) || (parts.length > 1 && SWITCH_PREFIXES.has(parts[0]))) return false;
  if (parts.some((part) => SECRET_PARTS.has(part))) return true;
  if (SECRET_LAST_PARTS.has(last)) return !(parts.length > 1 && NOT_SECRET_KEYS.has(parts[parts.length - 2]));
  return false;
}

/** `$NAME` or `${NAME…}`; the name is escaped (a broken declaration may hold any character). */
const VARIABLE_USE = (name: string) => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$(\\{${escaped}([:?+-][^}]*)?\\}|${escaped}(?![A-Za-z0-9_]))`);
};

/**
 * Removes the ENV/ARG (or just this pair of a multi-pair ENV) and gives the RUNs that use the
 * variable a secret mount that sets it; null when something else (COPY, ENV, LABEL, FROM…) uses it.
 */
function secretMountFix(model: DockerfileModel, instruction: Instruction, prop: KeyValue, preferred: boolean): Fix | null {
  const stage = model.stageOf(instruction);
  const uses = VARIABLE_USE(prop.name);
  const scope = stage ? scopeAfter(model, stage, instruction) : model.instructions.filter((i) => i.keyword === 'FROM');
  const runs: Instruction[] = [];
  for (const later of scope) {
    const raw = rawText(model, later.range);
    if (!uses.test(raw)) continue;
    if (later.keyword === 'RUN' && later.script && !later.json) {
      const mounted = runMounts(later).some((m) => m.type === 'secret' && m.options.get('env') === prop.name);
      if (!mounted) runs.push(later);
      continue;
    }
    if (later.keyword === 'RUN' && later.json) continue; // exec form: no expansion, nothing to give
    return null;
  }
  const id = prop.name.toLowerCase();
  const edits: TextEdit[] = [removal(model, instruction, prop)];
  for (const run of runs) {
    const at = run.keywordRange.end;
    edits.push({ range: { start: at, end: at }, newText: ` --mount=type=secret,id=${id},env=${prop.name}` });
  }
  if (runs.length > 0) {
    const syntax = syntaxEdit(model);
    if (syntax) edits.push(syntax);
  }
  return {
    title: runs.length > 0 ? `Pass ${prop.name} as a build secret (RUN --mount=type=secret,id=${id},env=${prop.name})` : `Remove ${instruction.keyword} ${prop.name}`,
    isPreferred: preferred,
    edits,
  };
}

/** The instructions that see a variable declared by `instruction`: the rest of its stage, and for ENV the stages built on it. */
function scopeAfter(model: DockerfileModel, stage: Stage, instruction: Instruction): Instruction[] {
  const index = stage.instructions.indexOf(instruction);
  const out = stage.instructions.slice(index + 1);
  if (instruction.keyword === 'ENV') {
    for (const other of model.stages) {
      let base = other.baseStage;
      while (base && base !== stage) base = base.baseStage;
      if (base === stage) out.push(...other.instructions);
    }
  }
  return out;
}

function rawText(model: DockerfileModel, range: Range): string {
  return model.text.slice(model.index.offsetAt(range.start), model.index.offsetAt(range.end));
}

function removal(model: DockerfileModel, instruction: Instruction, prop: KeyValue): TextEdit {
  const props = instruction.properties;
  const i = props.indexOf(prop);
  if (props.length > 1) {
    // Only this pair: from the end of the previous pair (or from this pair to the next).
    return i > 0 ? { range: { start: props[i - 1].range.end, end: prop.range.end }, newText: '' } : { range: { start: prop.range.start, end: props[1].range.start }, newText: '' };
  }
  const start = { line: instruction.range.start.line, character: 0 };
  const nextLine = instruction.range.end.line + 1;
  if (nextLine < model.index.lineCount) return { range: { start, end: { line: nextLine, character: 0 } }, newText: '' };
  if (start.line === 0) return { range: { start, end: model.index.end() }, newText: '' };
  const previousEnd = { line: start.line - 1, character: model.index.lineText(start.line - 1).length };
  return { range: { start: previousEnd, end: model.index.end() }, newText: '' };
}

/** `# syntax=docker/dockerfile:1` when there is no syntax directive; raises docker/dockerfile:1.0–1.9. */
function syntaxEdit(model: DockerfileModel): TextEdit | null {
  const directive = model.directives.find((d) => d.name.toLowerCase() === 'syntax');
  if (!directive) {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# syntax=docker/dockerfile:1${model.index.eol()}` };
  }
  const match = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:(\d+)\.(\d+)/.exec(directive.value);
  if (match && Number(match[1]) === 1 && Number(match[2]) < 10) return { range: directive.valueRange, newText: 'docker/dockerfile:1' };
  return null;
}
