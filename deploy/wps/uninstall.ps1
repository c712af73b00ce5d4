# 万亩千亿评分助手 WPS 加载项:卸载(Windows)。删除 jsaddons 中的 @NAME@_* 目录及 jsplugins.xml、publish.xml 中
# 本加载项的登记,其他加载项不受影响。
param([string]$AddonsDir = (Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'))
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
if (Test-Path $AddonsDir) {
  Get-ChildItem -Path $AddonsDir -Directory -Filter "${Name}_*" | Remove-Item -Recurse -Force
  foreach ($f in @('jsplugins.xml', 'publish.xml')) {
    $File = Join-Path $AddonsDir $f
    if (Test-Path $File) {
      $lines = [System.IO.File]::ReadAllLines($File) | Where-Object { $_ -notmatch "name=`"$Name`"" }
      [System.IO.File]::WriteAllLines($File, $lines, (New-Object System.Text.UTF8Encoding $false))
    }
  }
}
Write-Output '已卸载万亩千亿评分助手;请重新打开 WPS。'
