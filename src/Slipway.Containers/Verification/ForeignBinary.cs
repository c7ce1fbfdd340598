using Slipway.Containers.Platforms;

namespace Slipway.Containers.Verification;

/// <summary>A file in an image whose ELF machine is not the platform the image is for.</summary>
public sealed record ForeignBinary(string Path, ElfHeader Header, Platform Expected)
{
    public override string ToString() =>
        $"{Path} is {Header.MachineName} ({Header.Architecture ?? "unknown architecture"}), expected {Expected.Architecture} for {Expected}";
}
