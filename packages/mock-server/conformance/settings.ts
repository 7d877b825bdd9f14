/**
 * What the conformance suite is pointed at. `run.ts` passes its command-line
 * options to the test files through these environment variables, so a test
 * file can also be run on its own with `node --import tsx --test`.
 */
export const ENV = {
  baseUrl: 'EGOV_CONFORMANCE_BASE_URL',
  origin: 'EGOV_CONFORMANCE_ORIGIN',
  devToken: 'EGOV_CONFORMANCE_DEV_TOKEN',
  reviewerToken: 'EGOV_CONFORMANCE_REVIEWER_TOKEN',
} as const;

export interface ConformanceSettings {
  /** The API base URL without a trailing slash, e.g. `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** The `Origin` every request carries: a site the backend accepts. */
  origin: string;
  /** Sent in `X-Egov-Dev-Token` on development operations, when given. */
  devToken?: string;
  /** Sent in `X-Egov-Reviewer-Token` on reviewer operations, when given. */
  reviewerToken?: string;
}

/** Checks a base URL and an origin; throws a message meant for the person who typed them. */
export function checkSettings(input: { baseUrl?: string; origin?: string; devToken?: string; reviewerToken?: string }): ConformanceSettings {
  if (!input.baseUrl) throw new Error('--base-url is required (the API base, e.g. http://127.0.0.1:8787/api)');
  let base: URL;
  try {
    base = new URL(input.baseUrl);
  } catch {
    throw new Error(`--base-url ${JSON.stringify(input.baseUrl)} is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('--base-url must be an http or https URL');
  if (base.search || base.hash) throw new Error('--base-url must have no query or fragment');
  let origin = base.origin;
  if (input.origin) {
    let parsed: URL;
    try {
      parsed = new URL(input.origin);
    } catch {
      throw new Error(`--origin ${JSON.stringify(input.origin)} is not an origin`);
    }
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.origin !== input.origin.replace(/\/$/, '')) {
      throw new Error(`--origin ${JSON.stringify(input.origin)} is not an origin (scheme://host[:port], no path)`);
    }
    origin = parsed.origin;
  }
  return {
    baseUrl: base.href.replace(/\/+$/, ''),
    origin,
    ...(input.devToken ? { devToken: input.devToken } : {}),
    ...(input.reviewerToken ? { reviewerToken: input.reviewerToken } : {}),
  };
}

/** The settings the runner put into the environment. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ConformanceSettings {
  return checkSettings({
    baseUrl: env[ENV.baseUrl],
    origin: env[ENV.origin],
    devToken: env[ENV.devToken],
    reviewerToken: env[ENV.reviewerToken],
  });
}

export function settingsToEnv(settings: ConformanceSettings): Record<string, string> {
  return {
    [ENV.baseUrl]: settings.baseUrl,
    [ENV.origin]: settings.origin,
    ...(settings.devToken ? { [ENV.devToken]: settings.devToken } : {}),
    ...(settings.reviewerToken ? { [ENV.reviewerToken]: settings.reviewerToken } : {}),
  };
}
