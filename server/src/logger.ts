import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Structured logs with every place personal data or secrets could appear redacted; on stdout unless a test gives a destination. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(loggerOptions(level), destination);
}

function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'req.remoteAddress',
        'req.remotePort',
        'req.query',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.totp',
        '*.token',
        '*.email',
        '*.name',
        // Database errors can quote the offending row (PostgreSQL's "Key (email)=(…) already exists").
        'err.detail',
        'err.where',
        'err.parameters',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Only the path: query strings may carry search terms typed by users.
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
}
