@echo off
rem 万亩千亿评分助手 WPS 加载项:双击安装(只为当前用户,不需要管理员权限)。
rem setup.ps1 以脚本文本交给 PowerShell 执行(不改变、也不绕过执行策略;Windows 7 的 PowerShell 2.0 也可用)。
chcp 65001 >nul
set "WANMU_HERE=%~dp0"
powershell -NoProfile -Command "& ([ScriptBlock]::Create([IO.File]::ReadAllText($env:WANMU_HERE + 'setup.ps1', [Text.Encoding]::UTF8))) install"
if errorlevel 1 echo. & echo 安装未完成,请查看上面的说明。如提示 PowerShell 被禁用,请联系管理员。
pause
