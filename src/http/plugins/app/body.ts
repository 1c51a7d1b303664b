import fp from 'fastify-plugin';

/**
 * Request bodies are JSON in strict UTF-8: a malformed byte is a 400, not a silent U+FFFD stored forever; any other
 * media type (text/plain included, which Fastify would otherwise accept) is a 415.
 */
export default fp(async (app) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      const error = Object.assign(new Error('the body is not valid UTF-8'), { statusCode: 400 });
      return done(error, undefined);
    }
    parseJson(request, text, done);
  });
});
