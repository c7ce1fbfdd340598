using Slipway.Paths;

namespace Slipway.Cli;

/// <summary>The root of a build: <c>--root DIR</c>, or the nearest directory at or above the working directory that holds <c>.nuke/</c>.</summary>
internal static class BuildRoot
{
    public static AbsolutePath Find(string? rootOption, string workingDirectory)
    {
        var start = AbsolutePath.From(workingDirectory);
        if (rootOption is not null)
        {
            var root = AbsolutePath.Resolve(rootOption, start);
            return root.DirectoryExists ? root : throw new SlipwayException($"--root: directory {root} does not exist");
        }
        for (var directory = start; ; directory = directory.Parent)
        {
            if ((directory / ".nuke").DirectoryExists)
                return directory;
            if (directory.Parent == directory)
                break;
        }
        throw new SlipwayException(
            $"no .nuke/ directory in {start} or any directory above it; run from inside the repository or pass --root DIR");
    }
}
