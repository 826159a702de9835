import { defineRule } from '../../engine/rule';
import { KNOWN_ARCH, parsePlatform } from './build-check-helpers';

export const fromPlatformFlagConst = defineRule({
  id: 'from-platform-flag-const',
  aliases: ['FromPlatformFlagConstDisallowed'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A FROM pins `--platform` to a constant such as `linux/amd64`.',
    why: 'A constant platform forces that stage to one architecture: the Dockerfile can no longer build a multi-platform image, and on another machine it runs under emulation. Pass `--platform` to `docker build` instead, or use `$BUILDPLATFORM`/`$TARGETPLATFORM`.',
    bad: 'FROM --platform=linux/amd64 alpine AS base',
    good: 'FROM --platform=$BUILDPLATFORM alpine AS base',
    notes: 'As in BuildKit, a stage whose name contains the OS or the architecture (`AS build_amd64`) is taken as deliberately platform-specific and not reported. Info rather than a warning: single-platform images are a valid choice.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name.toLowerCase() !== 'platform' || !flag.value || flag.value.includes('$')) continue;
        const platform = parsePlatform(flag.value);
        // A value the builder cannot read fails the build anyway (invalid-base-image-platform says why).
        if (!platform || (!platform.os && !KNOWN_ARCH.has(platform.arch ?? ''))) continue;
        const name = stage.name ?? '';
        if ((platform.os && name.includes(platform.os)) || (platform.arch && name.includes(platform.arch))) continue;
        report({ range: flag.range, message: `FROM --platform flag should not use constant value "${flag.value}"` });
      }
    }
  },
});
