// The moment this execution started evaluating the bundle: imported first by main.ts, so the self-check can time a cold start.
export const BOOT_AT = Date.now();
