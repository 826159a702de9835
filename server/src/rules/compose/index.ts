import type { Rule } from '../../engine/rule';
import { composeAnonymousVolume } from './compose-anonymous-volume';
import { composeBuildAndImage } from './compose-build-and-image';
import { composeCapDropAll } from './compose-cap-drop-all';
import { composeDangerousCapability } from './compose-dangerous-capability';
import { composeDockerSocket } from './compose-docker-socket';
import { composeDuplicateContainerName } from './compose-duplicate-container-name';
import { composeDuplicateHostPort } from './compose-duplicate-host-port';
import { composeDurationUnit } from './compose-duration-unit';
import { composeEnvSecret } from './compose-env-secret';
import { composeHealthcheckCmdString } from './compose-healthcheck-cmd-string';
import { composeHealthcheckMissing } from './compose-healthcheck-missing';
import { composeHostNamespace } from './compose-host-namespace';
import { composeImageTag } from './compose-image-tag';
import { composeMemoryLimit } from './compose-memory-limit';
import { composeNoNewPrivileges } from './compose-no-new-privileges';
import { composeObsoleteVersion } from './compose-obsolete-version';
import { composePidsLimit } from './compose-pids-limit';
import { composePortAllInterfaces } from './compose-port-all-interfaces';
import { composePortNotExposed } from './compose-port-not-exposed';
import { composePrivileged } from './compose-privileged';
import { composePrivilegedHostPort } from './compose-privileged-host-port';
import { composeReadOnly } from './compose-read-only';
import { composeSchema } from './compose-schema';
import { composeSecurityOptUnconfined } from './compose-security-opt-unconfined';
import { composeSensitiveHostPath } from './compose-sensitive-host-path';
import { composeUserRoot } from './compose-user-root';
import { composeYamlError } from './compose-yaml-error';

/** Every compose rule, in the order of the README's table. */
export const composeRules: Rule<'compose'>[] = [
  // section: broken files
  composeYamlError,
  composeSchema,
  composeDuplicateContainerName,
  composeDuplicateHostPort,
  composeHealthcheckCmdString,
  composeDurationUnit,
  // end: broken files
  // section: isolation
  composePrivileged,
  composeDockerSocket,
  composeSensitiveHostPath,
  composeHostNamespace,
  composeDangerousCapability,
  composeSecurityOptUnconfined,
  composeCapDropAll,
  composeNoNewPrivileges,
  composeUserRoot,
  composeReadOnly,
  // end: isolation
  // section: network, secrets and resources
  composePortAllInterfaces,
  composePrivilegedHostPort,
  composeEnvSecret,
  composeMemoryLimit,
  composePidsLimit,
  // end: network, secrets and resources
  // section: images, health and data
  composeImageTag,
  composeBuildAndImage,
  composeHealthcheckMissing,
  composeAnonymousVolume,
  composePortNotExposed,
  composeObsoleteVersion,
  // end: images, health and data
];
