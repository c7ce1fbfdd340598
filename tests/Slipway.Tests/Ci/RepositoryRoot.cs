namespace Slipway.Tests.Ci;

/// <summary>The checkout the tests run from: the folder holding <c>Slipway.slnx</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Slipway.slnx")))
                return directory.FullName;
        }
        throw new InvalidOperationException("the repository root (holding Slipway.slnx) was not found above " + AppContext.BaseDirectory);
    }

    public static string Workflows => System.IO.Path.Combine(Path, ".github", "workflows");
}
