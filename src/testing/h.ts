/** Tiny DOM builder for the stand-ins: `h('div', { style: {...}, 'aria-label': 'x' }, child, 'text')`. */
export function h(
  tag: string,
  attributes: { style?: Partial<CSSStyleDeclaration> } & Record<string, string | Partial<CSSStyleDeclaration> | undefined> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style') Object.assign(node.style, value);
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
