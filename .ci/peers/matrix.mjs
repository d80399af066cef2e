// Which versions each consumer project installs: the lowest and the newest release every declared
// peer range admits, on each React major the react range admits. Versions come from the registry
// (`npm view <name> versions`, one query per package, served from npm's cache when it can).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import semver from 'semver';

const run = promisify(execFile);

/** Type packages installed with React, pinned to the same end of the same major. */
const TYPES = { react: '@types/react', 'react-dom': '@types/react-dom' };
/** @types/node for stripeServer.ts only (the `stripe` SDK's optional peer); our own typings must not need it. */
const NODE_TYPES = { name: '@types/node', range: '^20' };

/** Published, non-prerelease versions of `name`, oldest first. */
async function publishedVersions(name, npmEnv) {
  const { stdout } = await run('npm', ['view', name, 'versions', '--json', '--prefer-offline'], { env: npmEnv, maxBuffer: 64 << 20 });
  const versions = JSON.parse(stdout);
  return (Array.isArray(versions) ? versions : [versions]).filter((v) => semver.valid(v) && !semver.prerelease(v)).sort(semver.compare);
}

/** The oldest and newest published versions satisfying every range in `ranges`. */
function ends(name, versions, ranges) {
  const admitted = versions.filter((v) => ranges.every((range) => semver.satisfies(v, range)));
  if (admitted.length === 0) throw new Error(`no published ${name} satisfies ${ranges.join(' and ')}`);
  return { lowest: admitted[0], newest: admitted.at(-1) };
}

/**
 * Every project to install: `{ name, react, deps }` where `deps` maps each package to an exact
 * version. Peers other than React take their own range's ends (not narrowed per React major: the
 * lowest of each range must install and type-check with React 19 too).
 */
export async function resolveMatrix(pkg, npmEnv) {
  const peers = pkg.peerDependencies ?? {};
  const names = [...Object.keys(peers), ...Object.values(TYPES).filter((name) => !(name in peers)), NODE_TYPES.name];
  const published = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await publishedVersions(name, npmEnv)])));
  const reactMajors = [...new Set(published.react.filter((v) => semver.satisfies(v, peers.react)).map((v) => semver.major(v)))];

  const projects = [];
  for (const major of reactMajors) {
    for (const end of ['lowest', 'newest']) {
      const deps = {};
      for (const [name, range] of Object.entries(peers)) {
        const sameMajor = name === 'react' || name === 'react-dom' ? [`^${major}`] : [];
        deps[name] = ends(name, published[name], [range, ...sameMajor])[end];
      }
      for (const [runtime, types] of Object.entries(TYPES)) {
        // Declared as an (optional) peer: its range too; else any release of the same major.
        const ranges = [`^${major}`, ...(peers[types] ? [peers[types]] : [])];
        deps[types] = ends(types, published[types], ranges)[end];
        if (!semver.satisfies(deps[runtime], `^${major}`)) throw new Error(`${runtime} ${deps[runtime]} is not React ${major}`);
      }
      deps[NODE_TYPES.name] = ends(NODE_TYPES.name, published[NODE_TYPES.name], [NODE_TYPES.range]).newest;
      projects.push({ name: `react${major}-${end}`, react: major, deps });
    }
  }
  return projects;
}
