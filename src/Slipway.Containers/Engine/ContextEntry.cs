namespace Slipway.Containers.Engine;

/// <summary>What a context entry is: a folder, a regular file or a symbolic link (sent as a link, never followed).</summary>
public enum ContextEntryKind
{
    Folder,
    File,
    SymbolicLink,
}

/// <summary>One entry of a build context: its path relative to the context (forward slashes, folders without a trailing
/// slash), its kind and, for a link, its target as written.</summary>
public sealed record ContextEntry(string Path, ContextEntryKind Kind, string? LinkTarget = null)
{
    /// <summary>The name in the tar: folders end with <c>/</c>.</summary>
    public string TarName => Kind == ContextEntryKind.Folder ? Path + "/" : Path;
}
