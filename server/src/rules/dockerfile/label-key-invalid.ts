import { defineRule } from '../../engine/rule';

export const labelKeyInvalid = defineRule({
  id: 'label-key-invalid',
  aliases: ['DL3048'],
  severity: 'hint',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A LABEL key that does not follow Docker\'s key format.',
    why: 'Docker recommends lower-case reverse-DNS keys (`org.example.team`) of letters, digits, dots and dashes, starting with a letter and ending with a letter or digit, and reserves `com.docker.*`, `io.docker.*` and `org.dockerproject.*`. Other keys work, but tools that query labels by convention miss them.',
    bad: 'FROM alpine:3.20\nLABEL Maintainer_Name="Jane"',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"',
    notes: 'Style: hint, as hadolint\'s "style" level. Keys with variables are not judged.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'LABEL') continue;
      for (const prop of instruction.properties) {
        const key = prop.name.replace(/^["']|["']$/g, '');
        if (key.includes('$')) continue;
        const problem = keyProblem(key);
        if (problem) report({ range: prop.nameRange, message: `Label key "${key}" ${problem}` });
      }
    }
  },
});

function keyProblem(key: string): string | null {
  if (/^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/.test(key)) return 'uses a namespace Docker reserves';
  if (/[^a-z0-9.-]/.test(key)) return 'has characters other than lower-case letters, digits, dots and dashes';
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'has consecutive dots or dashes';
  return null;
}
