/**
 * Base images whose default user is not root: a stage built on one runs unprivileged without a
 * USER instruction. The Dockerfile rules and the compose rules (for the Dockerfile a service
 * builds) judge an image by this one list.
 */
import { imageFamily, rootImage } from './image-contents';
import type { ImageReference } from './image-reference';
import type { Stage } from './model';

const NON_ROOT_IMAGES = [
  /^gcr\.io\/distroless\/.*:(.*-)?nonroot(-[a-z0-9]+)?$/,
  /^cgr\.dev\/chainguard\//,
  /(^|\/)node:.*-?alpine.*-nonroot$/,
  // USER 101 (nginx), 1001 (Bitnami), rootless (Docker's rootless image), jovyan (Jupyter), 1000 (Elastic).
  /^(docker\.io\/)?nginxinc\/nginx-unprivileged(:|@|$)/,
  /^(docker\.io\/)?bitnami\//,
  /^(docker\.io\/)?(library\/)?docker:[^@]*rootless/,
  /^(quay\.io\/)?jupyter\//,
  /^(docker\.elastic\.co\/(elasticsearch|kibana|logstash)\/|(docker\.io\/)?(library\/)?(elasticsearch|kibana|logstash)(:|@|$))/,
];

/** True when the image runs as a non-root user by default (Windows Nano Server: ContainerUser). */
export function defaultsToNonRoot(image: ImageReference | null): boolean {
  if (!image) return false;
  if (NON_ROOT_IMAGES.some((pattern) => pattern.test(image.text))) return true;
  // Nano Server images default to ContainerUser; Server Core ones to ContainerAdministrator.
  return imageFamily(image) === 'windows' && /nanoserver/i.test(`${image.repository}:${image.tag ?? ''}`);
}

/** True when the external image the stage builds on (through its base stages) runs as non-root. */
export function stageDefaultsToNonRoot(stage: Stage): boolean {
  return defaultsToNonRoot(rootImage(stage));
}
