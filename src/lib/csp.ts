// The site's Content-Security-Policy, one value for every page (the README's "Deploying" section
// gives it as a header for hosts): no inline script anywhere, everything from the site's own origin.
// `frame-ancestors` cannot be set from a <meta> element; a host that needs it sets it as a header.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
