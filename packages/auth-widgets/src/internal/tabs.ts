import { html, type TemplateResult } from 'lit';

export interface TabsView<T extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: { id: T; label: string }[];
  selected: T;
  /** Page-unique ids: `partId('tab-<id>')` and `partId('panel-<id>')`. */
  partId: (part: string) => string;
  /** `focus`: the keyboard chose the tab, so focus follows it. */
  onSelect: (id: T, focus: boolean) => void;
}

/**
 * A WAI-ARIA tab list with automatic activation: one tab in the Tab order,
 * arrow keys (wrapping), Home and End move between tabs. The arrows follow
 * the reading direction: in a right-to-left language the right arrow goes
 * to the tab on the right, which is the previous one. The panels are the
 * caller's, with ids `partId('panel-<id>')`.
 */
export function renderTabs<T extends string>(view: TabsView<T>): TemplateResult {
  const { label, tabs, selected, partId, onSelect } = view;
  const onKeydown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward ? (current === last ? 0 : current + 1)
      : event.key === back ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id, true);
  };
  return html`<div class="egov-tabs" role="tablist" aria-label=${label} @keydown=${onKeydown}>
    ${tabs.map(
      (tab) => html`<button
        type="button"
        role="tab"
        class="egov-tab"
        id=${partId(`tab-${tab.id}`)}
        data-tab=${tab.id}
        aria-selected=${tab.id === selected ? 'true' : 'false'}
        aria-controls=${partId(`panel-${tab.id}`)}
        tabindex=${tab.id === selected ? '0' : '-1'}
        @click=${() => onSelect(tab.id, false)}
      >
        ${tab.label}
      </button>`,
    )}
  </div>`;
}
