import { hasInterpolation } from '../../compose/interpolation';
import { originNote, reportRange, scalarText } from '../../compose/model';
import { appendToMap } from '../../compose/yaml-edits';
import { parseImageReference } from '../../dockerfile/image-reference';
import { defineRule } from '../../engine/rule';

/** Official Docker Hub images people build on (and so name their own builds after by mistake). */
const OFFICIAL = new Set(
  'alpine busybox debian ubuntu fedora centos rockylinux almalinux amazonlinux oraclelinux archlinux node python golang rust ruby php openjdk eclipse-temurin amazoncorretto maven gradle dotnet perl elixir erlang haskell julia swift nginx httpd caddy traefik haproxy tomcat jetty postgres mysql mariadb mongo redis memcached rabbitmq elasticsearch kibana logstash cassandra couchdb neo4j influxdb telegraf solr zookeeper nats vault consul registry wordpress drupal joomla ghost nextcloud owncloud matomo odoo redmine sonarqube jenkins gitlab grafana prometheus docker'.split(' '),
);

export const composeBuildAndImage = defineRule({
  id: 'compose-build-and-image',
  aliases: [],
  severity: 'info',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service both builds its image and names it after an official Docker Hub image (`build:` with `image: nginx:1.27`).',
    why: 'With both keys compose tags the build with the image name, and `docker compose pull` or `up --pull` fetch the Docker Hub image of that name instead of building: the service silently runs upstream code rather than yours (and `push` would try to overwrite an image you do not own).',
    bad: 'services:\n  web:\n    build: ./web\n    image: nginx:1.27',
    good: 'services:\n  web:\n    build: ./web\n    image: registry.example.com/shop/web:1.4',
    notes: 'Only names of well-known official images (nginx, node, postgres, alpine…) are reported; `pull_policy: build` silences it. The fix adds `pull_policy: build`.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const image = service.get('image');
      const name = scalarText(image?.value);
      if (!image || !service.get('build') || !name || hasInterpolation(name)) continue;
      if (scalarText(service.get('pull_policy')?.value) === 'build') continue;
      const reference = parseImageReference(name.trim());
      if (reference.registry !== null || !OFFICIAL.has(reference.repository.replace(/^library\//, ''))) continue;
      const edit = service.map ? appendToMap(model, service.map, ['pull_policy: build']) : null;
      report({
        range: reportRange(image),
        message: `Service "${service.name}" builds its image but names it ${name.trim()}, an official Docker Hub image: a pull replaces your build with it${originNote(image)}`,
        fixes: edit ? [{ title: 'Always build it (pull_policy: build)', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});
