namespace Slipway.Containers.Attestations;

/// <summary>What a package says of its licence: an SPDX licence id (<c>MIT</c>), an SPDX expression
/// (<c>MIT OR Apache-2.0</c>), or names that are neither (<c>BSD License</c> from a classifier, free text).</summary>
public sealed record PackageLicense(string? SpdxId, string? Expression, IReadOnlyList<string> Names)
{
    public static PackageLicense Id(string id) => new(id, null, []);

    public static PackageLicense Spdx(string expression) => new(null, expression, []);

    public static PackageLicense Named(IReadOnlyList<string> names) => new(null, null, names);
}
