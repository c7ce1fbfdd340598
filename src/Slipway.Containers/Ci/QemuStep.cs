using Slipway.Ci;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Ci;

/// <summary>The step of the <see cref="MultiArchShape.Qemu"/> shape that registers QEMU's binfmt handlers for the
/// platforms foreign to the runner, the way GitHub users expect: <c>docker/setup-qemu-action</c>, pinned to a commit
/// (its release in a comment), with <c>platforms:</c> naming only those architectures. SetupQemu then finds the handlers
/// registered and only reports them.</summary>
internal static class QemuStep
{
    public const string Action = "docker/setup-qemu-action";

    /// <summary>The commit of <see cref="Release"/>.</summary>
    public const string Commit = "29109295f81e9208d7d86ff1c6c12d2833863392";

    public const string Release = "v3.6.0";

    /// <summary>The step for <paramref name="platforms"/> built on <paramref name="image"/>; null when all are native to it.</summary>
    public static WorkflowStep? For(GitHubActionsImage image, IReadOnlyList<string> platforms)
    {
        var native = NativeArchitecture(image);
        var foreign = platforms.Select(platform => Platform.Parse(platform).Architecture)
            .Where(architecture => architecture != native).Distinct().ToArray();
        if (foreign.Length == 0)
            return null;
        var list = string.Join(",", foreign);
        return new WorkflowStep("Set up QEMU for " + list)
        {
            Uses = $"{Action}@{Commit}",
            UsesComment = Release,
            With = [("platforms", list)],
        };
    }

    private static string NativeArchitecture(GitHubActionsImage image) => image switch
    {
        GitHubActionsImage.Ubuntu2404Arm or GitHubActionsImage.Ubuntu2204Arm => "arm64",
        _ => "amd64",
    };
}
