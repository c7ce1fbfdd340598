namespace Slipway.Ci;

/// <summary>The <c>runs-on</c> label of a GitHub-hosted runner image.</summary>
public static class RunnerLabel
{
    public static string Of(GitHubActionsImage image) => image switch
    {
        GitHubActionsImage.Ubuntu2404 => "ubuntu-24.04",
        GitHubActionsImage.Ubuntu2404Arm => "ubuntu-24.04-arm",
        GitHubActionsImage.Ubuntu2204 => "ubuntu-22.04",
        GitHubActionsImage.Ubuntu2204Arm => "ubuntu-22.04-arm",
        GitHubActionsImage.UbuntuLatest => "ubuntu-latest",
        _ => throw new SlipwayException($"unknown runner image {image}"),
    };
}
