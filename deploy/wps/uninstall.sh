#!/bin/sh
# 万亩千亿评分助手 WPS 加载项:卸载(Linux)。删除 jsaddons 中的 @NAME@_* 目录,并从 jsplugins.xml、publish.xml
# 中删除名为 @NAME@ 的条目(按 XML 读写,见 registry.py;其他加载项不受影响,改动前留有备份)。
# jsaddons 目录可用环境变量 WANMU_JSADDONS 指定。
set -eu
NAME='@NAME@'
HERE=$(cd "$(dirname "$0")" && pwd)
ADDONS="${WANMU_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
REGISTRY="$HERE/registry.py"

fail() {
  echo "卸载失败:$1" >&2
  exit 1
}

[ -f "$REGISTRY" ] || fail "找不到 $REGISTRY(请在解压出的目录中运行)"
PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || fail "本机没有 python3,无法安全地修改 WPS 的加载项列表;未作任何改动。请安装 python3 后重试"
"$PYTHON" "$REGISTRY" check "$ADDONS/jsplugins.xml" "$ADDONS/publish.xml" || fail "WPS 的加载项列表无法读取,未作任何改动(原因见上)"

removed=0
for old in "$ADDONS/${NAME}"_*; do
  if [ -d "$old" ]; then
    rm -rf "$old"
    removed=1
  fi
done
for file in "$ADDONS/jsplugins.xml" "$ADDONS/publish.xml"; do
  out=$("$PYTHON" "$REGISTRY" remove "$file" "$NAME") || fail "无法修改 $file(原因见上)"
  echo "$out"
  case "$out" in *删除了*) removed=1 ;; esac
done
if [ "$removed" = 1 ]; then
  echo "已卸载万亩千亿评分助手;请重新打开 WPS。"
else
  echo "未找到已安装的万亩千亿评分助手($ADDONS)。"
fi
