@echo off
rem 万亩千亿评分助手 WPS 加载项:双击卸载(调用 uninstall.ps1)
chcp 65001 >nul
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0uninstall.ps1"
pause
