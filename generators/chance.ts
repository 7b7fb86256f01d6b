import fc from 'fast-check';

/**
 * A boolean that is true `percent`% of the time and shrinks to false (the simpler case), unlike
 * `fc.boolean()` whose bias cannot be tuned.
 */
export const chance = (percent: number): fc.Arbitrary<boolean> =>
  percent <= 0 ? fc.constant(false) : percent >= 100 ? fc.constant(true) : fc.nat({ max: 99 }).map((d) => d >= 100 - percent);
