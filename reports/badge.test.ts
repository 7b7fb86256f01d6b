import { describe, expect, it } from 'vitest';
import { badgeColour, badgeFileName, renderBadge } from './badge.js';

describe('renderBadge', () => {
  it('draws label and score in two halves, the score coloured on the shields scale', () => {
    const svg = renderBadge(0.9671);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20"/);
    expect(svg).toContain('aria-label="iam-conformance: 96.7%"');
    expect(svg).toContain(`fill="${badgeColour(0.9671)}"`);
    expect(badgeColour(0.9671)).toBe('#97ca00');
  });

  it('never rounds a score up to 100%, and greys a missing one', () => {
    expect(renderBadge(0.99996)).toContain('>99.9%<');
    expect(renderBadge(1)).toContain('>100.0%<');
    expect(renderBadge(null)).toContain('>n/a<');
    expect(badgeColour(null)).toBe('#9f9f9f');
    expect(badgeColour(0.1)).toBe('#e05d44');
  });

  it('names files safely', () => {
    expect(badgeFileName('baseline-implicitDeny')).toBe('baseline-implicitdeny.svg');
    expect(badgeFileName('../x y')).toMatch(/^[a-z0-9-]+\.svg$/);
  });
});
