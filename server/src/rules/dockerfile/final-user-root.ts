import { defineRule } from '../../engine/rule';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { insertIntoStage } from '../../dockerfile/stage-insertion';
import type { Instruction } from '../../dockerfile/instruction';
import type { Fix } from '../../engine/types';
import { builtFromScratch, chainInstructions, imageFamily, rootImage } from '../../dockerfile/image-contents';
import { stageDefaultsToNonRoot } from '../../dockerfile/non-root-images';
import { allCommands } from '../../dockerfile/package-commands';
import { baseCommandName, commandArgs } from '../../dockerfile/shell-words';

const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0', 'root:0', '0:root']);

/** Windows images: Nano Server runs as ContainerUser by default, Server Core as ContainerAdministrator. */
const WINDOWS_ADMIN = 'containeradministrator';

/** A stage built FROM scratch with no program to start: build output to export or copy from, never run. */
function holdsArtifactsOnly(stage: Stage, model: DockerfileModel): boolean {
  return builtFromScratch(stage, model.stages) && !chainInstructions(stage).some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
}

/** Tools an entrypoint uses to step down from root to a service user after preparing data folders. */
const PRIVILEGE_DROP = /(^|[\s/"'])(gosu|su-exec|setpriv|s6-setuidgid|s6-overlay|runuser|chpst)([\s"';&|]|$)/;

export const finalUserRoot = defineRule({
  id: 'final-user-root',
  aliases: ['DL3002', 'AVD-DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The final stage runs as root: it has no USER instruction, or its last USER is root.',
    why:
      'A process running as root inside the container is root on the host kernel: a container escape or a writable host mount becomes a full compromise. Build stages may run as root; the image you ship should not.',
    bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    good:
      'FROM node:22-slim\nCOPY . /app\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["node", "/app/server.js"]',
    notes:
      'Only the final stage is checked (what `docker build` produces). A USER inherited from an earlier stage of this file counts. Images known to default to a non-root user (distroless `:nonroot` and `:nonroot-<arch>`, Chainguard, `nginxinc/nginx-unprivileged`, Bitnami, the `docker:*-rootless`, Jupyter and Elastic (Elasticsearch, Kibana, Logstash) images, Windows Nano Server, whose default is ContainerUser) pass, and so does a final stage built `FROM scratch` with no CMD or ENTRYPOINT: it holds build artifacts to export (`--output`) or copy from, and no container runs it; on Windows Server Core the default and `USER ContainerAdministrator` are reported, and the fix switches to ContainerUser. When the image installs or runs a tool that steps down from root (gosu, su-exec, setpriv, s6-overlay), the entrypoint most likely starts as root on purpose to prepare its data folders: the finding is info and its fix is not applied by `--fix`, since a USER would break such an entrypoint. The fix switches to the user a RUN of the stage already creates (useradd/adduser), else adds a system user with UID and GID 10001 fitting the base image (adduser on Alpine/BusyBox, useradd elsewhere) and switches to it by number (`USER 10001:10001`, which runAsNonRoot in Kubernetes can verify), before the CMD/ENTRYPOINT and the comments over it.',
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage) return;
    const family = imageFamily(rootImage(stage));
    const lastUser = effectiveUser(stage);
    if (lastUser) {
      const name = lastUser.args[0]?.value ?? '';
      if (family === 'windows') {
        if (name.toLowerCase() === WINDOWS_ADMIN) {
          report({
            range: lastUser.range,
            message: `The final stage switches to ${name}: the container runs as an administrator`,
            fixes: [{ title: 'Run as ContainerUser', isPreferred: false, edits: [{ range: lastUser.args[0].range, newText: 'ContainerUser' }] }],
          });
        }
        return;
      }
      if (ROOT_USERS.has(name.toLowerCase())) {
        report({ range: lastUser.range, message: `The final stage switches to ${name}: the container runs as root`, fixes: [replaceUserFix(lastUser)] });
      }
      return;
    }
    if (stageDefaultsToNonRoot(stage) || holdsArtifactsOnly(stage, model)) return;
    const label = stage.name ? `stage "${stage.name}"` : 'the final stage';
    if (family === 'windows') {
      report({ range: stage.from.range, message: `No USER in ${label}: the container runs as ContainerAdministrator`, fixes: addLinesFix(model, stage, ['USER ContainerUser'], 'Switch to ContainerUser') });
      return;
    }
    const drop = droppingTool(stage);
    if (drop) {
      // The entrypoint most likely starts as root to prepare data folders and then steps down:
      // adding USER would break it, so the fix is offered but not applied by --fix.
      report({
        range: stage.from.range,
        message: `No USER in ${label}: the container starts as root (its entrypoint may step down with ${drop}; check that it does)`,
        severity: 'info',
        fixes: addUserFix(model, stage).map((fix) => ({ ...fix, isPreferred: false })),
      });
      return;
    }
    report({
      range: stage.from.range,
      message: `No USER in ${label}: the container runs as root`,
      fixes: addUserFix(model, stage),
    });
  },
});

/** The privilege-dropping tool the stage (or a stage it builds on) installs or runs, if any. */
function droppingTool(stage: Stage): string | null {
  for (const instruction of chainInstructions(stage)) {
    if (!['RUN', 'COPY', 'ADD', 'ENTRYPOINT', 'CMD', 'ENV'].includes(instruction.keyword)) continue;
    const match = PRIVILEGE_DROP.exec(instruction.argsText?.text ?? '');
    if (match) return match[2];
  }
  return null;
}

/** The last USER of the stage, or of the stage it builds on. */
function effectiveUser(stage: Stage): Instruction | null {
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const users = current.instructions.filter((i) => i.keyword === 'USER');
    if (users.length > 0) return users[users.length - 1];
  }
  return null;
}

