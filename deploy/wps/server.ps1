# 万亩千亿评分助手 WPS 加载项:写入内网服务器上的地址(Windows;set-address.bat 以脚本文本调用,地址在 WANMU_BASE 中)。
# 与 set-address.sh 相同:jsplugins.xml、jsplugins-online.xml 按 XML 读写(XmlDocument,保留空白),只改本加载项条目的 url;
# publish.html 由 publish.template.html 生成。兼容 PowerShell 2.0。
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
$Here = $env:WANMU_HERE
if (-not $Here) { $Here = Split-Path -Parent $MyInvocation.MyCommand.Definition }
$Here = $Here.TrimEnd('\')
$Base = $env:WANMU_BASE

function Fail([string]$Message) {
  Write-Host "未完成:$Message" -ForegroundColor Red
  exit 1
}

if (-not $Base -or -not ($Base.StartsWith('http://') -or $Base.StartsWith('https://')) -or $Base.Length -le 8) {
  Fail '请给出本目录在服务器上的地址,以 http:// 或 https:// 开头,如:set-address.bat http://10.1.2.3/wps/wanmu/'
}
foreach ($c in @(' ', '"', "'", '<', '>', '\')) { if ($Base.Contains($c)) { Fail "地址中不能有空格、引号、尖括号或反斜杠:$Base" } }
if (-not $Base.EndsWith('/')) { $Base = $Base + '/' }

function Load([string]$File) {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  $doc.LoadXml([System.IO.File]::ReadAllText($File))
  return $doc
}

# both files readable before anything changes
$docs = @{}
foreach ($f in @('jsplugins.xml', 'jsplugins-online.xml')) {
  $File = Join-Path $Here $f
  try { $docs[$f] = Load $File } catch { Fail "$File 无法读取($($_.Exception.Message)),未作任何改动" }
}
$urls = @{ 'jsplugins.xml' = "$Base${Name}_$Version.zip"; 'jsplugins-online.xml' = "$Base$Name/" }
foreach ($f in @('jsplugins.xml', 'jsplugins-online.xml')) {
  $doc = $docs[$f]
  $n = 0
  foreach ($node in @($doc.DocumentElement.ChildNodes)) {
    if ($node.NodeType -eq [System.Xml.XmlNodeType]::Element -and $node.GetAttribute('name') -eq $Name) { $node.SetAttribute('url', $urls[$f]); $n++ }
  }
  if ($n -eq 0) { Fail "$f 中没有名为 $Name 的条目" }
  $File = Join-Path $Here $f
  $tmp = "$File.wanmu-tmp"
  $doc.Save($tmp)
  # wps-deploy writes these files without a BOM: keep it so
  $bytes = [System.IO.File]::ReadAllBytes($tmp)
  if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) {
    $rest = New-Object byte[] ($bytes.Length - 3)
    [System.Array]::Copy($bytes, 3, $rest, 0, $rest.Length)
    [System.IO.File]::WriteAllBytes($tmp, $rest)
  }
  [System.IO.File]::Replace($tmp, $File, $null)
  Write-Output "${f}:地址改为 $($urls[$f])"
}
$html = [System.IO.File]::ReadAllText((Join-Path $Here 'publish.template.html'), [System.Text.Encoding]::UTF8).Replace('@BASE@', $Base)
[System.IO.File]::WriteAllText((Join-Path $Here 'publish.html'), $html, (New-Object System.Text.UTF8Encoding $false))
Write-Output "已写入地址 $Base。各客户端 oem.ini 的写法见 ${Base}publish.html:"
Write-Output '  [Support] 段(已有就在其中加一行,没有就新建该段)加入 JsApiPlugin=true;'
Write-Output "  [Server] 段(同上)加入 JSPluginsServer=${Base}jsplugins.xml"
