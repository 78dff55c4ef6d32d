import sharp from 'sharp'

// Demo pictures are drawn here rather than shipped, so every image in the demo is original.
// Shapes only: text in SVG would depend on the fonts of the machine that runs the seed.

const svgToPng = (svg: string) => sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()

/** A square logo: a coloured tile with a simple mark derived from the brand's initials. */
export function drawLogo(color: string, seed: string): Promise<Buffer> {
  const n = [...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0)
  const sides = 3 + (n % 4)
  const points = Array.from({ length: sides }, (_, i) => {
    const angle = (Math.PI * 2 * i) / sides - Math.PI / 2
    return `${200 + 90 * Math.cos(angle)},${200 + 90 * Math.sin(angle)}`
  }).join(' ')
  return svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
  <rect width="400" height="400" rx="72" fill="${color}"/>
  <circle cx="200" cy="200" r="130" fill="none" stroke="#ffffff" stroke-width="18" opacity="0.9"/>
  <polygon points="${points}" fill="#ffffff"/>
</svg>`)
}

/** A 1200×630 hero picture (the Open Graph size) with soft geometric shapes. */
export function drawHero(color: string, seed: string): Promise<Buffer> {
  const n = [...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0)
  const circles = Array.from({ length: 6 }, (_, i) => {
    const x = (n * (i + 3) * 37) % 1200
    const y = (n * (i + 5) * 23) % 630
    const r = 60 + ((n * (i + 1)) % 140)
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" opacity="${0.08 + (i % 3) * 0.05}"/>`
  }).join('')
  return svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#0f172a"/>
  </linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>${circles}
  <rect x="120" y="250" width="520" height="26" rx="13" fill="#ffffff" opacity="0.85"/>
  <rect x="120" y="300" width="380" height="26" rx="13" fill="#ffffff" opacity="0.6"/>
</svg>`)
}
