// Draws the extension's icon at any size: three connected nodes (a network) on a teal tile.
// Drawn in code so the repository holds no binary files and every size stays sharp.
import { deflateSync } from 'node:zlib';

const TEAL = [13, 92, 99];
const WHITE = [255, 255, 255];
const YELLOW = [242, 181, 68];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** A PNG (RGBA) of the icon, `size` pixels square. */
export function iconPng(size) {
  const nodes = [
    [0.3, 0.32],
    [0.72, 0.38],
    [0.46, 0.74],
  ].map(([x, y]) => [x * size, y * size]);
  const radius = size * 0.2;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Rounded tile: transparent outside the rounded corners.
      const cx = Math.max(radius, Math.min(size - radius, px));
      const cy = Math.max(radius, Math.min(size - radius, py));
      const inside = Math.hypot(px - cx, py - cy) <= radius;
      let color = TEAL;
      const line = Math.min(
        distanceToSegment(px, py, nodes[0], nodes[1]),
        distanceToSegment(px, py, nodes[1], nodes[2]),
        distanceToSegment(px, py, nodes[2], nodes[0]),
      );
      if (line < Math.max(1, size * 0.045)) color = WHITE;
      nodes.forEach((node, i) => {
        if (Math.hypot(px - node[0], py - node[1]) < size * 0.12) color = i === 2 ? YELLOW : WHITE;
      });
      row.set([...color, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
