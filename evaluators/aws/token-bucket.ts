/**
 * Our own calls-per-second cap, below IAM's account-wide API limit which all IAM/STS callers share
 * (https://repost.aws/knowledge-center/iam-sts-throttling-error). One token per call; `burst` tokens at most.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock = realClock,
    private readonly burst = 1,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Resolves when a call may be made, consuming a token. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}
