import { css } from 'lit';

/*
 * Design tokens: each is a custom property with the kit's default as the
 * fallback, so a site themes the kit by setting `--egov-*` anywhere above it
 * (e.g. on :root) and the kit never overrides what the site set. The size
 * defaults to `medium` (the reader's browser setting), not the page's root:
 * the kit's rem units follow the element (see kitSheet).
 */
export const tokens = {
  font: css`var(--egov-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif)`,
  fontSize: css`var(--egov-font-size, medium)`,
  text: css`var(--egov-color-text, #0b0c0c)`,
  muted: css`var(--egov-color-text-secondary, #484f53)`,
  background: css`var(--egov-color-background, #ffffff)`,
  surface: css`var(--egov-color-surface, #f3f2f1)`,
  primary: css`var(--egov-color-primary, #0c3c78)`,
  primaryHover: css`var(--egov-color-primary-hover, #082b57)`,
  onPrimary: css`var(--egov-color-on-primary, #ffffff)`,
  link: css`var(--egov-color-link, #0b4ea2)`,
  border: css`var(--egov-color-border, #5f6669)`,
  error: css`var(--egov-color-error, #b1261d)`,
  success: css`var(--egov-color-success, #0b6e35)`,
  info: css`var(--egov-color-info, #0c3c78)`,
  focus: css`var(--egov-color-focus, #ffdd00)`,
  focusText: css`var(--egov-color-focus-text, #0b0c0c)`,
  radius: css`var(--egov-radius, 4px)`,
  space: css`var(--egov-space, 1rem)`,
};
