import { describe, expect, it } from 'vitest';
import { svgLinePlot } from './svg-line-plot.js';

/** Checks that tags nest properly (a small XML well-formedness check: no DTDs, CDATA or comments here). */
function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let rest = xml;
  let m: RegExpExecArray | null = tag.exec(xml);
  let last = 0;
  while (m !== null) {
    const between = xml.slice(last, m.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClose) stack.push(name as string);
    last = tag.lastIndex;
    m = tag.exec(xml);
  }
  rest = xml.slice(last);
  expect(rest.trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('svgLinePlot', () => {
  const series = [
    {
      label: 'd = 3',
      points: [
        { x: 0.01, y: 1e-3, yLow: 5e-4, yHigh: 2e-3 },
        { x: 0.05, y: 1e-2, yLow: 8e-3, yHigh: 1.2e-2 },
        { x: 0.1, y: 0.05 },
      ],
    },
    {
      label: 'd = 5 <&>',
      points: [
        { x: 0.01, y: 0, yLow: 0, yHigh: 1e-4 },
        { x: 0.05, y: 5e-3, yLow: 4e-3, yHigh: 6e-3 },
        { x: 0.1, y: 0.08, yLow: 0.07, yHigh: 0.09 },
      ],
    },
  ];

  it('is well-formed XML with one polyline per series, escaped labels and a legend', () => {
    const svg = svgLinePlot(series, {
      title: 'logical error rate',
      xLabel: 'interface p',
      yLabel: 'LER per shot',
      logY: true,
      verticalLines: [{ x: 0.07, label: 'threshold ≈ 0.07' }],
    });
    checkWellFormed(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)?.length).toBe(2);
    expect(svg).toContain('d = 5 &lt;&amp;&gt;');
    expect(svg).toContain('interface p');
    expect(svg).toContain('LER per shot');
    expect(svg).toContain('threshold ≈ 0.07');
    // Log axis: decade ticks; the y = 0 point is dropped, the others drawn as markers.
    expect(svg).toContain('>1e-3<');
    expect(svg.match(/<circle /g)?.length).toBe(5);
    // Error bars: one line per point that has both ends (4 of them), inside the series groups.
    const groups = svg.split('<g class="series"').slice(1);
    const bars = groups.map((g) => (g.split('</g>')[0] ?? '').match(/<line /g)?.length ?? 0);
    expect(bars).toEqual([2, 2]);
  });

  it('puts larger y higher on the page and orders x left to right', () => {
    const svg = svgLinePlot([series[0] as (typeof series)[number]], { xLabel: 'x', yLabel: 'y', logY: true });
    const pts = (svg.match(/points="([^"]*)"/)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number));
    expect(pts).toHaveLength(3);
    for (let i = 1; i < pts.length; i++) {
      expect((pts[i] as number[])[0]).toBeGreaterThan((pts[i - 1] as number[])[0] as number);
      expect((pts[i] as number[])[1]).toBeLessThan((pts[i - 1] as number[])[1] as number);
    }
  });

  it('draws an empty plot without failing', () => {
    const svg = svgLinePlot([], { xLabel: 'x', yLabel: 'y' });
    checkWellFormed(svg);
    expect(svg).not.toContain('<polyline');
  });
});
