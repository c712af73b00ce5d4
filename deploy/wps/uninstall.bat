@echo off
rem 万亩千亿评分助手 WPS 加载项:双击卸载(调用 setup.ps1 uninstall,方式同 install.bat)。
chcp 65001 >nul
set "WANMU_HERE=%~dp0"
powershell -NoProfile -Command "& ([ScriptBlock]::Create([IO.File]::ReadAllText($env:WANMU_HERE + 'setup.ps1', [Text.Encoding]::UTF8))) uninstall"
if errorlevel 1 echo. & echo 卸载未完成,请查看上面的说明。
pause
