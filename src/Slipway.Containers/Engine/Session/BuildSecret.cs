using System.Text;
using Slipway.Paths;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// A value a build may read with <c>RUN --mount=type=secret,id=...</c>, served through the session and never part of
/// the build request, a layer or the log. Written as docker's <c>--secret</c>: <c>id=pip,env=PIP_INDEX_TOKEN</c>
/// (from an environment variable), <c>id=netrc,src=~/.netrc</c> (from a file), <c>id=token</c> (the variable of that name).
/// </summary>
public sealed class BuildSecret
{
    private readonly byte[] _value;

    public BuildSecret(string id, string source, byte[] value)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("a build secret needs an id", nameof(id));
        Id = id;
        Source = source;
        _value = value;
    }

    /// <summary>What the Dockerfile names in <c>id=</c>.</summary>
    public string Id { get; }

    /// <summary>Where the value came from, for messages: <c>env PIP_INDEX_TOKEN</c> or <c>file /home/me/.netrc</c>.</summary>
    public string Source { get; }

    /// <summary>The secret's bytes, as the build reads them from <c>/run/secrets/&lt;id&gt;</c>.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>No bytes at all: a variable that is set but empty (as GitHub passes a repository secret to a pull request
    /// from a fork, or one that does not exist), or an empty file.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>The value as text, for registering it with the output's secret masking.</summary>
    public string Text => Encoding.UTF8.GetString(_value);

    /// <summary>
    /// One <c>--build-secrets</c> value. Keys: <c>id</c> (required), <c>env</c>, <c>src</c>/<c>source</c>, <c>type</c>
    /// (<c>env</c> or <c>file</c>). The value is read now, so a missing variable or file fails before any build starts.
    /// </summary>
    public static BuildSecret Parse(string spec, IReadOnlyDictionary<string, string> environment, AbsolutePath? workingDirectory = null)
    {
        string? id = null, env = null, src = null, type = null;
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                throw Invalid(spec, $"'{part}' is not key=value");
            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim().ToLowerInvariant())
            {
                case "id": id = value; break;
                case "env": env = value; break;
                case "src" or "source": src = value; break;
                case "type" when value is "env" or "file": type = value; break;
                case "type": throw Invalid(spec, $"type '{value}' is neither env nor file");
                case var key: throw Invalid(spec, $"unknown key '{key}' (expected id, env, src, type)");
            }
        }
        if (string.IsNullOrEmpty(id))
            throw Invalid(spec, "no id= (the name RUN --mount=type=secret,id=... uses)");
        if (env is not null && src is not null)
            throw Invalid(spec, "both env= and src=; give one");
        if (type == "env" && src is not null)
            (env, src) = (src, null);
        if (type == "file" && src is null)
            throw Invalid(spec, "type=file needs src=");
        return src is not null ? FromFile(id, src, environment, workingDirectory) : FromEnvironment(id, env ?? id, environment);
    }

    /// <summary>Every <c>--build-secrets</c> value; two secrets with one id fail.</summary>
    public static IReadOnlyList<BuildSecret> ParseAll(
        IEnumerable<string> specs, IReadOnlyDictionary<string, string> environment, AbsolutePath? workingDirectory = null)
    {
        var secrets = specs.Where(spec => !string.IsNullOrWhiteSpace(spec)).Select(spec => Parse(spec, environment, workingDirectory)).ToList();
        if (secrets.GroupBy(secret => secret.Id).FirstOrDefault(group => group.Count() > 1) is { } twice)
            throw new SlipwayException($"--build-secrets: id '{twice.Key}' is given twice");
        return secrets;
    }

    public override string ToString() => $"{Id} (from {Source})";

    private static BuildSecret FromEnvironment(string id, string variable, IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue(variable, out var value)
            ? new BuildSecret(id, $"env {variable}", Encoding.UTF8.GetBytes(value))
            : throw new SlipwayException($"--build-secrets: secret '{id}' reads environment variable {variable}, which is not set");

    private static BuildSecret FromFile(string id, string src, IReadOnlyDictionary<string, string> environment, AbsolutePath? workingDirectory)
    {
        var path = src;
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = environment.TryGetValue("HOME", out var value) && value.Length > 0
                ? value
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = home + path[1..];
        }
        var file = Path.IsPathRooted(path)
            ? path
            : Path.GetFullPath(path, workingDirectory?.Value ?? Directory.GetCurrentDirectory());
        if (!File.Exists(file))
            throw new SlipwayException($"--build-secrets: secret '{id}' reads file {file}, which does not exist");
        return new BuildSecret(id, $"file {file}", File.ReadAllBytes(file));
    }

    private static SlipwayException Invalid(string spec, string why) =>
        new($"--build-secrets: invalid secret '{spec}': {why}; expected id=NAME,env=VARIABLE or id=NAME,src=FILE");
}
