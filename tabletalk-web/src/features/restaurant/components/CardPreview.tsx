import type { Paper, PerPage } from '../api/restaurant-api';

// Page sizes in millimetres; the cards share the page in a grid of columns × rows.
const pageSizes: Record<Paper, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};
const grids: Record<PerPage, { columns: number; rows: number }> = {
  1: { columns: 1, rows: 1 },
  2: { columns: 1, rows: 2 },
  4: { columns: 2, rows: 2 },
  6: { columns: 2, rows: 3 },
};

/** A stand-in QR pattern (the real code is drawn by the server); stable for a URL so the preview does not flicker. */
function placeholderModules(url: string, size: number): boolean[] {
  let seed = 0;
  for (const char of url) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  return Array.from({ length: size * size }, () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 16) % 2 === 0;
  });
}

function inFinder(x: number, y: number, size: number): boolean {
  const corner = (cx: number, cy: number) => x >= cx && x < cx + 7 && y >= cy && y < cy + 7;
  return corner(0, 0) || corner(size - 7, 0) || corner(0, size - 7);
}

function QrStandIn({ url, x, y, side }: { url: string; x: number; y: number; side: number }) {
  const size = 25;
  const cell = side / size;
  const modules = placeholderModules(url, size);
  const finders = [
    [0, 0],
    [size - 7, 0],
    [0, size - 7],
  ] as const;
  return (
    <g>
      {modules.map((dark, index) => {
        const mx = index % size;
        const my = Math.floor(index / size);
        if (!dark || inFinder(mx, my, size)) return null;
        return <rect key={index} x={x + mx * cell} y={y + my * cell} width={cell} height={cell} fill="currentColor" />;
      })}
      {finders.map(([fx, fy]) => (
        <g key={`${fx}-${fy}`}>
          <rect
            x={x + (fx + 0.5) * cell}
            y={y + (fy + 0.5) * cell}
            width={6 * cell}
            height={6 * cell}
            fill="none"
            stroke="currentColor"
            strokeWidth={cell}
          />
          <rect
            x={x + (fx + 2) * cell}
            y={y + (fy + 2) * cell}
            width={3 * cell}
            height={3 * cell}
            fill="currentColor"
          />
        </g>
      ))}
    </g>
  );
}

export interface CardPreviewProps {
  restaurantName: string;
  table: { label: string; url: string };
  paper: Paper;
  perPage: PerPage;
}

/**
 * One card as it will sit on the chosen sheet: the restaurant's name, the invitation, the code with its quiet
 * zone, and the table label printed small. Drawn here from the layout; the download has the real QR code.
 */
export function CardPreview({ restaurantName, table, paper, perPage }: CardPreviewProps) {
  const page = pageSizes[paper];
  const grid = grids[perPage];
  const width = page.width / grid.columns;
  const height = page.height / grid.rows;
  const side = Math.min(width, height) * 0.5;
  const qrX = (width - side) / 2;
  const qrY = height * 0.3;
  const nameSize = Math.min(width, height) * 0.075;
  return (
    <figure className="flex flex-col items-center gap-2">
      <svg
        viewBox={`-2 -2 ${width + 4} ${height + 4}`}
        className="h-auto w-full max-w-72 rounded-md bg-white text-black shadow-sm"
        role="img"
        aria-label={`Preview of the card for table ${table.label}: ${restaurantName}, “Scan for a question to share”, a QR code of ${table.url}, and the label ${table.label} in small print.`}
      >
        <rect
          x={0}
          y={0}
          width={width}
          height={height}
          fill="none"
          stroke="#999"
          strokeDasharray="2 2"
          strokeWidth={0.4}
        />
        <text
          x={width / 2}
          y={height * 0.14}
          textAnchor="middle"
          fontSize={nameSize}
          fontWeight={700}
          fill="currentColor"
        >
          {restaurantName}
        </text>
        <text x={width / 2} y={height * 0.22} textAnchor="middle" fontSize={nameSize * 0.55} fill="currentColor">
          Scan for a question to share
        </text>
        <QrStandIn url={table.url} x={qrX} y={qrY} side={side} />
        <text x={width - 4} y={height - 4} textAnchor="end" fontSize={nameSize * 0.35} fill="#555">
          {table.label}
        </text>
      </svg>
      <figcaption className="text-center text-base text-muted">
        {perPage === 1 ? 'One card' : `${perPage} cards`} per {paper === 'a4' ? 'A4' : 'US Letter'} page, cut along the
        dashed lines.
      </figcaption>
    </figure>
  );
}
