// Runs the demo fixture site in the foreground for manual browsing:
//   node --import tsx src/demo/serve-fixture-site.ts --port 4400 [--host 127.0.0.1]
import { parseArgs } from 'node:util';
import { startFixtureSite } from './fixture-site.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4400' }, host: { type: 'string', default: '127.0.0.1' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`demo: invalid --port ${values.port}`);
  process.exit(2);
}
const site = await startFixtureSite({ port, host: values.host });
console.log(`Lede demo fixture site: ${site.url}/`);
for (const p of site.publishers) {
  console.log(`\n${p.name} (${p.lang})\n  home: ${p.homepageUrl}\n  feed: ${p.feedUrl}`);
  for (const a of p.articleUrls) console.log(`  article: ${a}`);
}
console.log(`\nBad input: ${site.url}/bad/404 /bad/500 /bad/stall /bad/redirects/3 /bad/big … (listed on ${site.url}/)`);
console.log('Ctrl-C to stop.');
const stop = (): void => {
  void site.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
