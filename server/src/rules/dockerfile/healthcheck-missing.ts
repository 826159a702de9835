import { defineRule } from '../../engine/rule';
import type { Stage } from '../../dockerfile/model';
import { insertIntoStage } from '../../dockerfile/stage-insertion';
import { chainInstructions, copiedBusybox, familyLabel, imageFamily, imageRuntime, rootImage, toolAvailability } from '../../dockerfile/image-contents';
import { formatJsonArray } from '../../dockerfile/exec-form';

const OPTIONS = '--interval=30s --timeout=5s --start-period=10s --retries=3';

/** Well-known ports that do not speak HTTP: an HTTP probe against them can only fail. */
const NON_HTTP_PORTS: Record<string, string> = {
  '21': 'FTP',
  '22': 'SSH',
  '25': 'SMTP',
  '53': 'DNS',
  '389': 'LDAP',
  '1433': 'SQL Server',
  '1521': 'Oracle',
  '1883': 'MQTT',
  '2181': 'ZooKeeper',
  '3306': 'MySQL',
  '4369': 'the Erlang port mapper',
  '5222': 'XMPP',
  '5432': 'PostgreSQL',
  '5671': 'AMQP',
  '5672': 'AMQP',
  '5900': 'VNC',
  '6379': 'Redis',
  '7687': 'Bolt',
  '9042': 'Cassandra',
  '9092': 'Kafka',
  '11211': 'memcached',
  '25672': 'Erlang distribution',
  '27017': 'MongoDB',
  '33060': 'MySQL X',
};

export const healthcheckMissing = defineRule({
  id: 'healthcheck-missing',
  aliases: ['DL3057', 'AVD-DS-0026', 'CKV_DOCKER_2', 'Healthcheck Instruction Missing'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The final stage has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one.',
    why:
      'Without a health check, a container whose process is alive but stuck (deadlock, exhausted pool, lost database) stays "running": Compose `depends_on: condition: service_healthy`, Swarm and rolling updates route traffic to it anyway.',
    bad: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]',
    good:
      'FROM node:22-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "-e", "fetch(\'http://localhost:3000/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["node", "server.js"]',
    notes:
      'Reported as a warning when the final stage EXPOSEs a port (a service), as info otherwise (it may be a job or a CLI). hadolint ships this rule switched off; it is on here because a service without a health check is reported running while it hangs, and orchestrators keep sending it traffic. A HEALTHCHECK inherited from an earlier stage of the file counts; one defined by an external base image cannot be seen. `HEALTHCHECK NONE` is reported as info with its own message. The fix inserts a check before CMD/ENTRYPOINT using a tool the image has: BusyBox `wget` on Alpine/BusyBox, `curl` when the Dockerfile installs it, `node -e fetch(…)` on node images, Python\'s urllib on python images, the copied BusyBox on scratch/distroless; for other images (distroless, scratch, bare Debian) no fix is offered. The URL uses the first EXPOSEd port that is not a well-known non-HTTP one and /healthz: adjust it to your app. Without an EXPOSEd port the fix (probing 8080) is offered but not applied by `--fix`: the image may be a job or a CLI, which a health check would only mark unhealthy. When every EXPOSEd port is a well-known non-HTTP one (PostgreSQL 5432, Redis 6379, MongoDB 27017…), no HTTP probe is offered: use the service\'s own client (`pg_isready`, `redis-cli ping`).',
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage) return;
    const healthchecks = chainInstructions(stage).filter((i) => i.keyword === 'HEALTHCHECK');
    const last = healthchecks[healthchecks.length - 1];
    if (last) {
      if (last.args[0]?.value.toUpperCase() === 'NONE') {
        report({
          range: last.range,
          severity: 'info',
          message: 'HEALTHCHECK NONE disables health checking: Docker cannot tell when this container hangs',
        });
      }
      return;
    }
    const ports = exposedPorts(stage);
    const port = ports[0] ?? null;
    const httpPort = ports.find((p) => !(p in NON_HTTP_PORTS));
    const label = imageLabel(stage);
    const template =
      port && !httpPort
        ? {
            command: null,
            title: '',
            why: `Docker cannot tell when the container hangs (no fix offered: port ${port} speaks ${NON_HTTP_PORTS[port]}, not HTTP; probe it with the service's own client)`,
          }
        : healthcheckTemplate(stage, httpPort ?? '8080');
    if (!template.command) {
      report({
        range: stage.from.range,
        message: `No HEALTHCHECK in the final stage${label}: ${template.why}`,
        severity: port ? 'warning' : 'info',
      });
      return;
    }
    // No fix when the stage ends in an instruction that would swallow the new line (an unterminated heredoc, a trailing continuation).
    const edit = insertIntoStage(model, stage, [`HEALTHCHECK ${OPTIONS} CMD ${template.command}`], { keepIndent: true });
    report({
      range: stage.from.range,
      message: `No HEALTHCHECK in the final stage${label}: Docker cannot tell when the container hangs`,
      severity: port ? 'warning' : 'info',
      // Without an EXPOSEd port the image may be a job or a CLI, and the URL is a guess: offered, not applied by --fix.
      fixes: edit ? [{ title: template.title, isPreferred: port !== null, edits: [edit] }] : [],
    });
  },
});

