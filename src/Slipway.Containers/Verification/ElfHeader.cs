using System.Buffers.Binary;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Verification;

/// <summary>The start of an ELF file: its class (32/64-bit), byte order, type and target machine.</summary>
public readonly record struct ElfHeader(bool Is64Bit, bool IsLittleEndian, ushort Type, ushort Machine)
{
    /// <summary>How many bytes <see cref="TryRead(ReadOnlySpan{byte})"/> needs: up to and including <c>e_machine</c>.</summary>
    public const int Length = 20;

    public const ushort Executable = 2;
    public const ushort SharedObject = 3;

    /// <summary>The header in <paramref name="bytes"/>, or null when they do not start an ELF file.</summary>
    public static ElfHeader? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            return null;
        if (bytes[4] is not (1 or 2) || bytes[5] is not (1 or 2))
            return null;
        var littleEndian = bytes[5] == 1;
        var type = littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]);
        var machine = littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[18..]);
        return new ElfHeader(bytes[4] == 2, littleEndian, type, machine);
    }

    /// <summary>The header of the file at <paramref name="path"/>, or null when it is not ELF.</summary>
    public static ElfHeader? TryRead(string path)
    {
        Span<byte> buffer = stackalloc byte[Length];
        using var file = File.OpenRead(path);
        return TryRead(buffer[..file.ReadAtLeast(buffer, Length, throwOnEndOfStream: false)]);
    }

    /// <summary><c>x86-64</c>, <c>AArch64</c>, <c>ARM</c>, ...</summary>
    public string MachineName => ElfMachine.Name(Machine);

    /// <summary>The platform architecture the binary runs on (<c>amd64</c>, <c>arm64</c>, <c>arm</c>), or null when unknown.</summary>
    public string? Architecture => ElfMachine.Architecture(Machine, Is64Bit, IsLittleEndian);

    /// <summary>Whether the binary runs on <paramref name="platform"/> (the variant, e.g. arm/v7, is not in the header).</summary>
    public bool RunsOn(Platform platform) => Architecture == platform.Architecture;

    public override string ToString() => $"ELF {(Is64Bit ? 64 : 32)}-bit {(IsLittleEndian ? "LSB" : "MSB")} {MachineName}";
}
