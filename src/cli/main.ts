import { runCli } from './cli.ts';

// The entry point: the environment is read here once and handed to the commands (and through them to loadConfig).
process.exitCode = await runCli(process.argv.slice(2), { env: process.env, out: process.stdout, err: process.stderr });
