namespace Slipway.Containers.Verification;

/// <summary>ELF <c>e_machine</c> values Slipway meets, with the names people read and the platform architecture they mean.</summary>
public static class ElfMachine
{
    public const ushort X86 = 3;
    public const ushort Mips = 8;
    public const ushort PowerPc64 = 21;
    public const ushort S390 = 22;
    public const ushort Arm = 40;
    public const ushort X86_64 = 62;
    public const ushort AArch64 = 183;
    public const ushort RiscV = 243;

    /// <summary>What <c>file</c> and <c>readelf</c> call it: <c>x86-64</c>, <c>AArch64</c>, <c>ARM</c>.</summary>
    public static string Name(ushort machine) => machine switch
    {
        X86 => "Intel 80386",
        Mips => "MIPS",
        PowerPc64 => "PowerPC64",
        S390 => "IBM S/390",
        Arm => "ARM",
        X86_64 => "x86-64",
        AArch64 => "AArch64",
        RiscV => "RISC-V",
        _ => $"machine {machine}",
    };

    /// <summary>The platform architecture (<c>amd64</c>, <c>arm64</c>, <c>arm</c>, ...) of a binary, or null when unknown.</summary>
    public static string? Architecture(ushort machine, bool is64Bit, bool isLittleEndian) => (machine, is64Bit, isLittleEndian) switch
    {
        (X86_64, true, _) => "amd64",
        (AArch64, true, _) => "arm64",
        (Arm, false, _) => "arm",
        (X86, false, _) => "386",
        (PowerPc64, true, true) => "ppc64le",
        (PowerPc64, true, false) => "ppc64",
        (S390, true, _) => "s390x",
        (RiscV, true, _) => "riscv64",
        (Mips, true, true) => "mips64le",
        (Mips, false, true) => "mipsle",
        _ => null,
    };
}
