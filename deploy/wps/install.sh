#!/bin/sh
# 万亩千亿评分助手 WPS 加载项:本机安装(Linux,含 UOS、麒麟等信创系统)。
# 把本目录中的 @NAME@_@VERSION@ 复制到当前用户的 jsaddons 目录,并在 jsplugins.xml 和 publish.xml 中登记。
# 两个登记文件按 XML 读写(registry.py,用系统自带的 python3):只增删名为 @NAME@ 的条目,其他加载项的条目、
# 注释和文件格式原样保留;改动前留有备份(*.wanmu-backup)。文件无法读取时不作任何改动。不需要管理员权限。
# jsaddons 目录默认为 ~/.local/share/Kingsoft/wps/jsaddons,可用环境变量 WANMU_JSADDONS 指定。
set -eu
NAME='@NAME@'
VERSION='@VERSION@'
HERE=$(cd "$(dirname "$0")" && pwd)
ADDONS="${WANMU_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
SRC="$HERE/${NAME}_${VERSION}"
DEST="$ADDONS/${NAME}_${VERSION}"
REGISTRY="$HERE/registry.py"

fail() {
  echo "安装失败:$1" >&2
  exit 1
}

[ -f "$SRC/ribbon.xml" ] && [ -f "$SRC/index.html" ] || fail "找不到加载项文件 $SRC/ribbon.xml、index.html(请在解压出的目录中运行)"
[ -f "$REGISTRY" ] || fail "找不到 $REGISTRY(请在解压出的目录中运行)"
PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || fail "本机没有 python3,无法安全地修改 WPS 的加载项列表;未作任何改动。请安装 python3 后重试,或请管理员按《安装说明.txt》手工登记"
# both registry files must be readable before anything changes
"$PYTHON" "$REGISTRY" check "$ADDONS/jsplugins.xml" "$ADDONS/publish.xml" || fail "WPS 的加载项列表无法读取,未作任何改动(原因见上)"

mkdir -p "$ADDONS"
for old in "$ADDONS/${NAME}"_*; do
  [ -d "$old" ] && rm -rf "$old"
done
cp -R "$SRC" "$DEST"

URL="file://$DEST/"
"$PYTHON" "$REGISTRY" add "$ADDONS/jsplugins.xml" "$NAME" "name=$NAME" type=et "url=$URL" "version=$VERSION" enable=true || fail "无法在 jsplugins.xml 中登记(原因见上)"
"$PYTHON" "$REGISTRY" add "$ADDONS/publish.xml" "$NAME" "name=$NAME" type=et "url=$URL" "version=$VERSION" enable=enable_dev install=null || fail "无法在 publish.xml 中登记(原因见上)"

echo "已安装万亩千亿评分助手 $VERSION 到 $DEST"
echo "请完全退出 WPS 后重新打开 WPS 表格(信创系统上可能需要执行 quickstartoffice restart),在“万亩千亿”选项卡中使用。"
