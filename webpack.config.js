/*
 * Build of the Office add-in and its fallbacks:
 *  - dist/functions.js (+ functions.json): the WANMU.* custom functions (no React);
 *  - dist/taskpane.html + taskpane.js (+ charts chunk, loaded on demand): the pane inside Excel, which
 *    loads office.js — the only network request — and is also the shared runtime of functions and
 *    ribbon commands;
 *  - dist/file.html: the same pane for a plain browser (file mode), without office.js;
 *  - dist/wanmu-offline.html: one self-contained page (scripts and styles inline) that works from
 *    file:// with no server and no network;
 *  - manifest.xml and assets. `WANMU_BASE_URL=https://host/path npm run build` sets the manifest's
 *    base URL (default https://localhost:3000).
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const { baseUrl, rebaseManifest } = require('./scripts/manifest-base');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Content-Security-Policy per page. Only the Office page may reach appsforoffice.microsoft.com
 * (office.js and the scripts it loads); the others allow nothing outside the page itself.
 * Styles are inserted at run time by Fluent UI (Griffel), hence 'unsafe-inline' for styles.
 */
function csp(kind) {
  const office = kind === 'office' ? ' https://appsforoffice.microsoft.com' : '';
  const self = kind === 'offline' ? '' : " 'self'";
  const scripts = kind === 'offline' ? "'unsafe-inline'" : `'self'${office}`;
  return [
    `default-src 'none'`,
    `script-src ${scripts}`,
    `style-src 'unsafe-inline'${self}`,
    `img-src data: blob:${self}${office}`,
    `font-src data:${self}`,
    `connect-src${self || " 'none'"}${office}`,
    `frame-src${office || " 'none'"}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

function page(kind) {
  const officeScript = kind === 'office' ? `\n    <!-- office.js is the only thing loaded from the network; no telemetry, no other requests. -->\n    <script type="text/javascript" src="${OFFICE_JS}"></script>` : '';
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp(kind)}" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>万亩千亿评分助手</title>${officeScript}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.build.json' } },
};

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const base = baseUrl(process.env.WANMU_BASE_URL);
  const common = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };
  const addin = {
    ...common,
    name: 'addin',
    entry: {
      functions: './src/hosts/excel/functions-entry.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].chunk.js',
      clean: { keep: /^wanmu-offline\.html$/ },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/hosts/excel/functions-entry.ts' }),
      // The functions register themselves with CustomFunctions.associate, which exists only in Excel's
      // custom functions runtime: outside it (a plain browser, Excel without custom functions) the
      // page must not fail, so functions.js does nothing there.
      new webpack.BannerPlugin({ banner: 'if (typeof CustomFunctions !== "undefined") {', raw: true, entryOnly: true, include: /^functions\.js$/ }),
      new webpack.BannerPlugin({ banner: '}', raw: true, footer: true, entryOnly: true, include: /^functions\.js$/ }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: page('office'),
        // Shared runtime: the task pane page also loads the functions.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({ filename: 'file.html', templateContent: page('file'), chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rebaseManifest(content.toString('utf8'), base) },
        ],
      }),
    ],
  };
  const offline = {
    ...common,
    name: 'offline',
    entry: { offline: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: 'wanmu-offline.js', clean: false },
    plugins: [
      // one file: the charts are bundled in rather than loaded as a chunk
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({ filename: 'wanmu-offline.html', templateContent: page('offline'), inject: 'body' }),
      new HtmlInlineScriptPlugin(),
    ],
  };
  return [addin, offline];
};
