using Slipway.Paths;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// The folder the session serves as <c>dockerfile</c>: the Dockerfile's own folder, or, for a Dockerfile rewritten in
/// memory (<see cref="ImageBuild.DockerfileText"/>), a private temp folder holding that text under the Dockerfile's
/// name, removed when disposed.
/// </summary>
internal sealed class DockerfileFolder : IDisposable
{
    private readonly string? _temporary;

    public DockerfileFolder(ImageBuild request)
    {
        if (request.DockerfileText is not { } text)
        {
            Folder = request.DockerfilePath.Parent;
            return;
        }
        _temporary = Path.Combine(Path.GetTempPath(), "slipway-dockerfile-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_temporary);
        File.WriteAllText(Path.Combine(_temporary, request.DockerfilePath.Name), text);
        Folder = AbsolutePath.From(_temporary);
    }

    public AbsolutePath Folder { get; }

    public void Dispose()
    {
        if (_temporary is null)
            return;
        try
        {
            Directory.Delete(_temporary, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
