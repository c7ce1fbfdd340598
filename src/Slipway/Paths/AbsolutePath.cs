namespace Slipway.Paths;

/// <summary>A normalised absolute path; <c>root / "docker" / "app.Dockerfile"</c> combines.</summary>
public sealed record AbsolutePath
{
    private AbsolutePath(string value) => Value = value;

    public string Value { get; }

    public static AbsolutePath From(string path)
    {
        if (!System.IO.Path.IsPathFullyQualified(path))
            throw new SlipwayException($"'{path}' is not an absolute path");
        return new AbsolutePath(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path)));
    }

    /// <summary>Resolves a path given by a user: absolute as it is, relative against <paramref name="baseDirectory"/>.</summary>
    public static AbsolutePath Resolve(string path, AbsolutePath baseDirectory) =>
        System.IO.Path.IsPathFullyQualified(path) ? From(path) : baseDirectory / path;

    public static AbsolutePath operator /(AbsolutePath left, string right) =>
        From(System.IO.Path.Combine(left.Value, right));

    public string Name => System.IO.Path.GetFileName(Value);

    public AbsolutePath Parent => From(System.IO.Path.GetDirectoryName(Value) ?? Value);

    public bool FileExists => File.Exists(Value);

    public bool DirectoryExists => Directory.Exists(Value);

    /// <summary>This path relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath baseDirectory) =>
        System.IO.Path.GetRelativePath(baseDirectory.Value, Value).Replace('\\', '/');

    public static implicit operator string(AbsolutePath path) => path.Value;

    public override string ToString() => Value;
}
