import helmet from 'helmet';

/**
 * The console's response headers (helmet): a Content-Security-Policy that runs only the
 * console's own scripts and styles — no inline script, no inline style attribute, no
 * `eval`, nothing from another origin, forms posting only to the console, no framing — plus
 * nosniff, no referrer to other sites, and HSTS left to the proxy that terminates TLS.
 */
export const consoleSecurityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
  });
