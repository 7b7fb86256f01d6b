import { describe, expect, it } from 'vitest';
import { parseTemplate, resolveTemplate, runsText, templateKeys } from './variables.js';

const lookup = (values: Record<string, string[]>) => (key: string) => values[key];

describe('parseTemplate', () => {
  it('finds variables, keeping the key as written', () => {
    const parts = parseTemplate('home/${aws:PrincipalTag/team}/x');
    expect(templateKeys(parts)).toEqual(['aws:PrincipalTag/team']);
  });

  it('reads ${*} ${?} ${$} as literal characters', () => {
    const runs = resolveTemplate(parseTemplate('a${*}b${?}c${$}d*'), lookup({}));
    expect(runs).toEqual([
      { text: 'a', wild: true },
      { text: '*', wild: false },
      { text: 'b', wild: true },
      { text: '?', wild: false },
      { text: 'c', wild: true },
      { text: '$', wild: false },
      { text: 'd*', wild: true },
    ]);
  });

  it("reads ${key, 'default'} and uses the default only when the key is absent", () => {
    const parts = parseTemplate("team-${aws:PrincipalTag/team, 'company-wide'}");
    expect(runsText(resolveTemplate(parts, lookup({}))!)).toBe('team-company-wide');
    expect(runsText(resolveTemplate(parts, lookup({ 'aws:principaltag/team': ['red'] }))!)).toBe('team-red');
  });

  it('keeps malformed placeholders as literal text', () => {
    for (const s of ['${', '${}', '${ a}', '${a b}', "${a, default}", "${a, 'x'", 'x${y']) {
      expect(templateKeys(parseTemplate(s)), s).toEqual([]);
      expect(runsText(resolveTemplate(parseTemplate(s), lookup({}))!), s).toBe(s);
    }
  });

  it('cannot resolve a variable with no value and no default', () => {
    expect(resolveTemplate(parseTemplate('${aws:username}'), lookup({}))).toBeUndefined();
    expect(resolveTemplate(parseTemplate('${aws:username}'), lookup({ 'aws:username': ['a', 'b'] }))).toBeUndefined();
  });

  it('substitutes an empty string value', () => {
    expect(runsText(resolveTemplate(parseTemplate('x${k:k}y'), lookup({ 'k:k': [''] }))!)).toBe('xy');
  });
});
