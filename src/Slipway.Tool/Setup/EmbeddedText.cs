namespace Slipway.Tool.Setup;

/// <summary>The text files shipped inside the tool: this repository's bootstrap scripts and global.json
/// (<c>bootstrap/*</c>) and the templates under Templates/ (<c>templates/*</c>).</summary>
internal static class EmbeddedText
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in this build of the slipway tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
