using Serilog;
using Slipway.Paths;

namespace Slipway;

/// <summary>What a build class and its component interfaces can use while targets run.</summary>
public interface ISlipwayBuild
{
    /// <summary>The folder holding <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>, ignored by git.</summary>
    AbsolutePath TemporaryDirectory { get; }

    ILogger Log { get; }

    /// <summary>The environment of this run (not necessarily the process's).</summary>
    IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    /// <summary>Cancelled on Ctrl-C.</summary>
    CancellationToken Cancellation { get; }

    /// <summary>True when running on GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    bool IsGitHubActions { get; }

    /// <summary>The resolved value of the parameter declared by member <paramref name="memberName"/>, or <paramref name="fallback"/> when no source sets it.</summary>
    T ParameterValue<T>(string memberName, T fallback);

    /// <summary>Which source set the parameter declared by member <paramref name="memberName"/> (<c>--registry</c>,
    /// <c>environment variable REGISTRY</c>, <c>.nuke/parameters.json:3</c>), or null when none did and its fallback applies.</summary>
    string? ParameterOrigin(string memberName);

    /// <summary>The value of type <typeparamref name="T"/> that the running target declared with <c>Consumes&lt;T&gt;()</c>,
    /// produced by an earlier target of this run (or given by the caller).</summary>
    T Value<T>() where T : class;

    /// <summary>A short note on the running target for the summary table (the last note wins).</summary>
    void Note(string text);

    /// <summary>True while a target runs that <c>--force</c> named (or every target, for a bare <c>--force</c>): its
    /// inputs said up to date, and it should redo work it would otherwise find done.</summary>
    bool IsForced { get; }

    /// <summary>Where long work reports its progress (build steps, pushed bytes): the live view on a terminal, a line
    /// every 10 s elsewhere.</summary>
    Output.Progress.IProgressReporter Progress { get; }

    /// <summary>Masks <paramref name="value"/> in every output from now on, as a <c>[Secret]</c> parameter's value is: for
    /// secrets a target reads itself (a build secret's variable or file). <paramref name="owner"/> names it in the warning
    /// about a value too short to mask reliably.</summary>
    void MaskSecret(string value, string owner);
}
