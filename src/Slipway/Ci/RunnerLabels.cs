namespace Slipway.Ci;

/// <summary>The <c>runs-on</c> labels of GitHub-hosted runners: of an image, and of the native runner for a platform.</summary>
internal static class RunnerLabels
{
    private static readonly IReadOnlyDictionary<string, string> NativeDefaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["linux/amd64"] = Of(GitHubActionsImage.Ubuntu2404),
        ["linux/arm64"] = Of(GitHubActionsImage.Ubuntu2404Arm),
        ["linux/arm64/v8"] = Of(GitHubActionsImage.Ubuntu2404Arm),
    };

    public static string Of(GitHubActionsImage image) => image switch
    {
        GitHubActionsImage.Ubuntu2404 => "ubuntu-24.04",
        GitHubActionsImage.Ubuntu2404Arm => "ubuntu-24.04-arm",
        GitHubActionsImage.Ubuntu2204 => "ubuntu-22.04",
        GitHubActionsImage.Ubuntu2204Arm => "ubuntu-22.04-arm",
        GitHubActionsImage.UbuntuLatest => "ubuntu-latest",
        _ => throw new SlipwayException($"unknown runner image {image}"),
    };

    /// <summary>The runner for each platform: <paramref name="overrides"/> (<c>platform=label</c>) first, then the defaults.</summary>
    public static string NativeFor(string platform, IReadOnlyList<string> overrides, string workflow)
    {
        foreach (var entry in overrides)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new SlipwayException($"workflow '{workflow}': PlatformRunners entry '{entry}' is not platform=runner-label");
            if (parts[0] == platform)
                return parts[1];
        }
        return NativeDefaults.TryGetValue(platform, out var label)
            ? label
            : throw new SlipwayException(
                $"workflow '{workflow}': no GitHub-hosted runner builds {platform} natively; " +
                $"add PlatformRunners = [\"{platform}=<runner label>\"] or use MultiArch = MultiArchShape.Qemu");
    }
}
