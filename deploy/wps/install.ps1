# 万亩千亿评分助手 WPS 加载项:本机安装(Windows)。
# 把本目录中的 @NAME@_@VERSION@ 复制到 %APPDATA%\kingsoft\wps\jsaddons,并在 jsplugins.xml 和 publish.xml 中登记
# (其他加载项原样保留;旧版本先删除)。不需要管理员权限。可用 -AddonsDir 指定 jsaddons 目录。
param([string]$AddonsDir = (Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'))
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
$Src = Join-Path $PSScriptRoot "${Name}_${Version}"
if (-not (Test-Path (Join-Path $Src 'ribbon.xml'))) { throw "安装失败:找不到加载项文件 $Src\ribbon.xml" }
New-Item -ItemType Directory -Force -Path $AddonsDir | Out-Null
Get-ChildItem -Path $AddonsDir -Directory -Filter "${Name}_*" | Remove-Item -Recurse -Force
$Dest = Join-Path $AddonsDir "${Name}_${Version}"
Copy-Item -Recurse -Path $Src -Destination $Dest
$Url = ([System.Uri]($Dest + '\')).AbsoluteUri

function Register([string]$File, [string]$Entry) {
  if (-not (Test-Path $File)) {
    [System.IO.File]::WriteAllText($File, "<?xml version=`"1.0`" encoding=`"UTF-8`"?>`r`n<jsplugins>`r`n</jsplugins>`r`n", (New-Object System.Text.UTF8Encoding $false))
  }
  $lines = [System.IO.File]::ReadAllLines($File) | Where-Object { $_ -notmatch "name=`"$Name`"" }
  if (-not ($lines -match '</jsplugins>')) { throw "安装失败:$File 不是 jsplugins 列表(缺少 </jsplugins>)" }
  $out = New-Object System.Collections.Generic.List[string]
  $done = $false
  foreach ($l in $lines) {
    if (-not $done -and $l.Contains('</jsplugins>')) { $out.Add("  $Entry"); $done = $true }
    $out.Add($l)
  }
  [System.IO.File]::WriteAllLines($File, $out, (New-Object System.Text.UTF8Encoding $false))
}
Register (Join-Path $AddonsDir 'jsplugins.xml') "<jsplugin name=`"$Name`" type=`"et`" url=`"$Url`" version=`"$Version`" enable=`"true`"/>"
Register (Join-Path $AddonsDir 'publish.xml') "<jsplugin name=`"$Name`" type=`"et`" url=`"$Url`" version=`"$Version`" enable=`"enable_dev`" install=`"null`"/>"
Write-Output "已安装万亩千亿评分助手 $Version 到 $Dest"
Write-Output '请完全退出 WPS 后重新打开 WPS 表格,在“万亩千亿”选项卡中使用。'
