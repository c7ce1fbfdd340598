using Slipway.Ci;

namespace Slipway.Containers.Ci;

/// <summary>The GitHub-hosted runner that builds a platform natively: <c>PlatformRunners</c> overrides first, then the defaults.</summary>
internal static class NativeRunners
{
    private static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["linux/amd64"] = RunnerLabel.Of(GitHubActionsImage.Ubuntu2404),
        ["linux/arm64"] = RunnerLabel.Of(GitHubActionsImage.Ubuntu2404Arm),
        ["linux/arm64/v8"] = RunnerLabel.Of(GitHubActionsImage.Ubuntu2404Arm),
    };

    /// <summary>The runner for <paramref name="platform"/>; <paramref name="overrides"/> are <c>platform=label</c>.</summary>
    public static string For(string platform, IReadOnlyList<string> overrides, string workflow)
    {
        foreach (var entry in overrides)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new SlipwayException($"workflow '{workflow}': PlatformRunners entry '{entry}' is not platform=runner-label");
            if (parts[0] == platform)
                return parts[1];
        }
        return Defaults.TryGetValue(platform, out var label)
            ? label
            : throw new SlipwayException(
                $"workflow '{workflow}': no GitHub-hosted runner builds {platform} natively; " +
                $"add PlatformRunners = [\"{platform}=<runner label>\"] or use MultiArch = MultiArchShape.Qemu");
    }
}
