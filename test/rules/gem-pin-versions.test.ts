import { gemPinVersions } from '../../server/src/rules/dockerfile/gem-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(gemPinVersions, {
  valid: [
    'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    'FROM ruby:3.3-slim\nRUN gem install rails -v 7.1.3\n',
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler rake:13.2.1\n',
      findings: [
        { line: 2, column: 31, endLine: 2, endColumn: 38, message: '"bundler" is not pinned: use bundler:<version> in gem install' },
      ],
    },
  ],
});
