using System.Text.Json;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>Which local image IDs were pushed as which manifest to which repository (in .nuke/temp), so an unchanged
/// image is not exported from the engine again just to learn that the registry already has every blob of it.</summary>
internal sealed class PushedImageRecord
{
    private readonly string _file;
    private readonly Dictionary<string, ContentDescriptor> _manifests;

    private PushedImageRecord(string file, Dictionary<string, ContentDescriptor> manifests)
    {
        _file = file;
        _manifests = manifests;
    }

    public static PushedImageRecord Load(string file)
    {
        try
        {
            var manifests = File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, ContentDescriptor>>(File.ReadAllText(file)) : null;
            return new PushedImageRecord(file, manifests ?? []);
        }
        catch (JsonException)
        {
            return new PushedImageRecord(file, []);
        }
    }

    public ContentDescriptor? Find(string registry, string repository, string imageId) =>
        _manifests.GetValueOrDefault(Key(registry, repository, imageId));

    public void Remember(string registry, string repository, string imageId, ContentDescriptor manifest) =>
        _manifests[Key(registry, repository, imageId)] = manifest;

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, JsonSerializer.Serialize(_manifests));
    }

    private static string Key(string registry, string repository, string imageId) => $"{registry}/{repository}@{imageId}";
}
