using System.Security.Cryptography;
using Slipway.Containers.GitHub;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>Builder package versions for tests: ids, ages in days before a fixed moment, and tags.</summary>
internal static class BuilderVersions
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ContainerPackageVersion Version(long id, int daysAgo, params string[] tags) =>
        new(id, Digest(id), tags, Now.AddDays(-daysAgo), Now.AddDays(-daysAgo));

    /// <summary>A digest that differs in its first digits from one id to the next, as real ones do.</summary>
    public static string Digest(long id) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(id)));

    /// <summary>A 12-character dependency hash made from a letter, as the builder tags carry it.</summary>
    public static string Hash(char letter) => new(letter, 12);

    public static string Deps(char letter) => "deps-" + Hash(letter);
}
