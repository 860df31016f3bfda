/** The Mantine theme: a calm public-sector blue, Korean system fonts (no web font is fetched). */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#e8f1ff',
  '#d0e0fb',
  '#a1bef2',
  '#6e9aea',
  '#447be3',
  '#2a68df',
  '#1a5ad6',
  '#0c4bbf',
  '#0042ab',
  '#003897',
];

const fontFamily =
  '"Pretendard", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕", system-ui, -apple-system, "Segoe UI", sans-serif';

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
});

/**
 * Contrast (KWCAG 2.2 / WCAG 1.4.3, 4.5:1): Mantine's default "dimmed" grey (#868e96) is 3.1:1 on
 * our background and its red, teal, green and orange (error text, outline and filled buttons,
 * badges) are 2.5–3.9:1 on white; darker ones for every page.
 */
/** Text, badge and button colours with at least 4.5:1 contrast on white, for states that have a colour. */
export const OK_COLOR = '#087f5b';
export const WARN_COLOR = '#b4460b';
export const ERROR_COLOR = '#c92a2a';

/** A colour's filled, outline, subtle-text and light-variant text at one shade dark enough for 4.5:1. */
function darker(color: string, value: string): Record<string, string> {
  return Object.fromEntries(
    ['filled', 'filled-hover', 'outline', 'text', 'light-color'].map((v) => [`--mantine-color-${color}-${v}`, value]),
  );
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#4f5a67',
    '--mantine-color-placeholder': '#6b7480',
    '--mantine-color-error': ERROR_COLOR,
    ...darker('red', ERROR_COLOR),
    ...darker('teal', OK_COLOR),
    ...darker('green', '#2b8a3e'),
    ...darker('orange', WARN_COLOR),
  },
  dark: {},
});
