#!/bin/sh
# 万亩千亿评分助手 WPS 加载项:卸载(Linux)。删除 jsaddons 中的 @NAME@_* 目录及 jsplugins.xml、publish.xml 中
# 本加载项的登记,其他加载项不受影响。jsaddons 目录可用环境变量 WANMU_JSADDONS 指定。
set -eu
NAME='@NAME@'
ADDONS="${WANMU_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
removed=0
for old in "$ADDONS/${NAME}"_*; do
  if [ -d "$old" ]; then
    rm -rf "$old"
    removed=1
  fi
done
for file in "$ADDONS/jsplugins.xml" "$ADDONS/publish.xml"; do
  if [ -f "$file" ] && grep -q "name=\"$NAME\"" "$file"; then
    # grep -v exits 1 when no line is left: not an error here
    grep -v "name=\"$NAME\"" "$file" > "$file.wanmu.tmp" || [ $? -eq 1 ]
    mv "$file.wanmu.tmp" "$file"
    removed=1
  fi
done
if [ "$removed" = 1 ]; then
  echo "已卸载万亩千亿评分助手;请重新打开 WPS。"
else
  echo "未找到已安装的万亩千亿评分助手($ADDONS)。"
fi
