import { defineRule } from '../../engine/rule';
import { KNOWN_ARCH, KNOWN_OS, parsePlatform } from './build-check-helpers';

const WINDOWS_IMAGE = /(^|\/)(windows\/(servercore|nanoserver|server)|windowsservercore|nanoserver)(:|$)|(^|[:-])(nanoserver|windowsservercore|ltsc20\d\d)(-|$)/;

export const invalidBaseImagePlatform = defineRule({
  id: 'invalid-base-image-platform',
  aliases: ['InvalidBaseImagePlatform'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A FROM asks for a platform its base image cannot have: an unknown OS or architecture, or Linux for a Windows-only image.',
    why: 'No image is published for `linux/amd46` or `linux/x86`: the pull fails, or a single-platform image is used for the wrong platform and its binaries do not run.',
    bad: 'FROM --platform=linux/amd46 alpine:3.20',
    good: 'FROM --platform=linux/amd64 alpine:3.20',
    notes: 'BuildKit reports this after pulling the image and comparing its platform. Offline we only know what can be decided from the text: an OS or architecture that does not exist (aliases such as `x86_64` and `aarch64` are accepted), and a Linux platform for a Windows Server Core / Nano Server image. A valid platform the image is simply not published for is not found.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name.toLowerCase() !== 'platform' || !flag.value || flag.value.includes('$') || !flag.valueRange) continue;
        const platform = parsePlatform(flag.value);
        if (!platform) {
          report({ range: flag.valueRange, message: `Platform "${flag.value}" is not of the form os/arch[/variant]` });
          continue;
        }
        if (platform.os && !KNOWN_OS.has(platform.os)) {
          report({ range: flag.valueRange, message: `Platform "${flag.value}" names an unknown operating system "${platform.os}"` });
        } else if (platform.arch && !KNOWN_ARCH.has(platform.arch)) {
          report({ range: flag.valueRange, message: `Platform "${flag.value}" names an unknown architecture "${platform.arch}"` });
        } else if (platform.os === 'linux' && stage.image && !stage.baseStage && WINDOWS_IMAGE.test(stage.image.text.toLowerCase())) {
          report({ range: flag.valueRange, message: `Base image ${stage.image.text} is built for windows, but --platform asks for "${flag.value}"` });
        }
      }
    }
  },
});