function imageLabel(stage: Stage): string {
  const image = rootImage(stage);
  return image ? ` (${image.text})` : '';
}

/** The EXPOSEd TCP ports of the final stage's chain, as number strings, in order. */
function exposedPorts(stage: Stage): string[] {
  const ports: string[] = [];
  for (const instruction of chainInstructions(stage)) {
    if (instruction.keyword !== 'EXPOSE') continue;
    for (const arg of instruction.args) {
      const match = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(arg.value);
      if (match && (match[2] ?? 'tcp').toLowerCase() === 'tcp') ports.push(match[1]);
    }
  }
  return ports;
}

interface Template {
  command: string | null;
  title: string;
  why: string;
}

function healthcheckTemplate(stage: Stage, port: string): Template {
  const url = `http://localhost:${port}/healthz`;
  const family = imageFamily(rootImage(stage));
  const wget = toolAvailability(stage, 'wget');
  const curl = toolAvailability(stage, 'curl');
  const busybox = copiedBusybox(stage);
  const shellWget = `wget -q --spider ${url} || exit 1`;
  if (family === 'distroless-debug') {
    // Its BusyBox lives in /busybox and there is no /bin/sh for the shell form.
    return { command: formatJsonArray(['/busybox/wget', '-q', '--spider', url]), title: 'Add a HEALTHCHECK using BusyBox wget', why: '' };
  }
  if ((family === 'alpine' || family === 'busybox') && wget.present) {
    return { command: shellWget, title: 'Add a HEALTHCHECK using BusyBox wget', why: '' };
  }
  if (curl.installedHere) return { command: `curl -fsS ${url} || exit 1`, title: 'Add a HEALTHCHECK using curl', why: '' };
  if (wget.installedHere) return { command: shellWget, title: 'Add a HEALTHCHECK using wget', why: '' };
  const runtime = imageRuntime(stage);
  if (runtime === 'node') {
    const script = `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    return { command: formatJsonArray(['node', '-e', script]), title: 'Add a HEALTHCHECK using node', why: '' };
  }
  if (runtime === 'python') {
    const script = `import urllib.request; urllib.request.urlopen('${url}', timeout=3)`;
    return { command: formatJsonArray(['python', '-c', script]), title: 'Add a HEALTHCHECK using python', why: '' };
  }
  if (busybox) {
    return { command: formatJsonArray([busybox, 'wget', '-q', '--spider', url]), title: 'Add a HEALTHCHECK using the copied BusyBox', why: '' };
  }
  if (curl.present) return { command: `curl -fsS ${url} || exit 1`, title: 'Add a HEALTHCHECK using curl', why: '' };
  if (wget.present) return { command: shellWget, title: 'Add a HEALTHCHECK using wget', why: '' };
  if (family === 'scratch' || family === 'distroless') {
    return {
      command: null,
      title: '',
      why: `${familyLabel(family)}, so a check needs a probe binary of your own (or a copied BusyBox); no fix offered`,
    };
  }
  return {
    command: null,
    title: '',
    why: 'Docker cannot tell when the container hangs (no fix offered: the image has no known HTTP client; install curl or use your own probe)',
  };
}
