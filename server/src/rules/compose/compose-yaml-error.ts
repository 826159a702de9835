import { defineRule } from '../../engine/rule';

export const composeYamlError = defineRule({
  id: 'compose-yaml-error',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'The compose file is not valid YAML, or its aliases expand to an absurd size.',
    why: 'docker compose refuses a file it cannot parse. A few lines of nested aliases (an "alias bomb") can expand to billions of nodes and hang any tool that reads the file.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n     ports: ["8080:80"]',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]',
    notes: 'Each YAML error is one finding at its position (a string without its closing quote at the opening quote, not where the file ends); the rest of the file is still checked where the parser could read it. Alias expansion stops after creating 50000 nodes (the largest real compose files need a few thousand) and says where.',
  },
  check({ model, report }) {
    for (const problem of model.problems) report({ range: problem.range, message: problem.message });
  },
});
