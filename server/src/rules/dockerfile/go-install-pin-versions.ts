import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const goInstallPinVersions = defineRule({
  id: 'go-install-pin-versions',
  aliases: ['DL3062'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`go install <package>` without a version, or with `@latest`.',
    why: 'Without a version `go install` builds whatever the module\'s newest release (or default branch) is that day: rebuilds ship different code, and a compromised release enters the image silently.',
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2',
    notes: '`go install` of local packages (`.`, `./cmd/...`) builds the code in the context and is not reported. `@latest`, `@master` and `@main` do not pin.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'go',
      subcommands: ['install'],
      options: { valueOptions: ['-o', '-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-pkgdir', '-overlay', '-exec', '-toolexec'] },
      pinned: (value) => /^(\.|\/)/.test(value) || (value.includes('@') && !/@(latest|master|main|HEAD)$/.test(value)),
      name: (value) => value.replace(/@.*$/, ''),
      example: (name) => `${name}@<version>`,
    });
  },
});
