namespace Slipway.Tests.Bootstrap;

/// <summary>A test of <c>build.ps1</c>: skipped (and shown as skipped, not passed) where <c>pwsh</c> is not installed.</summary>
public sealed class PowerShellFactAttribute : FactAttribute
{
    public PowerShellFactAttribute()
    {
        if (PowerShell.Path is null)
            Skip = "pwsh is not installed here (dotnet tool install --global PowerShell --version 7.6.9)";
    }
}
