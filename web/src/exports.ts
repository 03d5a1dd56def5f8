/** Files a teacher can take away: tables as CSV and JSON, drawings as SVG and PNG. Pure builders, and one download step. */

/** Rows as CSV (RFC 4180): a header line, fields quoted when they hold a comma, a quote or a line break. Pure. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  const field = (v: string | number | boolean | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Offers `content` as a file named `name`. */
export function download(name: string, type: string, content: string | Blob): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An SVG element as a standalone SVG document, with the page's computed styles of its parts inlined so it looks the same elsewhere. */
export function svgDocument(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll('*');
  const target = copy.querySelectorAll('*');
  const keep = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'paint-order'];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    (target[i] as SVGElement).setAttribute('style', keep.map((k) => `${k}:${style.getPropertyValue(k)}`).join(';'));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** An SVG document drawn at `scale` onto a white canvas, as a PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the drawing could not be rendered as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Buttons that export the SVG element found by `selector` as SVG and PNG files named `name`. */
export async function exportSvg(selector: string, name: string, as: 'svg' | 'png'): Promise<void> {
  const svg = document.querySelector<SVGSVGElement>(selector);
  if (!svg) return;
  const text = svgDocument(svg);
  if (as === 'svg') return download(`${name}.svg`, 'image/svg+xml', text);
  const box = svg.viewBox.baseVal;
  download(`${name}.png`, 'image/png', await svgToPng(text, box.width, box.height));
}
