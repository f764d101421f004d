/** Values shared by the Playwright configuration and the specs; no Playwright imports here. */

/** Sign-in failures before an account is throttled; small so the throttling spec stays quick. */
export const LOGIN_MAX_FAILURES = 3;

/** Password of every demo account (the contract's default of KINGA_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'kinga-demo-2026';
