using System.Collections.Frozen;

namespace Slipway.Containers.Attestations;

/// <summary>Reads a <c>*.dist-info/METADATA</c> file (Python core metadata): name, version and licence.</summary>
internal static class DistributionMetadata
{
    private const string LicenseClassifier = "License ::";

    private static readonly FrozenSet<string> KnownSpdxIds = new[]
    {
        "0BSD", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSL-1.0", "CC0-1.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
        "GPL-3.0-or-later", "ISC", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "MIT", "MIT-0", "MPL-2.0",
        "PSF-2.0", "Python-2.0", "Unlicense", "Zlib",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> ClassifierIds = new Dictionary<string, string>
    {
        ["MIT License"] = "MIT",
        ["MIT No Attribution License (MIT-0)"] = "MIT-0",
        ["ISC License (ISCL)"] = "ISC",
        ["Mozilla Public License 2.0 (MPL 2.0)"] = "MPL-2.0",
        ["The Unlicense (Unlicense)"] = "Unlicense",
        ["Zero-Clause BSD (0BSD)"] = "0BSD",
        ["Boost Software License 1.0 (BSL-1.0)"] = "BSL-1.0",
        ["Python Software Foundation License"] = "PSF-2.0",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The distribution, or null when the file names no name or no version.</summary>
    public static PythonDistribution? Parse(string text)
    {
        var fields = ControlFields.Paragraphs(text, firstOnly: true).FirstOrDefault();
        if (fields is null || ControlFields.First(fields, "Name") is not { } name || ControlFields.First(fields, "Version") is not { } version)
            return null;
        return new PythonDistribution(name, version, License(fields));
    }

    private static PackageLicense? License(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (ControlFields.First(fields, "License-Expression") is { } expression)
            return PackageLicense.Spdx(expression.Trim());
        var text = ControlFields.First(fields, "License")?.Split('\n')[0].Trim();
        if (text is { Length: > 0 } && KnownSpdxIds.TryGetValue(text, out var id))
            return PackageLicense.Id(id);
        var classifiers = ControlFields.All(fields, "Classifier")
            .Where(c => c.StartsWith(LicenseClassifier, StringComparison.Ordinal))
            .Select(c => c.Split("::").Last().Trim())
            .Where(c => c.Length > 0)
            .Distinct()
            .ToList();
        if (classifiers.Count == 1 && ClassifierIds.TryGetValue(classifiers[0], out var fromClassifier))
            return PackageLicense.Id(fromClassifier);
        if (text is { Length: > 0 } && !string.Equals(text, "UNKNOWN", StringComparison.OrdinalIgnoreCase))
            return PackageLicense.Named([text.Length > 200 ? text[..200] : text]);
        return classifiers.Count > 0 ? PackageLicense.Named(classifiers) : null;
    }
}
