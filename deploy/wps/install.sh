#!/bin/sh
# 万亩千亿评分助手 WPS 加载项:本机安装(Linux,含 UOS、麒麟等信创系统)。
# 把本目录中的 @NAME@_@VERSION@ 复制到当前用户的 jsaddons 目录,并在 jsplugins.xml 和 publish.xml 中登记
# (已有的其他加载项原样保留;旧版本的万亩千亿加载项先删除)。不需要管理员权限。
# jsaddons 目录默认为 ~/.local/share/Kingsoft/wps/jsaddons,可用环境变量 WANMU_JSADDONS 指定。
set -eu
NAME='@NAME@'
VERSION='@VERSION@'
HERE=$(cd "$(dirname "$0")" && pwd)
ADDONS="${WANMU_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
SRC="$HERE/${NAME}_${VERSION}"
DEST="$ADDONS/${NAME}_${VERSION}"

if [ ! -f "$SRC/ribbon.xml" ] || [ ! -f "$SRC/index.html" ]; then
  echo "安装失败:找不到加载项文件 $SRC/ribbon.xml、index.html" >&2
  exit 1
fi
mkdir -p "$ADDONS"
for old in "$ADDONS/${NAME}"_*; do
  [ -d "$old" ] && rm -rf "$old"
done
cp -R "$SRC" "$DEST"

URL="file://$DEST/"
# remove our entry (a line holding name="NAME"), then add it before </jsplugins>
register() {
  file="$1"
  entry="$2"
  if [ ! -f "$file" ]; then
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' > "$file"
  fi
  if ! grep -q '</jsplugins>' "$file"; then
    echo "安装失败:$file 不是 jsplugins 列表(缺少 </jsplugins>),请检查后重试" >&2
    exit 1
  fi
  tmp="$file.wanmu.tmp"
  grep -v "name=\"$NAME\"" "$file" | awk -v entry="$entry" '{ if (!done && index($0, "</jsplugins>")) { print "  " entry; done = 1 } print }' > "$tmp"
  mv "$tmp" "$file"
}
register "$ADDONS/jsplugins.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"$URL\" version=\"$VERSION\" enable=\"true\"/>"
register "$ADDONS/publish.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"$URL\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\"/>"

echo "已安装万亩千亿评分助手 $VERSION 到 $DEST"
echo "请完全退出 WPS 后重新打开 WPS 表格(信创系统上可能需要执行 quickstartoffice restart),在“万亩千亿”选项卡中使用。"
