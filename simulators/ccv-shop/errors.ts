// CCV error bodies: {code, status, developermessage} with the codes of reference/ccv-shop/README.md §4.
import type { JsonObject } from './json';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  body(): JsonObject {
    return { code: this.code, status: this.status, developermessage: this.message };
  }
}

/** How an unknown resource id is answered: CCV's old SDK says 500.24, a plain 404 is the alternative [I]. */
export type UnknownIdMode = '500.24' | '404';

/** "Wait 60 seconds", or under a simulator time scale the scaled minute. */
function waitText(timeScale: number): string {
  return timeScale === 1 ? 'Wait 60 seconds and retry.' : `Wait a minute and retry (simulated time: a minute is ${+(60_000 / timeScale).toFixed(3)} ms at timeScale ${timeScale}).`;
}

export const err = {
  invalidResource: (path: string) =>
    new ApiError(404, '404.20', `Invalid resource name: no resource at '${path}'. Check the path against the API documentation.`),
  methodNotAllowed: (method: string, path: string) =>
    new ApiError(405, '405.10', `Method ${method} is not allowed on '${path}'.`),
  unknownId: (mode: UnknownIdMode, resource: string, id: string | number) =>
    mode === '404'
      ? new ApiError(404, '404.10', `No ${resource} with id ${id} exists. Re-read the collection to find the current id.`)
      : new ApiError(500, '500.24', `File NotFound: unknown resource id ${id} for resource ${resource}.`),
  // Validation failures: CCV's status/code for schema violations is not documented [?]; 400.10 is our choice.
  validation: (message: string) => new ApiError(400, '400.10', message),
  rateLimited: (resource: string, method: string, limit: number, timeScale = 1) =>
    new ApiError(
      429,
      '429.10',
      `Each method in each resource has a limit of requests that can be made per minute: ${method} ${resource} allows ${limit} per minute. ${waitText(timeScale)}`,
    ),
  totalRateLimited: (limit: number, timeScale = 1) =>
    new ApiError(429, '429.11', `The API has a total limit of requests that can be made per minute (${limit}). ${waitText(timeScale)}`),
  fileSize: (max: number) => new ApiError(500, '500.21', `File size exceeded: the decoded file is larger than ${max} bytes.`),
  fileType: (type: string, where: string) =>
    new ApiError(500, '500.22', `File type not valid: '${type}' (${where}). Use one of jpg, jpeg, png, gif, webp.`),
  fileNotSaved: (reason: string) => new ApiError(500, '500.23', `File not saved: ${reason}`),
  alreadyExists: (message: string) => new ApiError(500, '500.40', `Property already exists: ${message}`),
  productLimit: (limit: number) =>
    new ApiError(500, '500.60', `Product limit exceeded: this webshop allows ${limit} products (see webshops.product_limit_left).`),
  notAllowedOnResource: (message: string) => new ApiError(500, '500.70', `Method not allowed on resource: ${message}`),
  payloadTooBig: (max: number) => new ApiError(500, '500.80', `Requested payload too big: the body exceeds ${max} bytes.`),
  readOnly: (message: string) => new ApiError(501, '501.30', `Resource read-only: ${message}`),
};

// Auth failures: status and codes are not documented [?]; reference/ccv-shop/README.md §4.2 suggests 401 in the same body shape.
export const authErr = {
  missingHeaders: (names: string[]) =>
    new ApiError(401, '401.10', `Missing authentication header(s): ${names.join(', ')}. Send x-public, x-date and x-hash.`),
  unknownKey: () => new ApiError(401, '401.11', 'Unknown public key in x-public. Check the API credentials of this connection.'),
  badDate: (value: string) =>
    new ApiError(401, '401.12', `x-date '${value}' is not an ISO 8601 UTC timestamp. Send e.g. 2024-01-15T10:30:00Z.`),
  skew: (value: string, maxSeconds: number) =>
    new ApiError(
      401,
      '401.12',
      `x-date '${value}' differs more than ${maxSeconds} seconds from the server time. Check the clock of this computer.`,
    ),
  badHash: () =>
    new ApiError(
      401,
      '401.13',
      'x-hash does not match. Sign public|METHOD|uri|body|x-date with the secret, using the exact URI and body bytes you send.',
    ),
};
