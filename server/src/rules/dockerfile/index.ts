import type { Rule } from '../../engine/rule';
import { chpasswdInRun } from './chpasswd-in-run';
import { execFormVariable } from './exec-form-variable';
import { finalUserRoot } from './final-user-root';
import { healthcheckMissing } from './healthcheck-missing';
import { shellFormCmd } from './shell-form-cmd';
import { imageTag } from './image-tag';
import { parserDirective } from './parser-directive';
import { execFormSingleString } from './exec-form-single-string';
import { healthcheckToolMissing } from './healthcheck-tool-missing';
import { volumeChangeDiscarded } from './volume-change-discarded';
import { parseError } from './parse-error';
import { copyIgnoredFile } from './copy-ignored-file';
import { dockerignoreMissing } from './dockerignore-missing';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { apkPinVersions } from './apk-pin-versions';
import { aptInsteadOfAptGet } from './apt-instead-of-apt-get';
import { aptPinVersions } from './apt-pin-versions';
import { archiveExtractedAfterCopy } from './archive-extracted-after-copy';
import { cdInsteadOfWorkdir } from './cd-instead-of-workdir';
import { consecutiveRun } from './consecutive-run';
import { copyEntireFilesystem } from './copy-entire-filesystem';
import { copyFromOwnStage } from './copy-from-own-stage';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { copyMultipleDestSlash } from './copy-multiple-dest-slash';
import { copyRelativeDestWithoutWorkdir } from './copy-relative-dest-without-workdir';
import { dnfCleanAll } from './dnf-clean-all';
import { dnfMissingYes } from './dnf-missing-yes';
import { dnfPinVersions } from './dnf-pin-versions';
import { duplicateStageName } from './duplicate-stage-name';
import { envSelfReference } from './env-self-reference';
import { exposePortRange } from './expose-port-range';
import { fromPlatformFlag } from './from-platform-flag';
import { gemPinVersions } from './gem-pin-versions';
import { goInstallPinVersions } from './go-install-pin-versions';
import { inlineIgnorePragma } from './inline-ignore-pragma';
import { instructionBeforeFrom } from './instruction-before-from';
import { irrelevantCommand } from './irrelevant-command';
import { labelKeyInvalid } from './label-key-invalid';
import { labelSchema } from './label-schema';
import { maintainerDeprecated } from './maintainer-deprecated';
import { missingPipefail } from './missing-pipefail';
import { multipleCmdEntrypointHealthcheck } from './multiple-cmd-entrypoint-healthcheck';
import { npmPinVersions } from './npm-pin-versions';
import { onbuildForbiddenTrigger } from './onbuild-forbidden-trigger';
import { osUpgradeInBuild } from './os-upgrade-in-build';
import { pipPinVersions } from './pip-pin-versions';
import { redundantTargetPlatform } from './redundant-target-platform';
import { registryNotAllowed } from './registry-not-allowed';
import { reservedStageName } from './reserved-stage-name';
import { shellChangeViaLn } from './shell-change-via-ln';
import { sudoInRun } from './sudo-in-run';
import { userNonNumeric } from './user-non-numeric';
import { useraddHighUidWithoutL } from './useradd-high-uid-without-l';
import { wgetAndCurl } from './wget-and-curl';
import { wgetProgress } from './wget-progress';
import { workdirRelative } from './workdir-relative';
import { workdirSystemPath } from './workdir-system-path';
import { yarnCacheClean } from './yarn-cache-clean';
import { yumCleanAll } from './yum-clean-all';
import { yumMissingYes } from './yum-missing-yes';
import { yumPinVersions } from './yum-pin-versions';
import { zypperClean } from './zypper-clean';
import { zypperMissingYes } from './zypper-missing-yes';
import { zypperPinVersions } from './zypper-pin-versions';
import { aptGetMissingYes } from './apt-get-missing-yes';
import { aptNoInstallRecommends } from './apt-no-install-recommends';
import { aptListsNotRemoved } from './apt-lists-not-removed';
import { apkNoCache } from './apk-no-cache';
import { pipNoCacheDir } from './pip-no-cache-dir';
import { pipOutsideVenv } from './pip-outside-venv';
import { pipExternallyManaged } from './pip-externally-managed';
import { secretInEnvArg } from './secret-in-env-arg';
import { stageNameCasing } from './stage-name-casing';
import { fromAsCasing } from './from-as-casing';
import { noEmptyContinuation } from './no-empty-continuation';
import { consistentInstructionCasing } from './consistent-instruction-casing';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { undefinedVar } from './undefined-var';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { invalidBaseImagePlatform } from './invalid-base-image-platform';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { fromPlatformFlagConst } from './from-platform-flag-const';
import { invalidDefinitionDescription } from './invalid-definition-description';
import { exposeProtoCasing } from './expose-proto-casing';
import { exposeInvalidFormat } from './expose-invalid-format';
import { exposeSshPort } from './expose-ssh-port';
import { packageUpdateAlone } from './package-update-alone';
import { insecureDownload } from './insecure-download';
import { registryTlsDisabled } from './registry-tls-disabled';
import { tlsDisabledByEnv } from './tls-disabled-by-env';
import { packageSignatureDisabled } from './package-signature-disabled';
import { npmInstallWithLockfile } from './npm-install-with-lockfile';
import { copyAllBeforeInstall } from './copy-all-before-install';
import { nodeEnvMissing } from './node-env-missing';
import { chmodWorldWritable } from './chmod-world-writable';
import { addRemoteWithoutChecksum } from './add-remote-without-checksum';
import { userUnknown } from './user-unknown';
import { hardcodedEnvValue } from './hardcoded-env-value';

