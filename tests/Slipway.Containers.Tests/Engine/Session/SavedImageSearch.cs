using System.Formats.Tar;
using System.Text;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Engine.Session;

/// <summary>Looks for texts in everything <c>docker save</c> writes for an image: its config (labels, history), its
/// manifest and every file of every layer.</summary>
internal static class SavedImageSearch
{
    /// <summary>For each text, the archive's entries (<c>name</c>) and layer files (<c>layer:path</c>) holding it, and how
    /// many layers were searched.</summary>
    public static async Task<(Dictionary<string, List<string>> Holding, int Layers)> SearchAsync(
        ContainerEngine engine, string reference, string archive, params string[] texts)
    {
        await engine.SaveImageAsync(reference, archive);
        var holding = texts.ToDictionary(text => text, _ => new List<string>());
        void Search(byte[] content, string name)
        {
            foreach (var text in texts)
                if (content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || name.Contains(text))
                    holding[text].Add(name);
        }
        var layers = 0;
        try
        {
            await using var saved = File.OpenRead(archive);
            using var outer = new TarReader(saved);
            while (await outer.GetNextEntryAsync(copyData: true) is { } entry)
            {
                if (entry.DataStream is null)
                    continue;
                var bytes = new MemoryStream();
                await entry.DataStream.CopyToAsync(bytes);
                Search(bytes.ToArray(), entry.Name);
                if (!IsTar(bytes))
                    continue;
                layers++;
                bytes.Position = 0;
                using var layer = new TarReader(bytes);
                while (await layer.GetNextEntryAsync(copyData: true) is { } file)
                {
                    if (file.DataStream is null)
                        continue;
                    var content = new MemoryStream();
                    await file.DataStream.CopyToAsync(content);
                    Search(content.ToArray(), $"{entry.Name}:{file.Name}");
                }
            }
        }
        finally
        {
            File.Delete(archive);
        }
        return (holding, layers);
    }

    /// <summary>A layer: an uncompressed tar (USTAR magic at byte 257), as <c>docker save</c> writes both layouts' layers.</summary>
    private static bool IsTar(MemoryStream bytes) =>
        bytes.Length > 262 && bytes.GetBuffer().AsSpan(257, 5).SequenceEqual("ustar"u8);
}
