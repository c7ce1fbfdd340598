using System.Security.Cryptography;
using System.Text;
using Slipway.Paths;

namespace Slipway.Targets.Incremental;

/// <summary>Collects a target's inputs: files (by path or glob, line endings normalised) and named values.</summary>
public sealed class InputSetBuilder
{
    private readonly List<InputDigest> _items = [];

    public InputSetBuilder(AbsolutePath root) => Root = root;

    public AbsolutePath Root { get; }

    /// <summary>A file that must exist; its name is its path relative to the root.</summary>
    public InputSetBuilder File(AbsolutePath path)
    {
        if (!path.FileExists)
            throw new SlipwayException($"input file {path.RelativeTo(Root)} does not exist");
        _items.Add(new InputDigest(path.RelativeTo(Root), DigestOfFile(path)));
        return this;
    }

    /// <summary>Every file below the root matching any of the globs; a glob that matches nothing adds nothing.</summary>
    public InputSetBuilder Files(params string[] globs)
    {
        var names = globs.SelectMany(glob => new Glob(glob).Files(Root)).Distinct().Order(StringComparer.Ordinal);
        foreach (var name in names)
            _items.Add(new InputDigest(name, DigestOfFile(Root / name)));
        return this;
    }

    /// <summary>A named value (a parameter, a target architecture, a resolved ID); null counts as its own value.</summary>
    public InputSetBuilder Value(string name, string? value)
    {
        _items.Add(new InputDigest(name, DigestOf(Encoding.UTF8.GetBytes(value is null ? "\u2400null" : "=" + value))));
        return this;
    }

    /// <summary>Adds another set's inputs, their names prefixed (e.g. with the variant they belong to) when several sets are combined.</summary>
    public InputSetBuilder Include(InputSet inputs, string prefix = "")
    {
        _items.AddRange(inputs.Items.Select(item => item with { Name = prefix + item.Name }));
        return this;
    }

    public InputSet Build() => new(_items);

    /// <summary>SHA-256 of a file with CRLF and CR turned into LF for text, so a checkout on Windows hashes the same.</summary>
    public static string DigestOfFile(AbsolutePath path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        return DigestOf(Array.IndexOf(bytes, (byte)0) >= 0 ? bytes : NormaliseLineEndings(bytes));
    }

    private static byte[] NormaliseLineEndings(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r')
            {
                result.Add((byte)'\n');
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n')
                    i++;
            }
            else
                result.Add(bytes[i]);
        }
        return result.ToArray();
    }

    private static string DigestOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
