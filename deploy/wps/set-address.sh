#!/bin/sh
# 万亩千亿评分助手 WPS 加载项:写入内网服务器上的地址(不需要 Node,也不需要重新构建)。
# 在服务器上本目录(wps-server)中运行:  sh set-address.sh http://10.1.2.3/wps/wanmu/
# 把地址写入 jsplugins.xml、jsplugins-online.xml(按 XML 读写,见 registry.py;只改本加载项条目的 url)
# 和 publish.html(由 publish.template.html 生成)。地址是本目录在服务器上的访问地址。
set -eu
NAME='@NAME@'
VERSION='@VERSION@'
HERE=$(cd "$(dirname "$0")" && pwd)

fail() {
  echo "未完成:$1" >&2
  exit 1
}

BASE="${1:-}"
case "$BASE" in
  http://?*|https://?*) ;;
  *) fail "请给出本目录在服务器上的地址,以 http:// 或 https:// 开头,如:sh set-address.sh http://10.1.2.3/wps/wanmu/" ;;
esac
case "$BASE" in
  *[\ \"\'\<\>\\]*) fail "地址中不能有空格、引号、尖括号或反斜杠:$BASE" ;;
esac
case "$BASE" in
  */) ;;
  *) BASE="$BASE/" ;;
esac
PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || fail "本机没有 python3,无法安全地修改 jsplugins.xml;未作任何改动。也可在 Windows 上运行 set-address.bat"
REGISTRY="$HERE/registry.py"
"$PYTHON" "$REGISTRY" check "$HERE/jsplugins.xml" "$HERE/jsplugins-online.xml" || fail "jsplugins.xml 无法读取,未作任何改动(原因见上)"
"$PYTHON" "$REGISTRY" seturl "$HERE/jsplugins.xml" "$NAME" "${BASE}${NAME}_${VERSION}.zip"
"$PYTHON" "$REGISTRY" seturl "$HERE/jsplugins-online.xml" "$NAME" "${BASE}${NAME}/"
"$PYTHON" "$REGISTRY" fill "$HERE/publish.template.html" "$HERE/publish.html" "BASE=$BASE"
echo "已写入地址 $BASE。各客户端 oem.ini 的写法见 ${BASE}publish.html:"
echo "  [Support] 段(已有就在其中加一行,没有就新建该段)加入 JsApiPlugin=true;"
echo "  [Server] 段(同上)加入 JSPluginsServer=${BASE}jsplugins.xml"
