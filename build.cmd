@echo off
rem Slipway bootstrap for Windows: the same steps as build.sh, in build.ps1.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
