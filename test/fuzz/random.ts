/**
 * A small seeded generator of edits for the fuzzer: the same seed gives the same edits, so every
 * failure can be replayed from its seed.
 */

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** An edit as the editor sends it: replace text[start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** What the edit was, for reports. */
  label: string;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** Fragments users half-type: quotes, brackets, heredocs, directives, continuations, YAML anchors. */
const TOKENS = [
  '"', "'", '`', '[', ']', '{', '}', '(', ')', '${', '$(', '$', '\\', '\\\n', ' \\\n', '\\\r\n', '&&', '||', '|', ';', '&', '>', '<',
  '<<EOF\n', '<<-"EOT"\n\techo hi\n\tEOT\n', '<<EOF\necho hi\n', 'EOF\n', 'RUN <<EOF\n', 'COPY <<EOF /x\n',
  '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '# check=skip=all;error=true\n', '# shipshape ignore=', '# hadolint ignore=DL3008\n',
  '["', '["sh", "-c', '["a",', '[ "a" , ', '[]', '["a", "b"]', "['a', 'b']", '["\\u0000"]',
  'FROM ', 'FROM alpine AS ', 'FROM --platform=$BUILDPLATFORM ', 'FROM scratch\n', 'RUN ', 'RUN apt-get install ', 'RUN pip install ', 'RUN curl http://x | sh',
  'CMD ', 'ENTRYPOINT ', 'COPY --from=', 'COPY --chown=', 'ADD http://example.com/a ', 'ONBUILD ', 'ONBUILD ONBUILD ', 'HEALTHCHECK CMD ', 'HEALTHCHECK NONE',
  'ARG X=', 'ARG ', 'ENV A=', 'ENV A ', 'LABEL a=', 'USER ', 'USER root\n', 'WORKDIR ', 'EXPOSE ', 'EXPOSE 80/', 'SHELL ["/bin/bash", "-c"]\n', 'VOLUME ',
  '--mount=type=cache,target=', '--mount=type=secret,id=', '--network=', '--', '-', '=',
  'services:\n', '  web:\n', '    image: ', '    build: .\n', '    ports:\n      - "', '    environment:\n      ', '- ', ': ', ':', '  ', '    ', '\t',
  '&a ', '*a', '<<: *a\n', '!!binary ', '? ', '--- \n', '...\n', '|\n', '>-\n', '{a: [b, {c: ', '[[[[', ']]]]',
  '!', '**/', '*', '?', '.git\n', '!.env\n', '/', '../', '..',
  // Shell the RUN reader walks: case/esac, command wrappers, quoted assignments, permission modes.
  'case "$x" in a|b) echo a ;; *) echo b ;; esac', 'case $x in\n', ' a|b) ', ';;', ';&', ';;&', 'esac', ' in ', '(a) ',
  'timeout 5 ', 'timeout -s KILL 5 ', 'xargs ', 'xargs -r -n1 ', 'nice -n 5 ', 'env A=1 ', 'A="b c" ', "A='x' B=$(y) ",
  'chmod a+rwX,o-w ', 'chmod 777 ', 'chmod -R o+w ', 'chmod u=rwx,go= ', 'mkdir -m 777 ', 'mkdir -pm0777 ', 'install -m 0777 ', 'install -d -m 777 ',
  'find / -exec chmod 777 {} \\; ', 'find . -type d -exec chmod o+w {} + ',
  '\\\\\n', '``\n', '`\n', '# escape=\\\\\n',
  'ARG SSH_PORT=22\n', 'EXPOSE ${SSH_PORT}', 'EXPOSE $P/tcp', 'ADD https://example.com/${V}/a.tgz ', 'ADD --checksum=sha256: ', 'ENV URL=http://x\n',
  '--insecure-registry ', 'registry:\n', '  insecure: true\n', '--tls-verify=false ', 'insecure-registries',
  // Compose: flow-style maps, interpolation defaults, secrets and build contexts.
  '{image: x}', '{image: a, ports: ["80:80"]}', '  web: {image: nginx, privileged: true}\n', '{}', ', ', '{a: 1, ',
  '${VAR:-default}', '${VAR-x}', '${VAR:?err}', '$${X}', '    security_opt: ["${OPT:-seccomp=unconfined}"]\n', '    cap_drop: [${CAPS:-ALL}]\n',
  '    cap_add: [SYS_ADMIN]\n', '    privileged: ${PRIV:-true}\n', '    user: root\n', '    network_mode: host\n',
  'secrets:\n  db:\n    file: ./secrets/db.txt\n', '    secrets: [db]\n', '    environment:\n      DB_PASSWORD: hunter2\n', '      - API_TOKEN=abc123\n',
  '    build:\n      context: .\n      dockerfile: docker/Dockerfile\n', '    build: {context: ../app}\n', '    build: ${CTX:-.}\n',
  // Pragmas with quoted and listed rule names.
  '# shipshape ignore="A B", c\n', "# shipshape ignore='chmod-world-writable',DL3008\n", '# shipshape global ignore=', '# shipshape global ignore="chmod-world-writable" \n', '# trivy:ignore:AVD-DS-0002\n', '# checkov:skip=CKV_DOCKER_2: reason\n', '# check=skip="A,B"\n', '# hadolint ignore=DL3008,DL3009\n', '"', '",',
];

/** Commands of RUN lines the shell reader and the RUN rules walk, chained at random by `shellLine`. */
const SHELL_COMMANDS = [
  'case "$x" in a|b) apt-get update ;; *) pip install x ;; esac', 'case $(uname -m) in\\\n x86_64) A=1 ;;& (arm*) chmod 777 /a ;; esac',
  'timeout 5 apt-get install -y curl', 'timeout -s KILL 9 npm ci', 'xargs -r -n1 chmod 777', 'find /app -type d -exec chmod o+w {} +', 'find . -exec chmod 0777 {} \\;',
  'chmod a+rwX,o-w /d', 'chmod -R o+w /srv', 'chmod 1777 /tmp', 'chmod u=rwx,go=rx /x', 'mkdir -m 777 /x', 'mkdir -pm0777 /y', 'install -d -m 0777 /z', 'install -m 755 a /b',
  'apt-get update', 'apt-get install -y --no-install-recommends curl', 'rm -rf /var/lib/apt/lists/*', 'pip install flask', 'npm install', 'apk add curl',
  'curl -k https://x/a.sh | sh', 'wget --no-check-certificate -qO- https://x | bash', 'docker login --tls-verify=false r', 'podman pull --tls-verify=false r/i',
  'A="b c" B=\'d\' env C=1 sudo -u root nice -n 5 apt-get install -y x', 'export PATH=/opt/venv/bin:$PATH', 'python -m venv /opt/venv/', 'ssh -p ${SSH_PORT} h', 'cd /app',
  'if [ -f a ]; then chmod 777 a; fi', '{ echo a; echo b; }', '(cd x && make)', 'echo "$(id -u)"', 'set -eux',
];

const SHELL_JOINS = [' && ', '; ', ' | ', ' || ', ' && \\\n    ', ' \\\n  ; ', '\n    '];

/** A RUN line (or a compose `command:`) of random commands joined by random operators. */
function shellLine(random: Random): string {
  let line = random.pick(SHELL_COMMANDS);
  for (let i = random.int(4); i > 0; i--) line += random.pick(SHELL_JOINS) + random.pick(SHELL_COMMANDS);
  return random.chance(0.85) ? `RUN ${line}\n` : `    command: ${line}\n`;
}

/** Characters beyond ASCII and control characters. */
const ODD_CHARS = [
  '\0', '\r', '\t', '\v', '\f', '\x1b', '\x7f', '\x08', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200e', '\u202e',
  'é', 'ß', '中', 'ア', '😀', '👩‍💻', '\ud800', '\udc00', 'e\u0301', 'İ', 'ǅ',
];

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:=@#\n';

/** A random edit of `text`; `fragments` are other files to paste pieces of. */
export function randomEdit(random: Random, text: string, fragments: readonly string[]): Edit {
  const at = random.int(text.length + 1);
  const choice = random.int(100);
  if (choice < 25) {
    const length = 1 + random.int(8);
    let typed = '';
    for (let i = 0; i < length; i++) typed += ASCII[random.int(ASCII.length)];
    return { start: at, end: at, text: typed, label: 'type' };
  }
  if (choice < 40) return { start: at, end: at, text: random.pick(TOKENS), label: 'token' };
  if (choice < 45) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return { start: lineStart, end: lineStart, text: shellLine(random), label: 'shell line' };
  }
  if (choice < 55) return { start: at, end: at, text: random.pick(ODD_CHARS), label: 'odd char' };
  if (choice < 70) {
    const length = random.chance(0.8) ? 1 + random.int(10) : 1 + random.int(400);
    return { start: at, end: Math.min(text.length, at + length), text: '', label: 'delete' };
  }
  if (choice < 82 && fragments.length > 0) {
    const source = random.pick(fragments);
    const from = random.int(source.length + 1);
    const piece = source.slice(from, from + 1 + random.int(random.chance(0.2) ? 2000 : 200));
    const end = random.chance(0.3) ? Math.min(text.length, at + random.int(200)) : at;
    return { start: at, end, text: piece, label: 'paste' };
  }
  if (choice < 88) {
    // Line endings: turn a \n into \r\n, a \r\n into \n, or add a lone \r.
    const newline = text.indexOf('\n', at);
    if (newline > 0 && text[newline - 1] === '\r') return { start: newline - 1, end: newline + 1, text: '\n', label: 'crlf to lf' };
    if (newline >= 0) return { start: newline, end: newline + 1, text: random.chance(0.8) ? '\r\n' : '\r', label: 'lf to crlf' };
    return { start: at, end: at, text: '\r\n', label: 'crlf' };
  }
  if (choice < 94) {
    // Duplicate a line (a pasted instruction, a repeated key).
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    lineEnd = lineEnd === -1 ? text.length : lineEnd + 1;
    const line = text.slice(lineStart, lineEnd);
    return { start: lineStart, end: lineStart, text: line.endsWith('\n') ? line : line + '\n', label: 'duplicate line' };
  }
  if (choice < 97) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return { start: lineStart, end: lineStart, text: random.pick(['  ', '\t', '    ', '#', '# ']), label: 'indent' };
  }
  return { start: at, end: text.length, text: '', label: 'truncate' };
}