/** Every Dockerfile rule, in the order of the README's table. Each section lists its rules in one place. */
export const dockerfileRules: Rule<'dockerfile'>[] = [
  // section: image and runtime
  finalUserRoot,
  execFormVariable,
  parseError,
  parserDirective,
  imageTag,
  healthcheckMissing,
  healthcheckToolMissing,
  shellFormCmd,
  execFormSingleString,
  volumeChangeDiscarded,
  // end: image and runtime
  // section: package managers and secrets
  aptGetMissingYes,
  aptNoInstallRecommends,
  aptListsNotRemoved,
  apkNoCache,
  pipNoCacheDir,
  pipOutsideVenv,
  pipExternallyManaged,
  secretInEnvArg,
  // end: package managers and secrets
  // section: hadolint parity
  addInsteadOfCopy,
  apkPinVersions,
  aptInsteadOfAptGet,
  aptPinVersions,
  archiveExtractedAfterCopy,
  cdInsteadOfWorkdir,
  consecutiveRun,
  copyEntireFilesystem,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyMultipleDestSlash,
  copyRelativeDestWithoutWorkdir,
  dnfCleanAll,
  dnfMissingYes,
  dnfPinVersions,
  duplicateStageName,
  envSelfReference,
  exposePortRange,
  fromPlatformFlag,
  gemPinVersions,
  goInstallPinVersions,
  inlineIgnorePragma,
  instructionBeforeFrom,
  irrelevantCommand,
  labelKeyInvalid,
  labelSchema,
  maintainerDeprecated,
  missingPipefail,
  multipleCmdEntrypointHealthcheck,
  npmPinVersions,
  onbuildForbiddenTrigger,
  osUpgradeInBuild,
  pipPinVersions,
  redundantTargetPlatform,
  registryNotAllowed,
  reservedStageName,
  shellChangeViaLn,
  sudoInRun,
  userNonNumeric,
  useraddHighUidWithoutL,
  wgetAndCurl,
  wgetProgress,
  workdirRelative,
  yarnCacheClean,
  yumCleanAll,
  yumMissingYes,
  yumPinVersions,
  zypperClean,
  zypperMissingYes,
  zypperPinVersions,
  // end: hadolint parity
  // section: buildkit, trivy, checkov and beyond
  dockerignoreMissing,
  copyIgnoredFile,
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  undefinedArgInFrom,
  undefinedVar,
  legacyKeyValueFormat,
  invalidBaseImagePlatform,
  invalidDefaultArgInFrom,
  fromPlatformFlagConst,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
  exposeSshPort,
  workdirSystemPath,
  packageUpdateAlone,
  insecureDownload,
  registryTlsDisabled,
  tlsDisabledByEnv,
  packageSignatureDisabled,
  npmInstallWithLockfile,
  copyAllBeforeInstall,
  nodeEnvMissing,
  chmodWorldWritable,
  addRemoteWithoutChecksum,
  userUnknown,
  hardcodedEnvValue,
  chpasswdInRun,
  // end: buildkit, trivy, checkov and beyond
];
