@echo off
rem 万亩千亿评分助手 WPS 加载项:双击安装(调用 install.ps1,仅当前用户,不需要管理员权限)
chcp 65001 >nul
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1"
pause
