using Slipway.Containers.Platforms;

namespace Slipway.Containers.Verification;

/// <summary>What <see cref="VenvArchitectureCheck"/> found: how many ELF files it read and which are for another machine.</summary>
public sealed record ArchitectureCheckResult(Platform Expected, int ElfFilesChecked, IReadOnlyList<ForeignBinary> ForeignBinaries)
{
    public bool Passed => ForeignBinaries.Count == 0;

    /// <summary>One line per foreign file, at most <paramref name="limit"/>, with a count of the rest.</summary>
    public string Describe(int limit = 10)
    {
        if (Passed)
            return ElfFilesChecked switch
            {
                0 => $"no ELF files to check (nothing native for {Expected})",
                1 => $"the one ELF file is for {Expected}",
                var count => $"all {count} ELF files are for {Expected}",
            };
        var lines = ForeignBinaries.Take(limit).Select(binary => "  " + binary);
        var more = ForeignBinaries.Count > limit ? [$"  ... and {ForeignBinaries.Count - limit} more"] : Array.Empty<string>();
        return $"{ForeignBinaries.Count} of {ElfFilesChecked} ELF files are not for {Expected}:\n" + string.Join('\n', lines.Concat(more));
    }
}
