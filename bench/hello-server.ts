import Fastify from 'fastify';

// The baseline: Fastify 5 answering a small JSON object, with no plugins, hooks or logging.
const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));

const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';

process.once('SIGTERM', () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

await app.listen({ port, host });
