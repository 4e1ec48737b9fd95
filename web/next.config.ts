import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The api and relay addresses are read at run time by server.mjs (the proxy), never baked in here.
};

export default config;
