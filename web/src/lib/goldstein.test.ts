import { describe, expect, it } from 'vitest';
import { contrast, goldsteinColour, goldsteinHue, goldsteinLabel, NO_SCORE_COLOUR } from './goldstein';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('Goldstein colour scale', () => {
  it('is red at -10, green at +10 and amber halfway', () => {
    const [r1, g1] = rgb(goldsteinColour(-10));
    expect(r1).toBeGreaterThan(g1 * 4);
    const [r2, g2] = rgb(goldsteinColour(10));
    expect(g2).toBeGreaterThan(r2 * 4);
    expect(goldsteinHue(0)).toBe(60);
  });

  it('moves towards green as the score rises', () => {
    const hues = [-10, -7.2, -4, 0, 1, 3.4, 7, 10].map(goldsteinHue);
    expect([...hues].sort((a, b) => a - b)).toEqual(hues);
  });

  it('clamps scores outside -10..10', () => {
    expect(goldsteinColour(-25)).toBe(goldsteinColour(-10));
    expect(goldsteinColour(12)).toBe(goldsteinColour(10));
  });

  it('has a neutral grey when there is no score', () => {
    expect(goldsteinColour(null)).toBe(NO_SCORE_COLOUR);
    expect(goldsteinColour(Number.NaN)).toBe(NO_SCORE_COLOUR);
    expect(goldsteinLabel(undefined)).toBe('no score');
  });

  it('keeps white text readable (WCAG AA) on every colour', () => {
    for (let s = -10; s <= 10; s += 0.5) {
      expect(contrast(goldsteinColour(s), '#ffffff'), `score ${s}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(NO_SCORE_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('names the side of the scale', () => {
    expect(goldsteinLabel(-7.2)).toBe('conflict');
    expect(goldsteinLabel(0)).toBe('neutral');
    expect(goldsteinLabel(3.4)).toBe('cooperation');
  });
});
