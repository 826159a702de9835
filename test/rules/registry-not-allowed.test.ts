import { registryNotAllowed } from '../../server/src/rules/dockerfile/registry-not-allowed';
import { ruleTable } from '../rule-table';

ruleTable(registryNotAllowed, {
  valid: [
    'FROM docker.io/library/alpine:3.20\n',
    { code: 'FROM registry.example.com/alpine:3.20 AS a\nFROM a\nFROM scratch\n', files: {".hadolint.yaml":"trustedRegistries:\n  - registry.example.com\n"} },
    { code: 'FROM ghcr.io/org/app:1\n', files: {"../.hadolint.yml":"trustedRegistries: [\"*.io\"]\n"} },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nFROM quay.io/org/app:1\nFROM registry.example.com/ok:1\n',
      files: {".hadolint.yaml":"trustedRegistries:\n  - registry.example.com\n"},
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 17, message: 'Registry "docker.io" is not in the trusted registries (registry.example.com)' },
        { line: 2, column: 6, endLine: 2, endColumn: 23, message: 'Registry "quay.io" is not in the trusted registries (registry.example.com)' },
      ],
    },
  ],
});
