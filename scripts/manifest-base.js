/*
 * The manifest's base URL, set at build time: `WANMU_BASE_URL=https://intranet.example/wanmu npm run build`
 * writes dist/manifest.xml with every https://localhost:3000 replaced by that URL (used by webpack.config.js).
 */
const DEFAULT_BASE_URL = 'https://localhost:3000';

/** An https origin with an optional path, without the trailing slash; throws a Chinese message otherwise. */
function baseUrl(raw) {
  const value = (raw || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
  let u;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`WANMU_BASE_URL 不是有效的网址:${value}`);
  }
  if (u.protocol !== 'https:') throw new Error(`WANMU_BASE_URL 必须以 https:// 开头(Office 只加载 HTTPS 上的加载项):${value}`);
  if (u.search || u.hash) throw new Error(`WANMU_BASE_URL 不能带查询参数或 #:${value}`);
  return value;
}

function rebaseManifest(xml, base) {
  return xml.split(DEFAULT_BASE_URL).join(base);
}

module.exports = { DEFAULT_BASE_URL, baseUrl, rebaseManifest };
