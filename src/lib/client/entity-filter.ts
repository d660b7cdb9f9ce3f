// Optional enhancement of the entity index (EntityIndex.astro): a "Show" radio group that filters the A–Z
// list by type in place. Without this script the type links jump to the per-type sections instead.
const TYPE_LABELS: Record<string, string> = {
  concept: 'Concepts',
  tool: 'Tools',
  product: 'Products',
  discovered: 'Discovered terms',
};

class EntityIndexElement extends HTMLElement {
  connectedCallback(): void {
    const slot = this.querySelector('.filter-slot');
    if (!slot || slot.childElementCount) return;
    const types = [...this.querySelectorAll<HTMLElement>('.type-filter a[data-type]')].map((a) => a.dataset.type!);
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'filter-choice';
    const legend = document.createElement('legend');
    legend.textContent = 'Show';
    fieldset.append(legend);
    for (const type of ['all', ...types]) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'entity-type';
      input.value = type;
      input.checked = type === 'all';
      input.addEventListener('change', () => this.show(type));
      label.append(input, ' ', type === 'all' ? 'All' : (TYPE_LABELS[type] ?? type));
      fieldset.append(label);
    }
    slot.append(fieldset);
    // The type links now filter the A–Z list rather than jump down the page.
    for (const link of this.querySelectorAll<HTMLAnchorElement>('.type-filter a[data-type]')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const input = fieldset.querySelector<HTMLInputElement>(`input[value="${link.dataset.type}"]`);
        if (input) {
          input.checked = true;
          this.show(link.dataset.type!);
          input.focus();
        }
      });
    }
  }

  show(type: string): void {
    let shown = 0;
    for (const group of this.querySelectorAll<HTMLElement>('.az .letter-group')) {
      let inGroup = 0;
      for (const item of group.querySelectorAll<HTMLElement>('li[data-type]')) {
        const visible = type === 'all' || item.dataset.type === type;
        item.hidden = !visible;
        if (visible) inGroup++;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    const empty = this.querySelector<HTMLElement>('.filter-empty');
    if (empty) empty.hidden = shown > 0;
    this.dataset.filter = type;
  }
}

if (!customElements.get('entity-index')) customElements.define('entity-index', EntityIndexElement);
