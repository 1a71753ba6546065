import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { bootstrap } from './bootstrap.ts';

const config = loadConfig();
const handle = openDatabase(config.database);
const applied = await migrate(handle.db, handle.dialect);
const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, webRoot: resolve('dist/web') });
if (applied.length) app.log.info({ applied }, 'migrations applied');
const signIn = await bootstrap(handle.db, config, (msg) => app.log.info(msg));

await app.listen({ host: config.host, port: config.port });
const url = `http://localhost:${config.port}`;
process.stdout.write(
  `\nRapport is running on ${handle.describe}\n  open ${url}\n  API docs ${url}/api/docs\n` +
    (signIn ? `  sign in as ${signIn}\n` : '') + '\n',
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    void app.close().then(() => handle.close()).then(() => process.exit(0));
  });
}
