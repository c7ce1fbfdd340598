using System.Text.Json;

namespace Slipway.Containers.Components;

/// <summary>The per-platform digests a push records under <c>.nuke/temp/digests</c> (one JSON file per platform): what a CI
/// matrix job hands to the merge job, and what PushIndex and PublishRelease read.</summary>
internal sealed class PushedDigests(string temporaryDirectory)
{
    /// <summary>The folder's name below the temporary directory; generated workflows carry it between jobs.</summary>
    public const string FolderName = "digests";

    public string Directory => Path.Combine(temporaryDirectory, FolderName);

    public void Clear()
    {
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }

    public void Write(IEnumerable<PushedPlatform> pushed)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var platform in pushed)
            File.WriteAllText(Path.Combine(Directory, platform.Platform.Replace('/', '-') + ".json"), JsonSerializer.Serialize(platform));
    }

    /// <summary>Every recorded platform; none is one error line naming what to run first.</summary>
    public IReadOnlyList<PushedPlatform> ReadAll(string whatToRunFirst)
    {
        var files = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.json").Order().ToArray() : [];
        if (files.Length == 0)
            throw new SlipwayException($"no pushed digests under {Directory}: {whatToRunFirst}");
        return files.Select(file =>
        {
            try
            {
                return JsonSerializer.Deserialize<PushedPlatform>(File.ReadAllText(file)) ?? throw new JsonException("empty");
            }
            catch (JsonException exception)
            {
                throw new SlipwayException($"{file} holds no pushed platform: {exception.Message}");
            }
        }).ToArray();
    }
}
