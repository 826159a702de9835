import { invalidBaseImagePlatform } from '../../server/src/rules/dockerfile/invalid-base-image-platform';
import { ruleTable } from '../rule-table';

ruleTable(invalidBaseImagePlatform, {
  valid: [
    'FROM --platform=linux/amd64 alpine:3.20\nFROM --platform=linux/aarch64 alpine:3.20\nFROM --platform=linux/arm/v7 alpine:3.20\nFROM --platform=arm64 alpine:3.20\n',
    'FROM --platform=$BUILDPLATFORM alpine:3.20\nFROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd46 alpine:3.20\nFROM --platform=lnux/amd64 alpine:3.20\nFROM --platform=foo alpine:3.20\nFROM --platform=linux/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
      findings: [
        { line: 1, column: 17, endLine: 1, endColumn: 28, message: 'Platform "linux/amd46" names an unknown architecture "amd46"' },
        { line: 2, column: 17, endLine: 2, endColumn: 27, message: 'Platform "lnux/amd64" names an unknown operating system "lnux"' },
        { line: 3, column: 17, endLine: 3, endColumn: 20, message: 'Platform "foo" names an unknown architecture "foo"' },
        { line: 4, column: 17, endLine: 4, endColumn: 28, message: 'Base image mcr.microsoft.com/windows/nanoserver:ltsc2022 is built for windows, but --platform asks for "linux/amd64"' },
      ],
    },
  ],
});
