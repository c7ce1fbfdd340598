using Slipway.Containers.Engine.Session;

namespace Slipway.Containers.Components;

/// <summary>Reads <c>--build-secrets</c> once, in Restore: a bad form, a variable that is not set or a file that does not
/// exist fails there, before anything is built; an empty one is a warning (a build may not need it); each value read is masked in all output from then on (the whole value,
/// and each line of a file on its own, as a build step may print one line).</summary>
internal static class BuildSecretsReader
{
    /// <summary>Lines shorter than this are not masked alone: they are ordinary words (<c>machine</c>), not secrets.</summary>
    private const int ShortestMaskedLine = 8;

    public static IReadOnlyList<BuildSecret> Read(IHazBuildSecrets build)
    {
        var secrets = BuildSecret.ParseAll(build.BuildSecrets, build.EnvironmentVariables, build.RootDirectory);
        foreach (var secret in secrets)
        {
            if (secret.IsEmpty)
                build.Log.Warning("--build-secrets: secret {Id} is empty ({Source}): a step that needs it will fail (GitHub passes no repository " +
                                  "secrets to a pull request from a fork, and an empty value for a secret that does not exist)", secret.Id, secret.Source);
            var owner = $"--build-secrets id={secret.Id}";
            build.MaskSecret(secret.Text, owner);
            foreach (var line in secret.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (line.Length >= ShortestMaskedLine && line != secret.Text.Trim())
                    build.MaskSecret(line, owner);
        }
        return secrets;
    }
}
