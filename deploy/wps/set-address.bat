@echo off
rem 万亩千亿评分助手 WPS 加载项:写入内网服务器上的地址(Windows 服务器,如 IIS;不需要 Node)。
rem 在本目录中运行:set-address.bat http://10.1.2.3/wps/wanmu/
chcp 65001 >nul
set "WANMU_HERE=%~dp0"
set "WANMU_BASE=%~1"
powershell -NoProfile -Command "& ([ScriptBlock]::Create([IO.File]::ReadAllText($env:WANMU_HERE + 'server.ps1', [Text.Encoding]::UTF8)))"
if errorlevel 1 echo. & echo 未完成,请查看上面的说明。
