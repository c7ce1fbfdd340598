namespace Slipway.Containers.Attestations;

/// <summary>Reads dpkg's status database: <c>/var/lib/dpkg/status</c>, where only packages whose status ends in
/// <c>installed</c> count, and the per-package files of <c>/var/lib/dpkg/status.d/</c> (distroless images).</summary>
internal static class DpkgStatus
{
    public static IEnumerable<DebianPackage> Parse(string text)
    {
        foreach (var fields in ControlFields.Paragraphs(text))
        {
            var name = ControlFields.First(fields, "Package");
            var version = ControlFields.First(fields, "Version");
            if (name is null || version is null)
                continue;
            var status = ControlFields.First(fields, "Status");
            if (status is not null && status.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() != "installed")
                continue;
            yield return new DebianPackage(name, version, ControlFields.First(fields, "Architecture") ?? "all");
        }
    }
}
