namespace Slipway.Containers.Engine.Session;

/// <summary>The bits of Go's <c>os.FileMode</c> that fsutil's <c>Stat.mode</c> carries above the permission bits.</summary>
internal static class GoFileMode
{
    public const uint Directory = 1u << 31;
    public const uint Symlink = 1u << 27;
    public const uint SetUid = 1u << 23;
    public const uint SetGid = 1u << 22;
    public const uint Sticky = 1u << 20;
}
