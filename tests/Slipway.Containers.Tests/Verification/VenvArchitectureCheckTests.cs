using System.Formats.Tar;
using System.Runtime.Versioning;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;
using Slipway.Containers.Tests.Support;
using Slipway.Containers.Verification;

namespace Slipway.Containers.Tests.Verification;

[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class VenvArchitectureCheckTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private static readonly Platform Amd64 = Platform.Parse("linux/amd64");
    private static readonly Platform Arm64 = Platform.Parse("linux/arm64");
    private readonly TempFolder _context = new();
    private readonly List<string> _tags = [];

    public void Dispose()
    {
        foreach (var tag in _tags)
            fixture.Engine.RemoveImageAsync(tag, force: true).GetAwaiter().GetResult();
        _context.Dispose();
    }

    [Fact]
    public async Task A_tar_with_a_foreign_shared_object_names_the_file_and_both_machines()
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry("/bin/ls", "venv/lib/python3.11/site-packages/good/_native.so");
            writer.WriteEntry(BusyboxImages.Binary("arm64"), "venv/lib/python3.11/site-packages/bad/_native.so");
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "venv/bin/python") { LinkName = "/usr/bin/python3" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "venv/pyvenv.cfg") { DataStream = new MemoryStream("home = /usr/bin\n"u8.ToArray()) });
        }
        tar.Position = 0;

        var result = await new VenvArchitectureCheck(Amd64).CheckTarAsync(tar, "/opt/");

        Assert.Equal(2, result.ElfFilesChecked);
        Assert.False(result.Passed);
        var foreign = Assert.Single(result.ForeignBinaries);
        Assert.Equal("/opt/venv/lib/python3.11/site-packages/bad/_native.so", foreign.Path);
        Assert.Equal(
            "/opt/venv/lib/python3.11/site-packages/bad/_native.so is AArch64 (arm64), expected amd64 for linux/amd64",
            foreign.ToString());
    }

    [Fact]
    public async Task An_image_whose_venv_holds_an_arm64_library_fails_the_amd64_check_without_running()
    {
        _context.Copy("/bin/ls", "venv/bin/tool");
        _context.Copy(BusyboxImages.Binary("arm64"), "venv/lib/_speedups.so");
        _context.Write("venv/pyvenv.cfg", "home = /usr/bin\n");
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nCOPY venv /opt/venv\n");
        var image = await Build(null);

        var result = await new VenvArchitectureCheck(Amd64).CheckImageAsync(fixture.Engine, image);

        Assert.Equal(2, result.ElfFilesChecked);
        Assert.Equal(["/opt/venv/lib/_speedups.so"], result.ForeignBinaries.Select(binary => binary.Path));
        Assert.StartsWith("1 of 2 ELF files are not for linux/amd64:\n  /opt/venv/lib/_speedups.so is AArch64 (arm64)", result.Describe());
    }

    [Fact]
    public async Task An_arm64_image_with_an_arm64_venv_passes_the_arm64_check()
    {
        _context.Copy(BusyboxImages.Binary("arm64"), "venv/bin/tool");
        _context.Write("Dockerfile", $"FROM {fixture.Arm64Base}\nCOPY venv /opt/venv\n");
        var image = await Build(Arm64);

        var result = await new VenvArchitectureCheck(Arm64).CheckImageAsync(fixture.Engine, image);

        Assert.True(result.Passed, result.Describe());
        Assert.Equal(1, result.ElfFilesChecked);
        Assert.Equal("the one ELF file is for linux/arm64", result.Describe());
    }

    private async Task<string> Build(Platform? platform)
    {
        var tag = $"slipway-test/venv:{Guid.NewGuid():N}"[..32];
        _tags.Add(tag);
        await fixture.Builder().BuildAsync(
            new ImageBuild(_context.Path) { Tags = [tag], Platform = platform }, new LogCapture().Logger);
        return tag;
    }
}
