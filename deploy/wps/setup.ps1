# 万亩千亿评分助手 WPS 加载项:本机安装与卸载(Windows,只为当前用户,不需要管理员权限)。
#   install:把本目录中的 @NAME@_@VERSION@ 复制到 %APPDATA%\kingsoft\wps\jsaddons,并在 jsplugins.xml、publish.xml 中登记;
#   uninstall:删除 jsaddons 中的 @NAME@_* 目录和这两个文件中本加载项的登记。
# 两个登记文件按 XML 读写(.NET 的 XmlDocument,保留空白):只增删名为 @NAME@ 的 <jsplugin> 条目,其他加载项的条目、
# 注释、XML 声明、BOM 和换行原样保留;改动前另存 *.wanmu-backup,先写临时文件再替换。文件无法读取时不作任何改动。
# 与 Linux 的 install.sh / uninstall.sh(registry.py)步骤相同:先检查两个文件都能读取,再复制,再登记。
# 由 install.bat / uninstall.bat 以脚本文本调用(不需要改变执行策略,也不用 -ExecutionPolicy Bypass);
# 兼容 Windows 7 自带的 PowerShell 2.0(不用 PowerShell 3 起才有的 PSScriptRoot 变量、Get-ChildItem 的 Directory 开关等)。
param([string]$Action = 'install', [string]$AddonsDir = '')
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
if ($AddonsDir -eq '') { $AddonsDir = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons' }
# the folder of this script: given by the .bat (the text runs as a script block), else where the file is
$Here = $env:WANMU_HERE
if (-not $Here) { $Here = Split-Path -Parent $MyInvocation.MyCommand.Definition }
$Here = $Here.TrimEnd('\')

function Fail([string]$Message) {
  Write-Host $Message -ForegroundColor Red
  exit 1
}

function Has-Bom([string]$File) {
  $bytes = [System.IO.File]::ReadAllBytes($File)
  return ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF)
}

# the registry file as a DOM (whitespace kept), or $null when absent or empty; throws when unreadable
function Read-Registry([string]$File) {
  if (-not (Test-Path -LiteralPath $File)) { return $null }
  $text = [System.IO.File]::ReadAllText($File)
  if ($text.Trim() -eq '') { return $null }
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  $doc.LoadXml($text.TrimStart([char]0xFEFF))
  if ($doc.DocumentElement.Name -ne 'jsplugins') { throw "根元素是 <$($doc.DocumentElement.Name)>,不是 <jsplugins>" }
  return $doc
}

function Check-Registries() {
  foreach ($f in @('jsplugins.xml', 'publish.xml')) {
    $File = Join-Path $AddonsDir $f
    try { $null = Read-Registry $File } catch { Fail "$File 不是可以读取的加载项列表($($_.Exception.Message))。未作任何改动;请先备份并修正或删除该文件,再重新运行。" }
  }
}

function Line-End([string]$File) {
  if ((Test-Path -LiteralPath $File) -and ([System.IO.File]::ReadAllText($File).Contains("`r`n"))) { return "`r`n" }
  if (Test-Path -LiteralPath $File) { return "`n" }
  return "`r`n"
}

# removes our entries (with the whitespace before each) and, when $Attrs is given, adds one; saves atomically
function Edit-Registry([string]$File, $Attrs) {
  $doc = Read-Registry $File
  $existed = Test-Path -LiteralPath $File
  $nl = Line-End $File
  if ($doc -eq $null) {
    if ($Attrs -eq $null) { return 0 }
    $doc = New-Object System.Xml.XmlDocument
    $doc.PreserveWhitespace = $true
    $doc.LoadXml("<?xml version=`"1.0`" encoding=`"UTF-8`"?>$nl<jsplugins>$nl</jsplugins>")
  }
  $root = $doc.DocumentElement
  $removed = 0
  foreach ($node in @($root.SelectNodes('jsplugin'))) {
    if ($node.GetAttribute('name') -ne $Name) { continue }
    $prev = $node.PreviousSibling
    if ($prev -ne $null -and $prev.NodeType -eq [System.Xml.XmlNodeType]::Whitespace) { [void]$root.RemoveChild($prev) }
    [void]$root.RemoveChild($node)
    $removed++
  }
  if ($Attrs -ne $null) {
    $entry = $doc.CreateElement('jsplugin')
    foreach ($pair in $Attrs) { $entry.SetAttribute($pair[0], $pair[1]) }
    $last = $root.LastChild
    if ($last -ne $null -and $last.NodeType -eq [System.Xml.XmlNodeType]::Whitespace -and $last.Value.Contains("`n")) {
      # the end tag on a line of its own: our entry on the line before it
      [void]$root.InsertBefore($doc.CreateWhitespace("$nl  "), $last)
      [void]$root.InsertBefore($entry, $last)
    } else {
      [void]$root.AppendChild($entry)
    }
  } elseif ($removed -eq 0) {
    return 0
  }
  $bom = $false
  if ($existed) {
    $bom = Has-Bom $File
    Copy-Item -LiteralPath $File -Destination "$File.wanmu-backup" -Force
  }
  $tmp = "$File.wanmu-tmp"
  # XmlDocument.Save writes the document's own declaration (if any) and a UTF-8 BOM: the BOM is kept only where the file had one
  $doc.Save($tmp)
  $bytes = [System.IO.File]::ReadAllBytes($tmp)
  if (-not $bom -and $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) {
    $rest = New-Object byte[] ($bytes.Length - 3)
    [System.Array]::Copy($bytes, 3, $rest, 0, $rest.Length)
    [System.IO.File]::WriteAllBytes($tmp, $rest)
  }
  if ($existed) { [System.IO.File]::Replace($tmp, $File, $null) } else { [System.IO.File]::Move($tmp, $File) }
  return [Math]::Max($removed, 1)
}

if ($Action -eq 'install') {
  $Src = Join-Path $Here "${Name}_${Version}"
  if (-not (Test-Path -LiteralPath (Join-Path $Src 'ribbon.xml'))) { Fail "安装失败:找不到加载项文件 $Src\ribbon.xml(请在解压出的目录中运行)" }
  New-Item -ItemType Directory -Force -Path $AddonsDir | Out-Null
  Check-Registries
  Get-ChildItem -LiteralPath $AddonsDir -Filter "${Name}_*" | Where-Object { $_.PSIsContainer } | Remove-Item -Recurse -Force
  $Dest = Join-Path $AddonsDir "${Name}_${Version}"
  Copy-Item -Recurse -LiteralPath $Src -Destination $Dest
  $Url = ([System.Uri]($Dest + '\')).AbsoluteUri
  try {
    $null = Edit-Registry (Join-Path $AddonsDir 'jsplugins.xml') @(@('name', $Name), @('type', 'et'), @('url', $Url), @('version', $Version), @('enable', 'true'))
    $null = Edit-Registry (Join-Path $AddonsDir 'publish.xml') @(@('name', $Name), @('type', 'et'), @('url', $Url), @('version', $Version), @('enable', 'enable_dev'), @('install', 'null'))
  } catch {
    Fail "安装未完成:无法登记加载项($($_.Exception.Message))。原文件另存为 *.wanmu-backup。"
  }
  Write-Output "已安装万亩千亿评分助手 $Version 到 $Dest"
  Write-Output '请完全退出 WPS 后重新打开 WPS 表格,在“万亩千亿”选项卡中使用。'
} elseif ($Action -eq 'uninstall') {
  if (-not (Test-Path -LiteralPath $AddonsDir)) { Write-Output "未找到已安装的万亩千亿评分助手($AddonsDir)。"; exit 0 }
  Check-Registries
  $found = 0
  foreach ($d in @(Get-ChildItem -LiteralPath $AddonsDir -Filter "${Name}_*" | Where-Object { $_.PSIsContainer })) { Remove-Item -LiteralPath $d.FullName -Recurse -Force; $found++ }
  try {
    foreach ($f in @('jsplugins.xml', 'publish.xml')) { $found += (Edit-Registry (Join-Path $AddonsDir $f) $null) }
  } catch {
    Fail "卸载未完成:无法修改加载项列表($($_.Exception.Message))。原文件另存为 *.wanmu-backup。"
  }
  if ($found -gt 0) { Write-Output '已卸载万亩千亿评分助手;请重新打开 WPS。' } else { Write-Output "未找到已安装的万亩千亿评分助手($AddonsDir)。" }
} else {
  Fail "用法:setup.ps1 install|uninstall [-AddonsDir 目录]"
}
