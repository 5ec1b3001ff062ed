/**
 * Prints one block alone, as the safety plan does: a copy goes to the end of the body, and while
 * printing everything else is hidden (styles.scss, `body.cn-printing`), so the page holds the block
 * and nothing of the screen around it (the shell, the case file).
 */
export function printAlone(document: Document, area: HTMLElement): void {
  const view = document.defaultView;
  if (!view) return;
  const body = document.body;
  body.querySelector('#cn-print-root')?.remove();
  const root = document.createElement('div');
  root.id = 'cn-print-root';
  root.appendChild(area.cloneNode(true));
  body.appendChild(root);
  body.classList.add('cn-printing');
  view.addEventListener(
    'afterprint',
    () => {
      root.remove();
      body.classList.remove('cn-printing');
    },
    { once: true },
  );
  view.print();
}
