namespace Slipway.Tool.Tests.Support;

/// <summary>The Slipway repository these tests were built from (the folder holding Slipway.slnx).</summary>
public static class SourceRepository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Slipway.slnx")))
                return directory.FullName;
        throw new InvalidOperationException("Slipway.slnx not found above " + AppContext.BaseDirectory);
    }
}
