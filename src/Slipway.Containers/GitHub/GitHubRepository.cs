namespace Slipway.Containers.GitHub;

/// <summary>A repository on GitHub, <c>owner/name</c>, as in <c>GITHUB_REPOSITORY</c>.</summary>
public sealed record GitHubRepository(string Owner, string Name)
{
    /// <summary>Reads <c>owner/name</c>; anything else is a <see cref="SlipwayException"/> naming the value.</summary>
    public static GitHubRepository Parse(string? value)
    {
        var parts = (value ?? "").Trim().Split('/');
        if (parts.Length != 2 || parts.Any(part => part.Length == 0 || part.Any(char.IsWhiteSpace)))
            throw new SlipwayException($"'{value}' is not a GitHub repository: expected owner/name, like acme/voice");
        return new GitHubRepository(parts[0], parts[1]);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
