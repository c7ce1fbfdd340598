using Slipway.Containers.Platforms;
using Slipway.Containers.Tests.Support;
using Slipway.Containers.Verification;

namespace Slipway.Containers.Tests.Verification;

public sealed class ElfHeaderTests
{
    [Fact]
    public void The_hosts_ls_is_a_64_bit_x86_64_executable()
    {
        var header = ElfHeader.TryRead("/bin/ls");

        Assert.NotNull(header);
        Assert.True(header.Value.Is64Bit);
        Assert.True(header.Value.IsLittleEndian);
        Assert.Equal(ElfMachine.X86_64, header.Value.Machine);
        Assert.Equal("x86-64", header.Value.MachineName);
        Assert.Equal("amd64", header.Value.Architecture);
        Assert.True(header.Value.RunsOn(Platform.Parse("linux/amd64")));
        Assert.False(header.Value.RunsOn(Platform.Parse("linux/arm64")));
    }

    [Fact]
    public void The_arm64_busybox_is_aarch64()
    {
        var header = ElfHeader.TryRead(BusyboxImages.Binary("arm64"));

        Assert.NotNull(header);
        Assert.Equal(ElfMachine.AArch64, header.Value.Machine);
        Assert.Equal("arm64", header.Value.Architecture);
        Assert.Equal(ElfHeader.Executable, header.Value.Type);
        Assert.Equal("ELF 64-bit LSB AArch64", header.Value.ToString());
    }

    [Fact]
    public void A_shared_object_says_so()
    {
        var library = Directory.EnumerateFiles("/usr/lib/x86_64-linux-gnu", "libc.so.*").First();

        Assert.Equal(ElfHeader.SharedObject, ElfHeader.TryRead(library)?.Type);
    }

    [Theory]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' })] // too short
    [InlineData(new byte[] { (byte)'#', (byte)'!', (byte)'/', (byte)'b', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Bytes_that_do_not_start_an_elf_file_give_null(byte[] bytes) => Assert.Null(ElfHeader.TryRead(bytes));

    [Fact]
    public void A_32_bit_arm_binary_maps_to_arm_and_runs_on_arm_v7()
    {
        var header = ElfHeader.TryRead(Header(elfClass: 1, littleEndian: true, machine: ElfMachine.Arm));

        Assert.Equal("arm", header?.Architecture);
        Assert.Equal("ARM", header?.MachineName);
        Assert.True(header?.RunsOn(Platform.Parse("linux/arm/v7")));
    }

    [Fact]
    public void A_big_endian_header_is_read_in_its_byte_order()
    {
        var header = ElfHeader.TryRead(Header(elfClass: 2, littleEndian: false, machine: ElfMachine.S390));

        Assert.Equal("s390x", header?.Architecture);
        Assert.False(header?.IsLittleEndian);
    }

    private static byte[] Header(byte elfClass, bool littleEndian, ushort machine)
    {
        var bytes = new byte[ElfHeader.Length];
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = elfClass;
        bytes[5] = littleEndian ? (byte)1 : (byte)2;
        bytes[16] = littleEndian ? (byte)3 : (byte)0;
        bytes[17] = littleEndian ? (byte)0 : (byte)3;
        bytes[18] = littleEndian ? (byte)(machine & 0xff) : (byte)(machine >> 8);
        bytes[19] = littleEndian ? (byte)(machine >> 8) : (byte)(machine & 0xff);
        return bytes;
    }
}
