// Goldstein scores run from -10 (most conflictual) to +10 (most cooperative). The colour runs with
// them from red through amber to green; it is dark enough that white text on it stays readable
// (WCAG AA, 4.5:1), because badges print the number on it.

export const NO_SCORE_COLOUR = '#595959';

export function goldsteinHue(score: number): number {
  const clamped = Math.max(-10, Math.min(10, score));
  return ((clamped + 10) / 20) * 120;
}

export function goldsteinColour(score: number | null | undefined): string {
  if (score == null || !Number.isFinite(score)) return NO_SCORE_COLOUR;
  return hslToHex(goldsteinHue(score), 0.85, 0.25);
}

export function goldsteinLabel(score: number | null | undefined): string {
  if (score == null || !Number.isFinite(score)) return 'no score';
  if (score <= -2) return 'conflict';
  if (score >= 2) return 'cooperation';
  return 'neutral';
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** WCAG relative luminance contrast between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
