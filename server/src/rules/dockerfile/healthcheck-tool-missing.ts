import { defineRule } from '../../engine/rule';
import { chainInstructions, isWindowsImage, rootImage, toolAvailability } from '../../dockerfile/image-contents';
import { baseCommandName, parseShell } from '../../dockerfile/shell-words';
import type { Range } from '../../engine/text';

const TOOLS = new Set(['curl', 'wget', 'bash']);
const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/;

export const healthcheckToolMissing = defineRule({
  id: 'healthcheck-tool-missing',
  aliases: [],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'The HEALTHCHECK runs curl, wget, bash or a shell that the final image does not have.',
    why:
      'A health check whose program is missing fails every time, so the container is marked unhealthy and orchestrators restart it or never route traffic to it, though the app is fine. Slim and distroless images ship without curl and wget, Alpine has BusyBox wget but no curl, and scratch/distroless have no /bin/sh for a shell-form check.',
    bad: 'FROM node:22-slim\nHEALTHCHECK CMD curl -f http://localhost:3000/healthz || exit 1',
    good: 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "-e", "fetch(\'http://localhost:3000/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]',
    notes:
      'The image is followed through the stages it builds on to its base image. Packages installed with apt-get/apt/apk/yum/dnf/microdnf/zypper in any of those stages count, and removing them again (`apt-get purge`, `apk del` of a `--virtual` group) counts too. Only images we know are judged: scratch, distroless, BusyBox, Alpine, Debian/Ubuntu and `*-slim` tags; anything else is assumed to have the tool.',
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage || isWindowsImage(stage)) return;
    const healthchecks = chainInstructions(stage).filter((i) => i.keyword === 'HEALTHCHECK');
    const check = healthchecks[healthchecks.length - 1];
    if (!check || check.args[0]?.value.toUpperCase() === 'NONE') return;
    const image = rootImage(stage)?.text ?? 'the base image';
    const findings: { range: Range; tool: string; shellForm?: boolean }[] = [];
    if (check.json && check.json.length > 0) {
      const program = check.json[0];
      const name = program.value.slice(program.value.lastIndexOf('/') + 1);
      if (TOOLS.has(name) || SHELLS.test(program.value)) findings.push({ range: program.range, tool: name });
      const dashC = check.json.findIndex((w) => w.value === '-c');
      if (SHELLS.test(program.value) && dashC > 0 && dashC + 1 < check.json.length) {
        const script = check.json[dashC + 1];
        for (const command of parseShell(script.value)) {
          const tool = baseCommandName(command);
          if (TOOLS.has(tool)) findings.push({ range: script.range, tool });
        }
      }
    } else if (check.script) {
      const script = check.script;
      const text = script.text;
      const start = text.length - text.trimStart().length;
      findings.push({ range: script.rangeOf(start, text.trimEnd().length), tool: 'sh', shellForm: true });
      for (const command of script.commands) {
        const tool = baseCommandName(command);
        if (!TOOLS.has(tool)) continue;
        const word = command.words[command.nameIndex];
        findings.push({ range: script.rangeOf(word.start, word.end), tool });
      }
    }
    const noShell = findings.some((f) => f.tool === 'sh' && toolAvailability(stage, 'sh').present === false);
    for (const finding of noShell ? findings.filter((f) => f.tool === 'sh') : findings) {
      const availability = toolAvailability(stage, finding.tool);
      if (availability.present !== false) continue;
      const why = availability.reason ? ` (${availability.reason})` : '';
      const message =
        finding.shellForm
          ? `This shell-form HEALTHCHECK runs /bin/sh, which ${image} does not have${why}: the check always fails and the container is marked unhealthy`
          : `HEALTHCHECK runs ${finding.tool}, which ${image} does not have${why}: the check always fails and the container is marked unhealthy`;
      report({ range: finding.range, message });
    }
  },
});
