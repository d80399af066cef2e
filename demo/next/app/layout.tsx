import type { ReactNode } from 'react';

export const metadata = { title: 'Northwind Coffee · Next.js demo of react-stripe-customer-session' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
