// Cloudflare workerd: a module worker (bundled with --conditions=workerd,worker); config from bindings.
import { createApp } from './app.mjs';

let app;
export default {
  fetch(request, env) {
    app ??= createApp(JSON.parse(env.CONTRACT_CONFIG));
    return app(request);
  },
};
