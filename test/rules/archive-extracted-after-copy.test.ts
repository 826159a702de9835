import { archiveExtractedAfterCopy } from '../../server/src/rules/dockerfile/archive-extracted-after-copy';
import { ruleTable } from '../rule-table';

ruleTable(archiveExtractedAfterCopy, {
  valid: [
    'FROM debian:12\nADD app.tar.gz /opt/\n',
    'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN ls /tmp\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 5, message: '"app.tar.gz" is copied here and extracted on line 3: the archive stays in this layer; use ADD to extract it' },
      ],
    },
    {
      name: 'unzip of a renamed archive',
      code: 'FROM debian:12\nCOPY dist.zip /tmp/bundle.zip\nRUN unzip /tmp/bundle.zip -d /srv\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 5, message: '"bundle.zip" is copied here and extracted on line 3: the archive stays in this layer; use ADD to extract it' },
      ],
    },
  ],
});
