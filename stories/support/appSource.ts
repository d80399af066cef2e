/**
 * Docs parameters showing what an app writes: `children` inside the usual provider. The canvas
 * wraps the component in the story's storefront and session panel instead.
 */
export function appSource(children: string): { docs: { source: { language: 'tsx'; code: string } } } {
  const indented = children
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return {
    docs: {
      source: {
        language: 'tsx',
        code: `<CustomerSessionProvider endpoint="/api/customer-session" publishableKey="pk_test_…">\n${indented}\n</CustomerSessionProvider>`,
      },
    },
  };
}
