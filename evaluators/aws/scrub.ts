/**
 * Credentials never reach output, logs, reports or checkpoints: every message the live adapter emits
 * goes through a scrubber that removes known secret values and anything shaped like a key, token or
 * signature (SDK errors can echo request headers).
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, '[redacted-key-id]'],
  [/(Signature=)[0-9a-f]{16,}/gi, '$1[redacted]'],
  [/(Credential=)[^,\s"']+/gi, '$1[redacted]'],
  [/(X-Amz-Security-Token["']?\s*[=:]\s*["']?)[^\s&"',]+/gi, '$1[redacted]'],
  [/((?:aws_)?(?:secret_access_key|session_token|secretAccessKey|sessionToken)["']?\s*[=:]\s*["']?)[^\s&"',}]+/gi, '$1[redacted]'],
];

export type Scrubber = ((text: string) => string) & { add(secret: string | undefined): void };

export function makeScrubber(secrets: readonly string[] = []): Scrubber {
  const known = new Set<string>(secrets.filter((s) => s.length >= 4));
  const scrub = ((text: string) => {
    let out = text;
    // Longest first so a token containing a shorter secret is removed whole.
    for (const s of [...known].sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
    for (const [re, repl] of PATTERNS) out = out.replace(re, repl);
    return out;
  }) as Scrubber;
  scrub.add = (secret) => {
    if (secret && secret.length >= 4) known.add(secret);
  };
  return scrub;
}