function replaceUserFix(user: Instruction): Fix {
  const arg = user.args[0];
  return { title: 'Run as a non-root user (USER 10001)', isPreferred: false, edits: [{ range: arg.range, newText: '10001' }] };
}

function usesBusybox(stage: Stage): boolean {
  const image = stage.image?.repository ?? '';
  return /(^|\/)(alpine|busybox)$/.test(image) || /alpine/.test(stage.image?.tag ?? '');
}

/** Options of useradd/adduser (shadow, BusyBox and Debian's) that take a value. */
const USER_OPTIONS_WITH_VALUE = new Set([
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '--ingroup', '-d', '--home', '--home-dir', '-h', '-s', '--shell', '-c', '--comment', '--gecos',
  '-k', '--skel', '-e', '--expiredate', '-f', '--inactive', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user',
  '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--extrausers', '--add_extra_groups',
]);

/** The last user a RUN of the stage (or a stage it builds on) creates with useradd or adduser. */
function createdUser(stage: Stage): string | null {
  let user: string | null = null;
  for (const instruction of chainInstructions(stage)) {
    if (instruction.keyword !== 'RUN' || !instruction.script) continue;
    for (const { command } of allCommands(instruction.script)) {
      const name = baseCommandName(command);
      if (name !== 'useradd' && name !== 'adduser') continue;
      const args = commandArgs(command).map((w) => w.value);
      for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg.startsWith('-')) {
          if (USER_OPTIONS_WITH_VALUE.has(arg)) i++;
          continue;
        }
        if (/^[a-z_][a-z0-9_-]*\$?$/i.test(arg)) user = arg;
        break;
      }
    }
  }
  return user;
}

function addUserFix(model: DockerfileModel, stage: Stage): Fix[] {
  const existing = createdUser(stage);
  if (existing) return addLinesFix(model, stage, [`USER ${existing}`], `Switch to the user "${existing}" the image creates`);
  const scratchLike = stage.image?.repository === 'scratch' || /distroless/.test(stage.image?.repository ?? '');
  const lines = scratchLike
    ? ['USER 65532:65532']
    : usesBusybox(stage)
      ? ['RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app', 'USER 10001:10001']
      : ['RUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app', 'USER 10001:10001'];
  return addLinesFix(model, stage, lines);
}

/**
 * Inserts `lines` before the stage's CMD/ENTRYPOINT, or after its last instruction; no fix when
 * that instruction never ends (an unterminated heredoc or a continuation into the end of the file).
 */
function addLinesFix(model: DockerfileModel, stage: Stage, lines: string[], title = 'Add a non-root user and switch to it'): Fix[] {
  const edit = insertIntoStage(model, stage, lines);
  return edit ? [{ title, isPreferred: true, edits: [edit] }] : [];
}
