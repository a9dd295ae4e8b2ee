// Small helpers the specs share (issue #21 moves the other specs' copies here).

/** Text with Swedish no-break spaces made plain and runs of space made one. */
export const plain = (text) => text.replace(/[\u202F\u00A0]/g, ' ').replace(/\s+/g, ' ').trim();

/** WCAG contrast of two CSS colours as the browser computed them (`rgb(…)`). */
export function contrast(first, second) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
