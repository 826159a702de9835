import { imageTag } from '../../server/src/rules/dockerfile/image-tag';
import { ruleTable } from '../rule-table';

ruleTable(imageTag, {
  valid: [
    'FROM node:22-slim\n',
    'FROM scratch\n',
    'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    { name: 'stage reference', code: 'FROM node:22 AS build\nFROM build\n' },
    { name: 'ARG with a pinned default', code: 'ARG BASE=node:22\nFROM ${BASE}\n' },
    { name: 'ARG without default', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'ARG with a placeholder default: the image comes from --build-arg', code: 'ARG BASEIMAGE=unknown\nFROM ${BASEIMAGE}\n' },
    { name: 'placeholder defaults: words and names no image can have', code: 'ARG A=none\nARG B=change-me\nARG C=REPLACE_ME\nARG REGISTRY=registry.local\nARG D=placeholder\nFROM $A\nFROM ${B}\nFROM ${C}\nFROM ${REGISTRY}/team/${D}\n' },
    { name: 'registry with a port', code: 'FROM registry.local:5000/team/app:1.4\n' },
    { name: 'a template placeholder is not an image', code: 'FROM {{ base_image }} AS build\n' },
  ],
  invalid: [
    {
      code: 'FROM node\n',
      findings: [{ line: 1, column: 6, endLine: 1, endColumn: 10, message: '"node" has no tag, so it means node:latest, which moves with every release: pin a version tag or a digest' }],
    },
    {
      code: 'FROM --platform=$BUILDPLATFORM python:latest AS build\n',
      findings: [{ line: 1, column: 32, endLine: 1, endColumn: 45, message: '"python:latest" uses the latest tag, which moves with every release: pin a version tag or a digest' }],
    },
    {
      name: 'a placeholder word written as the image itself is reported: nothing replaces it',
      code: 'FROM unknown\n',
      findings: [{ line: 1, column: 6, endLine: 1, endColumn: 13, message: '"unknown" has no tag, so it means unknown:latest, which moves with every release: pin a version tag or a digest' }],
    },
    {
      name: 'an image-like ARG default is judged',
      code: 'ARG BASE=ubuntu\nFROM ${BASE}\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 13, message: '"ubuntu" (from ARG BASE) has no tag, so it means ubuntu:latest, which moves with every release: pin a version tag or a digest' }],
    },
    {
      name: 'latest through an ARG default',
      code: 'ARG BASE=node:latest\nFROM ${BASE}\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 13, message: '"node:latest" (from ARG BASE) uses the latest tag, which moves with every release: pin a version tag or a digest' }],
    },
    {
      name: 'untagged registry image in a build stage',
      code: 'FROM registry.local:5000/team/builder AS build\nFROM alpine:3.20\n',
      findings: [
        {
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 38,
          message: '"registry.local:5000/team/builder" has no tag, so it means registry.local:5000/team/builder:latest, which moves with every release: pin a version tag or a digest',
        },
      ],
    },
  ],
});
