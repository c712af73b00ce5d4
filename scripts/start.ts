/**
 * npm start: serves dist/ over HTTPS on localhost (office-addin-dev-certs makes and trusts a local
 * certificate) and says how to sideload the add-in in Excel on Windows, Mac and the web, and where
 * the file-mode page is. Without a usable certificate it serves file mode over HTTP on 127.0.0.1
 * only (Office requires HTTPS) and says why.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { staticHandler } from './static-server';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.PORT ?? 3000);

function say(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

type Cert = { cert: Buffer; key: Buffer; ca: Buffer; untrusted?: string };

/** The local certificate; when it was made but could not be trusted (no sudo, no keychain), it is still used, and the user is told. */
async function certificate(): Promise<Cert | { problem: string }> {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  try {
    const certs = await import('office-addin-dev-certs');
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const problem = (e instanceof Error ? e.message : String(e)).trim();
    const files = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
    if (files.every((f) => fs.existsSync(f))) {
      const [cert, key, ca] = files.map((f) => fs.readFileSync(f));
      return { cert, key, ca, untrusted: problem };
    }
    return { problem };
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    say(['dist/ 中没有构建结果,请先运行:npm run build']);
    process.exitCode = 1;
    return;
  }
  const handler = staticHandler(dist);
  const cert = await certificate();
  if ('problem' in cert) {
    http.createServer(handler).listen(port, '127.0.0.1', () =>
      say([
        `无法生成或安装本机 HTTPS 证书(${cert.problem})。`,
        'Office 只加载 HTTPS 上的加载项,因此现在只提供文件模式:',
        `  文件模式:http://127.0.0.1:${port}/file.html`,
        `  离线页面:${path.join(dist, 'wanmu-offline.html')}(可直接双击打开)`,
        '如需在 Excel 中加载,请在可安装证书的电脑上运行 npx office-addin-dev-certs install 后再运行 npm start。',
      ]),
    );
    return;
  }
  https.createServer({ cert: cert.cert, key: cert.key, ca: cert.ca }, handler).listen(port, 'localhost', () =>
    say([
      `万亩千亿评分助手已在 https://localhost:${port}/ 提供(按 Ctrl+C 停止)。`,
      '',
      '在 Excel 中旁加载(sideload)清单 dist/manifest.xml:',
      '  Windows:把 dist 所在文件夹设为共享文件夹,在 Excel “文件 › 选项 › 信任中心 › 信任中心设置 › 受信任的加载项目录”中添加其网络路径并勾选“显示在菜单中”,',
      '           重启 Excel 后在“开始 › 加载项 › 高级 › 共享文件夹”中选择“万亩千亿评分助手”。',
      '  Mac:把 dist/manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/(没有 wef 文件夹就新建),重启 Excel,',
      '       在“开始 › 加载项”中选择“万亩千亿评分助手”。',
      '  网页版 Excel:打开工作簿,“开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项”,选择 dist/manifest.xml。',
      '',
      `文件模式(不在 Excel 中,打开 .xlsx 文件检查、填写并下载):https://localhost:${port}/file.html`,
      `离线页面(无需服务器和网络,可直接双击):${path.join(dist, 'wanmu-offline.html')}`,
      ...(cert.untrusted
        ? ['', `注意:本机证书已生成,但未能加入系统信任列表(${cert.untrusted})。Excel 会拒绝不受信任的证书;请以管理员身份运行 npx office-addin-dev-certs install,或改用离线页面。`]
        : []),
    ]),
  );
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
