// addon-docs ships its MDX loader untyped: a webpack loader, called with the loader context as `this`.
declare module '@storybook/addon-docs/mdx-loader' {
  const loader: (this: { resourcePath: string; getOptions(): unknown; async(): (error: Error | null, code?: string) => void }, source: string) => void;
  export default loader;
}
