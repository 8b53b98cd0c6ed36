/** The few line icons Warren uses (inline SVG, no icon font or remote content). */
const PATHS = {
  topology: 'M5 6h4v4H5zM15 4h4v4h-4zM15 16h4v4h-4zM9 8l6-2M9 8l6 10',
  overview: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z',
  connections:
    'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-1.8 1.8M13.4 10.6a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l1.8-1.8',
  rabbit:
    'M8 3c1.5 0 2 2.5 2 5.5M14 3c-1.5 0-2 2.5-2 5.5M6 15a6 5 0 1 0 12 0a6 5 0 1 0-12 0M10 14h.01M14 14h.01',
  demos: 'M8 5v14l11-7z',
  charts: 'M4 20h16M6 16l4-5 3 3 5-7',
  publish: 'M4 12l16-8-6 16-3-7-7-1z',
  consumers: 'M4 6h16M4 12h16M4 18h10',
  move: 'M4 12h13M13 7l5 5-5 5M4 5v14',
  access: 'M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6zM9 12l2 2 4-4',
  definitions: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h3',
  policies: 'M12 3l7 3v6c0 4-3 7-7 9-4-2-7-5-7-9V6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
