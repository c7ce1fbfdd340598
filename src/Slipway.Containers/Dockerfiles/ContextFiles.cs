using Slipway.Containers.Engine;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// The part of a context that a build reads: its entries in walk order (what <see cref="BuildContext"/> sends when given
/// <see cref="Paths"/>), the files and links among them sorted (what is hashed), and the reads that matched nothing.
/// </summary>
public sealed record ContextFiles(AbsolutePath Root, IReadOnlyList<ContextEntry> Entries, IReadOnlyList<MissingRead> Missing)
{
    /// <summary>Files and symbolic links, relative with forward slashes, sorted ordinally.</summary>
    public IReadOnlyList<string> Files { get; } =
        Entries.Where(entry => entry.Kind != ContextEntryKind.Folder).Select(entry => entry.Path).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every entry's path (folders too): hand it to <see cref="BuildContext"/> as <c>only</c>.</summary>
    public IReadOnlyList<string> Paths => Entries.Select(entry => entry.Path).ToArray();

    /// <summary>One digest per file (content, line endings normalised as <see cref="InputSetBuilder.DigestOfFile"/> does)
    /// and per link (its target as written), named by path: feed it to <c>InputSetBuilder.Include</c>.</summary>
    public InputSet Digests(string prefix = "")
    {
        var entries = Entries.Where(entry => entry.Kind != ContextEntryKind.Folder).ToArray();
        var digests = new InputDigest[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var entry = entries[i];
            digests[i] = new InputDigest(prefix + entry.Path, entry.Kind == ContextEntryKind.SymbolicLink
                ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("link:" + entry.LinkTarget)))
                : InputSetBuilder.DigestOfFile(Root / entry.Path));
        });
        return new InputSet(digests);
    }
}
