// Another site, as seen from the app on 127.0.0.1:4173: it serves agreement
// files the way a careless or hostile server would, for the `?data=` tests.
// Usage: node tests/e2e/hostile-server.mjs <port>
//   /ok.json           a valid file, with CORS
//   /no-cors.json      the same file without Access-Control-Allow-Origin
//   /not-found.json    404, with CORS
//   /declared-big.json says Content-Length: 6 000 000, then sends a little and waits
//   /endless.json      no Content-Length; sends spaces for ever
//   /inflates.json     160 KB of gzip that inflates to 160 MB
//   /slow.json         answers the headers, then never sends the body
//   /hang.json         never answers at all
//   /trickle.json?seconds=N  the valid file, sent in N pieces, one a second
//   /late.json?seconds=N     the valid file, after N seconds of silence
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const port = Number(process.argv[2] ?? 4176);
const example = readFileSync(new URL('../../public/example-agreement.json', import.meta.url));
const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
// Whitespace is valid JSON padding: a bomb made of it parses as far as it is read.
const bomb = gzipSync(Buffer.concat([Buffer.from('{"year": 2016,'), Buffer.alloc(160 * 1024 * 1024, 0x20), Buffer.from('}')]), { level: 9 });

createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const path = url.pathname;
  const seconds = Math.min(30, Number(url.searchParams.get('seconds') ?? 10));
  const json = { 'content-type': 'application/json', ...cors };
  switch (path) {
    case '/ok.json':
      response.writeHead(200, json).end(example);
      break;
    case '/no-cors.json':
      response.writeHead(200, { 'content-type': 'application/json' }).end(example);
      break;
    case '/declared-big.json':
      response.writeHead(200, { ...json, 'content-length': '6000000' });
      response.write(' '.repeat(1000));
      break;
    case '/endless.json': {
      response.writeHead(200, json);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const send = () => {
        if (response.destroyed) return;
        if (response.write(chunk)) setImmediate(send);
        else response.once('drain', send);
      };
      response.on('close', () => response.destroy());
      send();
      break;
    }
    case '/inflates.json':
      response.writeHead(200, { ...json, 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
      break;
    case '/slow.json':
      response.writeHead(200, json);
      response.write(' ');
      break;
    case '/hang.json':
      break;
    case '/trickle.json': {
      response.writeHead(200, json);
      const size = Math.ceil(example.length / seconds);
      let sent = 0;
      const next = () => {
        if (response.destroyed) return;
        response.write(example.subarray(sent, sent + size));
        sent += size;
        if (sent >= example.length) response.end();
        else setTimeout(next, 1000);
      };
      next();
      break;
    }
    case '/late.json':
      setTimeout(() => response.destroyed || response.writeHead(200, json).end(example), seconds * 1000);
      break;
    default:
      response.writeHead(404, { 'content-type': 'text/plain', ...cors }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`hostile server on http://127.0.0.1:${port}/`));
