# Slipway bootstrap (Windows, called by build.cmd): find the .NET SDK (on PATH, or install the one global.json names
# into .nuke/temp/dotnet), rebuild the build project only when its sources changed, then run the compiled build.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Project = Join-Path $Root 'build/_build.csproj'
$Output = Join-Path $Temp 'build-bin'
$Stamp = Join-Path $Temp 'build.stamp'
$DotNetFile = Join-Path $Temp 'build.dotnet'
$LocalDotNet = Join-Path $Temp 'dotnet'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Get-SourcesStamp {
    $patterns = '*.cs', '*.csproj', '*.props', '*.targets', '*.json'
    $files = @(Get-ChildItem -Path (Join-Path $Root 'build'), (Join-Path $Root 'src') -Recurse -File -Include $patterns |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @(Get-ChildItem -Path $Root -File | Where-Object { $_.Name -match '^(Directory\.Build\..*|Directory\.Packages\.props|global\.json|NuGet\.config)$' })
    $lines = $files | Sort-Object FullName | ForEach-Object {
        $relative = $_.FullName.Substring($Root.Length).Replace('\', '/')
        "$((Get-FileHash -Algorithm SHA256 $_.FullName).Hash) $relative"
    }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '')
}

function Find-DotNet {
    $onPath = Get-Command dotnet -ErrorAction SilentlyContinue
    if ($onPath) {
        Push-Location $Root
        try { & $onPath.Source --version *> $null; if ($LASTEXITCODE -eq 0) { return $onPath.Source } } finally { Pop-Location }
    }
    $local = Join-Path $LocalDotNet 'dotnet.exe'
    if (-not (Test-Path $local)) {
        Write-Host 'Installing the .NET SDK named in global.json into .nuke/temp/dotnet ...'
        New-Item -ItemType Directory -Force -Path $Temp | Out-Null
        $script = Join-Path $Temp 'dotnet-install.ps1'
        Invoke-WebRequest -UseBasicParsing -Uri 'https://dot.net/v1/dotnet-install.ps1' -OutFile $script
        & $script -JsonFile (Join-Path $Root 'global.json') -InstallDir $LocalDotNet -NoPath
    }
    return $local
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$stamp = Get-SourcesStamp
$dotnet = if (Test-Path $DotNetFile) { (Get-Content $DotNetFile -Raw).Trim() } else { '' }
$stored = if (Test-Path $Stamp) { (Get-Content $Stamp -Raw).Trim() } else { '' }
if (-not (Test-Path (Join-Path $Output '_build.dll')) -or $stored -ne $stamp -or -not $dotnet -or -not (Test-Path $dotnet)) {
    $dotnet = Find-DotNet
    Write-Host 'Compiling the build project ...'
    Remove-Item -Force -ErrorAction SilentlyContinue $Stamp
    $log = & $dotnet build $Project -c Release -o $Output -nologo -v quiet -tl:off 2>&1
    if ($LASTEXITCODE -ne 0) { $log | Write-Host; Write-Host 'error: the build project does not compile'; exit 1 }
    Set-Content -NoNewline -Path $DotNetFile -Value $dotnet
    Set-Content -NoNewline -Path $Stamp -Value $stamp
}
if ($dotnet -like "$LocalDotNet*") { $env:DOTNET_ROOT = $LocalDotNet }
& $dotnet (Join-Path $Output '_build.dll') @args
exit $LASTEXITCODE
