namespace Slipway.Ci;

/// <summary>A GitHub-hosted Linux runner a generated job runs on (<c>runs-on</c>).</summary>
public enum GitHubActionsImage
{
    /// <summary><c>ubuntu-24.04</c> (x64).</summary>
    Ubuntu2404,

    /// <summary><c>ubuntu-24.04-arm</c> (arm64).</summary>
    Ubuntu2404Arm,

    /// <summary><c>ubuntu-22.04</c> (x64).</summary>
    Ubuntu2204,

    /// <summary><c>ubuntu-22.04-arm</c> (arm64).</summary>
    Ubuntu2204Arm,

    /// <summary><c>ubuntu-latest</c> (x64; moves with GitHub's choice).</summary>
    UbuntuLatest,
}
