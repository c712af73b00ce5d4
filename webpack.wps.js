/*
 * Build of the WPS add-in (dist/wps): index.html (the entry page WPS loads: functions.js then
 * main.js), pane.html (+ pane.js: the add-in's task pane, src/taskpane/App.tsx over WpsHost;
 * *.chunk.js: its charts, loaded when shown), ribbon.xml, images, functions.json.
 * The functions' metadata is generated from src/hosts/excel/functions-entry.ts by the same generator the
 * Excel build uses (custom-functions-metadata), and put into functions.js at build time.
 * The deployment folders (dist/wps-server, dist/wps-offline) are made by scripts/wps-deploy.js.
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, 'src/hosts/excel/functions-entry.ts'), false);
  if (generated.errors.length > 0) throw new Error(`functions.ts metadata: ${generated.errors.join('; ')}`);
  const metadata = JSON.parse(generated.metadataJson);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/wps/functions-entry.ts',
      main: './src/wps/main.ts',
      pane: './src/wps/pane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/wps'),
      filename: '[name].js',
      // the pane's charts are loaded when the 图表 tab opens
      chunkFilename: '[name].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.build.json' } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ WANMU_FUNCTIONS_JSON: JSON.stringify(metadata) }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['functions', 'main'], chunksSortMode: 'manual', scriptLoading: 'blocking', inject: 'body' }),
      new HtmlWebpackPlugin({ filename: 'pane.html', template: './src/wps/pane.html', chunks: ['pane'], scriptLoading: 'blocking', inject: 'body' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/images', to: 'images' },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('WanmuFunctionsJson', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'WanmuFunctionsJson', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              compilation.emitAsset('functions.json', new webpack.sources.RawSource(generated.metadataJson));
            });
          });
        },
      },
    ],
  };
};
