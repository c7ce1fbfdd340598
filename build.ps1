# Slipway bootstrap (Windows, called by build.cmd; also runs under pwsh elsewhere): find the .NET SDK (on PATH, or
# install the one global.json names into .nuke/temp/dotnet), rebuild the build project only when its sources changed
# (or its compiled files were damaged since), then run the compiled build. Its own lines go to standard error, as
# build.sh's do, so standard output is the build's alone.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Project = Join-Path $Root 'build/_build.csproj'
$Output = Join-Path $Temp 'build-bin'
$Stamp = Join-Path $Temp 'build.stamp'
$Files = Join-Path $Temp 'build-bin.files'
$DotNetFile = Join-Path $Temp 'build.dotnet'
$LocalDotNet = Join-Path $Temp 'dotnet'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Get-SourcesStamp {
    $patterns = '*.cs', '*.csproj', '*.props', '*.targets', '*.json', '*.sh', '*.proto'
    $folders = @('build', 'src', 'provision' | ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ })
    $files = @(Get-ChildItem -Path $folders -Recurse -File -Include $patterns |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @(Get-ChildItem -Path $Root -File | Where-Object { $_.Name -match '^(Directory\.Build\..*|Directory\.Packages\.props|global\.json|NuGet\.config)$' })
    $lines = $files | Sort-Object FullName | ForEach-Object {
        $relative = $_.FullName.Substring($Root.Length).Replace('\', '/')
        "$((Get-FileHash -Algorithm SHA256 $_.FullName).Hash) $relative"
    }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '')
}

# Size and name of every file of the compiled build, as recorded after compiling it: a file truncated, replaced or
# removed since (the build would fail to load, e.g. with BadImageFormatException) changes this list.
function Get-CompiledFiles {
    if (-not (Test-Path $Output)) { return @() }
    $prefix = (Resolve-Path $Output).Path.TrimEnd('\', '/').Length + 1
    @(Get-ChildItem -Path $Output -Recurse -File | ForEach-Object { "$($_.Length) ./$($_.FullName.Substring($prefix).Replace('\', '/'))" } |
        Sort-Object { $_.Substring($_.IndexOf(' ') + 1) } -CaseSensitive)
}

# The first file whose size or presence differs from the recorded list, or $null.
function Get-DamagedFile {
    $recorded = @(Get-Content $Files)
    $now = @(Get-CompiledFiles)
    $difference = Compare-Object -ReferenceObject $recorded -DifferenceObject $now -CaseSensitive | Select-Object -First 1
    if ($difference) { return $difference.InputObject.Substring($difference.InputObject.IndexOf(' ') + 3) }
    return $null
}

function Write-Status([string] $line) { [Console]::Error.WriteLine($line) }

function Find-DotNet {
    $onPath = Get-Command dotnet -ErrorAction SilentlyContinue
    if ($onPath) {
        Push-Location $Root
        try { & $onPath.Source --version *> $null; if ($LASTEXITCODE -eq 0) { return $onPath.Source } } finally { Pop-Location }
    }
    $local = Join-Path $LocalDotNet 'dotnet.exe'
    if (-not (Test-Path $local)) {
        Write-Status 'Installing the .NET SDK named in global.json into .nuke/temp/dotnet ...'
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
$damaged = $null
if ((Test-Path (Join-Path $Output '_build.dll')) -and (Test-Path $Files) -and $stored -eq $stamp) { $damaged = Get-DamagedFile }
if ($damaged -or -not (Test-Path (Join-Path $Output '_build.dll')) -or $stored -ne $stamp -or -not $dotnet -or -not (Test-Path $dotnet)) {
    $dotnet = Find-DotNet
    if ($damaged) {
        Write-Status "The compiled build does not load ($damaged in .nuke/temp/build-bin changed after it was compiled): compiling it again ..."
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $Output
    } else {
        Write-Status 'Compiling the build project ...'
    }
    Remove-Item -Force -ErrorAction SilentlyContinue $Stamp, $Files
    $log = & $dotnet build $Project -c Release -o $Output -nologo -v quiet -tl:off 2>&1
    if ($LASTEXITCODE -ne 0) { $log | ForEach-Object { Write-Status "$_" }; Write-Status 'error: the build project does not compile'; exit 1 }
    Set-Content -NoNewline -Path $DotNetFile -Value $dotnet
    Set-Content -Path $Files -Value (Get-CompiledFiles)
    Set-Content -NoNewline -Path $Stamp -Value $stamp
} elseif (-not (Test-Path $Files)) {
    Set-Content -Path $Files -Value (Get-CompiledFiles) # compiled by an older build.ps1: from now on its files are checked
}
if ($dotnet -like "$LocalDotNet*") { $env:DOTNET_ROOT = $LocalDotNet }
& $dotnet (Join-Path $Output '_build.dll') @args
exit $LASTEXITCODE
