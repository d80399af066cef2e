import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  // A resource route (no component): the endpoint the provider refreshes through.
  route('api/customer-session', 'routes/api.customer-session.ts'),
] satisfies RouteConfig;
