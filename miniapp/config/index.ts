import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'

// Taro 4.2 + webpack5 runner (see shared/research/taro-miniapp.md §3).
// Every TARO_APP_* variable lives in .env (pitfall P1: an unset one stays as `process.env.X`,
// and a mini-program has no `process`).
export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'mc-miniapp',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`, // dist/weapp, dist/h5
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      // The API server serves this build under /shop/ (same origin as /api).
      publicPath: '/shop/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro splits only the initial chunks, so every lazily loaded page chunk carried its own copy of
        // the H5 components runtime (~240 KB each). Modules shared by two or more pages go to one chunk.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              asyncShared: { name: 'async-shared', chunks: 'async', minChunks: 2, priority: -5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }
  return merge({}, base)
})
